package org.signalbench.ui.main;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.signalbench.store.Workbench;
import org.signalbench.ui.FakeWorld;
import org.signalbench.ui.annotate.AnnotationUi;
import org.signalbench.ui.importing.PostImporter;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Blinding by role: nobody signed in and a coder open only Posts and Annotate; the expert needs the
 * workbench's passphrase (the first expert sets it, a wrong one is refused) and opens everything;
 * an analyst opens Findings, Models and Agreement but not Adjudicate.
 */
@ExtendWith(ApplicationExtension.class)
class RoleGatingUiTest {
    @TempDir
    static Path dir;
    FakeWorld world;
    Path file;

    @Start
    void start(Stage stage) throws Exception {
        world = new FakeWorld(dir);
        file = dir.resolve("roles-" + System.nanoTime() + ".sqlite");
        AnnotationUi.fill(file, 3);
        MainWindow.open(stage, world.config(file, false, PostImporter.UNAVAILABLE));
    }

    @AfterEach
    void stop() throws Exception {
        world.close();
    }

    private static Map<String, Boolean> open(FxRobot robot) {
        TabPane tabs = robot.lookup("#viewTabs").queryAs(TabPane.class);
        Map<String, Boolean> open = new java.util.LinkedHashMap<>();
        for (Tab t : tabs.getTabs()) {
            open.put(t.getText(), !t.isDisable());
        }
        return open;
    }

    private static Map<String, Boolean> expect(boolean agreement, boolean adjudicate, boolean findings, boolean models) {
        Map<String, Boolean> m = new java.util.LinkedHashMap<>();
        m.put("Posts", true);
        m.put("Annotate", true);
        m.put("Agreement", agreement);
        m.put("Adjudicate", adjudicate);
        m.put("Findings", findings);
        m.put("Models", models);
        m.put("Topics", models);   // topic rounds are results too: gated like Models
        m.put("Link review", models); // a results view, gated like Models
        return m;
    }

    private static void switchPerson(FxRobot robot) {
        robot.clickOn("#switchCoderButton");
        FakeWorld.waitUntil("signed out", () -> robot.lookup("#signInBar").query().isVisible());
    }

    private static void waitForNotice(FxRobot robot, String part) {
        FakeWorld.waitUntil("the notice '" + part + "'", () -> robot.lookup("#annotateNotice").queryLabeled().getText().contains(part));
    }

    @Test
    void resultsOpenOnlyToTheExpertAndAnalysts(FxRobot robot) throws Exception {
        AnnotationUi.openAnnotate(robot, 0);
        assertEquals(expect(false, false, false, false), open(robot), "nobody signed in");

        AnnotationUi.signIn(robot, "coder_a", "coder");
        assertEquals(expect(false, false, false, false), open(robot), "a coder");
        robot.clickOn("Findings");
        assertTrue(robot.lookup("#annotateView").tryQuery().isPresent(), "a click on Findings leaves a coder in Annotate");

        // The first expert must set a passphrase of 8 characters or more; a shorter one is refused.
        switchPerson(robot);
        AnnotationUi.typeSignIn(robot, "expert_1", "expert", "short");
        waitForNotice(robot, "no expert passphrase yet");
        assertTrue(robot.lookup("#signInBar").query().isVisible());
        AnnotationUi.signIn(robot, "expert_1", "expert", "the expert's passphrase");
        assertEquals(expect(true, true, true, true), open(robot), "the expert");
        // The expert codes nothing here: no queue controls, and the role said once ("Expert: …", not "Expert expert").
        assertTrue(robot.lookup("#queueControls").tryQuery().map(n -> !n.isVisible()).orElse(true), "no queue controls for the expert");
        assertEquals("Expert: expert_1", robot.lookup("#coderLabel").queryLabeled().getText());
        try (Workbench wb = Workbench.open(file)) {
            String stored = wb.connection().createStatement().executeQuery("SELECT algorithm || ' ' || iterations || ' ' || hash FROM role_passphrase").getString(1);
            assertTrue(stored.startsWith("PBKDF2WithHmacSHA256 210000 "), stored);
            assertFalse(stored.contains("passphrase"), "only a hash is stored");
        }

        // Once set, a wrong passphrase is refused and nothing opens.
        switchPerson(robot);
        assertEquals(expect(false, false, false, false), open(robot), "signed out");
        AnnotationUi.typeSignIn(robot, "expert_1", "expert", "a wrong passphrase");
        waitForNotice(robot, "not this workbench's expert passphrase");
        assertEquals(expect(false, false, false, false), open(robot), "a wrong passphrase");
        AnnotationUi.signIn(robot, "expert_1", "expert", "the expert's passphrase");
        assertEquals(expect(true, true, true, true), open(robot));
        robot.clickOn("Models");
        assertTrue(robot.lookup("#annotateView").tryQuery().isEmpty(), "the expert opens Models");

        // Signing out while on Models goes back to Annotate; an analyst opens results but does not adjudicate.
        robot.clickOn("Annotate");
        switchPerson(robot);
        AnnotationUi.signIn(robot, "analyst_1", "analyst");
        assertEquals(expect(true, false, true, true), open(robot), "an analyst");
        assertTrue(robot.lookup("#queueControls").tryQuery().map(n -> !n.isVisible()).orElse(true), "no queue controls for an analyst");
        assertEquals("Analyst: analyst_1", robot.lookup("#coderLabel").queryLabeled().getText());
        try (Workbench wb = Workbench.open(file)) {
            List<String> names = new java.util.ArrayList<>();
            var rs = wb.connection().createStatement().executeQuery("SELECT name FROM coder ORDER BY name");
            while (rs.next()) {
                names.add(rs.getString(1));
            }
            assertEquals(List.of("coder_a", "expert_1"), names, "an analyst is not stored");
        }
    }
}
