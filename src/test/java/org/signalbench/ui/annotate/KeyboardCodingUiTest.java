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

/**
 * One coder codes ten posts with the keyboard only, every follow-up question included; every answer
 * is in the database on the post it was given for, undo included. Typing outside the coding panel
 * codes nothing.
 */
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

    private void waitForMessage(FxRobot robot, String start) {
        FakeWorld.waitUntil("the message '" + start + "'", () -> robot.lookup("#annotateMessage").queryLabeled().getText().startsWith(start));
    }

    @Test
    void tenPostsByKeyboardWithEveryQuestionAreAllInTheDatabase(FxRobot robot) throws Exception {
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
        for (String key : List.of("Y", "N", "1", "5", "C", "Shift+C", "W", "T", "K", "A", "P", "E", "O", "0", "X", "Shift+X",
                "M", "→ or Enter", "←", "S", "Ctrl+Z", "F1 or ?", "Esc")) {
            assertTrue(helpTexts.contains(key), key + " is missing from the help: " + helpTexts);
        }
        assertTrue(helpTexts.stream().anyMatch(t -> t.startsWith("Drug dealer post: Yes") && t.contains("moves on only if no question")),
                "the help says when Y moves on: " + helpTexts);
        robot.type(KeyCode.ESCAPE);
        assertFalse(help.isVisible());

        // Post 0 has an image: category, contact note, two channels, exchange, then the dealer answer completes it and moves on.
        waitForPost(robot, 0);
        assertTrue(robot.lookup("#answeringForLabel").queryLabeled().getText().contains("post0"));
        robot.type(KeyCode.DIGIT1);
        robot.type(KeyCode.C);
        robot.type(KeyCode.W, KeyCode.T);
        robot.type(KeyCode.X);
        robot.type(KeyCode.Y);
        expected.addAll(List.of("post0|image_category|rx_only", "post0|image_contact_note|yes", "post0|channels|wickr",
                "post0|channels|telegram,wickr", "post0|exchange|yes", "post0|dealer|yes"));

        // Post 1: the dealer answer first does not move on while questions are open; the number pad, Shift+C,
        // a note (M), 0 for no channel and Shift+X, which completes the post.
        waitForPost(robot, 1);
        assertEquals("1 / 10 done", robot.lookup("#progressLabel").queryLabeled().getText());
        assertFalse(robot.lookup("#answer-dealer-yes").queryAs(ToggleButton.class).isSelected(), "a new post starts unanswered");
        robot.type(KeyCode.M).write("menu in the image");
        robot.type(KeyCode.ESCAPE);
        robot.type(KeyCode.N);
        waitForMessage(robot, "Saved Drug dealer post = no on post 2 of 10 (instagram post1). Still open:");
        assertEquals(AnnotationUi.caption(1), AnnotationUi.shownCaption(robot));
        robot.type(KeyCode.NUMPAD5);
        shift(robot, KeyCode.C);
        robot.type(KeyCode.DIGIT0);
        shift(robot, KeyCode.X);
        expected.addAll(List.of("post1|dealer|no", "post1|note|menu in the image", "post1|image_category|unrelated",
                "post1|image_contact_note|no", "post1|channels|none", "post1|exchange|no"));

        // Post 2, no image: 1-5 are refused; Y, P, Enter lands on this one post, then post 3 shows.
        waitForPost(robot, 2);
        robot.type(KeyCode.DIGIT3);
        robot.type(KeyCode.Y, KeyCode.P, KeyCode.ENTER);
        expected.addAll(List.of("post2|dealer|yes", "post2|channels|phone"));

        // Post 3: K, A, Shift+X, Y complete it.
        waitForPost(robot, 3);
        robot.type(KeyCode.K, KeyCode.A);
        shift(robot, KeyCode.X);
        robot.type(KeyCode.Y);
        expected.addAll(List.of("post3|channels|kik", "post3|channels|kik,whatsapp", "post3|exchange|no", "post3|dealer|yes"));

        // Post 4: a channel switched on by mistake is undone with Ctrl+Z; N, then X completes the post.
        waitForPost(robot, 4);
        robot.type(KeyCode.W, KeyCode.P);
        undo(robot);
        FakeWorld.waitUntil("phone off again", () -> !robot.lookup("#answer-channels-phone").queryAs(ToggleButton.class).isSelected());
        assertTrue(robot.lookup("#answer-channels-wickr").queryAs(ToggleButton.class).isSelected());
        robot.type(KeyCode.N, KeyCode.X);
        expected.addAll(List.of("post4|channels|wickr", "post4|channels|phone,wickr", "post4|channels|wickr", "post4|dealer|no",
                "post4|exchange|yes"));

        // Post 5: → without a dealer answer stays; S skips it. Post 6 comes next.
        waitForPost(robot, 5);
        robot.type(KeyCode.RIGHT);
        waitForMessage(robot, "Dealer is required");
        assertEquals(AnnotationUi.caption(5), AnnotationUi.shownCaption(robot));
        robot.type(KeyCode.S);

        // Post 6: Y, 0, X complete it and move on; Ctrl+Z brings post 6 back without its exchange answer; Shift+X answers again.
        waitForPost(robot, 6);
        robot.type(KeyCode.Y, KeyCode.DIGIT0, KeyCode.X);
        waitForPost(robot, 7);
        undo(robot);
        waitForPost(robot, 6);
        assertFalse(robot.lookup("#answer-exchange-yes").queryAs(ToggleButton.class).isSelected());
        assertTrue(robot.lookup("#answer-dealer-yes").queryAs(ToggleButton.class).isSelected());
        shift(robot, KeyCode.X);
        expected.addAll(List.of("post6|dealer|yes", "post6|channels|none", "post6|exchange|yes", "post6|exchange|", "post6|exchange|no"));

        // Posts 7-9: every question, in varying order; ← goes back to 8 from 9 and shows its saved answers.
        for (int i = 7; i <= 8; i++) {
            waitForPost(robot, i);
            robot.type(KeyCode.E);
            shift(robot, KeyCode.X);
            robot.type(i % 2 == 0 ? KeyCode.Y : KeyCode.N);
            expected.addAll(List.of("post" + i + "|channels|email", "post" + i + "|exchange|no", "post" + i + "|dealer|" + (i % 2 == 0 ? "yes" : "no")));
        }
        waitForPost(robot, 9);
        robot.type(KeyCode.LEFT);
        waitForPost(robot, 8);
        assertTrue(robot.lookup("#answer-dealer-yes").queryAs(ToggleButton.class).isSelected(), "post 8's saved answer");
        assertTrue(robot.lookup("#answer-channels-email").queryAs(ToggleButton.class).isSelected(), "post 8's saved channel");
        robot.type(KeyCode.RIGHT);
        waitForPost(robot, 9);
        robot.type(KeyCode.O, KeyCode.Y, KeyCode.X);
        expected.addAll(List.of("post9|channels|other", "post9|dealer|yes", "post9|exchange|yes"));
        FakeWorld.waitUntil("the end of the queue", () -> robot.lookup("#progressLabel").queryLabeled().getText().equals("9 / 10 done"));

        // Back to the skipped post 5 with ←, answer the dealer question and move on with Enter.
        robot.type(KeyCode.LEFT);
        waitForPost(robot, 9);
        for (int i = 0; i < 4; i++) {
            robot.type(KeyCode.LEFT);
        }
        waitForPost(robot, 5);
        robot.type(KeyCode.N, KeyCode.ENTER);
        expected.add("post5|dealer|no");
        waitForPost(robot, 6);
        FakeWorld.waitUntil("all done", () -> robot.lookup("#progressLabel").queryLabeled().getText().equals("10 / 10 done"));

        List<String> rows = AnnotationUi.labelRows(file);
        assertEquals(expected.stream().map(r -> "coder_a|" + r).toList(), rows);
    }

    @Test
    void yPEnterLandsOnOnePostAndTypingOutsideThePanelCodesNothing(FxRobot robot) throws Exception {
        AnnotationUi.openAnnotate(robot, 0);
        AnnotationUi.signIn(robot, "coder_b", "coder");
        waitForPost(robot, 0);

        // Typed ahead without waiting: all three act on post 0, then post 1 shows.
        robot.type(KeyCode.Y, KeyCode.P, KeyCode.ENTER);
        waitForPost(robot, 1);
        assertEquals(List.of("coder_b|post0|dealer|yes", "coder_b|post0|channels|phone"), AnnotationUi.labelRows(file));
        assertTrue(robot.lookup("#answeringForLabel").queryLabeled().getText().contains("post1"));

        // A click on the queue bar takes the keys away from the panel: typing there codes nothing.
        robot.clickOn("#positionLabel");
        FakeWorld.waitUntil("keys off", () -> robot.lookup("#keysStateLabel").queryLabeled().getText().startsWith("Keys are off"));
        robot.write("roxy and netflix");
        robot.type(KeyCode.Y, KeyCode.N, KeyCode.ENTER, KeyCode.S, KeyCode.DIGIT0);
        // Typing into the queue's caption filter codes nothing either.
        robot.interact(() -> robot.lookup("#queueTextField").query().requestFocus());
        robot.write("yxpw");
        robot.sleep(300);
        assertEquals(AnnotationUi.caption(1), AnnotationUi.shownCaption(robot));
        assertEquals(List.of("coder_b|post0|dealer|yes", "coder_b|post0|channels|phone"), AnnotationUi.labelRows(file));
        assertFalse(robot.lookup("#answer-dealer-yes").queryAs(ToggleButton.class).isSelected());

        // A click on the post gives the keys back; Y codes post 1.
        robot.clickOn("#answeringForLabel");
        FakeWorld.waitUntil("keys on", () -> robot.lookup("#keysStateLabel").queryLabeled().getText().startsWith("Keys code"));
        robot.type(KeyCode.Y);
        waitForMessage(robot, "Saved Drug dealer post = yes on post 2 of 10 (instagram post1).");
        assertEquals(List.of("coder_b|post0|dealer|yes", "coder_b|post0|channels|phone", "coder_b|post1|dealer|yes"),
                AnnotationUi.labelRows(file));
    }
}
