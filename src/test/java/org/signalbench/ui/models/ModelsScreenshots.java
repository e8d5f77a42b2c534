package org.signalbench.ui.models;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Spinner;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.signalbench.jobs.JobContext;
import org.signalbench.jobs.JobManager;
import org.signalbench.jobs.JobStatus;
import org.signalbench.models.CrossValidation;
import org.signalbench.models.CvConfig;
import org.signalbench.models.Folds;
import org.signalbench.models.LabeledCorpus;
import org.signalbench.models.ModelCatalog;
import org.signalbench.models.ModelFixtures;
import org.signalbench.models.RunStore;
import org.signalbench.preprocess.Preprocessor;
import org.signalbench.preprocess.Variant;
import org.signalbench.store.Workbench;
import org.signalbench.ui.AppConfig;
import org.signalbench.ui.common.BackgroundExecutor;
import org.signalbench.ui.importing.FileDialogs;
import org.signalbench.ui.importing.PostImporter;
import org.signalbench.ui.main.MainWindow;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Renders the Models view of the app's window to docs/screenshots/models-*.png. A tool, not a test:
 * its name keeps it out of the normal run, and it needs {@code -Dsignalbench.screenshots=true}.
 *
 * <pre>
 * mvn -q -B -o test -Dtest=ModelsScreenshots -Dsignalbench.screenshots=true \
 *     [-Dsignalbench.screenshots.workbench=/path/to/workbench.sqlite] [-Dsignalbench.screenshots.run=RUN_ID] \
 *     [-Dsignalbench.screenshots.out=docs/screenshots] [-Dsignalbench.screenshots.epochs=4] \
 *     [-Dsignalbench.screenshots.training=false]   (false: only Table 1 and ROC, no training run)
 * </pre>
 *
 * <ul>
 * <li>{@code models-table1.png}, {@code models-roc.png}: the given workbench's run (default: its
 *     newest finished run); without a workbench, a small made-up one (ModelFixtures, 300 posts) in
 *     target/screenshots/ with a 5-fold run of the baselines made first.</li>
 * <li>{@code models-training.png}: a run started from the view on a copy of the workbench (so the
 *     given one gets no extra run): with the LSTM when this build has it (epoch cap raised to
 *     {@code epochs} + 2), paused as it starts epoch {@code epochs} + 1 of its first unit, so the
 *     loss chart shows {@code epochs} epochs; else the baselines, paused halfway with the per-fold
 *     progress. The run is then cancelled.</li>
 * </ul>
 */
@ExtendWith(ApplicationExtension.class)
class ModelsScreenshots {
    static final Path DIR = Path.of("target", "screenshots").toAbsolutePath();
    static Path workbenchFile;
    final ExecutorService executor = BackgroundExecutor.create();
    Stage stage;
    MainWindow window;

    /** The workbench to show, made first when none is given (off the FX thread: the run takes a while). */
    @BeforeAll
    static void workbench() throws Exception {
        Assumptions.assumeTrue(Boolean.getBoolean("signalbench.screenshots"),
                "screenshot tool: run with -Dsignalbench.screenshots=true");
        String given = System.getProperty("signalbench.screenshots.workbench", "");
        workbenchFile = given.isBlank() ? fixtureWorkbench() : Path.of(given).toAbsolutePath();
        if (!Files.isRegularFile(workbenchFile)) {
            throw new IllegalArgumentException("no workbench " + workbenchFile);
        }
    }

    @Start
    void start(Stage stage) {
        this.stage = stage;
        window = MainWindow.open(stage, config(workbenchFile));
    }

    private AppConfig config(Path file) {
        return new AppConfig(file, false, executor, PostImporter.UNAVAILABLE, () -> DIR, null, FileDialogs.NATIVE);
    }

    @AfterEach
    void stop() throws Exception {
        executor.shutdownNow();
        executor.awaitTermination(10, TimeUnit.SECONDS);
    }

    /** 300 made-up labelled posts and a finished 5-fold run of the baselines on every variant. */
    private static Path fixtureWorkbench() throws Exception {
        Files.createDirectories(DIR);
        Path file = DIR.resolve("models-fixture.sqlite");
        Files.deleteIfExists(file);
        try (Workbench wb = Workbench.open(file)) {
            ModelFixtures.fill(wb.connection(), 300, 11);
            LabeledCorpus corpus = LabeledCorpus.load(org.signalbench.store.Session.over(wb.connection()), Preprocessor.withDefaultStopWords());
            List<String> models = ModelCatalog.available().stream().filter(m -> !m.equals(ModelsViewModel.LSTM)).toList();
            new CrossValidation(org.signalbench.store.Session.over(wb.connection()), corpus).start(new CvConfig(List.of(Variant.values()), models,
                    Map.of("rf", Map.of("trees", "20")), 5, 1, Folds.Scheme.STRATIFIED), JobContext.NONE);
        }
        return file;
    }

    @Test
    void renderModelsView(FxRobot robot) throws Exception {
        Path out = Path.of(System.getProperty("signalbench.screenshots.out", "docs/screenshots")).toAbsolutePath();
        Files.createDirectories(out);
        signInAsAnalyst(robot); // results views are gated: a coder would see them greyed out
        openModels(robot);
        robot.interact(() -> window.model().jobs().panelOpenProperty().set(false));
        waitUntil("the stored runs", () -> !runs(robot).getItems().isEmpty(), 60);
        String wanted = System.getProperty("signalbench.screenshots.run", "");
        robot.interact(() -> {
            TableView<RunStore.Run> runs = runs(robot);
            RunStore.Run run = runs.getItems().stream()
                    .filter(r -> wanted.isBlank() ? r.status() == org.signalbench.models.RunStatus.FINISHED : r.id().startsWith(wanted))
                    .findFirst().orElseThrow(() -> new IllegalStateException(wanted.isBlank()
                            ? "the workbench has no finished run" : "no run " + wanted));
            runs.getSelectionModel().select(run);
        });
        waitUntil("Table 1", () -> !robot.lookup("#table1").queryAs(TableView.class).getItems().isEmpty(), 120);
        selectTab(robot, "table1Tab");
        snapshot(out.resolve("models-table1.png"));
        selectTab(robot, "rocTab");
        snapshot(out.resolve("models-roc.png"));

        if (!"false".equals(System.getProperty("signalbench.screenshots.training"))) {
            renderTraining(robot, out);
        }
    }

    private void signInAsAnalyst(FxRobot robot) throws Exception {
        waitUntil("the workbench open", () -> window.model().current().get() != null, 60);
        robot.interact(() -> window.annotate().signIn("analyst_1", org.signalbench.domain.Role.ANALYST));
        waitUntil("the analyst signed in", () -> window.annotate().signedInProperty().get() != null, 30);
    }

    /**
     * {@code models-estimate.png}: the window at 1280 × 720 with an analyst signed in, the Models view
     * with its defaults and the estimate under them (from the workbench's stored folds), the newest
     * finished run's Table 1 on the right. Without a given workbench, also
     * {@code models-final-model.png}: the Final model tab after Train and score on the made-up one.
     */
    @Test
    void renderEstimate(FxRobot robot) throws Exception {
        Path out = Path.of(System.getProperty("signalbench.screenshots.out", "docs/screenshots")).toAbsolutePath();
        Files.createDirectories(out);
        robot.interact(() -> {
            stage.setWidth(1280);
            stage.setHeight(720);
            window.model().jobs().panelOpenProperty().set(false);
        });
        signInAsAnalyst(robot);
        openModels(robot);
        waitUntil("the stored runs", () -> !runs(robot).getItems().isEmpty(), 60);
        waitUntil("the estimate", () -> !window.models().estimateProperty().get().isEmpty(), 60);
        robot.interact(() -> runs(robot).getSelectionModel().select(runs(robot).getItems().stream()
                .filter(r -> r.status() == org.signalbench.models.RunStatus.FINISHED).findFirst().orElseThrow()));
        waitUntil("Table 1", () -> !robot.lookup("#table1").queryAs(TableView.class).getItems().isEmpty(), 120);
        selectTab(robot, "table1Tab");
        Thread.sleep(500);
        snapshot(out.resolve("models-estimate.png"));
        if (!System.getProperty("signalbench.screenshots.workbench", "").isBlank()) {
            return; // the final model is trained into the made-up workbench only
        }
        selectTab(robot, "finalModelTab");
        robot.clickOn("#trainFinalModel");
        FinalModelViewModel finals = window.models().finalModel();
        waitUntil("trained and scored", () -> !finals.statusProperty().get().isEmpty() || !finals.problemProperty().get().isEmpty(), 300);
        waitUntil("the final model listed", () -> !finals.finalModels().isEmpty(), 30);
        robot.interact(() -> window.model().jobs().panelOpenProperty().set(false));
        Thread.sleep(700);
        snapshot(out.resolve("models-final-model.png"));
    }

    /** Starts a run on a copy of the workbench and shoots its progress. */
    private void renderTraining(FxRobot robot, Path out) throws Exception {
        Path copy = DIR.resolve("models-training-copy.sqlite");
        Files.createDirectories(DIR);
        Files.deleteIfExists(copy);
        try (Connection c = window.model().current().get().newConnection();
             PreparedStatement st = c.prepareStatement("VACUUM INTO ?")) {
            st.setString(1, copy.toString());
            st.execute();
        }
        robot.interact(() -> window.model().openWorkbench(copy, false));
        waitUntil("the copy open", () -> window.model().current().get() != null
                && window.model().current().get().file().toAbsolutePath().equals(copy), 60);
        robot.interact(() -> window.model().jobs().panelOpenProperty().set(true));
        boolean lstm = ModelCatalog.available().contains(ModelsViewModel.LSTM);
        JobManager jobs = window.model().jobs().manager();
        int epochs = Integer.getInteger("signalbench.screenshots.epochs", 4);
        CountDownLatch reached = new CountDownLatch(1);
        CountDownLatch shot = new CountDownLatch(1);
        AtomicBoolean once = new AtomicBoolean();
        // The work pauses while the picture is taken: the baselines halfway (a unit of the middle
        // fold starting), the LSTM as it starts the epoch after the ones the chart should show
        // (its progress message ends in "epoch N").
        Pattern epoch = Pattern.compile("epoch (\\d+)");
        jobs.addSubmitListener(job -> job.addListener(j -> {
            if (j.status() != JobStatus.RUNNING || j.total() <= 0) {
                return;
            }
            Matcher m = epoch.matcher(j.message());
            boolean there = lstm ? m.find() && Integer.parseInt(m.group(1)) > epochs : j.done() * 2 >= j.total() + 1;
            if (there && once.compareAndSet(false, true)) {
                reached.countDown();
                try {
                    shot.await(60, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }));
        robot.interact(() -> {
            for (String id : ModelCatalog.available()) {
                robot.lookup("#model-" + id).queryAs(CheckBox.class).setSelected(lstm ? id.equals(ModelsViewModel.LSTM)
                        : Set.of("svm", "dt").contains(id));
            }
            robot.lookup("#folds").queryAs(Spinner.class).getValueFactory().setValue(lstm ? 10 : 3);
            robot.lookup("#seed").queryAs(TextField.class).setText("1");
            if (lstm) {
                raiseEpochCap(robot, epochs + 2);
            }
        });
        robot.clickOn("#startRun");
        assertTrue(reached.await(3600, TimeUnit.SECONDS), lstm ? "the LSTM reached epoch " + (epochs + 1) : "the run reached its middle");
        if (lstm) {
            waitUntil(epochs + " epochs on the loss chart", () -> robot.lookup("#lossChart")
                    .queryAs(javafx.scene.chart.LineChart.class).getData().stream()
                    .mapToInt(s -> ((javafx.scene.chart.XYChart.Series<?, ?>) s).getData().size()).max().orElse(0) >= epochs, 60);
        }
        WaitForAsyncUtils.waitForFxEvents();
        Thread.sleep(700); // the jobs panel's and the bars' next pulse
        WaitForAsyncUtils.waitForFxEvents();
        snapshot(out.resolve("models-training.png"));
        robot.interact(() -> jobs.jobs().forEach(org.signalbench.jobs.Job::cancel));
        shot.countDown();
        waitUntil("the run cancelled", () -> !jobs.anyUnfinished(), 600);
    }

    /** So that the loss chart gets that many epochs: a preset's cap may be lower (the laptop preset's is small). */
    @SuppressWarnings("unchecked")
    private static void raiseEpochCap(FxRobot robot, int epochs) {
        TableView<Hyperparameter> table = robot.lookup("#hyperparameters").queryAs(TableView.class);
        table.getItems().stream().filter(h -> h.model().equals(ModelsViewModel.LSTM) && h.name().equals("maxEpochs"))
                .forEach(h -> {
                    try {
                        if (Integer.parseInt(h.valueProperty().get().trim()) < epochs) {
                            h.valueProperty().set(Integer.toString(epochs));
                        }
                    } catch (NumberFormatException e) {
                        h.valueProperty().set(Integer.toString(epochs));
                    }
                });
    }

    private void openModels(FxRobot robot) {
        robot.interact(() -> stage.getScene().getRoot().lookupAll(".tab-pane").stream()
                .flatMap(pane -> ((TabPane) pane).getTabs().stream())
                .filter(t -> "modelsTab".equals(t.getId())).findFirst().orElseThrow()
                .getTabPane().getSelectionModel().select(
                        stage.getScene().getRoot().lookupAll(".tab-pane").stream()
                                .flatMap(pane -> ((TabPane) pane).getTabs().stream())
                                .filter(t -> "modelsTab".equals(t.getId())).findFirst().orElseThrow()));
    }

    private void selectTab(FxRobot robot, String id) {
        robot.interact(() -> {
            TabPane tabs = robot.lookup("#modelsTabs").queryAs(TabPane.class);
            tabs.getSelectionModel().select(tabs.getTabs().stream().filter(t -> id.equals(t.getId())).findFirst().orElseThrow());
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    @SuppressWarnings("unchecked")
    private static TableView<RunStore.Run> runs(FxRobot robot) {
        return robot.lookup("#runs").queryAs(TableView.class);
    }

    private void snapshot(Path file) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        Scene scene = stage.getScene();
        var image = WaitForAsyncUtils.asyncFx(() -> scene.snapshot(null)).get(30, TimeUnit.SECONDS);
        ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", file.toFile());
        System.err.println("wrote " + file);
    }

    static void waitUntil(String what, BooleanSupplier condition, int seconds) {
        try {
            WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(condition::getAsBoolean).get());
        } catch (Exception e) {
            throw new AssertionError("timed out waiting until " + what, e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }
}
