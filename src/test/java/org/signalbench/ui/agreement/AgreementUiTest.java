package org.signalbench.ui.agreement;

import org.signalbench.testing.Labelling;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import javafx.scene.chart.LineChart;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.signalbench.domain.Role;
import org.signalbench.labels.LabelStore;
import org.signalbench.store.Workbench;
import org.signalbench.ui.FakeWorld;
import org.signalbench.ui.agreement.AgreementViewModel.PairRow;
import org.signalbench.ui.annotate.AnnotationUi;
import org.signalbench.ui.importing.PostImporter;
import org.signalbench.ui.main.MainWindow;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Gwet's binary example in the Agreement view: two coders on ten posts, 8 yes/yes, 1 no/no,
 * 1 yes/no. Published: AC1 0.866; by hand: observed 0.900, kappa (0.9 - 0.74) / 0.26 = 0.615,
 * Krippendorff's alpha 1 - 0.1 / (1 - 278/380) = 0.627.
 */
@ExtendWith(ApplicationExtension.class)
class AgreementUiTest {
    @TempDir
    static Path dir;
    FakeWorld world;
    List<Long> ids;

    @Start
    void start(Stage stage) throws Exception {
        world = new FakeWorld(dir);
        Path file = dir.resolve("agreement-" + System.nanoTime() + ".sqlite");
        ids = AnnotationUi.fill(file, 10);
        try (Workbench workbench = Workbench.open(file)) {
            LabelStore store = Labelling.labelStore(workbench.connection());
            long a = store.coder("coder_a", Role.CODER).id();
            long b = store.coder("coder_b", Role.CODER).id();
            long c = store.coder("coder_c", Role.CODER).id();
            for (int i = 0; i < 10; i++) {
                String first = i == 9 ? "no" : "yes";
                String second = i >= 8 ? "no" : "yes";
                store.saveAnswer(a, ids.get(i), "dealer", first, null);
                store.saveAnswer(b, ids.get(i), "dealer", second, null);
                store.saveAnswer(c, ids.get(i), "dealer", first, null);
            }
        }
        MainWindow.open(stage, world.config(file, false, PostImporter.UNAVAILABLE));
    }

    @AfterEach
    void stop() throws Exception {
        world.close();
    }

    private static String row(PairRow r) {
        var a = r.agreement();
        return String.join(" ", r.first().name(), r.second().name(), r.question(), Long.toString(a.items()),
                AgreementController.figure(a.observedAgreement()), AgreementController.figure(a.cohenKappa()),
                AgreementController.figure(a.krippendorffAlpha()), AgreementController.figure(a.gwetAc1()));
    }

    @Test
    void showsGwetsExampleWithItsPostsAndBatches(FxRobot robot) {
        AnnotationUi.openAnnotate(robot, 3);
        AnnotationUi.signIn(robot, "the_expert", "expert");
        robot.clickOn("Agreement");
        TableView<PairRow> table = robot.lookup("#pairTable").queryTableView();
        FakeWorld.waitUntil("the figures", () -> table.getItems().size() == 3);
        // coder_a with coder_b is Gwet's table (rows coder_a: 9 yes, 1 no; columns coder_b: 8 yes, 2 no).
        assertEquals("coder_a coder_b dealer 10 0.900 0.615 0.627 0.866", row(table.getItems().get(0)));
        assertEquals("coder_a coder_c dealer 10 1.000 1.000 1.000 1.000", row(table.getItems().get(1)));
        // The table's cells show the same figures.
        assertTrue(AnnotationUi.allTexts(table).containsAll(List.of("0.615", "0.866", "0.627", "coder_a · coder_b")),
                AnnotationUi.allTexts(table).toString());
        PairRow ab = table.getItems().get(0);
        assertTrue(ab.agreement().kappaLow() < 0.615 && 0.615 < ab.agreement().kappaHigh());
        assertTrue(robot.lookup("#fleissLabel").queryLabeled().getText().startsWith("Fleiss' κ, 3 coders, dealer: "),
                robot.lookup("#fleissLabel").queryLabeled().getText());

        // The confusion matrix: clicking the yes/no cell lists the one post there; selecting it shows it.
        assertEquals("8", robot.lookup("#cell-yes-yes").queryButton().getText());
        assertEquals("1", robot.lookup("#cell-yes-no").queryButton().getText());
        assertEquals("0", robot.lookup("#cell-no-yes").queryButton().getText());
        assertEquals("1", robot.lookup("#cell-no-no").queryButton().getText());
        robot.clickOn("#cell-yes-no");
        ListView<Long> posts = robot.lookup("#cellPostList").queryListView();
        FakeWorld.waitUntil("the cell's posts", () -> posts.getItems().equals(List.of(ids.get(8))));
        // Named as people know the post (platform and id), not by the workbench's internal number.
        FakeWorld.waitUntil("the post's name", () -> robot.from(posts).lookup(".list-cell").queryAllAs(javafx.scene.control.ListCell.class)
                .stream().anyMatch(c -> "instagram post8".equals(c.getText())));
        robot.interact(() -> posts.getSelectionModel().select(0));
        FakeWorld.waitUntil("the post", () -> AnnotationUi.allTexts(robot.lookup("#agreementView").query()).contains("@author_8"));

        // All answers fall in one week: one batch point per series.
        @SuppressWarnings("unchecked")
        LineChart<String, Number> chart = robot.lookup("#batchChart").queryAs(LineChart.class);
        assertEquals(2, chart.getData().size());
        assertEquals(1, chart.getData().get(0).getData().size());
        assertEquals(0.615, chart.getData().get(0).getData().get(0).getYValue().doubleValue(), 0.0005);
    }
}
