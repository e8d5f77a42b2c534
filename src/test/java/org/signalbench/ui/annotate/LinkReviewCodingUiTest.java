package org.signalbench.ui.annotate;

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
import javafx.scene.control.ComboBox;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.signalbench.app.AnnotationSession;
import org.signalbench.app.LinkReviewService;
import org.signalbench.domain.Role;
import org.signalbench.labels.Disagreement;
import org.signalbench.store.Workbench;
import org.signalbench.testing.TestWorkbenches;
import org.signalbench.ui.FakeWorld;
import org.signalbench.ui.importing.PostImporter;
import org.signalbench.ui.main.MainWindow;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * A coder codes the link review's candidates in Annotate, keyboard only: the queue offers the
 * candidates once the workbench has a review, the link-review codebook's questions and keys
 * replace the Instagram ones, another coder's imported answers stay hidden, the answers land in
 * the {@code label} table as {@code twitter code import} stores them, and {@code twitter agreement}
 * gives kappa per question from them. The expert settles the one disagreement in Adjudicate, and
 * the link review's final answers follow the decision.
 */
@ExtendWith(ApplicationExtension.class)
class LinkReviewCodingUiTest {
    @TempDir
    static Path dir;
    FakeWorld world;
    Path file;

    @Start
    void start(Stage stage) throws Exception {
        world = new FakeWorld(dir);
        file = dir.resolve("links-" + System.nanoTime() + ".sqlite");
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
            // The other coder's answers, from a coder file: coder A must not see them.
            Path coded = dir.resolve("coder-b.csv");
            Files.writeString(coded, "external_id,false_positive,seller_type,link_status,sells_opioids\n"
                    + "201,no,online-pharmacy,live,yes\n202,no,marketing-affiliate,dead,yes\n");
            service.importAnswers(wb, coded, "link-coder-b", Role.CODER);
        }
        MainWindow.open(stage, world.config(file, false, PostImporter.UNAVAILABLE));
        stage.setWidth(1280);
        stage.setHeight(720);
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
        world.close();
    }

    private static void assertInside(FxRobot robot, String id) {
        javafx.scene.Node node = robot.lookup(id).query();
        javafx.geometry.Bounds b = node.localToScene(node.getBoundsInLocal());
        javafx.scene.Scene scene = node.getScene();
        assertTrue(node.isVisible() && b.getMinX() >= 0 && b.getMaxX() <= scene.getWidth() + 0.5 && b.getWidth() > 0,
                id + " at " + b + " is outside the " + scene.getWidth() + " px window");
    }

    private static boolean selected(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(ToggleButton.class).isSelected();
    }

    private static String caption(FxRobot robot) {
        return AnnotationUi.shownCaption(robot);
    }

    @Test
    void aCandidateCodedByKeyboardIsStoredWhereTwitterCodeImportStoresIt(FxRobot robot) throws Exception {
        AnnotationUi.openAnnotate(robot, 1);
        AnnotationUi.signIn(robot, "link-coder-a", "coder");
        @SuppressWarnings("unchecked")
        ChoiceBox<AnnotationSession.Study> study = robot.lookup("#studyBox").queryAs(ChoiceBox.class);
        FakeWorld.waitUntil("the link review offered", study::isVisible);
        // At 1280×720 the bar with the study choice and the post filters still fits.
        robot.sleep(200);
        for (String id : List.of("#studyBox", "#queueTextField", "#applyQueueButton", "#positionLabel", "#progressLabel", "#helpButton")) {
            assertInside(robot, id);
        }
        robot.interact(() -> study.setValue(AnnotationSession.Study.LINK_REVIEW));

        // The candidates' queue with the link-review questions; the Instagram ones are gone.
        FakeWorld.waitUntil("the first candidate", () -> caption(robot).startsWith("buy oxycodone"));
        FakeWorld.waitUntil("the candidates' progress", () -> robot.lookup("#progressLabel").queryLabeled().getText().equals("0 / 2 done"));
        assertTrue(robot.lookup("#answer-false_positive-no").tryQuery().isPresent());
        assertFalse(robot.lookup("#answer-dealer-yes").tryQuery().isPresent());
        assertFalse(robot.lookup("#queueTextField").query().isVisible(), "the post filters do not apply to candidates");
        for (String id : List.of("#studyBox", "#positionLabel", "#progressLabel", "#helpButton", "#answer-false_positive-no")) {
            assertInside(robot, id);
        }
        // Blind: coder B's answers to this candidate are not shown.
        assertFalse(selected(robot, "#answer-false_positive-no") || selected(robot, "#answer-seller_type-online-pharmacy")
                || selected(robot, "#answer-link_status-live"), "another coder's answers are shown");

        // Keyboard only: selling (N), online pharmacy (1), live (L), opioids (O), "no prescription" (X),
        // other controlled substances (Shift+1), bitcoin (B), e-mail (E); Enter moves on.
        robot.type(KeyCode.N, KeyCode.DIGIT1, KeyCode.L, KeyCode.O, KeyCode.X);
        robot.press(KeyCode.SHIFT).type(KeyCode.DIGIT1).release(KeyCode.SHIFT);
        robot.type(KeyCode.B, KeyCode.E);
        FakeWorld.waitUntil("e-mail saved", () -> selected(robot, "#answer-contact_details-email"));
        assertEquals("post 1 of 2", robot.lookup("#positionLabel").queryLabeled().getText(), "multiple choices never move on");
        robot.type(KeyCode.ENTER);
        FakeWorld.waitUntil("the second candidate", () -> caption(robot).startsWith("where to buy percocet"));

        // The second: Enter without the first required answer stays; selling, affiliate, dead, Shift+O, 0 (no contact), Enter.
        robot.type(KeyCode.ENTER);
        FakeWorld.waitUntil("the required question named", () -> robot.lookup("#annotateMessage").queryLabeled().getText()
                .startsWith("False positive (not selling) is required"));
        robot.type(KeyCode.N, KeyCode.DIGIT3, KeyCode.D);
        robot.press(KeyCode.SHIFT).type(KeyCode.O).release(KeyCode.SHIFT);
        robot.type(KeyCode.DIGIT0, KeyCode.ENTER);
        FakeWorld.waitUntil("all done", () -> robot.lookup("#progressLabel").queryLabeled().getText().equals("2 / 2 done"));

        List<String> rows = AnnotationUi.labelRows(file).stream().filter(r -> r.startsWith("link-coder-a|")).toList();
        assertEquals(List.of("link-coder-a|201|false_positive|no", "link-coder-a|201|seller_type|online-pharmacy",
                "link-coder-a|201|link_status|live", "link-coder-a|201|sells_opioids|yes", "link-coder-a|201|no_prescription|yes",
                "link-coder-a|201|other_drugs|controlled", "link-coder-a|201|payment|bitcoin", "link-coder-a|201|contact_details|email",
                "link-coder-a|202|false_positive|no", "link-coder-a|202|seller_type|marketing-affiliate",
                "link-coder-a|202|link_status|dead", "link-coder-a|202|sells_opioids|no", "link-coder-a|202|contact_details|none"), rows);

        // Where twitter code import stores them: its export reads them back, and agreement gives kappa per question.
        try (Workbench wb = Workbench.open(file)) {
            LinkReviewService service = new LinkReviewService();
            Path exported = service.exportAnswers(wb, "link-coder-a", dir.resolve("coder-a-out.csv"));
            List<String> lines = Files.readAllLines(exported);
            assertTrue(lines.get(1).startsWith("201,") && lines.get(1).contains(",no,online-pharmacy,live,yes,yes,controlled,bitcoin,email"),
                    lines.toString());
            Map<String, LinkReviewService.QuestionAgreement> byQuestion = service.agreement(wb).stream()
                    .collect(Collectors.toMap(LinkReviewService.QuestionAgreement::question, q -> q));
            assertEquals(2, byQuestion.get("seller_type").agreement().items());
            assertEquals(1.0, byQuestion.get("seller_type").agreement().cohenKappa(), 1e-9);
            assertEquals(1.0, byQuestion.get("link_status").agreement().observedAgreement(), 1e-9);
            assertEquals(2, byQuestion.get("sells_opioids").agreement().items());
        }

        // Back to the posts: the Instagram questions return.
        robot.interact(() -> study.setValue(AnnotationSession.Study.POSTS));
        FakeWorld.waitUntil("the Instagram questions", () -> robot.lookup("#answer-dealer-yes").tryQuery().isPresent());
        assertFalse(robot.lookup("#answer-false_positive-no").tryQuery().isPresent());

        // The expert settles the candidates' one disagreement (sells opioids on 202) in Adjudicate.
        robot.clickOn("#switchCoderButton");
        AnnotationUi.signIn(robot, "link-expert", "expert");
        robot.clickOn("Adjudicate");
        TableView<Disagreement> table = robot.lookup("#disputeTable").queryTableView();
        FakeWorld.waitUntil("the candidate's disagreement", () -> table.getItems().size() == 1);
        assertEquals("202", table.getItems().get(0).externalId());
        assertEquals(java.util.Set.of("sells_opioids"), table.getItems().get(0).questions());
        robot.interact(() -> table.getSelectionModel().select(0));
        FakeWorld.waitUntil("the answers side by side", () -> robot.lookup("#answer-link-coder-b-sells_opioids").tryQuery().isPresent());
        assertEquals("no", robot.lookup("#answer-link-coder-a-sells_opioids").queryLabeled().getText());
        assertEquals("yes", robot.lookup("#answer-link-coder-b-sells_opioids").queryLabeled().getText());
        assertEquals("marketing-affiliate", robot.lookup("#answer-link-coder-a-seller_type").queryLabeled().getText());
        @SuppressWarnings("unchecked")
        ChoiceBox<String> question = (ChoiceBox<String>) robot.lookup("#settleQuestionBox").query();
        assertEquals("sells_opioids", question.getValue());
        ComboBox<String> value = robot.lookup("#settleValueBox").queryComboBox();
        assertTrue(value.getItems().containsAll(List.of("yes", "no")), value.getItems().toString());
        robot.interact(() -> value.setValue("no"));
        robot.clickOn("#settleReasonField").write("a blog that lists pharmacies; no opioid offered");
        robot.clickOn("#settleButton");
        FakeWorld.waitUntil("settled", () -> table.getItems().size() == 1 && table.getItems().get(0).settled());
        try (Workbench wb = Workbench.open(file)) {
            LinkReviewService service = new LinkReviewService();
            long post202 = service.latestCandidates(wb).stream().filter(c -> c.externalId().equals("202")).findFirst().orElseThrow().postId();
            assertEquals("no", service.finalAnswers(wb).get("sells_opioids").get(post202));
            assertEquals("marketing-affiliate", service.finalAnswers(wb).get("seller_type").get(post202));
        }
    }
}
