package org.signalbench.ui.main;

import java.nio.file.Path;
import java.text.NumberFormat;
import java.util.List;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TitledPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.StackPane;
import javafx.stage.Window;
import org.controlsfx.control.MaskerPane;
import org.controlsfx.control.StatusBar;
import org.signalbench.app.LabelExportService;
import org.signalbench.jobs.Job;
import org.signalbench.ui.common.Fxml;
import org.signalbench.ui.importing.FileDialogs;
import org.signalbench.ui.importing.ImportSummaryDialog;
import org.signalbench.ui.jobs.JobViewModel;
import org.signalbench.ui.jobs.JobsPanelController;
import org.signalbench.ui.posts.PostBrowserController;
import org.signalbench.ui.posts.PostDetailController;

/** The window: menus, the views as tabs (the post browser beside the post detail first), the jobs panel and the status bar. */
public final class MainController {
    private final MainViewModel model;
    private final FileDialogs dialogs;
    private final Parent view;
    private final PostBrowserController browser;
    private final PostDetailController detail;
    private final JobsPanelController jobsPanel;

    @FXML
    private StackPane centerStack;
    @FXML
    private TabPane viewTabs;
    @FXML
    private SplitPane splitPane;
    @FXML
    private MaskerPane masker;
    @FXML
    private TitledPane jobsPane;
    @FXML
    private CheckMenuItem showJobsItem;
    @FXML
    private CheckMenuItem dropRetweetsItem;
    @FXML
    private StatusBar statusBar;

    public MainController(MainViewModel model, FileDialogs dialogs) {
        this.model = model;
        this.dialogs = dialogs;
        this.browser = new PostBrowserController(model.browser());
        this.detail = new PostDetailController(model.detail());
        this.jobsPanel = new JobsPanelController(model.jobs());
        this.view = Fxml.load(this, "main.fxml");
    }

    @FXML
    private void initialize() {
        splitPane.getItems().setAll(browser.view(), detail.view());
        splitPane.setDividerPositions(0.64);
        jobsPane.setContent(jobsPanel.view());
        jobsPane.expandedProperty().bindBidirectional(model.jobs().panelOpenProperty());
        showJobsItem.selectedProperty().bindBidirectional(model.jobs().panelOpenProperty());
        dropRetweetsItem.selectedProperty().bindBidirectional(model.imports().dropRetweetsProperty());

        bindMasker();
        bindStatusBar();

        model.imports().lastOutcomeProperty().addListener((obs, old, outcome) -> {
            if (outcome != null) {
                ImportSummaryDialog.show(window(), outcome);
            }
        });
        model.interruptedImportsProperty().addListener((obs, old, runs) -> {
            if (!runs.isEmpty()) {
                offerToFinish(runs);
            }
        });
        model.problemProperty().addListener((obs, old, problem) -> {
            if (!problem.isEmpty()) {
                error(problem);
            }
        });
    }

    /** While the first-start sample import runs, its progress covers the still empty table. */
    private void bindMasker() {
        masker.setVisible(false);
        model.imports().sampleImportProperty().addListener((obs, old, job) -> showMasker(job));
    }

    private void showMasker(Job job) {
        masker.textProperty().unbind();
        masker.progressProperty().unbind();
        masker.setVisible(job != null);
        // The post list behind the see-through masker would say "No posts yet…" while they come in.
        splitPane.setVisible(job == null);
        if (job == null) {
            return;
        }
        JobViewModel progress = model.jobs().jobs().stream().filter(j -> j.job() == job).findFirst()
                .orElseGet(() -> new JobViewModel(job));
        masker.progressProperty().bind(progress.progressProperty());
        masker.textProperty().bind(Bindings.concat(job.name(), "… ", progress.detailsProperty()));
    }

    private void bindStatusBar() {
        NumberFormat numbers = NumberFormat.getIntegerInstance(Locale.ROOT);
        statusBar.textProperty().bind(Bindings.createStringBinding(
                () -> model.current().get() == null ? "Opening the workbench…" : model.current().get().file().toString(),
                model.current().workbenchProperty()));
        Label posts = new Label();
        posts.setId("statusPosts");
        posts.textProperty().bind(Bindings.createStringBinding(
                () -> numbers.format(model.browser().totalProperty().get()) + " posts", model.browser().totalProperty()));
        Label jobs = new Label();
        jobs.setId("statusJobs");
        jobs.textProperty().bind(Bindings.createStringBinding(() -> {
            int running = model.jobs().unfinishedCountBinding().get();
            return running == 0 ? "No jobs running" : running == 1 ? "1 job running" : running + " jobs running";
        }, model.jobs().unfinishedCountBinding()));
        jobs.setOnMouseClicked(e -> model.jobs().panelOpenProperty().set(!model.jobs().panelOpenProperty().get()));
        ProgressBar jobProgress = new ProgressBar();
        jobProgress.setPrefWidth(120);
        jobProgress.visibleProperty().bind(model.jobs().currentBinding().isNotNull());
        model.jobs().currentBinding().addListener((obs, old, now) -> {
            jobProgress.progressProperty().unbind();
            if (now != null) {
                jobProgress.progressProperty().bind(now.progressProperty());
            }
        });
        statusBar.getRightItems().setAll(posts, new Label(" · "), jobs, jobProgress);
    }

    @FXML
    private void importFolder() {
        dialogs.chooseFolder(window(), "Import a folder of posts")
                .ifPresent(folder -> model.imports().importSources("Importing " + folder.getFileName(), List.of(folder)));
    }

    @FXML
    private void importFiles() {
        List<Path> files = dialogs.chooseFiles(window(), "Import files of posts");
        if (!files.isEmpty() && files.stream().allMatch(MainController::isCsv)) {
            showCsvImport(files); // CSV files come as people have them: map their columns first
        } else if (!files.isEmpty()) {
            String name = files.size() == 1 ? files.get(0).getFileName().toString() : files.size() + " files";
            model.imports().importSources("Importing " + name, files);
        }
    }

    @FXML
    private void importCsv() {
        List<Path> files = dialogs.chooseFiles(window(), "Import CSV files of posts").stream()
                .filter(MainController::isCsv).toList();
        if (!files.isEmpty()) {
            showCsvImport(files);
        }
    }

    private static boolean isCsv(Path file) {
        String name = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        return name.endsWith(".csv") || name.endsWith(".csv.xz");
    }

    /** The CSV import dialog for {@code files}; its Import runs the import as a job. */
    private void showCsvImport(List<Path> files) {
        String name = files.size() == 1 ? files.get(0).getFileName().toString() : files.size() + " files";
        org.signalbench.ui.importing.CsvImportDialog.show(window(), model.imports().csvImport(files),
                options -> model.imports().importCsv("Importing " + name, files, options));
    }

    @FXML
    private void openWorkbench() {
        if (refuseSwitchWhileJobsRun()) {
            return;
        }
        dialogs.chooseWorkbenchToOpen(window()).ifPresent(file -> model.openWorkbench(file, false));
    }

    /** What File › Open the Twitter study sample does (MainWindow sets it). */
    private Runnable twitterStudyOpener = () -> { };

    public void setTwitterStudyOpener(Runnable opener) {
        this.twitterStudyOpener = opener;
    }

    @FXML
    private void openTwitterStudy() {
        if (!refuseSwitchWhileJobsRun()) {
            twitterStudyOpener.run();
        }
    }

    @FXML
    private void newWorkbench() {
        if (refuseSwitchWhileJobsRun()) {
            return;
        }
        dialogs.chooseNewWorkbench(window()).ifPresent(file -> {
            if (file.toFile().exists()) {
                error(file + " already exists. Use Open workbench… to open it.");
            } else {
                // Asked before the workbench exists; cancelling here creates nothing.
                ExpertPassphraseDialog.ask(window(), String.valueOf(file.getFileName()))
                        .ifPresent(answer -> model.createWorkbench(file, answer.passphrase()));
            }
        });
    }

    private boolean refuseSwitchWhileJobsRun() {
        if (model.canSwitchWorkbench()) {
            return false;
        }
        error("Jobs are still running on this workbench. Wait for them or cancel them first.");
        return true;
    }

    private LabelExportsViewModel labelExports;

    /**
     * Opens {@code tab} only while the person signed in (in Annotate) has a role {@code allowed}
     * accepts; nobody signed in opens nothing gated. A gated tab that closes while shown gives way
     * to the Annotate tab.
     */
    public void gate(Tab tab, javafx.beans.value.ObservableValue<org.signalbench.domain.Coder> signedIn,
                     java.util.function.Predicate<org.signalbench.domain.Role> allowed, String why) {
        tab.disableProperty().bind(Bindings.createBooleanBinding(() -> signedIn.getValue() == null
                || !allowed.test(signedIn.getValue().role()), signedIn));
        Tooltip tip = new Tooltip(why);
        tab.setTooltip(tip);
        tab.disableProperty().addListener((obs, was, disabled) -> {
            if (disabled && tab.isSelected()) {
                viewTabs.getTabs().stream().filter(t -> "annotateTab".equals(t.getId())).findFirst()
                        .ifPresent(t -> viewTabs.getSelectionModel().select(t));
            }
        });
    }

    /** Connects the File menu's label exports (the window builds them from the app's services). */
    public void useLabelExports(LabelExportsViewModel exports) {
        this.labelExports = exports;
        exports.problemProperty().addListener((obs, old, problem) -> {
            if (!problem.isEmpty()) {
                error(problem);
            }
        });
        exports.statusProperty().addListener((obs, old, status) -> {
            Alert done = new Alert(Alert.AlertType.INFORMATION, status, ButtonType.OK);
            done.setHeaderText("Labels exported");
            done.initOwner(window());
            done.show();
        });
    }

    @FXML
    private void exportFinalLabels() {
        exportLabels(LabelExportService.Kind.FINAL_LABELS, "Export the final labels");
    }

    @FXML
    private void exportCoderAnswers() {
        exportLabels(LabelExportService.Kind.CODER_ANSWERS, "Export every coder's answers");
    }

    @FXML
    private void exportAgreement() {
        exportLabels(LabelExportService.Kind.AGREEMENT, "Export the agreement table");
    }

    private void exportLabels(LabelExportService.Kind kind, String title) {
        if (labelExports == null || model.current().get() == null) {
            error("Open a workbench first.");
            return;
        }
        dialogs.chooseCsvToWrite(window(), title, labelExports.suggestedName(kind)).ifPresent(file -> labelExports.export(kind, file));
    }

    private CoderExchangeViewModel coderExchange;
    private javafx.beans.value.ObservableValue<org.signalbench.domain.Coder> signedIn;

    /**
     * Connects the File menu's two-laptop items (the window builds them from the app's services);
     * "Export my answers…" exports the answers of whoever is signed in to Annotate.
     */
    public void useCoderExchange(CoderExchangeViewModel exchange,
                                 javafx.beans.value.ObservableValue<org.signalbench.domain.Coder> signedIn) {
        this.coderExchange = exchange;
        this.signedIn = signedIn;
        exchange.problemProperty().addListener((obs, old, problem) -> {
            if (!problem.isEmpty()) {
                error(problem);
            }
        });
        exchange.exportedProperty().addListener((obs, old, text) -> {
            Alert done = new Alert(Alert.AlertType.INFORMATION, text, ButtonType.OK);
            done.setHeaderText("Exported for a coder");
            done.initOwner(window());
            done.show();
        });
        exchange.importedProperty().addListener((obs, old, outcomes) -> {
            if (outcomes != null) {
                showImported(outcomes);
            }
        });
    }

    /** The outcome of a coder-file import: per file, added, unchanged, and the refused lines with file and line. */
    private void showImported(List<org.signalbench.app.CoderExchangeService.FileOutcome> outcomes) {
        boolean anyRefused = outcomes.stream().anyMatch(o -> !o.refused().isEmpty());
        Alert done = new Alert(anyRefused ? Alert.AlertType.WARNING : Alert.AlertType.INFORMATION, null, ButtonType.OK);
        done.setHeaderText(outcomes.stream().allMatch(o -> o.refusedWhole()) ? "Coder answers refused" : "Coder answers imported");
        javafx.scene.control.TextArea text = new javafx.scene.control.TextArea(CoderExchangeViewModel.describe(outcomes));
        text.setId("coderImportOutcome");
        text.setEditable(false);
        text.setWrapText(true);
        text.setPrefRowCount(Math.min(16, 3 + (int) text.getText().lines().count()));
        done.getDialogPane().setContent(text);
        done.initOwner(window());
        done.setResizable(true);
        done.show();
    }

    @FXML
    private void exportForCoder() {
        if (coderExchange == null || model.current().get() == null) {
            error("Open a workbench first.");
            return;
        }
        dialogs.chooseFolder(window(), "Export for a coder: choose an empty folder for the posts and the codebook")
                .ifPresent(coderExchange::exportForCoder);
    }

    @FXML
    private void exportMyAnswers() {
        if (coderExchange == null || model.current().get() == null) {
            error("Open a workbench first.");
            return;
        }
        org.signalbench.domain.Coder person = signedIn == null ? null : signedIn.getValue();
        if (person == null) {
            error("Sign in on the Annotate tab first: File → Export my answers… writes the answers of whoever is signed in.");
            return;
        }
        dialogs.chooseFolder(window(), "Export the answers of " + person.name() + ": choose a folder")
                .ifPresent(folder -> coderExchange.exportAnswers(person, folder));
    }

    @FXML
    private void importCoderAnswers() {
        if (coderExchange == null || model.current().get() == null) {
            error("Open a workbench first.");
            return;
        }
        List<Path> files = dialogs.chooseFiles(window(), "Import a coder's answers (coder files, .json)");
        if (!files.isEmpty()) {
            coderExchange.importAnswers(files);
        }
    }

    @FXML
    private void quit() {
        window().hide();
    }

    /** Says that imports were interrupted and offers to finish them (importing their sources again). */
    private void offerToFinish(List<org.signalbench.domain.InterruptedImport> runs) {
        StringBuilder text = new StringBuilder(runs.size() == 1 ? "An import was interrupted" : runs.size() + " imports were interrupted")
                .append(" (the program was closed or killed, or the disk was full or the workbench locked) before it finished. "
                        + "What it stored is whole and kept. Finishing imports the same files again: stored posts are "
                        + "merged, the missing ones added.\n");
        for (var run : runs) {
            text.append("\n• started ").append(run.startedAt()).append(": ").append(run.sources().stream().map(Path::toString)
                            .collect(java.util.stream.Collectors.joining(", ")));
        }
        ButtonType finish = new ButtonType("Finish import", javafx.scene.control.ButtonBar.ButtonData.OK_DONE);
        ButtonType later = new ButtonType("Later", javafx.scene.control.ButtonBar.ButtonData.CANCEL_CLOSE);
        Alert alert = new Alert(Alert.AlertType.WARNING, text.toString(), finish, later);
        alert.setHeaderText("Interrupted import");
        alert.initOwner(window());
        alert.setOnHidden(e -> {
            if (finish.equals(alert.getResult())) {
                model.finishInterruptedImports();
            }
        });
        alert.show();
    }

    private void error(String text) {
        Alert alert = new Alert(Alert.AlertType.ERROR, text, ButtonType.OK);
        alert.initOwner(window());
        alert.show();
    }

    private Window window() {
        return view.getScene() == null ? null : view.getScene().getWindow();
    }

    /**
     * Adds a view as a tab after the posts (the annotation views). Only while its tab is selected
     * is it in the scene: the views reuse the post detail, whose node ids then stay unique.
     */
    public Parent view() {
        return view;
    }

    /** The split between the post list and the post detail (the window remembers its divider). */
    public SplitPane postsSplit() {
        return splitPane;
    }

    /**
     * Adds a view as a tab after the others (Posts comes first); the tab's selection tells the view it
     * shows. A view is in the scene only while its tab is selected: views reuse the post detail,
     * whose node ids must stay unique in the scene.
     */
    public Tab addView(String id, String title, Node content) {
        Tab tab = new Tab(title);
        tab.setId(id);
        tab.selectedProperty().addListener((obs, was, selected) -> tab.setContent(selected ? content : null));
        viewTabs.getTabs().add(tab);
        return tab;
    }
}
