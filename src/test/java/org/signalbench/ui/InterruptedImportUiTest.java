package org.signalbench.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.scene.control.DialogPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.signalbench.importing.ImportReport;
import org.signalbench.ui.main.MainWindow;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Opening a workbench whose last import was killed says so and offers to finish it; finishing imports its sources again. */
@ExtendWith(ApplicationExtension.class)
class InterruptedImportUiTest {
    @TempDir
    static Path dir;
    FakeWorld world;
    final List<Path> imported = new CopyOnWriteArrayList<>();
    Path source;

    @Start
    void start(Stage stage) throws Exception {
        world = new FakeWorld(dir);
        Path file = dir.resolve("killed-" + System.nanoTime() + ".sqlite");
        FakeWorld.fillWorkbench(file);
        source = dir.resolve("incoming/posts.jsonl").toAbsolutePath();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
             PreparedStatement st = c.prepareStatement("INSERT INTO import_run (started_at, sources, status, owner_pid, "
                     + "owner_host, owner_started) VALUES ('2026-12-05T10:00:00Z', ?, 'running', ?, ?, NULL)")) {
            // As a killed import leaves it: running, owned by a process that is gone.
            Process gone = new ProcessBuilder("true").start();
            gone.waitFor();
            st.setString(1, "[\"" + source + "\"]");
            st.setLong(2, gone.pid());
            st.setString(3, org.signalbench.store.ProcessOwner.current().host());
            st.executeUpdate();
        }
        MainWindow.open(stage, world.config(file, false, (wb, sources, job) -> {
            imported.addAll(sources);
            return new ImportReport(0, 3, 0, List.of(), false);
        }));
    }

    @AfterEach
    void stop() throws Exception {
        world.close();
    }

    @Test
    void theAppSaysAnImportWasInterruptedAndFinishesIt(FxRobot robot) {
        FakeWorld.waitUntil("the interrupted-import dialog", () -> robot.lookup(".dialog-pane").tryQuery().isPresent());
        DialogPane pane = robot.lookup(".dialog-pane").queryAs(DialogPane.class);
        assertEquals("Interrupted import", pane.getHeaderText());
        assertTrue(pane.getContentText().contains("An import was interrupted"), pane.getContentText());
        assertTrue(pane.getContentText().contains(source.toString()), pane.getContentText());
        robot.clickOn("Finish import");
        FakeWorld.waitUntil("the sources imported again", () -> imported.equals(List.of(source)));
    }
}
