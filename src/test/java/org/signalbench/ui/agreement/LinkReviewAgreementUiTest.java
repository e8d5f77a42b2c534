package org.signalbench.ui.agreement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.signalbench.app.AnnotationSession;
import org.signalbench.app.LinkReviewService;
import org.signalbench.domain.Role;
import org.signalbench.store.Workbench;
import org.signalbench.testing.TestWorkbenches;
import org.signalbench.ui.FakeWorld;
import org.signalbench.ui.agreement.AgreementViewModel.PairRow;
import org.signalbench.ui.annotate.AnnotationUi;
import org.signalbench.ui.importing.PostImporter;
import org.signalbench.ui.main.MainWindow;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The Agreement tab on a workbench with a coded link review: the study choice offers the review,
 * whose rows are {@code twitter agreement}'s ({@link LinkReviewService#agreement}, the same
 * figures), and a disagreeing cell lists its candidates by tweet id and site.
 */
@ExtendWith(ApplicationExtension.class)
class LinkReviewAgreementUiTest {
    @TempDir
    static Path dir;
    FakeWorld world;
    Path file;

    @Start
    void start(Stage stage) throws Exception {
        world = new FakeWorld(dir);
        file = dir.resolve("link-agreement-" + System.nanoTime() + ".sqlite");
        try (Workbench wb = Workbench.open(file)) {
            Connection c = wb.connection();
            tweet(c, "301", "rx_deals_1", "buy oxycodone online no prescription https://t.co/a", "https://www.rxbargainmeds.test/oxycodone");
            tweet(c, "302", "guide_2", "where to buy percocet https://t.co/b", "https://pill-guide-12.blogsite.test/");
            tweet(c, "303", "meds_3", "xanax bars shipped overnight https://t.co/c", "https://www.quickpharma.test/xanax");
            tweet(c, "304", "plug_4", "dm me for percs https://t.co/d", "https://classifieds.example.com/ad/4");
            tweet(c, "305", "rx_5", "cheap hydrocodone no script https://t.co/e", "https://www.medsnoscript.test/");
            LinkReviewService service = new LinkReviewService();
            Path ids = dir.resolve("ids.csv");
            Files.writeString(ids, "external_id\n301\n302\n303\n304\n305\n");
            service.candidates(wb, "ids:ids.csv", service.readIds(wb, ids, false).postIds());
            // Coder B calls the blog (302) a pharmacy and the classifieds ad (304) dead: one seller-type
            // and one link-status disagreement, as the sample's second coder slips.
            coder(wb, service, "link-coder-a", "301,no,online-pharmacy,live\n302,no,marketing-affiliate,live\n"
                    + "303,no,online-pharmacy,live\n304,no,individual-seller,live\n305,no,online-pharmacy,dead\n");
            coder(wb, service, "link-coder-b", "301,no,online-pharmacy,live\n302,no,online-pharmacy,live\n"
                    + "303,no,online-pharmacy,live\n304,no,individual-seller,dead\n305,no,online-pharmacy,dead\n");
        }
        MainWindow.open(stage, world.config(file, false, PostImporter.UNAVAILABLE));
        stage.setWidth(1280);
        stage.setHeight(720);
    }

    /** At 1280×720 the bar with the study choice keeps its controls in the window. */
    private static void assertInside(FxRobot robot, String id) {
        javafx.scene.Node node = robot.lookup(id).query();
        javafx.geometry.Bounds b = node.localToScene(node.getBoundsInLocal());
        double width = node.getScene().getWidth();
        assertTrue(node.isVisible() && b.getMinX() >= 0 && b.getMaxX() <= width + 0.5 && b.getWidth() > 0,
                id + " at " + b + " is outside the " + width + " px window");
    }

    private static void tweet(Connection c, String id, String handle, String text, String url) throws Exception {
        long postId = TestWorkbenches.insertPost(c, "twitter", id, handle, text);
        try (PreparedStatement st = c.prepareStatement("INSERT INTO tweet_url (post_id, position, expanded_url) VALUES (?, 0, ?)")) {
            st.setLong(1, postId);
            st.setString(2, url);
            st.executeUpdate();
        }
    }

    private static void coder(Workbench wb, LinkReviewService service, String name, String rows) throws Exception {
        Path csv = dir.resolve(name + ".csv");
        Files.writeString(csv, "external_id,false_positive,seller_type,link_status\n" + rows);
        assertTrue(service.importAnswers(wb, csv, name, Role.CODER).problems().isEmpty());
    }

    @AfterEach
    void stop() throws Exception {
        world.close();
    }

    private static List<String> listed(FxRobot robot, ListView<Long> list) {
        return robot.from(list).lookup(".list-cell").queryAllAs(ListCell.class).stream()
                .map(ListCell::getText).filter(t -> t != null).toList();
    }

    @Test
    void showsTwitterAgreementsKappaPerQuestionAndNamesCandidatesBySite(FxRobot robot) throws Exception {
        AnnotationUi.openAnnotate(robot, 2);
        AnnotationUi.signIn(robot, "link-expert", "expert");
        robot.clickOn("Agreement");
        @SuppressWarnings("unchecked")
        ChoiceBox<AnnotationSession.Study> study = robot.lookup("#agreementStudyBox").queryAs(ChoiceBox.class);
        FakeWorld.waitUntil("the link review offered", study::isVisible);
        TableView<PairRow> table = robot.lookup("#pairTable").queryTableView();
        // The posts' (Instagram) questions first: nobody answered them here.
        FakeWorld.waitUntil("the posts' figures", () -> robot.lookup("#agreementMessage").queryLabeled().getText()
                .equals("Agreement needs two coders who answered the same posts."));
        assertTrue(table.getItems().isEmpty());

        robot.interact(() -> study.setValue(AnnotationSession.Study.LINK_REVIEW));
        FakeWorld.waitUntil("the link review's figures", () -> !table.getItems().isEmpty());
        assertTrue(robot.lookup("#agreementTitle").queryLabeled().getText().startsWith("Link review"));
        robot.sleep(200);
        for (String id : List.of("#agreementStudyBox", "#agreementTitle", "#recomputeButton")) {
            assertInside(robot, id);
        }

        Map<String, LinkReviewService.QuestionAgreement> expected;
        try (Workbench wb = Workbench.open(file)) {
            expected = new LinkReviewService().agreement(wb).stream()
                    .collect(Collectors.toMap(LinkReviewService.QuestionAgreement::question, q -> q));
        }
        // The same rows as `twitter agreement`: one per answered question, the same coders and figures.
        assertEquals(expected.keySet(), table.getItems().stream().map(PairRow::question).collect(Collectors.toSet()));
        for (PairRow row : table.getItems()) {
            LinkReviewService.QuestionAgreement q = expected.get(row.question());
            assertEquals(q.first().name() + " " + q.second().name(), row.first().name() + " " + row.second().name());
            assertEquals(q.agreement().items(), row.agreement().items());
            assertEquals(q.agreement().cohenKappa(), row.agreement().cohenKappa(), 0.0, row.question());
            assertEquals(q.agreement().krippendorffAlpha(), row.agreement().krippendorffAlpha(), 0.0, row.question());
        }
        // By hand: seller type, 5 candidates, 4 agree; a: 3 pharmacy, 1 affiliate, 1 individual;
        // b: 4 pharmacy, 1 individual. pe = (3*4 + 0 + 1*1) / 25 = 0.52, kappa = (0.8 - 0.52) / 0.48 = 0.583.
        double sellerKappa = expected.get("seller_type").agreement().cohenKappa();
        assertEquals(0.5833, sellerKappa, 0.0005);
        // The table's cells show that figure.
        List<String> texts = AnnotationUi.allTexts(table);
        assertTrue(texts.containsAll(List.of("seller_type", AgreementController.figure(sellerKappa), "link-coder-a · link-coder-b")),
                texts.toString());

        // The seller-type disagreement: the blog coder B called a pharmacy, named by tweet id and site.
        PairRow seller = table.getItems().stream().filter(r -> r.question().equals("seller_type")).findFirst().orElseThrow();
        robot.interact(() -> table.getSelectionModel().select(seller));
        FakeWorld.waitUntil("the seller-type matrix", () -> robot.lookup("#cell-marketing-affiliate-online-pharmacy").tryQuery().isPresent());
        assertEquals("1", robot.lookup("#cell-marketing-affiliate-online-pharmacy").queryButton().getText());
        assertEquals("3", robot.lookup("#cell-online-pharmacy-online-pharmacy").queryButton().getText());
        robot.clickOn("#cell-marketing-affiliate-online-pharmacy");
        ListView<Long> posts = robot.lookup("#cellPostList").queryListView();
        FakeWorld.waitUntil("the candidate's name", () -> listed(robot, posts).equals(List.of("twitter 302 · pill-guide-12.blogsite.test")));
        assertTrue(robot.lookup("#cellLabel").queryLabeled().getText().endsWith(": 1 candidate"));
        assertFalse(listed(robot, posts).stream().anyMatch(t -> t.startsWith("post ")), "an internal id is shown");

        // Back to the posts: the link review's rows go.
        robot.interact(() -> study.setValue(AnnotationSession.Study.POSTS));
        FakeWorld.waitUntil("the posts' figures again", () -> table.getItems().isEmpty()
                && robot.lookup("#agreementTitle").queryLabeled().getText().startsWith("Agreement between coders"));
    }
}
