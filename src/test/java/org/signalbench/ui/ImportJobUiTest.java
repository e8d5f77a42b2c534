package org.signalbench.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.signalbench.importing.ImportService;
import org.signalbench.jobs.Job;
import org.signalbench.jobs.JobContext;
import org.signalbench.jobs.JobStatus;
import org.signalbench.ui.importing.PostImporter;
import org.signalbench.ui.main.MainWindow;
import org.signalbench.ui.posts.PostRow;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Imports from the File menu, through the real importer, run as jobs in the jobs panel: progress,
 * done or cancelled, then the table refreshes.
 */
@ExtendWith(ApplicationExtension.class)
class ImportJobUiTest {
    @TempDir
    static Path dir;
    FakeWorld world;
    MainWindow window;
    /** What the importer does in this test; set before the menu is used. */
    volatile PostImporter behaviour = PostImporter.UNAVAILABLE;

    @Start
    void start(Stage stage) throws Exception {
        world = new FakeWorld(dir);
        Path file = dir.resolve("import-" + System.nanoTime() + ".sqlite");
        FakeWorld.fillWorkbench(file);
        window = MainWindow.open(stage, world.config(file, false, (wb, sources, job) -> behaviour.run(wb, sources, job)));
    }

    @AfterEach
    void stop() throws Exception {
        world.close();
    }

    @SuppressWarnings("unchecked")
    private static int loadedRows(FxRobot robot) {
        TableView<PostRow> table = robot.lookup("#postTable").queryAs(TableView.class);
        return (int) table.getItems().stream().map(PostRow::summary).filter(Objects::nonNull).count();
    }

    /** The job-panel row of the newest job called {@code name}. */
    private static Node jobRow(FxRobot robot, String name) {
        return robot.lookup(".job-row").queryAll().stream()
                .filter(row -> robot.from(row).lookup(".job-name").queryAs(Label.class).getText().equals(name))
                .findFirst().orElse(null);
    }

    private Job job(String name) {
        return window.model().jobs().manager().jobs().stream().filter(j -> j.name().equals(name)).reduce((a, b) -> b).orElse(null);
    }

    /**
     * The real importer, held at its first finished file until the test lets it go on, so the
     * test can look at the job while it runs.
     */
    private static PostImporter heldAfterFirstFile(CountDownLatch reachedHold, CountDownLatch release) {
        return (wb, sources, job) -> new ImportService(wb, org.signalbench.testing.Labelling.CODEBOOK).run(sources, null, new JobContext() {
            @Override
            public void progress(long done, long total, String message) {
                job.progress(done, total, message);
                // Progress counts bytes; the two files have the same size, so half way is the end of the first.
                if (done * 2 == total && reachedHold.getCount() > 0) {
                    reachedHold.countDown();
                    try {
                        release.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            }

            @Override
            public boolean isCancelled() {
                return job.isCancelled();
            }
        });
    }

    /**
     * Two bundle files in the folder File → Import folder… answers; the second has a broken line 3.
     * The first is padded with blank lines to the second's size, so finishing it is exactly half way.
     */
    private void writeIncomingBundles() throws Exception {
        Files.createDirectories(world.chosenFolder);
        String header = "{\"format\": \"signalbench-bundle\", \"version\": 1}\n";
        String a = header
                + "{\"platform\": \"instagram\", \"externalId\": \"NewPostA01\", \"author\": \"new_author_a\", "
                + "\"postedAt\": \"2018-09-01T10:00:00Z\", \"caption\": \"fresh #xanax in stock\", \"collectedUnder\": [\"#xanax\"]}\n";
        String b = header
                + "{\"platform\": \"twitter\", \"externalId\": \"1030000000000000001\", \"author\": \"new_author_b\", "
                + "\"postedAt\": \"2018-09-02T10:00:00Z\", \"caption\": \"stay safe out there\"}\n"
                + "{\"platform\": \"twitter\", \"externalId\": \n";
        Files.writeString(world.chosenFolder.resolve("a.jsonl"), a + "\n".repeat(b.length() - a.length()));
        Files.writeString(world.chosenFolder.resolve("b.jsonl"), b);
    }

    @Test
    void importShowsProgressFinishesAndRefreshesTheTable(FxRobot robot) throws Exception {
        FakeWorld.waitUntil("the first rows", () -> loadedRows(robot) == 3);
        writeIncomingBundles();
        CountDownLatch halfway = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        behaviour = heldAfterFirstFile(halfway, release);

        robot.clickOn("File").clickOn("Import folder…");
        assertTrue(halfway.await(10, TimeUnit.SECONDS));
        String name = "Importing incoming";
        FakeWorld.waitUntil("the job at half way", () -> {
            Node row = jobRow(robot, name);
            return row != null && robot.from(row).lookup(".progress-bar").queryAs(ProgressBar.class).getProgress() == 0.5;
        });
        Node row = jobRow(robot, name);
        assertEquals("Running", robot.from(row).lookup(".job-status").queryAs(Label.class).getText());
        assertTrue(robot.from(row).lookup(".job-message").queryAs(Label.class).getText().startsWith("a.jsonl"));
        assertTrue(robot.from(row).lookup(".job-details").queryAs(Label.class).getText().startsWith("50 %"));
        assertTrue(robot.lookup("#statusJobs").queryAs(Label.class).getText().endsWith("running"));

        release.countDown();
        FakeWorld.waitUntil("the refreshed table", () -> loadedRows(robot) == 5);
        assertEquals(JobStatus.DONE, job(name).status());
        FakeWorld.waitUntil("the summary", () -> robot.lookup("#importCounts").tryQuery().isPresent());
        assertEquals("Imported: 2\nDuplicates: 0\nLabels: 0\nRejected: 1",
                robot.lookup("#importCounts").queryAs(Label.class).getText());
        String rejected = robot.lookup("#importRejections").queryAs(TextArea.class).getText();
        assertTrue(rejected.matches("\\S*b\\.jsonl:3: .+"), rejected);
        assertEquals("5 posts", robot.lookup("#statusPosts").queryAs(Label.class).getText());
        robot.clickOn("OK");
    }

    @Test
    void cancelEndsTheJobAsCancelled(FxRobot robot) throws Exception {
        FakeWorld.waitUntil("the first rows", () -> loadedRows(robot) == 3);
        writeIncomingBundles();
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        behaviour = heldAfterFirstFile(held, release);

        robot.clickOn("File").clickOn("Import folder…");
        assertTrue(held.await(10, TimeUnit.SECONDS));
        String name = "Importing incoming";
        FakeWorld.waitUntil("the running job", () -> jobRow(robot, name) != null);
        // The panel opens for a job that runs longer than a moment.
        FakeWorld.waitUntil("the jobs panel", () -> robot.lookup("#jobsPane").queryAs(javafx.scene.control.TitledPane.class).isExpanded());
        Button cancel = robot.from(jobRow(robot, name)).lookup(".button").queryButton();
        robot.clickOn(cancel);
        FakeWorld.waitUntil("the cancel to reach the job", () -> job(name).isCancelled());
        release.countDown();
        FakeWorld.waitUntil("the cancelled job", () -> job(name).status() == JobStatus.CANCELLED);
        FakeWorld.waitUntil("the row to say so", () ->
                robot.from(jobRow(robot, name)).lookup(".job-status").queryAs(Label.class).getText().equals("Cancelled"));
        assertFalse(robot.from(jobRow(robot, name)).lookup(".button").queryButton().isVisible());
        FakeWorld.waitUntil("the summary", () -> robot.lookup("#importCounts").tryQuery().isPresent());
        assertTrue(robot.lookup("#importCounts").queryAs(Label.class).getText().startsWith("Cancelled"));
        // The importer keeps only whole chunks: nothing of the stopped import is in the table.
        assertEquals(3, loadedRows(robot));
        robot.clickOn("OK");
    }

    @Test
    void aFailingImportEndsFailedWithTheReason(FxRobot robot) {
        FakeWorld.waitUntil("the first rows", () -> loadedRows(robot) == 3);
        behaviour = (wb, sources, job) -> {
            throw new java.io.IOException(sources.get(0).getFileName() + ": permission denied");
        };
        robot.clickOn("File").clickOn("Import files…");
        String name = "Importing posts.jsonl";
        FakeWorld.waitUntil("the failed job", () -> job(name) != null && job(name).status() == JobStatus.FAILED);
        FakeWorld.waitUntil("the row to say why", () -> robot.from(jobRow(robot, name))
                .lookup(".job-message").queryAs(Label.class).getText().equals("posts.jsonl: permission denied"));
        FakeWorld.waitUntil("the error dialog", () -> robot.lookup(".dialog-pane").tryQuery().isPresent());
        assertTrue(robot.lookup(".dialog-pane").queryAs(javafx.scene.control.DialogPane.class).getContentText()
                .contains("posts.jsonl: permission denied"));
        robot.clickOn("OK");
    }
}
