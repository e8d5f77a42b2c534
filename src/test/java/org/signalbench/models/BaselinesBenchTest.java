package org.signalbench.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.signalbench.models.baselines.SvmLightExport;
import org.signalbench.store.Workbench;
import org.signalbench.testing.CliRun;

/** The TF-IDF document-frequency floor, the svmlight export for the scikit-learn reference, and {@code bench baselines}. */
class BaselinesBenchTest {
    @TempDir
    static Path dir;
    static String db;

    @BeforeAll
    static void workbench() throws Exception {
        db = ModelFixtures.filledDatabase(dir, 120, 5);
    }

    private static Example text(long id, boolean dealer, String... words) {
        int[] indices = new int[words.length];
        for (int i = 0; i < words.length; i++) {
            indices[i] = i + 1;
        }
        return new Example(id, List.of(words), indices, dealer);
    }

    @Test
    void documentFrequencyFloorKeepsExactlyTheWordsInEnoughTexts() {
        // df: a 3, b 2, c 1, d 1 (three times in one text is still one text), e 1; N = 4
        List<Example> training = List.of(text(1, true, "a", "b", "c"), text(2, false, "a", "b"),
                text(3, true, "a", "d", "d", "d"), text(4, false, "e"));
        assertEquals(List.of("a", "b", "c", "d", "e"), TfIdf.fit(training, 1).vocabulary());
        TfIdf floor2 = TfIdf.fit(training, 2);
        assertEquals(List.of("a", "b"), floor2.vocabulary());
        assertEquals(Math.log(5.0 / 4) + 1, floor2.idf("a"), 1e-12, "idf still counts all N = 4 training texts");
        assertEquals(Math.log(5.0 / 3) + 1, floor2.idf("b"), 1e-12);
        assertTrue(Double.isNaN(floor2.idf("d")));
        // dropped words take no part in the length normalisation: text 3 is just "a", length 1
        TfIdf.Vector v = floor2.transform(training.get(2));
        assertEquals(List.of("a"), List.of(v.names()));
        assertEquals(1.0, v.values()[0], 1e-12);
        assertEquals(0, floor2.column("a"));
        assertEquals(1, floor2.column("b"));
        assertEquals(-1, floor2.column("c"));
        assertEquals(List.of("a"), TfIdf.fit(training, 3).vocabulary());
        assertEquals(List.of(), TfIdf.fit(training, 4).vocabulary());
    }

    @Test
    void minDfIsAnEditableHyperparameterOfEveryBaseline() {
        assertEquals(5, ModelCatalog.defaults("dt").get("minDf"));
        assertEquals(5, ModelCatalog.defaults("rf").get("minDf"));
        assertEquals(1, ModelCatalog.defaults("svm").get("minDf"));
        assertEquals(1, ModelCatalog.defaults("libsvm").get("minDf"));
        assertEquals(2, ModelCatalog.trainer("dt", Map.of("minDf", "2")).hyperparameters().get("minDf"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ModelCatalog.trainer("svm", Map.of("minDf", "0")));
        assertTrue(e.getMessage().contains("svm.minDf"), e.getMessage());
    }

    @Test
    void exportedRowsEqualTheTfIdfVectors() throws Exception {
        List<Example> training = List.of(text(10, true, "plug", "dm", "#xanax", "dm"), text(11, false, "beach", "sunset"),
                text(12, true, "plug", "#xanax", "menu"), text(13, false, "beach", "dm", "coffee"));
        List<Example> test = List.of(text(20, true, "dm", "plug", "unseen"), text(21, false, "nothing", "known"));
        TfIdf tfIdf = TfIdf.fit(training, 2);
        Path file = dir.resolve("export-test").resolve("rows.svmlight");
        SvmLightExport.write(tfIdf, test, file);
        List<String> lines = Files.readAllLines(file);
        assertEquals(test.size(), lines.size(), "one row per text, also for a text with no known word");
        for (int i = 0; i < test.size(); i++) {
            Example e = test.get(i);
            String[] commentSplit = lines.get(i).split(" # ");
            assertEquals("post " + e.postId(), commentSplit[1]);
            String[] parts = commentSplit[0].split(" ");
            assertEquals(e.dealer() ? "1" : "0", parts[0]);
            Map<String, Double> written = new TreeMap<>();
            int lastColumn = 0;
            for (int p = 1; p < parts.length; p++) {
                int column = Integer.parseInt(parts[p].substring(0, parts[p].indexOf(':')));
                assertTrue(column > lastColumn, "columns 1-based and ascending: " + lines.get(i));
                lastColumn = column;
                written.put(tfIdf.vocabulary().get(column - 1), Double.parseDouble(parts[p].substring(parts[p].indexOf(':') + 1)));
            }
            TfIdf.Vector v = tfIdf.transform(e);
            Map<String, Double> expected = new TreeMap<>();
            for (int k = 0; k < v.names().length; k++) {
                expected.put(v.names()[k], v.values()[k]);
            }
            assertEquals(expected, written, "the exact doubles of the vector TfIdf gives the model");
        }
        assertEquals(List.of("beach", "dm", "plug", "#xanax").stream().sorted().toList(), tfIdf.vocabulary());
        assertEquals("0 # post 21", lines.get(1));
    }

    @Test
    void jsonHasOneRowPerModelAndVariantWithNullReferenceWhenAskedForNone() throws Exception {
        CliRun run = CliRun.of("bench", "baselines", "--db", db, "--models", "dt,svm", "--variants", "with-hashtags,no-hashtags",
                "--folds", "3", "--no-reference", "--json");
        assertEquals(0, run.exit(), run.err());
        JsonNode json = new ObjectMapper().readTree(run.out());
        List<String> cells = new ArrayList<>();
        for (JsonNode row : json.get("rows")) {
            cells.add(row.get("model").asText() + "/" + row.get("variant").asText());
            assertTrue(row.get("seconds").isNumber() && row.get("seconds").asDouble() > 0, row.toString());
            assertTrue(row.get("referenceSeconds").isNull(), row.toString());
            assertTrue(row.get("ratio").isNull(), row.toString());
            double f1 = row.get("f1").asDouble();
            assertTrue(f1 > 0.5 && f1 <= 1, "the fixture is learnable: " + row);
        }
        assertEquals(List.of("dt/with-hashtags", "dt/no-hashtags", "svm/with-hashtags", "svm/no-hashtags"), cells);
        assertTrue(json.get("reference").isNull());
        assertEquals(3, json.get("folds").asInt());
    }

    @Test
    void withoutScikitLearnItSaysHowToInstallItAndStillExports() throws Exception {
        Path export = dir.resolve("export");
        CliRun run = CliRun.of("bench", "baselines", "--db", db, "--models", "dt,svm", "--variants", "hashtags-only",
                "--folds", "3", "--python", dir.resolve("no-such-python").toString(), "--export", export.toString(), "--json");
        assertEquals(0, run.exit(), run.err());
        assertTrue(run.err().contains("apt-get install python3-sklearn"), run.err());
        JsonNode json = new ObjectMapper().readTree(run.out());
        for (JsonNode row : json.get("rows")) {
            assertTrue(row.get("referenceSeconds").isNull() && row.get("ratio").isNull(), row.toString());
        }
        JsonNode manifest = new ObjectMapper().readTree(export.resolve("manifest.json").toFile());
        assertEquals(3, manifest.get("folds").asInt());
        Map<String, String> matricesOf = new LinkedHashMap<>();
        for (JsonNode r : manifest.get("runs")) {
            matricesOf.put(r.get("model").asText(), r.get("matrices").asText());
            assertEquals(r.get("hyperparameters").get("minDf").asInt(), r.get("model").asText().equals("dt") ? 5 : 1);
        }
        assertEquals(Map.of("dt", "hashtags-only/min-df-5", "svm", "hashtags-only/min-df-1"), matricesOf);
        for (JsonNode m : manifest.get("matrices")) {
            assertEquals(3, m.get("features").size());
            long tested = 0;
            for (int fold = 1; fold <= 3; fold++) {
                Path folder = export.resolve(m.get("path").asText());
                long train = Files.readAllLines(folder.resolve("fold-0" + fold + "-train.svmlight")).size();
                long test = Files.readAllLines(folder.resolve("fold-0" + fold + "-test.svmlight")).size();
                assertTrue(train > 0 && train + test <= m.get("texts").asLong(), m.toString());
                tested += test;
            }
            assertEquals(m.get("texts").asLong(), tested, "every text is tested once");
        }
    }

    @Test
    void hyperparametersKeepTheirDocumentedOrder() {
        assertEquals(java.util.List.of("trees", "maxDepth", "minChildWeight", "featureFraction", "minDf"),
                java.util.List.copyOf(ModelCatalog.trainer("rf", java.util.Map.of("trees", "7")).hyperparameters().keySet()));
        assertEquals(java.util.List.of("maxDepth", "minChildWeight", "minImpurityDecrease", "minDf"),
                java.util.List.copyOf(ModelCatalog.defaults("dt").keySet()));
    }
}
