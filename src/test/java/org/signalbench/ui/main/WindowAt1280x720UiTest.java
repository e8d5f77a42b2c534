package org.signalbench.ui.main;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Labeled;
import javafx.scene.control.TitledPane;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.signalbench.domain.Role;
import org.signalbench.ui.FakeWorld;
import org.signalbench.ui.annotate.AnnotationUi;
import org.signalbench.ui.importing.PostImporter;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The window at 1280×720: the Annotate bar (queue controls, position, progress, keys button) and the
 * top of the questions (which post, navigation, the auto-advance box) are inside the window and
 * none of their labels is cut short; the jobs panel is closed once the start-up jobs are done; the
 * window remembers its size, the dividers, the last person and the Models settings.
 */
@ExtendWith(ApplicationExtension.class)
class WindowAt1280x720UiTest {
    @TempDir
    static Path dir;
    FakeWorld world;
    Stage stage;
    MainWindow window;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        world = new FakeWorld(dir);
        Path file = dir.resolve("window-" + System.nanoTime() + ".sqlite");
        AnnotationUi.fill(file, 3);
        window = MainWindow.open(stage, world.config(file, false, PostImporter.UNAVAILABLE));
        stage.setWidth(1280);
        stage.setHeight(720);
    }

    @AfterEach
    void stop() throws Exception {
        world.close();
    }

    /** Labels whose text JavaFX shortened with an ellipsis, below {@code root}. */
    private static List<String> truncated(Parent root) {
        List<String> cut = new ArrayList<>();
        collect(root, cut);
        return cut;
    }

    private static void collect(Node node, List<String> cut) {
        if (!node.isVisible()) {
            return; // a hidden control (the study choice of a workbench without a link review) shows nothing to cut
        }
        if (node instanceof Labeled l && l.isVisible() && l.getText() != null && !l.getText().isEmpty() && !l.isWrapText()) {
            Node shown = l.lookup(".text");
            if (shown instanceof Text t && !t.getText().equals(l.getText())) {
                cut.add(l.getText() + " shown as " + t.getText());
            }
        }
        if (node instanceof Parent p) {
            p.getChildrenUnmodifiable().forEach(c -> collect(c, cut));
        }
    }

    private static void assertInside(FxRobot robot, String id) {
        Node node = robot.lookup(id).query();
        assertTrue(node.isVisible(), id + " hidden");
        Bounds b = node.localToScene(node.getBoundsInLocal());
        Scene scene = node.getScene();
        assertTrue(b.getMinX() >= 0 && b.getMaxX() <= scene.getWidth() + 0.5 && b.getMinY() >= 0 && b.getMaxY() <= scene.getHeight() + 0.5,
                id + " at " + b + " is outside the " + scene.getWidth() + "×" + scene.getHeight() + " window");
        assertTrue(b.getWidth() > 0 && b.getHeight() > 0, id + " has no room");
    }

    @Test
    void annotateFitsAt1280x720AndTheWindowRemembers(FxRobot robot) throws Exception {
        assertEquals(1280, stage.getWidth(), 0.5);
        assertEquals(720, stage.getHeight(), 0.5);
        AnnotationUi.openAnnotate(robot, 0);
        AnnotationUi.signIn(robot, "coder_a", "coder");
        FakeWorld.waitUntil("the first post", () -> AnnotationUi.shownCaption(robot).equals(AnnotationUi.caption(0)));
        for (String id : List.of("#switchCoderButton", "#queueCollectionBox", "#queueTextField", "#scoreModelBox", "#scoreOrderBox",
                "#applyQueueButton", "#positionLabel", "#progressBar", "#progressLabel", "#helpButton", "#answeringForLabel",
                "#keysStateLabel", "#previousButton", "#skipButton", "#nextButton", "#undoButton", "#advanceBox", "#answer-dealer-yes")) {
            assertInside(robot, id);
        }
        assertEquals(List.of(), truncated((Parent) robot.lookup("#sessionBar").query()), "cut-off labels in the Annotate bar");
        assertEquals(List.of(), truncated((Parent) robot.lookup("#questionsBox").query()), "cut-off labels in the questions");

        // The jobs panel is closed once nothing runs (it opened on every start before).
        FakeWorld.waitUntil("no job running", () -> robot.lookup("#statusJobs").queryLabeled().getText().equals("No jobs running"));
        robot.sleep(800);
        assertFalse(robot.lookup("#jobsPane").queryAs(TitledPane.class).isExpanded(), "the jobs panel is open with no job");

        // What the window remembers, written to its file and read back into another window's settings.
        Path file = dir.resolve("window.properties");
        WindowSettings settings = new WindowSettings(file);
        robot.interact(() -> {
            window.annotateSplit().setDividerPositions(0.5);
            window.models().foldsProperty().set(3);
            settings.capture(stage, window);
            settings.save();
        });
        assertTrue(Files.exists(file));
        WindowSettings read = new WindowSettings(file);
        assertEquals("1280.0", read.get("window.width"));
        assertEquals("720.0", read.get("window.height"));
        assertEquals("coder_a", read.get("person.name"));
        assertEquals("coder", read.get("person.role"));
        assertEquals(0.5, Double.parseDouble(read.get("divider.coding")), 0.02);
        assertEquals("3", read.get("models.folds"));

        // Restored: the size, the Models settings, and the name filled in after signing out.
        robot.clickOn("#switchCoderButton");
        robot.interact(() -> {
            stage.setWidth(1100);
            window.models().foldsProperty().set(10);
            read.restore(stage, window);
        });
        assertEquals(1280, stage.getWidth(), 0.5);
        assertEquals(3, window.models().foldsProperty().get());
        FakeWorld.waitUntil("the name filled in", () -> "coder_a".equals(robot.lookup("#coderNameBox").queryComboBox().getEditor().getText()));
        assertEquals(Role.CODER, robot.lookup("#roleBox").queryAs(javafx.scene.control.ChoiceBox.class).getValue());
    }
}
