package org.signalbench.ui.links;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.chart.BarChart;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.image.ImageView;
import javafx.scene.layout.GridPane;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.signalbench.app.LinkReviewService;
import org.signalbench.domain.Role;
import org.signalbench.links.ResultsTable;
import org.signalbench.store.Workbench;
import org.signalbench.testing.TestWorkbenches;
import org.signalbench.ui.FakeWorld;
import org.signalbench.ui.common.CurrentWorkbench;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The link review view on a small coded review: the funnel, the sites (live first), the selected
 * site's screenshot and evidence, and Report writing the packets. With
 * {@code -Dsignalbench.screenshots.workbench=FILE} it shows that workbench instead and saves the
 * window to docs/screenshots/link-review.png and its Results tab to link-review-results.png (a tool
 * run, not part of the assertions).
 */
@ExtendWith(ApplicationExtension.class)
class LinkReviewUiTest {
    @TempDir
    static Path dir;
    static final String GIVEN = System.getProperty("signalbench.screenshots.workbench");
    Workbench workbench;
    ExecutorService executor = Executors.newSingleThreadExecutor();
    LinkReviewView view;

    @Start
    void start(Stage stage) throws Exception {
        Path file = GIVEN != null ? Path.of(GIVEN) : fixture();
        workbench = Workbench.open(file);
        CurrentWorkbench current = new CurrentWorkbench();
        view = new LinkReviewView(current, executor, new LinkReviewService());
        stage.setScene(new Scene((javafx.scene.Parent) view.view(), 1280, 800));
        stage.show();
        current.workbenchProperty().set(workbench);
    }

    private Path fixture() throws Exception {
        Path file = dir.resolve("ui-" + System.nanoTime() + ".sqlite");
        try (Workbench wb = Workbench.open(file)) {
            Connection c = wb.connection();
            long a = TestWorkbenches.insertPost(c, "twitter", "201", "rx_deals_1", "buy oxycodone online no prescription https://t.co/a");
            url(c, a, "https://www.rxbargainmeds.test/oxycodone");
            long b = TestWorkbenches.insertPost(c, "twitter", "202", "guide_2", "where to buy percocet https://t.co/b");
            url(c, b, "https://guide.blogsite.test/");
            LinkReviewService service = new LinkReviewService();
            Path ids = dir.resolve("ids.csv");
            Files.writeString(ids, "external_id\n201\n202\n");
            service.candidates(wb, "ids:ids.csv", service.readIds(wb, ids, false).postIds());
            Path coded = dir.resolve("coded.csv");
            Files.writeString(coded, "external_id,false_positive,seller_type,link_status\n201,no,online-pharmacy,live\n"
                    + "202,no,marketing-affiliate,dead\n");
            service.importAnswers(wb, coded, "ui-coder-a", Role.CODER);
            service.importAnswers(wb, coded, "ui-coder-b", Role.CODER);
            ImageIO.write(new BufferedImage(200, 120, BufferedImage.TYPE_INT_RGB), "png", dir.resolve("rx.png").toFile());
            Path evidence = dir.resolve("evidence.csv");
            Files.writeString(evidence, "url,http_status,liveness,legitscript,registrant_country,screenshot\n"
                    + "https://www.rxbargainmeds.test/oxycodone,200,live,rogue,US,rx.png\n");
            service.importEvidence(wb, evidence);
        }
        return file;
    }

    private static void url(Connection c, long postId, String url) throws Exception {
        try (PreparedStatement st = c.prepareStatement("INSERT INTO tweet_url (post_id, position, expanded_url) VALUES (?, 0, ?)")) {
            st.setLong(1, postId);
            st.setString(2, url);
            st.executeUpdate();
        }
    }

    @AfterEach
    void stop() throws Exception {
        executor.shutdownNow();
        workbench.close();
    }

    private static void save(FxRobot robot, javafx.scene.Node any, Path out) {
        robot.interact(() -> {
            try {
                ImageIO.write(SwingFXUtils.fromFXImage(any.getScene().snapshot(null), null), "png", out.toFile());
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    @Test
    void showsTheSiteWithItsScreenshotAndEvidenceAndWritesItsPacket(FxRobot robot) throws Exception {
        ListView<LinkReviewService.SiteSummary> sites = robot.lookup("#linkSites").queryListView();
        FakeWorld.waitUntil("the sites", () -> !sites.getItems().isEmpty());
        GridPane evidence = robot.lookup("#linkEvidence").query();
        FakeWorld.waitUntil("the evidence", () -> !evidence.getChildren().isEmpty());
        ImageView shot = robot.lookup("#linkScreenshot").query();
        FakeWorld.waitUntil("the screenshot", () -> shot.getImage() != null || !robot.lookup("#linkStatus").queryAs(Label.class).getText().isEmpty());
        assertNotNull(shot.getImage(), robot.lookup("#linkStatus").queryAs(Label.class).getText());
        if (GIVEN != null) {
            Path out = Path.of(System.getProperty("signalbench.screenshots.out", "docs/screenshots")).resolve("link-review.png");
            save(robot, evidence, out);
            // the Results tab beside it
            robot.interact(() -> robot.lookup(".tab-pane").queryAs(javafx.scene.control.TabPane.class).getSelectionModel().select(1));
            TableView<ResultsTable.Row> results = robot.lookup("#linkResults").queryTableView();
            FakeWorld.waitUntil("the results", () -> !results.getItems().isEmpty());
            save(robot, evidence, out.resolveSibling("link-review-results.png"));
            return;
        }
        String funnel = robot.lookup("#linkFunnel").queryAs(Label.class).getText();
        assertTrue(funnel.startsWith("Funnel: retrieved 2 "), funnel);
        assertTrue(funnel.contains("live 1 tweets from 1 accounts"), funnel);
        assertFalse(funnel.contains("{"), funnel); // no raw map
        // the results tab: each figure beside the study's
        TableView<ResultsTable.Row> results = robot.lookup("#linkResults").queryTableView();
        FakeWorld.waitUntil("the results", () -> !results.getItems().isEmpty());
        ResultsTable.Row pharmacies = results.getItems().stream().filter(r -> r.key().equals("liveByType.online-pharmacy")).findFirst().orElseThrow();
        assertEquals("1 (100%)", pharmacies.measured());
        assertEquals("15 (44%)", pharmacies.study());
        ResultsTable.Row rogue = results.getItems().stream().filter(r -> r.key().equals("legitScriptAmongLivePharmacyTweets.rogue")).findFirst().orElseThrow();
        assertEquals("1 of 1 (100%)", rogue.measured());
        assertEquals("6 of 15 (40%)", rogue.study());
        BarChart<?, ?> chart = robot.lookup("#linkSellerTypes").query();
        assertEquals(2, chart.getData().size());
        assertTrue(robot.lookup("#linkStudySource").queryAs(Label.class).getText().contains("Mackey"));
        assertEquals("rxbargainmeds.test", sites.getItems().get(0).domain());
        assertTrue(sites.getItems().get(0).live());
        assertNotNull(shot.getImage());
        assertEquals(200, (int) shot.getImage().getWidth());
        assertTrue(evidence.getChildren().stream().anyMatch(n -> n instanceof Label l && l.getText().equals("rogue")));
        Path folder = dir.resolve("packet");
        robot.interact(() -> view.writePacketTo(folder));
        FakeWorld.waitUntil("the packet", () -> Files.exists(folder.resolve("packet.csv")));
        assertTrue(Files.exists(folder.resolve("packet-fda.pdf")) && Files.exists(folder.resolve("packet-dea.html")));
        FakeWorld.waitUntil("the message", () -> robot.lookup("#linkStatus").queryAs(Label.class).getText().startsWith("Packets for rxbargainmeds.test"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void aSiteIsClassifiedByHandEvidenceIsImportedAndAReportIsRecorded(FxRobot robot) throws Exception {
        ListView<LinkReviewService.SiteSummary> sites = robot.lookup("#linkSites").queryAs(ListView.class);
        javafx.scene.control.ComboBox<String> legit = robot.lookup("#linkLegitScript").queryAs(javafx.scene.control.ComboBox.class);
        FakeWorld.waitUntil("the first site's class", () -> sites.getItems().size() == 2 && "rogue".equals(legit.getValue()));
        LinkReviewService service = new LinkReviewService();

        // by hand: the affiliate blog has no evidence record yet; one is made with the class and notes
        robot.interact(() -> sites.getSelectionModel().select(1));
        FakeWorld.waitUntil("the second site shown", () -> "not-checked".equals(legit.getValue()));
        robot.interact(() -> {
            legit.setValue("unverified");
            robot.lookup("#linkNotes").queryAs(javafx.scene.control.TextField.class).setText("blog linking to pharmacies");
        });
        robot.clickOn("#linkSaveClassification");
        FakeWorld.waitUntil("saved", () -> robot.lookup("#linkStatus").queryAs(Label.class).getText()
                .equals("Saved for guide.blogsite.test (1 link)."));
        var blog = service.evidence(workbench).get("https://guide.blogsite.test/");
        assertEquals("unverified", blog.legitScript());
        assertEquals("blog linking to pharmacies", blog.notes());
        assertEquals("hand", blog.source());

        // a LegitScript list from CSV: the good line lands, the bad one is named
        Path csv = dir.resolve("legitscript-" + System.nanoTime() + ".csv");
        Files.writeString(csv, "url,legitscript\nhttps://www.rxbargainmeds.test/oxycodone,unapproved\n"
                + "https://guide.blogsite.test/,dodgy\n");
        robot.interact(() -> view.importEvidence(csv));
        FakeWorld.waitUntil("the import's message", () -> robot.lookup("#linkCheckStatus").queryAs(Label.class).getText()
                .startsWith("Imported 1 evidence records from " + csv.getFileName() + ". 1 lines refused: "));
        var rx = service.evidence(workbench).get("https://www.rxbargainmeds.test/oxycodone");
        assertEquals("unapproved", rx.legitScript());
        assertEquals(200, rx.httpStatus(), "what the CSV left empty is kept");
        assertEquals("unverified", service.evidence(workbench).get("https://guide.blogsite.test/").legitScript());

        // the report, recorded after submitting the packet on the agency's form
        robot.interact(() -> sites.getSelectionModel().select(sites.getItems().stream()
                .filter(x -> x.domain().equals("rxbargainmeds.test")).findFirst().orElseThrow()));
        FakeWorld.waitUntil("the pharmacy shown", () -> "unapproved".equals(legit.getValue()));
        robot.interact(() -> view.recordReport("fda", " FDA-2026-0001 "));
        FakeWorld.waitUntil("recorded", () -> robot.lookup("#linkStatus").queryAs(Label.class).getText()
                .startsWith("Recorded: rxbargainmeds.test reported to FDA (reference FDA-2026-0001)"));
        var reports = service.reports(workbench);
        assertEquals(1, reports.size());
        assertEquals("rxbargainmeds.test", reports.get(0).domain());
        assertEquals("fda", reports.get(0).agency());
        assertEquals("FDA-2026-0001", reports.get(0).reference());
    }
}
