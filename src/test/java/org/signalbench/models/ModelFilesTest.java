package org.signalbench.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.signalbench.jobs.JobContext;
import org.signalbench.models.baselines.BaselineModel;
import org.signalbench.models.lstm.LstmTrainedModel;
import org.signalbench.preprocess.Preprocessor;
import org.signalbench.preprocess.Variant;
import org.signalbench.store.Workbench;
import org.signalbench.testing.TestWorkbenches;

/** A saved and loaded model scores exactly as it did before saving; bad files are named. */
class ModelFilesTest {
    @TempDir
    static Path dir;
    static List<Example> training = new ArrayList<>();
    static List<Example> test = new ArrayList<>();
    static int dictionarySize;

    @BeforeAll
    static void corpus() throws Exception {
        try (Workbench wb = TestWorkbenches.open(dir)) {
            ModelFixtures.fill(wb.connection(), 120, 5);
            LabeledCorpus corpus = LabeledCorpus.load(org.signalbench.store.Session.over(wb.connection()), Preprocessor.withDefaultStopWords());
            dictionarySize = corpus.dictionarySize();
            List<Example> all = corpus.examples(Variant.WITH_HASHTAGS);
            for (int i = 0; i < all.size(); i++) {
                (i % 4 == 0 ? test : training).add(all.get(i));
            }
        }
    }

    private static void assertSameScoresAfterLoading(TrainedModel model, String name) throws IOException {
        List<Scored> before = model.score(test);
        assertTrue(before.stream().map(Scored::score).distinct().count() > 1, name + ": scores vary, so the check means something");
        Path file = dir.resolve(name + ".zip");
        model.save(file);
        TrainedModel loaded = ModelFiles.load(file);
        assertEquals(before, loaded.score(test), name + ": the same scores, bit for bit, and the same decisions");
    }

    @Test
    void baselinesScoreTheSameAfterSavingAndLoading() throws IOException {
        for (String id : List.of("dt", "rf", "svm", "libsvm")) {
            Map<String, String> overrides = id.equals("rf") ? Map.of("trees", "5") : Map.of();
            TrainedModel model = ModelCatalog.trainer(id, overrides).train(training, dictionarySize, 11, JobContext.NONE);
            assertSameScoresAfterLoading(model, id);
            assertInstanceOf(BaselineModel.class, ModelFiles.load(dir.resolve(id + ".zip")));
            assertEquals(id, ((BaselineModel) ModelFiles.load(dir.resolve(id + ".zip"))).id());
        }
    }

    @Test
    void tinyLstmScoresTheSameAfterSavingAndLoading() throws IOException {
        assertSameScoresAfterLoading(new TinyLstmTrainer().train(training, dictionarySize, 3, JobContext.NONE), "lstm");
        assertInstanceOf(LstmTrainedModel.class, ModelFiles.load(dir.resolve("lstm.zip")));
    }

    @Test
    void aFileThatIsNoModelIsNamedWithTheReason() throws IOException {
        Path text = dir.resolve("notes.txt");
        Files.writeString(text, "not a model");
        IOException e = assertThrows(IOException.class, () -> ModelFiles.load(text));
        assertTrue(e.getMessage().startsWith(text.toString()) && e.getMessage().contains("not a zip archive"), e.getMessage());

        Path zip = dir.resolve("other.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            out.putNextEntry(new ZipEntry("readme.txt"));
            out.write("hello".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            out.closeEntry();
        }
        e = assertThrows(IOException.class, () -> ModelFiles.load(zip));
        assertTrue(e.getMessage().startsWith(zip.toString()) && e.getMessage().contains("neither"), e.getMessage());

        Path missing = dir.resolve("missing.zip");
        e = assertThrows(IOException.class, () -> ModelFiles.load(missing));
        assertTrue(e.getMessage().startsWith(missing.toString()), e.getMessage());

        Path broken = dir.resolve("broken.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(broken))) {
            out.putNextEntry(new ZipEntry(BaselineModel.DESCRIPTION_ENTRY));
            out.write("{\"format\": 1".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            out.closeEntry();
        }
        e = assertThrows(IOException.class, () -> ModelFiles.load(broken));
        assertTrue(e.getMessage().startsWith(broken.toString()), e.getMessage());
    }
}
