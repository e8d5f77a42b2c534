package org.signalbench.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.signalbench.testing.TestWorkbenches.insertPost;
import static org.signalbench.testing.TestWorkbenches.scalar;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.signalbench.store.Workbench;
import org.signalbench.testing.CliRun;
import org.signalbench.testing.TestWorkbenches;

/** train and score on the command line: results, and exit codes 0 / 1 / 2. */
class FinalModelCommandsTest {
    @TempDir
    static Path dir;
    static String db;

    @BeforeAll
    static void workbench() throws Exception {
        try (Workbench wb = TestWorkbenches.open(dir)) {
            ModelFixtures.fill(wb.connection(), 90, 2);
            for (int i = 0; i < 5; i++) {
                insertPost(wb.connection(), "instagram", "U" + i, "someone", "plug dm order #xanax unlabelled" + i);
            }
            db = wb.file().toString();
        }
    }

    @Test
    void trainThenScore() throws Exception {
        CliRun train = CliRun.of("train", "--db", db, "--model", "svm", "--variant", "with-hashtags", "--param", "svm.cost=2",
                "--seed", "3", "--json");
        assertEquals(0, train.exit(), train.err());
        JsonNode model = new ObjectMapper().readTree(train.out());
        String id = model.get("id").asText();
        assertEquals("svm", model.get("model").asText());
        assertEquals(2.0, model.get("hyperparameters").get("cost").asDouble());
        assertEquals(89, model.get("trainingPosts").asInt());
        assertTrue(Files.isRegularFile(Path.of(model.get("file").asText())));
        // beside the workbench: test.sqlite's data folder test-data/, not the user's data directory
        assertEquals(dir.resolve("test-data").resolve("models").resolve(id + ".zip").toAbsolutePath(),
                Path.of(model.get("file").asText()));
        assertTrue(train.err().contains("training svm on 89 with-hashtags texts"), train.err());

        CliRun score = CliRun.of("score", "--db", db, "--final-model", id, "--json");
        assertEquals(0, score.exit(), score.err());
        JsonNode scored = new ObjectMapper().readTree(score.out());
        assertEquals(6, scored.get("scored").asInt(), "5 unlabelled posts and the disputed one");
        assertEquals(89, scored.get("skippedLabelled").asInt());
        assertEquals(6, scored.get("top").size());
        try (Workbench wb = Workbench.open(Path.of(db))) {
            assertEquals(6, scalar(wb.connection(), "SELECT count(*) FROM post_score WHERE model = ?", id));
        }
        CliRun text = CliRun.of("score", "--db", db, "--file", model.get("file").asText(), "--all");
        assertEquals(0, text.exit(), text.err());
        assertTrue(text.out().startsWith("scored 95 posts with " + id), text.out());
        assertTrue(text.out().contains("highest scores:"), text.out());
    }

    @Test
    void modelsBesideTheWorkbenchMoveWithItAndModelsAtTheFormerPlaceStillScore() throws Exception {
        Path study = dir.resolve("moving").resolve("study.sqlite");
        Files.createDirectories(study.getParent());
        Files.copy(Path.of(db), study);
        CliRun train = CliRun.of("train", "--db", study.toString(), "--model", "dt", "--variant", "no-hashtags", "--json");
        assertEquals(0, train.exit(), train.err());
        String id = new ObjectMapper().readTree(train.out()).get("id").asText();
        Path saved = dir.resolve("moving/study-data/models/" + id + ".zip");
        assertTrue(Files.isRegularFile(saved), saved + " beside the workbench");
        try (Workbench wb = Workbench.open(study)) {
            try (var st = wb.connection().prepareStatement("SELECT file FROM final_model WHERE id = ?")) {
                st.setString(1, id);
                try (var rs = st.executeQuery()) {
                    assertTrue(rs.next());
                    assertEquals(id + ".zip", rs.getString(1), "recorded relative to the workbench's models folder");
                }
            }
        }

        // The workbench moved with its data folder: its model is still found.
        Path moved = dir.resolve("moved");
        Files.move(study.getParent(), moved);
        CliRun afterMove = CliRun.of("score", "--db", moved.resolve("study.sqlite").toString(), "--final-model", id, "--json");
        assertEquals(0, afterMove.exit(), afterMove.err());
        assertEquals(6, new ObjectMapper().readTree(afterMove.out()).get("scored").asInt());

        // A model saved by an earlier SignalBench in the user's data directory (the tests' signalbench.home),
        // recorded by its absolute path.
        // The name is made unique: the folder is shared by every test of the run, and another test may
        // have trained the same model and variant within the same second (ids carry the time to the second).
        Path former = FinalModels.formerDirectory().resolve(System.nanoTime() + "-" + id + ".zip").toAbsolutePath();
        Files.createDirectories(former.getParent());
        Files.move(moved.resolve("study-data/models/" + id + ".zip"), former);
        try (Workbench wb = Workbench.open(moved.resolve("study.sqlite"))) {
            try (var st = wb.connection().prepareStatement("UPDATE final_model SET file = ? WHERE id = ?")) {
                st.setString(1, former.toString());
                st.setString(2, id);
                assertEquals(1, st.executeUpdate());
            }
        }
        CliRun atFormerPlace = CliRun.of("score", "--db", moved.resolve("study.sqlite").toString(), "--final-model", id, "--json");
        assertEquals(0, atFormerPlace.exit(), atFormerPlace.err());
        assertEquals(6, new ObjectMapper().readTree(atFormerPlace.out()).get("scored").asInt());
    }

    @Test
    void exitCodes() throws Exception {
        assertEquals(2, CliRun.of("train", "--db", db, "--model", "nb", "--variant", "with-hashtags").exit(), "unknown model");
        assertEquals(2, CliRun.of("train", "--db", db, "--model", "svm", "--variant", "all").exit(), "unknown variant");
        assertEquals(2, CliRun.of("train", "--db", db, "--model", "svm", "--variant", "no-hashtags", "--param", "svm.depth=3").exit());
        assertEquals(2, CliRun.of("train", "--db", db, "--model", "svm", "--variant", "no-hashtags", "--param", "dt.maxDepth=3").exit());
        assertEquals(2, CliRun.of("train", "--db", db, "--model", "svm", "--variant", "no-hashtags", "--preset", "paper").exit(),
                "presets are the LSTM's");
        assertEquals(2, CliRun.of("score", "--db", db).exit(), "--final-model or --file");
        assertEquals(2, CliRun.of("score", "--db", db, "--final-model", "a", "--file", "b").exit(), "not both");

        CliRun unknown = CliRun.of("score", "--db", db, "--final-model", "no-such-model");
        assertEquals(1, unknown.exit());
        assertTrue(unknown.err().contains("no final model 'no-such-model'"), unknown.err());
        Path notAModel = dir.resolve("notes.txt");
        Files.writeString(notAModel, "hello");
        CliRun bad = CliRun.of("score", "--db", db, "--file", notAModel.toString());
        assertEquals(1, bad.exit());
        assertTrue(bad.err().contains(notAModel.toString()), bad.err());

        Path empty = dir.resolve("empty.sqlite");
        try (Workbench wb = Workbench.open(empty)) {
            insertPost(wb.connection(), "instagram", "X", "someone", "nothing labelled here");
        }
        CliRun noLabels = CliRun.of("train", "--db", empty.toString(), "--model", "dt", "--variant", "no-hashtags");
        assertEquals(1, noLabels.exit());
        assertTrue(noLabels.err().contains("0 dealer and 0 other labelled texts"), noLabels.err());
    }
}
