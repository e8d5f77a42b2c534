package org.signalbench.ui.main;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.control.Button;
import javafx.scene.control.DialogPane;
import javafx.scene.control.PasswordField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.signalbench.app.AccessService;
import org.signalbench.store.Workbench;
import org.signalbench.ui.FakeWorld;
import org.signalbench.ui.annotate.AnnotationUi;
import org.signalbench.ui.importing.PostImporter;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * File → New workbench… asks for the expert passphrase (typed twice, at least 8 characters) and
 * stores it before the workbench is shown; skipping leaves the old rule, which the sign-in states.
 */
@ExtendWith(ApplicationExtension.class)
class NewWorkbenchPassphraseUiTest {
    @TempDir
    static Path dir;
    FakeWorld world;
    Path created;

    @Start
    void start(Stage stage) throws Exception {
        world = new FakeWorld(dir);
        Path file = dir.resolve("first-" + System.nanoTime() + ".sqlite");
        AnnotationUi.fill(file, 3);
        created = dir.resolve("new-" + System.nanoTime() + ".sqlite");
        world.answerNewWorkbench(created);
        MainWindow.open(stage, world.config(file, false, PostImporter.UNAVAILABLE));
    }

    @AfterEach
    void stop() throws Exception {
        world.close();
    }

    private static void openNewWorkbenchDialog(FxRobot robot) {
        FakeWorld.waitUntil("the first workbench", () -> robot.listWindows().stream()
                .anyMatch(w -> w instanceof Stage s && s.getTitle() != null && s.getTitle().contains("first-")));
        robot.clickOn("#fileMenu").clickOn("#newWorkbenchItem");
        FakeWorld.waitUntil("the passphrase dialog", () -> robot.lookup("#expertPassphraseDialog").tryQuery().isPresent());
    }

    /** Waits until the window shows {@code file}, then closes the error of the built-in sample's import (this test's importer refuses). */
    private static void waitForTitle(FxRobot robot, Path file) {
        FakeWorld.waitUntil("the new workbench shown", () -> robot.listWindows().stream()
                .anyMatch(w -> w instanceof Stage s && s.getTitle() != null && s.getTitle().endsWith(file.toString())));
        FakeWorld.waitUntil("the sample import's error", () -> robot.lookup(".alert").tryQuery().isPresent());
        robot.interact(() -> ((Stage) robot.lookup(".alert").query().getScene().getWindow()).close());
    }

    @Test
    void thePassphraseTypedTwiceIsStoredBeforeTheWorkbenchIsShown(FxRobot robot) throws Exception {
        openNewWorkbenchDialog(robot);
        DialogPane pane = robot.lookup("#expertPassphraseDialog").queryAs(DialogPane.class);
        Button set = (Button) pane.lookupButton(ExpertPassphraseDialog.SET);
        robot.clickOn("#expertPassphrase").write("short");
        robot.clickOn("#expertPassphraseAgain").write("short");
        assertTrue(set.isDisabled(), "5 characters are too few");
        assertTrue(robot.lookup("#expertPassphraseProblem").queryLabeled().getText().contains("At least 8"));
        robot.lookup("#expertPassphrase").queryAs(PasswordField.class).clear();
        robot.lookup("#expertPassphraseAgain").queryAs(PasswordField.class).clear();
        robot.clickOn("#expertPassphrase").write("lab notebook 7");
        robot.clickOn("#expertPassphraseAgain").write("lab notebook 8");
        assertTrue(set.isDisabled(), "the two typings differ");
        assertEquals("The two passphrases differ.", robot.lookup("#expertPassphraseProblem").queryLabeled().getText());
        robot.lookup("#expertPassphraseAgain").queryAs(PasswordField.class).clear();
        robot.clickOn("#expertPassphraseAgain").write("lab notebook 7");
        assertFalse(set.isDisabled());
        robot.clickOn(set);

        waitForTitle(robot, created);
        try (Workbench wb = Workbench.open(created)) {
            AccessService access = new AccessService();
            assertEquals(AccessService.Check.ACCEPTED, access.checkExpert(wb, "lab notebook 7".toCharArray()));
            assertEquals(AccessService.Check.REFUSED, access.checkExpert(wb, "lab notebook 8".toCharArray()));
        }
        // The expert signs in with it; a wrong one is refused.
        AnnotationUi.openAnnotate(robot, 0);
        AnnotationUi.typeSignIn(robot, "expert_1", "expert", "lab notebook 8");
        FakeWorld.waitUntil("the refusal", () -> robot.lookup("#annotateNotice").queryLabeled().getText()
                .contains("not this workbench's expert passphrase"));
    }

    @Test
    void skippingLeavesItToTheFirstExpertAndTheSignInSaysSo(FxRobot robot) throws Exception {
        openNewWorkbenchDialog(robot);
        robot.clickOn(robot.lookup("#expertPassphraseDialog").queryAs(DialogPane.class).lookupButton(ExpertPassphraseDialog.SKIP));
        waitForTitle(robot, created);
        try (Workbench wb = Workbench.open(created)) {
            assertFalse(new AccessService().hasExpertPassphrase(wb));
        }
        AnnotationUi.openAnnotate(robot, 0);
        robot.interact(() -> robot.lookup("#roleBox").<javafx.scene.control.ChoiceBox<org.signalbench.domain.Role>>query()
                .setValue(org.signalbench.domain.Role.EXPERT));
        FakeWorld.waitUntil("the sign-in saying none is set", () -> robot.lookup("#passphraseField")
                .queryAs(PasswordField.class).getPromptText().contains("none set yet"));
    }

    @Test
    void cancellingCreatesNothing(FxRobot robot) {
        openNewWorkbenchDialog(robot);
        robot.clickOn(robot.lookup("#expertPassphraseDialog").queryAs(DialogPane.class).lookupButton(javafx.scene.control.ButtonType.CANCEL));
        FakeWorld.waitUntil("the dialog closed", () -> robot.lookup("#expertPassphraseDialog").tryQuery().isEmpty());
        assertFalse(Files.exists(created));
    }
}
