package org.signalbench.ui.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import javafx.scene.Scene;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.GridPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.signalbench.jobs.JobManager;
import org.signalbench.jobs.JobStatus;
import org.signalbench.models.FoldResult;
import org.signalbench.models.PublishedValues;
import org.signalbench.models.ModelFixtures;
import org.signalbench.models.RunStore;
import org.signalbench.models.RunSummary;
import org.signalbench.store.Workbench;
import org.signalbench.testing.TestWorkbenches;
import org.signalbench.ui.common.BackgroundExecutor;
import org.signalbench.ui.common.CurrentWorkbench;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Models view over a small labelled workbench (ModelFixtures, 120 posts): a 3-fold
 * cross-validation of svm and dt on two variants started from the view; Table 1 shows the stored
 * figures beside the published ones of a fixture file; folds, ROC curves, confusion counts and
 * paired tests; a second run compared with the first; Cancel then Resume; bad setup values.
 */
@ExtendWith(ApplicationExtension.class)
class ModelsUiTest {
    static final String PUBLISHED = """
            {"source": "Fixture table", "rows": [
              {"variant": "with-hashtags", "model": "svm", "precision": 0.89, "recall": 0.8, "f1": 0.845, "auc": null},
              {"variant": "with-hashtags", "model": "dt", "precision": 0.7, "recall": null, "f1": null, "auc": 0.81}]}
            """;

    @TempDir
    Path dir;
    final ExecutorService executor = BackgroundExecutor.create();
    Workbench workbench;
    JobManager jobs;
    ModelsViewModel model;

    @Start
    void start(Stage stage) throws Exception {
        workbench = TestWorkbenches.open(dir);
        ModelFixtures.fill(workbench.connection(), 120, 7);
        Path published = Files.writeString(dir.resolve("table1.json"), PUBLISHED);
        PublishedValues values = PublishedValues.read(() -> {
            try {
                return Files.newInputStream(published);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }, "table1.json");
        CurrentWorkbench current = new CurrentWorkbench();
        current.workbenchProperty().set(workbench);
        jobs = new JobManager(executor);
        model = new ModelsViewModel(current, executor, jobs,
                new org.signalbench.app.CrossValidationService(
                        new org.signalbench.app.WorkbenchCorpus(org.signalbench.app.Settings.load())),
                (rows, format) -> format + " of " + rows.size() + " rows", values);
        ModelsController controller = new ModelsController(model,
                (owner, title, name, format) -> Optional.of(dir.resolve(name)));
        stage.setScene(new Scene(controller.view(), 1280, 800));
        stage.show();
    }

    @AfterEach
    void stop() throws Exception {
        executor.shutdownNow();
        executor.awaitTermination(5, TimeUnit.SECONDS);
        workbench.close();
    }

    static void waitUntil(String what, BooleanSupplier condition) {
        ModelsScreenshots.waitUntil(what, condition, 30);
    }

    /** svm and dt, 3 folds, with-hashtags and hashtags-only, set on the setup controls (not clicked: faster). */
    @SuppressWarnings("unchecked")
    private void setUpSmallRun(FxRobot robot, String seed) {
        robot.interact(() -> {
            robot.lookup("#variant-no-hashtags").queryAs(CheckBox.class).setSelected(false);
            for (String id : model.availableModels()) {
                robot.lookup("#model-" + id).queryAs(CheckBox.class).setSelected(id.equals("svm") || id.equals("dt"));
            }
            robot.lookup("#folds").queryAs(Spinner.class).getValueFactory().setValue(3);
            seed(robot, seed);
        });
    }

    private static void seed(FxRobot robot, String seed) {
        robot.lookup("#seed").queryAs(TextField.class).setText(seed);
    }

    private void waitForResultsOfStatus(String status) {
        waitUntil("a " + status + " run shown", () -> !model.runningProperty().get() && model.resultsProperty().get() != null
                && model.resultsProperty().get().run().status().key().equals(status));
    }

    @SuppressWarnings("unchecked")
    private static String table1Cell(FxRobot robot, String columnId, int line) {
        TableView<Table1Grid.Line> table = robot.lookup("#table1").queryAs(TableView.class);
        for (TableColumn<Table1Grid.Line, ?> group : table.getColumns()) {
            for (TableColumn<Table1Grid.Line, ?> column : group.getColumns()) {
                if (columnId.equals(column.getId())) {
                    return String.valueOf(column.getCellData(line));
                }
            }
        }
        throw new AssertionError("no Table 1 column " + columnId);
    }

    @Test
    void crossValidatesFromTheViewAndShowsTable1FoldsRocAndTests(FxRobot robot) throws Exception {
        setUpSmallRun(robot, "5");
        robot.clickOn("#startRun");
        waitForResultsOfStatus("finished");

        String runId = model.selectedProperty().get().id();
        assertEquals(JobStatus.DONE, jobs.jobs().get(0).status());
        List<RunSummary.Row> stored;
        try (Connection c = workbench.newConnection()) {
            stored = RunSummary.rows(new RunStore(org.signalbench.store.Session.over(c)), runId);
        }
        assertEquals(4, stored.size(), "2 variants x 2 models");
        @SuppressWarnings("unchecked")
        TableView<Table1Grid.Line> table = robot.lookup("#table1").queryAs(TableView.class);
        assertEquals(10, table.getItems().size(), "2 variants x 5 measures");
        for (RunSummary.Row row : stored) {
            int first = row.variant().equals("with-hashtags") ? 0 : 5;
            String col = "table1-" + row.model() + "-this-run";
            assertEquals(String.format(Locale.ROOT, "%.3f ± %.3f", row.precision(), row.precisionSd()), table1Cell(robot, col, first));
            assertEquals(String.format(Locale.ROOT, "%.3f ± %.3f", row.recall(), row.recallSd()), table1Cell(robot, col, first + 1));
            assertEquals(String.format(Locale.ROOT, "%.3f ± %.3f", row.f1(), row.f1Sd()), table1Cell(robot, col, first + 2));
            assertEquals(String.format(Locale.ROOT, "%.3f ± %.3f", row.auc(), row.aucSd()), table1Cell(robot, col, first + 3));
            assertEquals(String.format(Locale.ROOT, "%.3f", row.aucPooled()), table1Cell(robot, col, first + 4));
        }
        // Published values beside them, as the fixture gives them; "—" where it gives none.
        assertEquals("0.89", table1Cell(robot, "table1-svm-paper", 0));
        assertEquals("0.845", table1Cell(robot, "table1-svm-paper", 2));
        assertEquals("—", table1Cell(robot, "table1-svm-paper", 4), "null in the fixture");
        assertEquals("—", table1Cell(robot, "table1-dt-paper", 1));
        assertEquals("—", table1Cell(robot, "table1-dt-paper", 3), "the study's AUC is the pooled one");
        assertEquals("0.81", table1Cell(robot, "table1-dt-paper", 4));
        assertEquals("—", table1Cell(robot, "table1-dt-paper", 5), "hashtags-only is not in the fixture");
        assertTrue(table1Cell(robot, "table1-svm-Δ-paper", 0).matches("[+-]\\d\\.\\d{3}"), "this run minus the paper");
        String source = robot.lookup("#publishedSource").queryAs(Label.class).getText();
        assertTrue(source.endsWith("Paper: Fixture table"), source);

        // Per fold: folds x models x variants, live and stored.
        assertEquals(3 * 2 * 2, robot.lookup("#foldTable").queryAs(TableView.class).getItems().size());
        assertEquals(3 * 2 * 2, model.liveFolds().size());

        // ROC curves of both models and the chance line, each from (0, 0) to (1, 1).
        robot.clickOn("ROC · confusion · tests");
        @SuppressWarnings("unchecked")
        LineChart<Number, Number> roc = robot.lookup("#rocChart").queryAs(LineChart.class);
        assertEquals(List.of(ModelsCharts.CHANCE, "dt", "svm"),
                roc.getData().stream().map(s -> s.getName().split(" ")[0]).sorted().toList());
        for (XYChart.Series<Number, Number> s : roc.getData()) {
            XYChart.Data<Number, Number> last = s.getData().get(s.getData().size() - 1);
            assertEquals(1.0, last.getXValue().doubleValue(), 1e-9);
            assertEquals(1.0, last.getYValue().doubleValue(), 1e-9);
        }
        // Pooled confusion counts cover every labelled text of the variant once.
        int tested = model.resultsProperty().get().folds().stream()
                .filter(f -> f.variant().equals("with-hashtags") && f.model().equals("svm")).mapToInt(FoldResult::testSize).sum();
        GridPane svm = robot.lookup("#confusion-svm").queryAs(GridPane.class);
        int counted = 0;
        for (String cell : List.of("#tp", "#fn", "#fp", "#tn")) {
            counted += Integer.parseInt(robot.from(svm).lookup(cell).queryAs(Label.class).getText().replace(",", ""));
        }
        assertEquals(tested, counted);
        assertEquals(List.of("with-hashtags"), robot.lookup("#pairedTests").queryAs(TableView.class).getItems().stream()
                .map(c -> ((RunSummary.Comparison) c).variant()).toList(), "svm vs dt on the variant shown");

        // A second run, compared with the first: its figures and the difference beside this run's.
        robot.interact(() -> seed(robot, "6"));
        robot.clickOn("#startRun");
        waitUntil("the second run shown", () -> !model.runningProperty().get() && model.resultsProperty().get() != null
                && !model.resultsProperty().get().run().id().equals(runId));
        assertEquals(2, model.runs().size());
        robot.interact(() -> model.compareWithProperty().set(model.runs().stream().filter(r -> r.id().equals(runId)).findFirst().orElseThrow()));
        waitUntil("the compared columns", () -> model.table1Property().get() != null
                && model.table1Property().get().subColumns().contains(Table1Grid.COMPARED));
        RunSummary.Row firstF1 = stored.stream().filter(r -> r.variant().equals("with-hashtags") && r.model().equals("svm")).findFirst().orElseThrow();
        assertEquals(String.format(Locale.ROOT, "%.3f ± %.3f", firstF1.f1(), firstF1.f1Sd()), table1Cell(robot, "table1-svm-compared", 2));
        assertTrue(table1Cell(robot, "table1-svm-Δ-mean", 2).matches("[+-]\\d\\.\\d{3}"), table1Cell(robot, "table1-svm-Δ-mean", 2));

        // Export writes what the exporter makes of the selected run's rows to the chosen file.
        robot.clickOn("#exportMarkdown");
        Path written = dir.resolve("run-" + model.selectedProperty().get().id().substring(0, 8) + ".md");
        waitUntil("the export", () -> Files.exists(written));
        waitUntil("the export's status", () -> model.statusProperty().get().startsWith("Exported run"));
        assertEquals("MARKDOWN of 4 rows", Files.readString(written));
    }

    @Test
    void cancelKeepsTheFinishedFoldsAndResumeFinishesTheRun(FxRobot robot) throws Exception {
        setUpSmallRun(robot, "3");
        // The work pauses before its third unit until the test has pressed Cancel.
        CountDownLatch reached = new CountDownLatch(1);
        CountDownLatch pressed = new CountDownLatch(1);
        AtomicBoolean once = new AtomicBoolean();
        // Before the third of 12 units: 2/12 of the work done (whatever steps a unit counts in).
        jobs.addSubmitListener(job -> job.addListener(j -> {
            if (j.status() == JobStatus.RUNNING && j.total() > 0 && j.done() * 12 >= 2 * j.total()
                    && once.compareAndSet(false, true)) {
                reached.countDown();
                try {
                    pressed.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }));
        robot.clickOn("#startRun");
        assertTrue(reached.await(20, TimeUnit.SECONDS));
        robot.clickOn("#cancelRun");
        pressed.countDown();
        waitForResultsOfStatus("cancelled");

        String runId = model.selectedProperty().get().id();
        assertEquals(JobStatus.CANCELLED, jobs.jobs().get(0).status());
        assertEquals(3, model.resultsProperty().get().folds().size(), "the unit under way when Cancel was pressed finishes");
        assertFalse(robot.lookup("#resumeRun").queryAs(Button.class).isDisabled());

        robot.clickOn("#resumeRun");
        waitForResultsOfStatus("finished");
        assertEquals(runId, model.selectedProperty().get().id(), "the same run, continued");
        assertEquals(1, model.runs().size());
        assertEquals(3 * 2 * 2, model.resultsProperty().get().folds().size());
        assertEquals(3 * 2 * 2, model.liveFolds().size(), "the stored units, then the resumed ones");
        assertTrue(robot.lookup("#resumeRun").queryAs(Button.class).isDisabled(), "a finished run has nothing to resume");
        assertEquals(10, robot.lookup("#table1").queryAs(TableView.class).getItems().size());
    }

    @Test
    void invalidSetupValuesShowAMessageAndKeepStartDisabled(FxRobot robot) {
        Button start = robot.lookup("#startRun").queryAs(Button.class);
        Label problem = robot.lookup("#setupProblem").queryAs(Label.class);
        assertFalse(start.isDisabled());
        assertFalse(problem.isVisible());

        @SuppressWarnings("unchecked")
        TableView<Hyperparameter> table = robot.lookup("#hyperparameters").queryAs(TableView.class);
        int row = table.getItems().indexOf(table.getItems().stream()
                .filter(h -> h.model().equals("svm") && h.name().equals("cost")).findFirst().orElseThrow());
        robot.interact(() -> {
            table.scrollTo(row);
            table.layout();
            table.edit(row, table.getColumns().stream().filter(c -> "hyperparameterValue".equals(c.getId())).findFirst().orElseThrow());
        });
        robot.write("cheap").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("Hyperparameter of svm: svm.cost: 'cheap' is not a number", problem.getText());
        assertTrue(problem.isVisible());
        assertTrue(start.isDisabled());

        robot.interact(() -> table.getItems().get(row).valueProperty().set("0.5"));
        assertFalse(start.isDisabled());
        assertEquals(java.util.Map.of("cost", "0.5"), model.config().overrides().get("svm"), "a changed value becomes an override");

        robot.interact(() -> seed(robot, "x1"));
        assertEquals("The seed must be a whole number, not “x1”.", problem.getText());
        assertTrue(start.isDisabled());
        robot.interact(() -> seed(robot, "12"));
        for (String key : List.of("with-hashtags", "hashtags-only", "no-hashtags")) {
            robot.clickOn("#variant-" + key);
        }
        assertEquals("Choose at least one text variant.", problem.getText());
        assertTrue(start.isDisabled());
        assertTrue(jobs.jobs().isEmpty(), "nothing started");
    }
}
