package org.signalbench.ui.links;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.signalbench.app.LinkReviewService;
import org.signalbench.domain.Role;
import org.signalbench.jobs.JobManager;
import org.signalbench.links.LinkChecker;
import org.signalbench.store.DataLocations;
import org.signalbench.store.Workbench;
import org.signalbench.testing.TestWorkbenches;
import org.signalbench.ui.FakeWorld;
import org.signalbench.ui.common.CurrentWorkbench;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Check links in the Link review tab against a site served on loopback by the test (no outside
 * network): the check runs as a job, the off-screen WebView takes the screenshot, and the site's
 * screenshot (stored under its SHA-256) shows in the view.
 */
@ExtendWith(ApplicationExtension.class)
class LinkCheckUiTest {
    @TempDir
    static Path dir;
    HttpServer server;
    Workbench workbench;
    ExecutorService executor = Executors.newSingleThreadExecutor();
    JobManager jobs = new JobManager(executor);
    LinkReviewView view;

    @Start
    void start(Stage stage) throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/shop", ex -> {
            byte[] body = ("<html><head><title>Rx bargains</title></head><body style='background:#00aa00'>"
                    + "<h1>Oxycodone, no prescription</h1></body></html>").getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("Content-Type", "text/html");
            ex.sendResponseHeaders(200, body.length);
            try (OutputStream o = ex.getResponseBody()) {
                o.write(body);
            }
        });
        server.start();
        String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/shop";
        Path file = dir.resolve("check-" + System.nanoTime() + ".sqlite");
        try (Workbench wb = Workbench.open(file)) {
            Connection c = wb.connection();
            long a = TestWorkbenches.insertPost(c, "twitter", "301", "rx_deals_1", "buy oxycodone online https://t.co/a");
            try (PreparedStatement st = c.prepareStatement("INSERT INTO tweet_url (post_id, position, expanded_url) VALUES (?, 0, ?)")) {
                st.setLong(1, a);
                st.setString(2, url);
                st.executeUpdate();
            }
            LinkReviewService service = new LinkReviewService();
            Path ids = dir.resolve("ids.csv");
            Files.writeString(ids, "external_id\n301\n");
            service.candidates(wb, "ids", service.readIds(wb, ids, false).postIds());
            Path coded = dir.resolve("coded.csv");
            Files.writeString(coded, "external_id,false_positive,seller_type,link_status\n301,no,online-pharmacy,live\n");
            service.importAnswers(wb, coded, "check-coder-a", Role.CODER);
            service.importAnswers(wb, coded, "check-coder-b", Role.CODER);
        }
        workbench = Workbench.open(file);
        CurrentWorkbench current = new CurrentWorkbench();
        view = new LinkReviewView(current, executor, jobs, new LinkReviewService());
        stage.setScene(new Scene((javafx.scene.Parent) view.view(), 1280, 800));
        stage.show();
        current.workbenchProperty().set(workbench);
    }

    @AfterEach
    void stop() throws Exception {
        executor.shutdownNow();
        workbench.close();
        server.stop(0);
    }

    @Test
    void checkLinksRunsAsAJobAndTheScreenshotShows(FxRobot robot) throws Exception {
        FakeWorld.waitUntil("the sites", () -> !robot.lookup("#linkSites").queryListView().getItems().isEmpty());
        Label status = robot.lookup("#linkStatus").query();
        FakeWorld.waitUntil("no screenshot yet", () -> status.getText().equals("No screenshot recorded."));
        robot.interact(() -> view.startCheck(false, true, false));
        assertEquals(1, jobs.jobs().size());
        assertTrue(jobs.jobs().get(0).name().contains("contacts the sites"));
        Label checkStatus = robot.lookup("#linkCheckStatus").query();
        // the first WebView loads WebKit's native library: give the job longer than the views' usual wait
        org.testfx.util.WaitForAsyncUtils.waitFor(90, java.util.concurrent.TimeUnit.SECONDS,
                () -> org.testfx.util.WaitForAsyncUtils.asyncFx(() -> checkStatus.getText().startsWith("Checked ")
                        || checkStatus.getText().startsWith("The check failed")).get());
        assertTrue(checkStatus.getText().startsWith("Checked 1 links: 1 live, 0 dead, 0 redirected elsewhere; 1 screenshots."),
                checkStatus.getText());
        var e = new LinkReviewService().evidence(workbench).values().iterator().next();
        Path png = LinkReviewService.evidenceFile(workbench, e.screenshotPath());
        assertEquals(e.screenshotSha256(), LinkChecker.sha256(png));
        // beside the workbench, so the evidence travels with the study
        assertEquals(DataLocations.workbenchDataFolder(workbench.file()).resolve("evidence").resolve(e.screenshotSha256() + ".png"), png);
        ImageView shot = robot.lookup("#linkScreenshot").query();
        FakeWorld.waitUntil("the screenshot", () -> shot.getImage() != null);
        assertNotNull(shot.getImage());
        assertEquals(1280, (int) shot.getImage().getWidth()); // the default viewport
        // the page as drawn: its green background
        int argb = shot.getImage().getPixelReader().getArgb(640, 600);
        assertEquals(0x00aa00, argb & 0xffffff);
    }
}
