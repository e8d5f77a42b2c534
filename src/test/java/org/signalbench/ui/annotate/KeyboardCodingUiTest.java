package org.signalbench.ui.annotate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.signalbench.ui.FakeWorld;
import org.signalbench.ui.importing.PostImporter;
import org.signalbench.ui.main.MainWindow;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** One coder codes ten posts with the keyboard only; every answer is in the database, undo included. */
@ExtendWith(ApplicationExtension.class)
class KeyboardCodingUiTest {
    @TempDir
    static Path dir;
    FakeWorld world;
    Path file;

    @Start
    void start(Stage stage) throws Exception {
        world = new FakeWorld(dir);
        file = dir.resolve("coding-" + System.nanoTime() + ".sqlite");
        AnnotationUi.fill(file, 10);
        MainWindow.open(stage, world.config(file, false, PostImporter.UNAVAILABLE));
    }

    @AfterEach
    void stop() throws Exception {
        world.close();
    }

    private void waitForPost(FxRobot robot, int i) {
        try {
            FakeWorld.waitUntil("post " + i + " shown", () -> AnnotationUi.shownCaption(robot).equals(AnnotationUi.caption(i)));
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "; shown: '" + AnnotationUi.shownCaption(robot) + "', message: '"
                    + robot.lookup("#annotateMessage").queryLabeled().getText() + "', note: '"
                    + robot.lookup("#noteArea").queryTextInputControl().getText() + "', focus: "
                    + robot.lookup("#noteArea").query().getScene().getFocusOwner(), e);
        }
    }

    private static void shift(FxRobot robot, KeyCode code) {
        robot.press(KeyCode.SHIFT).type(code).release(KeyCode.SHIFT);
    }

    private static void undo(FxRobot robot) {
        robot.press(KeyCode.CONTROL).type(KeyCode.Z).release(KeyCode.CONTROL);
    }

    @Test
    void tenPostsByKeyboardAreAllInTheDatabase(FxRobot robot) throws Exception {
        AnnotationUi.openAnnotate(robot, 0);
        AnnotationUi.signIn(robot, "coder_a", "coder");
        assertEquals("0 / 10 done", robot.lookup("#progressLabel").queryLabeled().getText());
        List<String> expected = new ArrayList<>();

        // F1 shows the help overlay with every key; Esc closes it.
        waitForPost(robot, 0);
        robot.type(KeyCode.F1);
        javafx.scene.Node help = robot.lookup("#helpOverlay").query();
        assertTrue(help.isVisible());
        List<String> helpTexts = AnnotationUi.allTexts(robot.lookup("#helpBox").query());
        for (String key : List.of("Y", "N", "1", "5", "C", "Shift+C", "W", "T", "K", "A", "P", "E", "O", "X", "Shift+X",
                "M", "→ or Enter", "←", "S", "Ctrl+Z", "F1 or ?", "Esc")) {
            assertTrue(helpTexts.contains(key), key + " is missing from the help: " + helpTexts);
        }
        robot.type(KeyCode.ESCAPE);
        assertFalse(help.isVisible());

        // Post 0 has an image: category, contact note, two channels, exchange, then the dealer answer moves on.
        waitForPost(robot, 0);
        robot.type(KeyCode.DIGIT1);
        robot.type(KeyCode.C);
        robot.type(KeyCode.W, KeyCode.T);
        robot.type(KeyCode.X);
        FakeWorld.waitUntil("the channels shown as chosen", () ->
                robot.lookup("#answer-channels-wickr").queryAs(ToggleButton.class).isSelected()
                        && robot.lookup("#answer-channels-telegram").queryAs(ToggleButton.class).isSelected());
        robot.type(KeyCode.Y);
        expected.addAll(List.of("post0|image_category|rx_only", "post0|image_contact_note|yes", "post0|channels|wickr",
                "post0|channels|telegram,wickr", "post0|exchange|yes", "post0|dealer|yes"));

        // Post 1: the number pad, Shift+C and a note typed in the note field (M), saved with the dealer answer.
        waitForPost(robot, 1);
        assertEquals("1 / 10 done", robot.lookup("#progressLabel").queryLabeled().getText());
        assertFalse(robot.lookup("#answer-dealer-yes").queryAs(ToggleButton.class).isSelected(), "a new post starts unanswered");
        robot.type(KeyCode.NUMPAD5);
        shift(robot, KeyCode.C);
        robot.type(KeyCode.M).write("menu in the image");
        robot.type(KeyCode.ESCAPE);
        robot.type(KeyCode.N);
        expected.addAll(List.of("post1|image_category|unrelated", "post1|image_contact_note|no", "post1|dealer|no",
                "post1|note|menu in the image"));

        // Post 2: no image, so 1-5 are refused; Shift+X and K, A.
        waitForPost(robot, 2);
        robot.type(KeyCode.DIGIT3);
        robot.type(KeyCode.K, KeyCode.A);
        shift(robot, KeyCode.X);
        robot.type(KeyCode.Y);
        expected.addAll(List.of("post2|channels|kik", "post2|channels|kik,whatsapp", "post2|exchange|no", "post2|dealer|yes"));

        // Post 3: a channel switched on by mistake is undone with Ctrl+Z.
        waitForPost(robot, 3);
        robot.type(KeyCode.W, KeyCode.P);
        undo(robot);
        FakeWorld.waitUntil("phone off again", () -> !robot.lookup("#answer-channels-phone").queryAs(ToggleButton.class).isSelected());
        assertTrue(robot.lookup("#answer-channels-wickr").queryAs(ToggleButton.class).isSelected());
        robot.type(KeyCode.N);
        expected.addAll(List.of("post3|channels|wickr", "post3|channels|phone,wickr", "post3|channels|wickr", "post3|dealer|no"));

        // Post 4: → without a dealer answer stays; S skips it. Post 5 comes next.
        waitForPost(robot, 4);
        robot.type(KeyCode.RIGHT);
        FakeWorld.waitUntil("the dealer reminder", () -> robot.lookup("#annotateMessage").queryLabeled().getText().startsWith("Dealer is required"));
        assertEquals(AnnotationUi.caption(4), AnnotationUi.shownCaption(robot));
        robot.type(KeyCode.S);

        // Post 5: Y moves on, Ctrl+Z brings post 5 back without its answer, N answers it again.
        waitForPost(robot, 5);
        robot.type(KeyCode.Y);
        waitForPost(robot, 6);
        undo(robot);
        waitForPost(robot, 5);
        assertFalse(robot.lookup("#answer-dealer-yes").queryAs(ToggleButton.class).isSelected());
        robot.type(KeyCode.N);
        expected.addAll(List.of("post5|dealer|yes", "post5|dealer|", "post5|dealer|no"));

        // Posts 6-9: dealer only; ← goes back to 8 from 9 and shows its saved answer.
        for (int i = 6; i <= 8; i++) {
            waitForPost(robot, i);
            robot.type(i % 2 == 0 ? KeyCode.Y : KeyCode.N);
            expected.add("post" + i + "|dealer|" + (i % 2 == 0 ? "yes" : "no"));
        }
        waitForPost(robot, 9);
        robot.type(KeyCode.LEFT);
        waitForPost(robot, 8);
        assertTrue(robot.lookup("#answer-dealer-yes").queryAs(ToggleButton.class).isSelected(), "post 8's saved answer");
        robot.type(KeyCode.RIGHT);
        waitForPost(robot, 9);
        robot.type(KeyCode.Y);
        expected.add("post9|dealer|yes");
        FakeWorld.waitUntil("the end of the queue", () -> robot.lookup("#progressLabel").queryLabeled().getText().equals("9 / 10 done"));

        // Back to the skipped post 4 with ←, and answer it.
        robot.type(KeyCode.LEFT);
        waitForPost(robot, 9);
        for (int i = 0; i < 5; i++) {
            robot.type(KeyCode.LEFT);
        }
        waitForPost(robot, 4);
        robot.type(KeyCode.N);
        expected.add("post4|dealer|no");
        waitForPost(robot, 5);
        FakeWorld.waitUntil("all done", () -> robot.lookup("#progressLabel").queryLabeled().getText().equals("10 / 10 done"));

        List<String> rows = AnnotationUi.labelRows(file);
        assertEquals(expected.stream().map(r -> "coder_a|" + r).toList(), rows);
    }
}
