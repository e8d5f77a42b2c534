package org.signalbench.ui.main;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.TextArea;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.signalbench.domain.Role;
import org.signalbench.labels.Codebook;
import org.signalbench.labels.LabelStore;
import org.signalbench.store.DataLocations;
import org.signalbench.store.Session;
import org.signalbench.store.Workbench;
import org.signalbench.testing.CliRun;
import org.signalbench.ui.AppConfig;
import org.signalbench.ui.FakeWorld;
import org.signalbench.ui.annotate.AnnotationUi;
import org.signalbench.ui.common.BackgroundExecutor;
import org.signalbench.ui.importing.FileDialogs;
import org.signalbench.ui.importing.PostImporter;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Two laptops from the app (issue 13 item 4): File → Export for a coder… writes the posts and the
 * codebook with no one's answers; the coder's workbench takes them in and its coder file comes back
 * through File → Import a coder's answers…, whose dialog says what was added, unchanged and refused
 * (a file made for another corpus refused whole), and a second import adds nothing.
 */
@ExtendWith(ApplicationExtension.class)
class CoderExchangeUiTest {
    @TempDir
    static Path dir;
    final ExecutorService executor = BackgroundExecutor.create();
    Path study;
    Path forCoder;
    volatile List<Path> filesToImport = List.of();

    @Start
    void start(Stage stage) throws Exception {
        Path here = Files.createDirectories(dir.resolve("t" + System.nanoTime()));
        study = here.resolve("study.sqlite");
        forCoder = here.resolve("for-coder");
        List<Long> ids = AnnotationUi.fill(study, 3);
        try (Workbench wb = Workbench.open(study); LabelStore store = new LabelStore(Session.over(wb.connection()), Codebook.load())) {
            store.saveAnswer(store.coder("coder_a", Role.CODER).id(), ids.get(0), "dealer", "yes", "coder a's note");
        }
        FileDialogs dialogs = new FileDialogs() {
            @Override
            public Optional<Path> chooseFolder(Window owner, String title) {
                return Optional.of(forCoder);
            }

            @Override
            public List<Path> chooseFiles(Window owner, String title) {
                return filesToImport;
            }

            @Override
            public Optional<Path> chooseWorkbenchToOpen(Window owner) {
                return Optional.empty();
            }

            @Override
            public Optional<Path> chooseNewWorkbench(Window owner) {
                return Optional.empty();
            }
        };
        MainWindow.open(stage, new AppConfig(study, false, executor, PostImporter.UNAVAILABLE, () -> here.resolve("sample"), null,
                dialogs));
    }

    @AfterEach
    void stop() throws Exception {
        executor.shutdownNow();
        executor.awaitTermination(5, TimeUnit.SECONDS);
    }

    @Test
    void postsOutToACoderAndTheCodersAnswersBackIn(FxRobot robot) throws Exception {
        FakeWorld.waitUntil("the workbench", () -> robot.listWindows().stream()
                .anyMatch(w -> w instanceof Stage s && s.getTitle() != null && s.getTitle().endsWith(".sqlite")));
        robot.clickOn("#fileMenu").clickOn("#exportForCoderItem");
        Path posts = forCoder.resolve("posts.jsonl");
        Path codebook = forCoder.resolve("codebook.json");
        FakeWorld.waitUntil("the export", () -> Files.exists(posts) && Files.exists(codebook));
        FakeWorld.waitUntil("the confirmation", () -> robot.lookup(".dialog-pane").tryQuery().isPresent());
        assertEquals(1 + 3, Files.readAllLines(posts).size(), "the header and three posts");
        String bundle = Files.readString(posts);
        assertFalse(bundle.contains("coder_a") || bundle.contains("coder a's note"), "no one else's answers travel");
        try (InputStream shipped = DataLocations.openResource(Codebook.RESOURCE)) {
            assertEquals(new String(shipped.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8), Files.readString(codebook));
        }
        robot.clickOn("OK");

        // the coder's laptop: a workbench of the bundle, three answers, the coder file
        Path coderDb = forCoder.resolveSibling("coding.sqlite");
        CliRun imported = CliRun.of("import", "--db", coderDb.toString(), posts.toString());
        assertEquals(0, imported.exit(), imported.err());
        try (Workbench wb = Workbench.open(coderDb); LabelStore store = new LabelStore(Session.over(wb.connection()), Codebook.load())) {
            long coderB = store.coder("coder_b", Role.CODER).id();
            String[] answers = {"yes", "no", "yes"};
            for (int i = 0; i < 3; i++) {
                long post = Session.over(wb.connection()).postId(org.signalbench.domain.Platform.INSTAGRAM, "post" + i).orElseThrow();
                store.saveAnswer(coderB, post, "dealer", answers[i], null);
            }
        }
        Path coderFile = forCoder.resolveSibling("coder-b.json");
        CliRun exported = CliRun.of("labels", "export", "--db", coderDb.toString(), "--coder", "coder_b", "--out", coderFile.toString());
        assertEquals(0, exported.exit(), exported.err());
        // the same file made for other posts: its fingerprint no longer matches
        Path foreign = forCoder.resolveSibling("foreign.json");
        String text = Files.readString(coderFile);
        String sha = text.replaceFirst("(?s).*\"sha256\"\\s*:\\s*\"([0-9a-f]{64})\".*", "$1");
        Files.writeString(foreign, text.replace(sha, "0".repeat(64)));

        filesToImport = List.of(coderFile, foreign);
        robot.clickOn("#fileMenu").clickOn("#importCoderAnswersItem");
        String outcome = outcome(robot);
        assertTrue(outcome.startsWith("coder-b.json: 3 added, 0 unchanged, 0 refused"), outcome);
        assertTrue(outcome.contains("foreign.json: refused, nothing taken\n  " + foreign + ": made for a different corpus"), outcome);
        try (Workbench wb = Workbench.open(study); LabelStore store = new LabelStore(Session.over(wb.connection()), Codebook.load())) {
            var coderB = store.coder("coder_b", Role.CODER);
            long post1 = Session.over(wb.connection()).postId(org.signalbench.domain.Platform.INSTAGRAM, "post1").orElseThrow();
            assertEquals("no", store.latest(coderB, post1, "dealer").orElseThrow().value());
        }
        robot.clickOn("OK");

        filesToImport = List.of(coderFile);
        robot.clickOn("#fileMenu").clickOn("#importCoderAnswersItem");
        outcome = outcome(robot);
        assertEquals("coder-b.json: 0 added, 3 unchanged, 0 refused", outcome);
        robot.clickOn("OK");

        // File → Export my answers…: the signed-in person's coder file, the same as `labels export` writes
        robot.clickOn("Annotate");
        AnnotationUi.signIn(robot, "coder_b", "coder");
        robot.clickOn("#fileMenu").clickOn("#exportMyAnswersItem");
        Path mine = forCoder.resolve("coder_b-answers.json");
        FakeWorld.waitUntil("the answers file", () -> Files.exists(mine));
        Path viaCli = forCoder.resolveSibling("coder-b-again.json");
        assertEquals(0, CliRun.of("labels", "export", "--db", study.toString(), "--coder", "coder_b", "--out", viaCli.toString()).exit());
        var json = new com.fasterxml.jackson.databind.ObjectMapper();
        var fromApp = json.readTree(mine.toFile());
        var fromCli = json.readTree(viaCli.toFile());
        assertEquals(fromCli.get("answers"), fromApp.get("answers"));
        assertEquals(fromCli.get("corpus"), fromApp.get("corpus"));
        assertEquals(3, fromApp.get("answers").size());
    }

    private static String outcome(FxRobot robot) {
        FakeWorld.waitUntil("the import's outcome", () -> robot.lookup("#coderImportOutcome").tryQuery().isPresent());
        return robot.lookup("#coderImportOutcome").queryAs(TextArea.class).getText();
    }
}
