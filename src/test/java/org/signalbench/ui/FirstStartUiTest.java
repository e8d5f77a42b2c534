package org.signalbench.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.controlsfx.control.MaskerPane;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.signalbench.importing.ImportReport;
import org.signalbench.ui.main.MainWindow;
import org.signalbench.ui.posts.PostRow;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** A workbench created at start gets the built-in sample, imported as a job with its progress over the table. */
@ExtendWith(ApplicationExtension.class)
class FirstStartUiTest {
    @TempDir
    static Path dir;
    FakeWorld world;
    Path file;
    final CountDownLatch halfway = new CountDownLatch(1);
    final CountDownLatch release = new CountDownLatch(1);
    final List<Path> imported = new java.util.concurrent.CopyOnWriteArrayList<>();

    @Start
    void start(Stage stage) {
        world = new FakeWorld(dir);
        file = dir.resolve("new-" + System.nanoTime() + ".sqlite");
        MainWindow.open(stage, world.config(file, false, (wb, sources, job) -> {
            imported.addAll(sources);
            FakeWorld.insertPosts(wb, "s", 0, 20);
            job.progress(20, 40, "sample 20 of 40");
            halfway.countDown();
            release.await();
            FakeWorld.insertPosts(wb, "s", 20, 40);
            job.progress(40, 40, "sample 40 of 40");
            return new ImportReport(40, 0, 0, List.of(), false);
        }));
    }

    @AfterEach
    void stop() throws Exception {
        world.close();
    }

    /** Whether the node and every parent are visible. */
    private static boolean shown(javafx.scene.Node node) {
        for (javafx.scene.Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return true;
    }

    @Test
    @SuppressWarnings("unchecked")
    void anEmptyNewWorkbenchImportsTheSampleWithProgress(FxRobot robot) throws Exception {
        assertTrue(halfway.await(10, TimeUnit.SECONDS), "the sample import started");
        assertTrue(Files.exists(file));
        assertEquals(List.of(dir.resolve("sample")), imported);
        MaskerPane masker = robot.lookup("#masker").queryAs(MaskerPane.class);
        FakeWorld.waitUntil("the progress over the table", () -> masker.isVisible() && masker.getProgress() == 0.5);
        assertTrue(masker.getText().startsWith("Importing the built-in sample… 50 %"), masker.getText());
        // Not "No posts yet…" behind the progress: the post list is hidden while the sample comes in.
        assertFalse(shown(robot.lookup("#postTable").query()), "the empty post list shows behind the masker");

        release.countDown();
        TableView<PostRow> table = robot.lookup("#postTable").queryAs(TableView.class);
        FakeWorld.waitUntil("the sample in the table",
                () -> table.getItems().stream().map(PostRow::summary).filter(Objects::nonNull).count() == 40);
        FakeWorld.waitUntil("the masker to go", () -> !masker.isVisible());
        assertFalse(masker.isVisible());
        assertTrue(shown(robot.lookup("#postTable").query()));
        // A clean sample import needs no summary dialog; the jobs panel tells it is done.
        assertTrue(robot.lookup("#importCounts").tryQuery().isEmpty());
        assertTrue(robot.lookup(".job-status").queryAllAs(javafx.scene.control.Label.class).stream()
                .anyMatch(l -> l.getText().equals("Done")));
    }
}
