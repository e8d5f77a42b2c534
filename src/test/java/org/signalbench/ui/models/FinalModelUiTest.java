package org.signalbench.ui.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.signalbench.testing.TestWorkbenches.insertPost;
import static org.signalbench.testing.TestWorkbenches.scalar;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.CheckBox;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.signalbench.app.CrossValidationService;
import org.signalbench.app.FinalModelService;
import org.signalbench.app.Settings;
import org.signalbench.app.WorkbenchCorpus;
import org.signalbench.jobs.JobManager;
import org.signalbench.models.FinalModels;
import org.signalbench.models.Folds;
import org.signalbench.models.ModelFixtures;
import org.signalbench.preprocess.Variant;
import org.signalbench.store.Workbench;
import org.signalbench.testing.TestWorkbenches;
import org.signalbench.ui.annotate.AnnotateViewModel;
import org.signalbench.ui.common.BackgroundExecutor;
import org.signalbench.ui.common.CurrentWorkbench;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The Models view's final model on a small workbench (ModelFixtures, 120 labelled posts and 4
 * unlabelled): Train and score saves the model beside the workbench and stores a score for every
 * post without a final label, and the Annotate queue then offers that model to sort by. Also: the
 * message line shifts nothing, the loss chart is absent without the LSTM, and the Models settings
 * survive a capture and restore (as the window does across restarts).
 */
@ExtendWith(ApplicationExtension.class)
class FinalModelUiTest {
    static final int UNLABELLED = 4;

    @TempDir
    Path dir;
    final ExecutorService executor = BackgroundExecutor.create();
    Workbench workbench;
    CurrentWorkbench current;
    ModelsViewModel model;
    AnnotateViewModel annotate;

    @Start
    void start(Stage stage) throws Exception {
        workbench = TestWorkbenches.open(dir);
        ModelFixtures.fill(workbench.connection(), 120, 7);
        for (int i = 0; i < UNLABELLED; i++) {
            insertPost(workbench.connection(), "instagram", "U" + i, "someone", "dm to order delivery tonight #weekend " + i);
        }
        current = new CurrentWorkbench();
        current.workbenchProperty().set(workbench);
        WorkbenchCorpus corpus = new WorkbenchCorpus(Settings.load());
        JobManager jobs = new JobManager(executor);
        model = new ModelsViewModel(current, executor, jobs, new CrossValidationService(corpus),
                (rows, format) -> format + " of " + rows.size() + " rows", null, new FinalModelService(corpus));
        annotate = new AnnotateViewModel(current, executor, Settings.load().codebook());
        annotate.reloadChoices(); // as the window does once the workbench is open
        ModelsController controller = new ModelsController(model, (owner, title, name, format) -> java.util.Optional.empty());
        stage.setScene(new Scene(controller.view(), 1280, 720));
        stage.show();
    }

    @AfterEach
    void stop() throws Exception {
        executor.shutdownNow();
        executor.awaitTermination(5, TimeUnit.SECONDS);
        workbench.close();
    }

    @Test
    void trainsAndScoresFromTheViewAndAnnotateOffersTheScores(FxRobot robot) throws Exception {
        FinalModelViewModel finals = model.finalModel();
        assertEquals("svm", finals.modelProperty().get(), "a quick model by default");
        assertEquals(Variant.WITH_HASHTAGS, finals.variantProperty().get());
        ModelsScreenshots.waitUntil("the annotate choices read", () -> !annotate.knownCoders().isEmpty(), 30);
        assertEquals(List.of(), List.copyOf(annotate.scoreModels()), "no scores yet");
        int scoresBefore = current.scoresRevisionProperty().get();

        // The setup's hyperparameters go into the final model: the SVM's cost edited in the table.
        robot.interact(() -> model.hyperparameters().stream()
                .filter(h -> h.model().equals("svm") && h.name().equals("cost")).findFirst().orElseThrow()
                .valueProperty().set("2"));
        robot.interact(() -> robot.lookup("#modelsTabs").queryAs(TabPane.class).getSelectionModel().select(
                robot.lookup("#modelsTabs").queryAs(TabPane.class).getTabs().stream()
                        .filter(t -> "finalModelTab".equals(t.getId())).findFirst().orElseThrow()));
        robot.clickOn("#trainFinalModel");
        ModelsScreenshots.waitUntil("trained and scored", () -> !finals.statusProperty().get().isEmpty()
                || !finals.problemProperty().get().isEmpty(), 60);
        assertEquals("", finals.problemProperty().get());
        assertFalse(finals.runningProperty().get());

        ModelsScreenshots.waitUntil("the final model listed", () -> finals.finalModels().size() == 1, 30);
        FinalModels.FinalModel trained = finals.finalModels().get(0);
        assertEquals("svm", trained.model());
        assertEquals(2.0, ((Number) trained.hyperparameters().get("cost")).doubleValue());
        assertEquals(dir.resolve("test-data/models/" + trained.id() + ".zip").toAbsolutePath(), trained.file());
        assertTrue(Files.isRegularFile(trained.file()), "saved beside the workbench");
        // Every post without a final label got a score: the unlabelled ones and the one the coders dispute.
        long withoutFinalLabel = UNLABELLED + 1;
        assertEquals(withoutFinalLabel, scalar(workbench.connection(), "SELECT count(*) FROM post_score WHERE model = ?", trained.id()));
        assertTrue(finals.statusProperty().get().contains("scored " + withoutFinalLabel + " posts"), finals.statusProperty().get());

        assertEquals(scoresBefore + 1, current.scoresRevisionProperty().get());
        ModelsScreenshots.waitUntil("Annotate offers the model's scores", () -> annotate.scoreModels().contains(trained.id()), 30);
    }

    @Test
    void aMessageShiftsNothingAndTheLossChartShowsOnlyWithTheLstm(FxRobot robot) {
        Node runs = robot.lookup("#runs").query();
        Node start = robot.lookup("#startRun").query();
        Bounds runsBefore = runs.localToScene(runs.getBoundsInLocal());
        Bounds startBefore = start.localToScene(start.getBoundsInLocal());
        // A message appears in the message line (set directly: a run that ends would take seconds).
        robot.interact(() -> ((javafx.beans.property.StringProperty) model.statusProperty()).set("Run 1234abcd finished."));
        robot.interact(() -> { });
        assertTrue(robot.lookup("#modelsStatus").queryLabeled().isVisible());
        assertEquals(runsBefore, runs.localToScene(runs.getBoundsInLocal()), "the runs table moved");
        assertEquals(startBefore, start.localToScene(start.getBoundsInLocal()), "Start moved");

        SplitPane progress = robot.lookup("#modelsTabs").queryAs(TabPane.class).getTabs().get(0).getContent()
                .lookup("SplitPane") instanceof SplitPane s ? s : null;
        assertTrue(progress != null);
        assertFalse(progress.getItems().stream().anyMatch(n -> "lossChart".equals(n.getId())),
                "no loss chart while the LSTM is not chosen");
        if (model.lstmAvailable()) {
            robot.interact(() -> robot.lookup("#model-lstm").queryAs(CheckBox.class).setSelected(true));
            assertTrue(progress.getItems().stream().anyMatch(n -> "lossChart".equals(n.getId())), "the LSTM chosen: its chart");
            robot.interact(() -> robot.lookup("#model-lstm").queryAs(CheckBox.class).setSelected(false));
            assertFalse(progress.getItems().stream().anyMatch(n -> "lossChart".equals(n.getId())));
        }
    }

    @Test
    void theModelsSettingsAreRememberedAcrossARestart(FxRobot robot) {
        Properties remembered = new Properties();
        robot.interact(() -> {
            model.modelProperty("dt").set(false);
            model.modelProperty("rf").set(true);
            model.variantProperty(Variant.NO_HASHTAGS).set(false);
            model.foldsProperty().set(4);
            model.seedProperty().set("42");
            model.schemeProperty().set(Folds.Scheme.values()[Folds.Scheme.values().length - 1]);
            model.hyperparameters().stream().filter(h -> h.model().equals("rf") && h.name().equals("trees"))
                    .findFirst().ifPresent(h -> h.valueProperty().set("7"));
            model.finalModel().modelProperty().set("dt");
            model.finalModel().variantProperty().set(Variant.HASHTAGS_ONLY);
            model.captureSettings(remembered);
        });
        // A new window (the next start) takes them back.
        CurrentWorkbench other = new CurrentWorkbench();
        ModelsViewModel restarted = new ModelsViewModel(other, executor, new JobManager(executor),
                new CrossValidationService(new WorkbenchCorpus(Settings.load())), RunExports.TABLE1, null,
                new FinalModelService(new WorkbenchCorpus(Settings.load())));
        robot.interact(() -> restarted.restoreSettings(remembered));
        assertFalse(restarted.modelProperty("dt").get());
        assertTrue(restarted.modelProperty("rf").get());
        assertTrue(restarted.modelProperty("svm").get());
        assertFalse(restarted.variantProperty(Variant.NO_HASHTAGS).get());
        assertTrue(restarted.variantProperty(Variant.WITH_HASHTAGS).get());
        assertEquals(4, restarted.foldsProperty().get());
        assertEquals("42", restarted.seedProperty().get());
        assertEquals(model.schemeProperty().get(), restarted.schemeProperty().get());
        assertEquals(model.overridesOf("rf"), restarted.overridesOf("rf"));
        assertEquals("dt", restarted.finalModel().modelProperty().get());
        assertEquals(Variant.HASHTAGS_ONLY, restarted.finalModel().variantProperty().get());
    }
}
