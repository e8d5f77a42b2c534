package org.signalbench.ui.main;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.signalbench.domain.Role;
import org.signalbench.labels.Codebook;
import org.signalbench.labels.LabelStore;
import org.signalbench.store.Workbench;
import org.signalbench.ui.FakeWorld;
import org.signalbench.ui.annotate.AnnotationUi;
import org.signalbench.ui.importing.PostImporter;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** File → Export labels → Final labels writes the same table as {@code export --format final-labels}, with its codebook and scripts. */
@ExtendWith(ApplicationExtension.class)
class LabelExportUiTest {
    @TempDir
    static Path dir;
    FakeWorld world;
    Path file;

    @Start
    void start(Stage stage) throws Exception {
        world = new FakeWorld(dir);
        file = dir.resolve("study.sqlite");
        List<Long> ids = AnnotationUi.fill(file, 3);
        try (Workbench wb = Workbench.open(file); LabelStore store = new LabelStore(org.signalbench.store.Session.over(wb.connection()), Codebook.load())) {
            long a = store.coder("coder_a", Role.CODER).id();
            long b = store.coder("coder_b", Role.CODER).id();
            store.saveAnswer(a, ids.get(0), "dealer", "yes", null);
            store.saveAnswer(b, ids.get(0), "dealer", "yes", null);
            store.saveAnswer(a, ids.get(1), "dealer", "yes", null);
            store.saveAnswer(b, ids.get(1), "dealer", "no", null);
        }
        MainWindow.open(stage, world.config(file, false, PostImporter.UNAVAILABLE));
    }

    @AfterEach
    void stop() throws Exception {
        world.close();
    }

    @Test
    void finalLabelsFromTheFileMenu(FxRobot robot) throws Exception {
        FakeWorld.waitUntil("the workbench", () -> robot.listWindows().stream()
                .anyMatch(w -> w instanceof Stage s && s.getTitle() != null && s.getTitle().endsWith(".sqlite")));
        robot.clickOn("#fileMenu").clickOn("#exportLabelsMenu").clickOn("#exportFinalLabelsItem");
        Path out = dir.resolve("exports/study-final-labels.csv");
        Path scripts = dir.resolve("exports/study-final-labels.sps");
        FakeWorld.waitUntil("the export", () -> Files.exists(out) && Files.exists(scripts));
        List<String> lines = Files.readAllLines(out);
        assertEquals(4, lines.size(), lines.toString());
        assertTrue(lines.get(0).startsWith("platform,external_id,dealer,dealer_source,"), lines.get(0));
        assertTrue(lines.get(1).startsWith("instagram,post0,yes,agreed,"), lines.get(1));
        assertTrue(lines.get(2).startsWith("instagram,post1,,disputed,"), lines.get(2));
        assertTrue(lines.get(3).startsWith("instagram,post2,,uncoded,"), lines.get(3));
        assertTrue(Files.exists(dir.resolve("exports/study-final-labels-codebook.csv")));
        FakeWorld.waitUntil("the confirmation", () -> robot.lookup(".dialog-pane").tryQuery().isPresent());
    }
}
