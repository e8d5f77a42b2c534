package org.signalbench.ui.adjudicate;

import org.signalbench.testing.Labelling;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.signalbench.domain.AuditEntry;
import org.signalbench.domain.Role;
import org.signalbench.labels.Disagreement;
import org.signalbench.labels.LabelStore;
import org.signalbench.store.Workbench;
import org.signalbench.ui.FakeWorld;
import org.signalbench.ui.annotate.AnnotationUi;
import org.signalbench.ui.importing.PostImporter;
import org.signalbench.ui.main.MainWindow;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The expert settles a disagreement in the Adjudicate view; the decision is stored and the post is no longer disputed. */
@ExtendWith(ApplicationExtension.class)
class AdjudicateUiTest {
    @TempDir
    static Path dir;
    FakeWorld world;
    Path file;

    @Start
    void start(Stage stage) throws Exception {
        world = new FakeWorld(dir);
        file = dir.resolve("adjudicate-" + System.nanoTime() + ".sqlite");
        List<Long> ids = AnnotationUi.fill(file, 4);
        try (Workbench workbench = Workbench.open(file)) {
            LabelStore store = Labelling.labelStore(workbench.connection());
            long a = store.coder("coder_a", Role.CODER).id();
            long b = store.coder("coder_b", Role.CODER).id();
            // post0: agreed; post1: dealer differs (with notes); post2: channels differ; post3: only coder_a.
            store.saveAnswer(a, ids.get(0), "dealer", "yes", null);
            store.saveAnswer(b, ids.get(0), "dealer", "yes", null);
            store.saveAnswer(a, ids.get(1), "dealer", "yes", "price list and a wickr handle");
            store.saveAnswer(b, ids.get(1), "dealer", "no", "looks like a joke");
            store.saveAnswer(a, ids.get(2), "dealer", "yes", null);
            store.saveAnswer(b, ids.get(2), "dealer", "yes", null);
            store.saveAnswer(a, ids.get(2), "channels", "wickr", null);
            store.saveAnswer(b, ids.get(2), "channels", "wickr,kik", null);
            store.saveAnswer(a, ids.get(3), "dealer", "no", null);
        }
        MainWindow.open(stage, world.config(file, false, PostImporter.UNAVAILABLE));
    }

    @AfterEach
    void stop() throws Exception {
        world.close();
    }

    private static List<String> rows(TableView<Disagreement> table) {
        return table.getItems().stream().map(d -> d.externalId() + ":" + d.questions() + ":" + (d.settled() ? "settled" : "disputed")).toList();
    }

    @Test
    void theExpertSettlesADisagreement(FxRobot robot) throws Exception {
        AnnotationUi.openAnnotate(robot, 2);
        AnnotationUi.signIn(robot, "the_expert", "expert");
        robot.clickOn("Adjudicate");
        TableView<Disagreement> table = robot.lookup("#disputeTable").queryTableView();
        FakeWorld.waitUntil("the disagreements", () -> table.getItems().size() == 2);
        assertEquals(List.of("post1:[dealer]:disputed", "post2:[channels]:disputed"), rows(table));
        assertEquals("2 posts with disagreements: 2 still disputed, 0 settled",
                robot.lookup("#adjudicateSummary").queryLabeled().getText());

        robot.interact(() -> table.getSelectionModel().select(0));
        // Each coder's answer and note side by side.
        FakeWorld.waitUntil("the answers side by side", () -> robot.lookup("#answer-coder_b-note").tryQuery().isPresent());
        assertEquals("yes", robot.lookup("#answer-coder_a-dealer").queryLabeled().getText());
        assertEquals("no", robot.lookup("#answer-coder_b-dealer").queryLabeled().getText());
        assertEquals("price list and a wickr handle", robot.lookup("#answer-coder_a-note").queryLabeled().getText());
        assertEquals("looks like a joke", robot.lookup("#answer-coder_b-note").queryLabeled().getText());
        FakeWorld.waitUntil("the post", () -> AnnotationUi.allTexts(robot.lookup("#adjudicateView").query())
                .contains("@author_1"));
        @SuppressWarnings("unchecked")
        ChoiceBox<String> question = (ChoiceBox<String>) robot.lookup("#settleQuestionBox").query();
        assertEquals("dealer", question.getValue());
        ComboBox<String> value = robot.lookup("#settleValueBox").queryComboBox();
        assertTrue(value.getItems().containsAll(List.of("yes", "no")), value.getItems().toString());
        robot.interact(() -> value.setValue("yes"));
        robot.clickOn("#settleReasonField").write("wickr handle and a price list: an offer");
        robot.clickOn("#settleButton");

        FakeWorld.waitUntil("post1 settled", () -> rows(table).equals(List.of("post1:[dealer]:settled", "post2:[channels]:disputed")));
        assertEquals("2 posts with disagreements: 1 still disputed, 1 settled",
                robot.lookup("#adjudicateSummary").queryLabeled().getText());
        TableView<AuditEntry> audit = robot.lookup("#auditTable").queryTableView();
        FakeWorld.waitUntil("the decision in the history", () -> audit.getItems().stream()
                .anyMatch(e -> e.kind() == AuditEntry.Kind.DECISION && e.who().equals("the_expert")));
        assertEquals(List.of("LABEL coder_a dealer yes", "LABEL coder_a note price list and a wickr handle",
                        "LABEL coder_b dealer no", "LABEL coder_b note looks like a joke", "DECISION the_expert dealer yes"),
                audit.getItems().stream().map(e -> e.kind() + " " + e.who() + " " + e.question() + " " + e.value()).toList());

        List<String> decisions = new ArrayList<>();
        try (Workbench workbench = Workbench.open(file);
             PreparedStatement st = workbench.connection().prepareStatement("SELECT k.name, p.external_id, a.question, a.value, a.reason "
                     + "FROM adjudication a JOIN coder k ON k.id = a.expert_id JOIN post p ON p.id = a.post_id ORDER BY a.id");
             ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
                decisions.add(String.join("|", rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)));
            }
        }
        assertEquals(List.of("the_expert|post1|dealer|yes|wickr handle and a price list: an offer"), decisions);
    }
}
