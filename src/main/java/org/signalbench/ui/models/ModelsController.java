package org.signalbench.ui.models;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import javafx.util.StringConverter;
import org.signalbench.app.RunResults;
import org.signalbench.models.FoldResult;
import org.signalbench.models.Folds;
import org.signalbench.models.RunStore;
import org.signalbench.models.RunSummary;
import org.signalbench.models.TrainingEpoch;
import org.signalbench.preprocess.Variant;
import org.signalbench.ui.common.Fxml;
import org.signalbench.ui.jobs.JobViewModel;

/**
 * The Models view: the setup on the left; the stored runs above; below them the progress of the
 * run under way (loss chart, finished units) and the selected run's Table 1 beside the published
 * values, its folds, and its ROC curves, confusion matrices and paired tests.
 */
public final class ModelsController {
    /** Asks where to save an export. */
    @FunctionalInterface
    public interface SaveChooser {
        Optional<Path> choose(Window owner, String title, String initialName, RunExports.Format format);

        SaveChooser NATIVE = (owner, title, initialName, format) -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle(title);
            chooser.setInitialFileName(initialName);
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(format.label, "*." + format.extension));
            return Optional.ofNullable(chooser.showSaveDialog(owner)).map(java.io.File::toPath);
        };
    }

    private final ModelsViewModel model;
    private final SaveChooser saveChooser;
    private final Parent view;
    private final XYChart.Series<Number, Number> trainingLoss = new XYChart.Series<>();
    private final XYChart.Series<Number, Number> validationLoss = new XYChart.Series<>();

    @FXML
    private javafx.scene.layout.HBox statusBar;
    @FXML
    private Label statusLabel;
    @FXML
    private Label problemLabel;
    @FXML
    private VBox variantBox;
    @FXML
    private FlowPane modelBox;
    @FXML
    private ComboBox<String> presetBox;
    @FXML
    private Spinner<Integer> foldsSpinner;
    @FXML
    private TextField seedField;
    @FXML
    private ComboBox<Folds.Scheme> schemeBox;
    @FXML
    private TableView<Hyperparameter> hyperTable;
    @FXML
    private Label setupProblemLabel;
    @FXML
    private Label estimateLabel;
    @FXML
    private Button startButton;
    @FXML
    private SplitPane centerSplit;
    @FXML
    private Button resumeButton;
    @FXML
    private ComboBox<RunStore.Run> compareBox;
    @FXML
    private Button exportCsvButton;
    @FXML
    private Button exportMarkdownButton;
    @FXML
    private Button exportLatexButton;
    @FXML
    private TableView<RunStore.Run> runTable;
    @FXML
    private TabPane resultTabs;
    @FXML
    private Label unitLabel;
    @FXML
    private Button cancelButton;
    @FXML
    private ProgressBar runProgress;
    @FXML
    private Label jobDetails;
    @FXML
    private ProgressBar foldProgress;
    @FXML
    private SplitPane progressSplit;
    @FXML
    private LineChart<Number, Number> lossChart;
    @FXML
    private TableView<FoldResult> liveFoldTable;
    @FXML
    private Label runTitle;
    @FXML
    private Label publishedLabel;
    @FXML
    private TableView<Table1Grid.Line> table1;
    @FXML
    private TableView<FoldResult> foldTable;
    @FXML
    private ComboBox<String> rocVariantBox;
    @FXML
    private SplitPane rocSplit;
    @FXML
    private LineChart<Number, Number> rocChart;
    @FXML
    private FlowPane confusionBox;
    @FXML
    private TableView<RunSummary.Comparison> testTable;

    public ModelsController(ModelsViewModel model) {
        this(model, SaveChooser.NATIVE);
    }

    public ModelsController(ModelsViewModel model, SaveChooser saveChooser) {
        this.model = model;
        this.saveChooser = saveChooser;
        this.view = Fxml.load(this, "models.fxml");
        view.getStylesheets().add(ModelsController.class.getResource("models.css").toExternalForm());
        // The stored runs are read when the view is shown (its tab selected).
        view.sceneProperty().addListener((obs, old, scene) -> {
            if (scene != null) {
                model.refreshRuns();
            }
        });
    }

    @FXML
    private void initialize() {
        bindMessages();
        bindSetup();
        bindRuns();
        bindProgress();
        bindResults();
        if (model.finalModel() != null) {
            Tab finalTab = new Tab("Final model", FinalModelPane.of(model.finalModel()));
            finalTab.setId("finalModelTab");
            resultTabs.getTabs().add(finalTab);
        }
    }

    /**
     * The message line keeps its height whether it shows anything or not, so no message moves the
     * view; a problem shows in place of the status, and a long message is cut with its whole text in
     * a tooltip.
     */
    private void bindMessages() {
        statusLabel.textProperty().bind(model.statusProperty());
        problemLabel.textProperty().bind(model.problemProperty());
        problemLabel.visibleProperty().bind(model.problemProperty().isNotEmpty());
        problemLabel.managedProperty().bind(problemLabel.visibleProperty());
        statusLabel.visibleProperty().bind(problemLabel.visibleProperty().not());
        statusLabel.managedProperty().bind(statusLabel.visibleProperty());
        for (Label message : List.of(statusLabel, problemLabel)) {
            Tooltip tip = new Tooltip();
            tip.setWrapText(true);
            tip.setMaxWidth(640);
            tip.textProperty().bind(message.textProperty());
            message.setTooltip(tip);
        }
    }

    private void bindSetup() {
        for (Variant v : Variant.values()) {
            CheckBox box = new CheckBox(v.key());
            box.setId("variant-" + v.key());
            box.selectedProperty().bindBidirectional(model.variantProperty(v));
            variantBox.getChildren().add(box);
        }
        for (String id : model.availableModels()) {
            CheckBox box = new CheckBox(id);
            box.setId("model-" + id);
            box.selectedProperty().bindBidirectional(model.modelProperty(id));
            modelBox.getChildren().add(box);
        }
        presetBox.getItems().setAll(model.presets());
        presetBox.valueProperty().bindBidirectional(model.presetProperty());
        presetBox.setDisable(!model.lstmAvailable());
        presetBox.setTooltip(new Tooltip(model.lstmAvailable()
                ? "laptop: the published shape, smaller embedding and LSTM; paper: the published sizes (hours on a laptop)"
                : "This build has no LSTM yet."));
        foldsSpinner.setValueFactory(new SpinnerValueFactory.IntegerSpinnerValueFactory(2, 100, model.foldsProperty().get()));
        foldsSpinner.getValueFactory().valueProperty().bindBidirectional(model.foldsProperty());
        seedField.textProperty().bindBidirectional(model.seedProperty());
        schemeBox.getItems().setAll(Folds.Scheme.values());
        schemeBox.setConverter(shownAs(scheme -> scheme == null ? "" : ModelsTables.scheme(scheme)));
        schemeBox.valueProperty().bindBidirectional(model.schemeProperty());
        ModelsTables.hyperparameters(hyperTable);
        hyperTable.setItems(model.hyperparameters());
        estimateLabel.textProperty().bind(model.estimateProperty());
        estimateLabel.managedProperty().bind(model.estimateProperty().isNotEmpty());
        setupProblemLabel.textProperty().bind(model.setupProblemProperty());
        setupProblemLabel.visibleProperty().bind(model.setupProblemProperty().isNotEmpty());
        setupProblemLabel.managedProperty().bind(setupProblemLabel.visibleProperty());
        startButton.disableProperty().bind(model.canStartBinding().not());
    }

    private void bindRuns() {
        ModelsTables.runs(runTable);
        runTable.setItems(model.runs());
        // The table's selection and the view model's follow each other.
        runTable.getSelectionModel().selectedItemProperty().addListener((obs, old, run) -> {
            if (run != null) {
                model.selectedProperty().set(run);
            }
        });
        model.selectedProperty().addListener((obs, old, run) -> {
            if (run == null) {
                runTable.getSelectionModel().clearSelection();
            } else if (runTable.getSelectionModel().getSelectedItem() != run) {
                runTable.getSelectionModel().select(run);
                runTable.scrollTo(run);
            }
        });
        resumeButton.disableProperty().bind(model.canResumeBinding().not());
        compareBox.setItems(model.runs());
        compareBox.setPromptText("none");
        compareBox.setConverter(shownAs(run -> run == null ? "none" : ModelsViewModel.describe(run)));
        compareBox.valueProperty().bindBidirectional(model.compareWithProperty());
        for (Button b : List.of(exportCsvButton, exportMarkdownButton, exportLatexButton)) {
            b.disableProperty().bind(model.selectedProperty().isNull());
        }
    }

    /** How a choice box shows its items (they are never typed in). */
    private static <T> StringConverter<T> shownAs(java.util.function.Function<T, String> text) {
        return new StringConverter<>() {
            @Override
            public String toString(T item) {
                return text.apply(item);
            }

            @Override
            public T fromString(String typed) {
                return null;
            }
        };
    }

    /** Whether the LSTM's loss chart is shown (held here: a binding nobody holds would be collected). */
    private javafx.beans.binding.BooleanBinding lstmShown;

    private void bindProgress() {
        unitLabel.textProperty().bind(model.unitProperty());
        cancelButton.disableProperty().bind(model.runningProperty().not());
        foldProgress.progressProperty().bind(model.foldProgressProperty());
        model.jobProperty().addListener((obs, old, job) -> showJob(job));
        trainingLoss.setName("training loss");
        validationLoss.setName("validation loss");
        lossChart.getData().setAll(List.of(trainingLoss, validationLoss));
        lossChart.titleProperty().bind(model.lossTitleProperty());
        // Epochs are whole numbers: no ticks between them.
        ((javafx.scene.chart.NumberAxis) lossChart.getXAxis()).setTickLabelFormatter(shownAs(x -> x == null
                || x.doubleValue() != Math.rint(x.doubleValue()) ? "" : Long.toString(Math.round(x.doubleValue()))));
        model.epochs().addListener((ListChangeListener<TrainingEpoch>) change -> {
            while (change.next()) {
                if (change.wasRemoved()) {
                    trainingLoss.getData().clear();
                    validationLoss.getData().clear();
                }
                change.getAddedSubList().forEach(e -> ModelsCharts.addEpoch(trainingLoss, validationLoss, e));
            }
            // The axes range over the new points at the next layout.
            lossChart.requestLayout();
        });
        // The loss chart is for the LSTM only: shown while it is chosen or its epochs are on the chart.
        lstmShown = model.lstmAvailable()
                ? model.modelProperty(ModelsViewModel.LSTM).or(javafx.beans.binding.Bindings.isNotEmpty(model.epochs()))
                : javafx.beans.binding.Bindings.isNotEmpty(model.epochs());
        ModelsTables.folds(liveFoldTable, true);
        liveFoldTable.setItems(model.liveFolds());
        showLossChart(lstmShown.get());
        lstmShown.addListener((obs, was, shown) -> showLossChart(shown));
    }

    private void showLossChart(boolean shown) {
        if (shown && !progressSplit.getItems().contains(lossChart)) {
            progressSplit.getItems().add(0, lossChart);
            progressSplit.setDividerPositions(0.36);
        } else if (!shown) {
            progressSplit.getItems().remove(lossChart);
        }
    }

    private void showJob(JobViewModel job) {
        runProgress.progressProperty().unbind();
        jobDetails.textProperty().unbind();
        if (job != null) {
            runProgress.progressProperty().bind(job.progressProperty());
            jobDetails.textProperty().bind(Bindings.concat(job.detailsProperty(), " · ", job.messageProperty()));
            resultTabs.getSelectionModel().select(0);
        }
    }

    private void bindResults() {
        ModelsTables.folds(foldTable, false);
        ModelsTables.pairedTests(testTable);
        ModelsTables.table1(table1, null);
        table1.getStyleClass().add("table1");
        table1.setPlaceholder(new Label("Select a stored run."));
        publishedLabel.textProperty().bind(Bindings.concat("Cells: mean ± SD over the folds; AUC pooled: over all "
                + "out-of-fold predictions, as the study computed it. ", model.publishedSourceProperty()));
        model.table1Property().addListener((obs, old, grid) -> ModelsTables.table1(table1, grid));
        rocVariantBox.valueProperty().addListener((obs, old, variant) -> showVariant(variant));
        model.resultsProperty().addListener((obs, old, results) -> showResults(results));
        centerSplit.setDividerPositions(0.22);
        rocSplit.setDividerPositions(0.46);
    }

    private void showResults(RunResults results) {
        if (results == null) {
            runTitle.setText("");
            foldTable.getItems().clear();
            testTable.getItems().clear();
            rocVariantBox.getItems().clear();
            return;
        }
        RunStore.Run run = results.run();
        runTitle.setText(String.format(Locale.ROOT, "Run %s · %s · %s · %d folds (%s), seed %d · %s",
                ModelsViewModel.shortId(run.id()), run.status().key(), ModelsViewModel.started(run), run.config().folds(),
                ModelsTables.scheme(run.config().scheme()), run.config().seed(), ModelsViewModel.duration(run)));
        foldTable.getItems().setAll(results.folds());
        String shown = rocVariantBox.getValue();
        rocVariantBox.getItems().setAll(results.variants());
        rocVariantBox.setValue(shown != null && results.variants().contains(shown) ? shown
                : results.variants().isEmpty() ? null : results.variants().get(0));
        showVariant(rocVariantBox.getValue());
    }

    private void showVariant(String variant) {
        RunResults results = model.resultsProperty().get();
        if (results == null || variant == null) {
            rocChart.getData().clear();
            confusionBox.getChildren().clear();
            testTable.getItems().clear();
            return;
        }
        testTable.getItems().setAll(results.comparisons().stream().filter(c -> c.variant().equals(variant)).toList());
        Map<String, Double> pooled = new LinkedHashMap<>();
        results.rows().stream().filter(r -> r.variant().equals(variant)).forEach(r -> pooled.put(r.model(), r.aucPooled()));
        ModelsCharts.drawRoc(rocChart, results.roc().get(variant), pooled);
        ModelsCharts.drawConfusion(confusionBox, results.confusion().get(variant));
    }

    @FXML
    private void start() {
        model.start();
    }

    @FXML
    private void resume() {
        model.resume();
    }

    @FXML
    private void cancel() {
        model.cancel();
    }

    @FXML
    private void exportCsv() {
        export(RunExports.Format.CSV);
    }

    @FXML
    private void exportMarkdown() {
        export(RunExports.Format.MARKDOWN);
    }

    @FXML
    private void exportLatex() {
        export(RunExports.Format.LATEX);
    }

    private void export(RunExports.Format format) {
        RunStore.Run run = model.selectedProperty().get();
        if (run == null) {
            return;
        }
        String name = "run-" + ModelsViewModel.shortId(run.id()) + "." + format.extension;
        saveChooser.choose(window(), "Export the run as " + format.label, name, format)
                .ifPresent(file -> model.export(format, file));
    }

    private Window window() {
        return view.getScene() == null ? null : view.getScene().getWindow();
    }

    public Parent view() {
        return view;
    }
}
