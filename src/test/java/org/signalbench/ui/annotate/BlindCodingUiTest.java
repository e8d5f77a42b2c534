package org.signalbench.ui.annotate;

import org.signalbench.testing.Labelling;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.TextArea;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.signalbench.domain.Role;
import org.signalbench.labels.LabelStore;
import org.signalbench.store.Workbench;
import org.signalbench.ui.FakeWorld;
import org.signalbench.ui.importing.PostImporter;
import org.signalbench.ui.main.MainWindow;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Coder B never sees what coder A answered: not in Annotate, and the expert-only views stay closed. */
@ExtendWith(ApplicationExtension.class)
class BlindCodingUiTest {
    private static final String SECRET_NOTE = "coder-a-private-note";

    @TempDir
    static Path dir;
    FakeWorld world;
    Path file;
    Stage stage;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        world = new FakeWorld(dir);
        file = dir.resolve("blind-" + System.nanoTime() + ".sqlite");
        List<Long> ids = AnnotationUi.fill(file, 3);
        try (Workbench workbench = Workbench.open(file)) {
            LabelStore store = Labelling.labelStore(workbench.connection());
            long a = store.coder("coder_a", Role.CODER).id();
            long b = store.coder("coder_b", Role.CODER).id();
            // coder_a answered every question on post0 and post1; coder_b disagrees on post1, so it is disputed.
            for (int i = 0; i < 2; i++) {
                store.saveAnswer(a, ids.get(i), "image_category", "both", null);
                store.saveAnswer(a, ids.get(i), "image_contact_note", "yes", null);
                store.saveAnswer(a, ids.get(i), "channels", "wickr,kik,telegram", null);
                store.saveAnswer(a, ids.get(i), "exchange", "yes", null);
                store.saveAnswer(a, ids.get(i), "dealer", "yes", SECRET_NOTE);
            }
            store.saveAnswer(b, ids.get(1), "dealer", "no", null);
        }
        MainWindow.open(stage, world.config(file, false, PostImporter.UNAVAILABLE));
    }

    @AfterEach
    void stop() throws Exception {
        world.close();
    }

    @Test
    void coderBSeesNoneOfCoderAsAnswers(FxRobot robot) {
        AnnotationUi.openAnnotate(robot, 2);
        AnnotationUi.signIn(robot, "coder_b", "coder");
        // B's own unanswered posts come first: post0 and post2, then post1 which B answered.
        FakeWorld.waitUntil("post0", () -> AnnotationUi.shownCaption(robot).equals(AnnotationUi.caption(0)));
        assertEquals("1 / 3 done", robot.lookup("#progressLabel").queryLabeled().getText());
        assertNothingOfCoderA(robot);

        robot.type(KeyCode.S);
        FakeWorld.waitUntil("post2", () -> AnnotationUi.shownCaption(robot).equals(AnnotationUi.caption(2)));
        robot.type(KeyCode.S);
        FakeWorld.waitUntil("post1", () -> AnnotationUi.shownCaption(robot).equals(AnnotationUi.caption(1)));
        // On post1 B sees B's own answer, and only that.
        assertTrue(robot.lookup("#answer-dealer-no").queryAs(ToggleButton.class).isSelected());
        assertNothingOfCoderA(robot);

        // The views that show other coders' answers stay closed to a coder.
        for (String tab : List.of("Agreement", "Adjudicate", "Findings", "Models")) {
            robot.clickOn(tab);
            assertTrue(robot.lookup("#annotateView").tryQuery().isPresent(), tab + " opened for a coder");
            assertTrue(robot.lookup("#pairTable").tryQuery().isEmpty() && robot.lookup("#disputeTable").tryQuery().isEmpty());
        }
        assertTrue(AnnotationUi.allTexts(stage.getScene().getRoot()).stream().noneMatch(t -> t.contains(SECRET_NOTE)));
        assertNothingOfCoderA(robot);
    }

    /** No answer button of A's shows as chosen, and A's note is nowhere in the window. */
    private void assertNothingOfCoderA(FxRobot robot) {
        for (String id : List.of("#answer-image_category-both", "#answer-image_contact_note-yes", "#answer-channels-wickr",
                "#answer-channels-kik", "#answer-channels-telegram", "#answer-exchange-yes", "#answer-dealer-yes")) {
            assertFalse(robot.lookup(id).queryAs(ToggleButton.class).isSelected(), id + " shows coder_a's answer");
        }
        assertEquals("", robot.lookup("#noteArea").queryAs(TextArea.class).getText());
        Node root = stage.getScene().getRoot();
        assertTrue(AnnotationUi.allTexts(root).stream().noneMatch(t -> t.contains(SECRET_NOTE)), "coder_a's note is shown");
    }
}
