package org.signalbench.ui.links;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import org.signalbench.app.LinkReviewService;
import org.signalbench.jobs.JobManager;
import org.signalbench.jobs.SubmittedJob;
import org.signalbench.links.LinkReviewResults;
import org.signalbench.links.PageScreenshots;
import org.signalbench.links.ReportPacket;
import org.signalbench.links.ResultsTable;
import org.signalbench.store.Workbench;
import org.signalbench.ui.common.CurrentWorkbench;
import org.signalbench.ui.common.Tasks;
import org.signalbench.ui.jobs.JobViewModel;

/**
 * The link review (the study's wireframe, built): the funnel in one line on top; a Sites tab with
 * the sites of the latest review on the left (live first) and, for the selected site, its
 * screenshot, evidence, registration and LegitScript data, the tweets (masked), and a Report button
 * that writes the FDA and DEA packets for it; a Results tab with every figure beside the study's;
 * Check links…, which asks first (it contacts the sites), then runs the link check as a job with
 * screenshots from an off-screen {@link WebViewScreenshots}.
 * Keyboard: arrows move through the sites, Enter on Report writes.
 */
public final class LinkReviewView {
    private final CurrentWorkbench current;
    private final Executor executor;
    private final LinkReviewService service;
    private final BorderPane root = new BorderPane();
    private final Label funnel = new Label("No link review yet: in Topics, Retrieve signal tweets, then Start a link review (or `twitter candidates`).");
    private final ListView<LinkReviewService.SiteSummary> sites = new ListView<>();
    private final ImageView screenshot = new ImageView();
    private final GridPane evidence = new GridPane();
    private final ListView<String> tweets = new ListView<>();
    private final Button report = new Button("Report…");
    private final Button recordReport = new Button("Record report…");
    private final javafx.scene.control.ComboBox<String> legitScript = new javafx.scene.control.ComboBox<>(
            FXCollections.observableArrayList(LinkReviewService.legitScriptClasses()));
    private final javafx.scene.control.TextField notes = new javafx.scene.control.TextField();
    private final Button saveClassification = new Button("Save");
    private final Label status = new Label();
    private final TabPane tabs = new TabPane();
    private final TableView<ResultsTable.Row> results = new TableView<>();
    private final BarChart<String, Number> sellerTypes = new BarChart<>(new CategoryAxis(), new NumberAxis());
    private final Label studySource = new Label();
    private ReportPacket.Site shown;

    private final JobManager jobs;
    private final java.util.function.Supplier<PageScreenshots> screenshots;
    private final Button check = new Button("Check links…");
    private final ProgressBar checkProgress = new ProgressBar(0);
    private final Button cancelCheck = new Button("Cancel");
    private final Label checkStatus = new Label();
    private JobViewModel checking;

    /** A view with a jobs list of its own (tests); the app passes its own with {@link #LinkReviewView(CurrentWorkbench, Executor, JobManager, LinkReviewService)}. */
    public LinkReviewView(CurrentWorkbench current, Executor executor, LinkReviewService service) {
        this(current, executor, new JobManager(executor), service);
    }

    public LinkReviewView(CurrentWorkbench current, Executor executor, JobManager jobs, LinkReviewService service) {
        this(current, executor, jobs, service, WebViewScreenshots::start);
    }

    /** {@code screenshots} gives the screenshot engine when a check asks for screenshots. */
    public LinkReviewView(CurrentWorkbench current, Executor executor, JobManager jobs, LinkReviewService service,
                          java.util.function.Supplier<PageScreenshots> screenshots) {
        this.current = current;
        this.executor = executor;
        this.service = service;
        this.jobs = jobs;
        this.screenshots = screenshots;
        funnel.setId("linkFunnel");
        funnel.setWrapText(true);
        sites.setId("linkSites");
        report.setId("linkReport");
        status.setId("linkStatus");
        evidence.setId("linkEvidence");
        screenshot.setId("linkScreenshot");
        evidence.setHgap(12);
        evidence.setVgap(4);
        screenshot.setFitWidth(480);
        screenshot.setPreserveRatio(true);
        sites.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(LinkReviewService.SiteSummary s, boolean empty) {
                super.updateItem(s, empty);
                setText(empty || s == null ? null : s.domain() + "  ·  " + s.sellerType() + (s.live() ? "  ·  live" : "  ·  not live")
                        + ("not-checked".equals(s.legitScript()) ? "" : "  ·  " + s.legitScript()));
            }
        });
        sites.getSelectionModel().selectedItemProperty().addListener((o, was, site) -> show(site));
        report.setDisable(true);
        report.setOnAction(e -> writePacket());
        recordReport.setId("linkRecordReport");
        recordReport.setDisable(true);
        recordReport.setTooltip(new Tooltip("After submitting a packet on the agency's form: record when, to whom, and the reference it gave."));
        recordReport.setOnAction(e -> askAndRecordReport());
        legitScript.setId("linkLegitScript");
        notes.setId("linkNotes");
        notes.setPromptText("notes on this site");
        saveClassification.setId("linkSaveClassification");
        saveClassification.setDisable(true);
        saveClassification.setOnAction(e -> saveClassification());
        HBox.setHgrow(notes, javafx.scene.layout.Priority.ALWAYS);
        HBox classification = new HBox(8, new Label("LegitScript (by hand)"), legitScript, notes, saveClassification);
        classification.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        Button refresh = new Button("Refresh");
        refresh.setOnAction(e -> refresh());
        Button importEvidence = new Button("Import evidence…");
        importEvidence.setId("linkImportEvidence");
        importEvidence.setTooltip(new Tooltip("Evidence records from CSV: a url column and any of the record's columns "
                + "(a LegitScript list url,legitscript is enough); contacts nothing."));
        importEvidence.setOnAction(e -> chooseEvidenceFile());
        VBox detail = new VBox(10, new Label("Screenshot"), screenshot, new Label("Evidence"), evidence, classification,
                new Label("Tweets (masked)"), tweets, new HBox(10, report, recordReport, status));
        detail.setPadding(new Insets(10));
        tweets.setPrefHeight(160);
        SplitPane split = new SplitPane(sites, new ScrollPane(detail));
        split.setDividerPositions(0.33);
        check.setId("linkCheck");
        check.setOnAction(e -> askAndCheck());
        check.setTooltip(new Tooltip("Visits every link of the latest review: this CONTACTS THE SITES (asks first)."));
        checkProgress.setId("linkCheckProgress");
        checkStatus.setId("linkCheckStatus");
        cancelCheck.setId("linkCheckCancel");
        checkProgress.setVisible(false);
        cancelCheck.setVisible(false);
        cancelCheck.setOnAction(e -> {
            if (checking != null) {
                checking.cancel();
            }
        });
        for (javafx.scene.control.Control c : List.of(refresh, importEvidence, check, cancelCheck, checkProgress)) {
            c.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE); // the long funnel line wraps; the buttons keep their words
        }
        HBox top = new HBox(10, funnel, refresh, importEvidence, check, checkProgress, cancelCheck);
        VBox header = new VBox(4, top, checkStatus);
        checkStatus.setWrapText(true);
        checkStatus.setPadding(new Insets(0, 10, 0, 10));
        top.setPadding(new Insets(10));
        HBox.setHgrow(funnel, javafx.scene.layout.Priority.ALWAYS);
        funnel.setMaxWidth(Double.MAX_VALUE);
        root.setTop(header);
        Tab sitesTab = new Tab("Sites", split);
        Tab resultsTab = new Tab("Results beside the study", resultsPane());
        sitesTab.setClosable(false);
        resultsTab.setClosable(false);
        resultsTab.setId("linkResultsTab");
        tabs.getTabs().addAll(sitesTab, resultsTab);
        root.setCenter(tabs);
        current.workbenchProperty().addListener((o, was, now) -> refresh());
        current.revisionProperty().addListener((o, was, now) -> refresh());
        current.linkReviewRevisionProperty().addListener((o, was, now) -> refresh());
        if (current.get() != null) {
            refresh();
        }
    }

    public Node view() {
        return root;
    }

    /** The results tab: every figure beside the study's (the quoted sentence as the study cell's tooltip), and live tweets by seller type as bars. */
    private Node resultsPane() {
        results.setId("linkResults");
        results.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY);
        TableColumn<ResultsTable.Row, String> figure = new TableColumn<>("Figure");
        figure.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().figure()));
        TableColumn<ResultsTable.Row, String> measured = new TableColumn<>("SignalBench (this workbench)");
        measured.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().measured()));
        TableColumn<ResultsTable.Row, String> study = new TableColumn<>("Study (Mackey et al. 2018)");
        study.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().study()));
        study.setCellFactory(column -> new TableCell<>() {
            @Override
            protected void updateItem(String value, boolean empty) {
                super.updateItem(value, empty);
                setText(empty ? null : value);
                ResultsTable.Row row = empty || getTableRow() == null ? null : getTableRow().getItem();
                setTooltip(row == null || row.quote() == null ? null : new Tooltip("\u201c" + row.quote() + "\u201d"));
            }
        });
        figure.setPrefWidth(340);
        measured.setPrefWidth(330);
        study.setPrefWidth(330);
        results.getColumns().setAll(List.of(figure, measured, study));
        results.setPlaceholder(new Label("No link review yet: in Topics, Retrieve signal tweets, then Start a link review (or `twitter candidates`)."));
        sellerTypes.setId("linkSellerTypes");
        sellerTypes.setTitle("Live tweets by seller type");
        sellerTypes.setAnimated(false);
        sellerTypes.setLegendVisible(true);
        sellerTypes.setPrefHeight(230);
        sellerTypes.setMinHeight(180);
        studySource.setWrapText(true);
        studySource.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        studySource.setId("linkStudySource");
        VBox box = new VBox(10, results, sellerTypes, studySource);
        VBox.setVgrow(results, javafx.scene.layout.Priority.ALWAYS);
        box.setPadding(new Insets(10));
        return box;
    }

    /**
     * Asks before contacting anything: what the check does and whom it contacts, with the choices
     * of RDAP, screenshots and JavaScript (off); then starts it.
     */
    private void askAndCheck() {
        if (current.get() == null) {
            return;
        }
        CheckBox rdap = new CheckBox("Also ask RDAP (rdap.org and the registries) for registration data and IP address countries");
        CheckBox shots = new CheckBox("Take a screenshot of each page that answers (an off-screen browser loads it again)");
        CheckBox javaScript = new CheckBox("Let the pages run JavaScript for the screenshots (off is safer; some pages show less)");
        shots.setSelected(true);
        javaScript.disableProperty().bind(shots.selectedProperty().not());
        Label what = new Label("Check links visits every link of the latest review and records what it finds (redirects, "
                + "status, title, IP address, a page snapshot) in the workbench's evidence. THIS CONTACTS THE SITES, some of "
                + "them run by criminals: they see this computer's IP address. Use a network and machine meant for it.");
        what.setWrapText(true);
        what.setMaxWidth(560);
        Alert ask = new Alert(Alert.AlertType.CONFIRMATION);
        ask.setTitle("Check links");
        ask.setHeaderText("Check links: this contacts the sites");
        ask.getDialogPane().setContent(new VBox(10, what, rdap, shots, javaScript));
        ask.getButtonTypes().setAll(new ButtonType("Contact the sites", ButtonBar.ButtonData.OK_DONE), ButtonType.CANCEL);
        if (root.getScene() != null) {
            ask.initOwner(root.getScene().getWindow());
        }
        ask.showAndWait().filter(b -> b.getButtonData() == ButtonBar.ButtonData.OK_DONE)
                .ifPresent(b -> startCheck(rdap.isSelected(), shots.isSelected(), javaScript.isSelected()));
    }

    /** Starts the link check as a job (progress, Cancel); the dialog of the Check links button asks first. */
    public void startCheck(boolean rdap, boolean takeScreenshots, boolean javaScript) {
        Workbench wb = current.get();
        if (wb == null || checking != null) {
            return;
        }
        LinkReviewService.Screenshots shots;
        try {
            shots = takeScreenshots ? new LinkReviewService.Screenshots(screenshots.get(),
                    PageScreenshots.Options.defaults().withJavaScript(javaScript)) : null;
        } catch (RuntimeException e) {
            checkStatus.setText("Cannot take screenshots: " + e.getMessage());
            return;
        }
        SubmittedJob<LinkReviewService.CheckReport> job = jobs.submit("Check links (contacts the sites)",
                context -> service.checkLinks(wb, rdap, shots, context));
        checking = new JobViewModel(job.job());
        checkProgress.progressProperty().bind(checking.progressProperty());
        checkStatus.textProperty().bind(checking.messageProperty());
        checkProgress.setVisible(true);
        cancelCheck.setVisible(true);
        check.setDisable(true);
        job.result().whenComplete((report, error) -> javafx.application.Platform.runLater(() -> {
            checkProgress.progressProperty().unbind();
            checkStatus.textProperty().unbind();
            checkProgress.setVisible(false);
            cancelCheck.setVisible(false);
            check.setDisable(false);
            checking = null;
            Throwable cause = error instanceof java.util.concurrent.CompletionException && error.getCause() != null ? error.getCause() : error;
            if (cause instanceof org.signalbench.jobs.CancelledException) {
                checkStatus.setText("Check cancelled: the links checked so far are kept.");
            } else if (cause != null) {
                checkStatus.setText("The check failed: " + cause.getMessage());
            } else {
                checkStatus.setText(String.format(java.util.Locale.ROOT, "Checked %d links: %d live, %d dead, %d redirected "
                                + "elsewhere; %d screenshots.%s", report.links(), report.live(), report.dead(),
                        report.redirectedElsewhere(), report.screenshots(),
                        report.problems().isEmpty() ? "" : " Notes: " + String.join("; ", report.problems())));
            }
            refresh();
        }));
    }

    /** The funnel in one readable line: each step's count, the share where the study gives one. */
    static String funnelLine(LinkReviewResults.Figures f) {
        return String.format(java.util.Locale.ROOT, "Funnel: retrieved %,d (%.2f%% of %,d tweets) → with links or contacts %,d → "
                        + "unique %,d → live %,d tweets from %,d accounts → %,d live online-pharmacy sites", f.retrieved(),
                100 * f.share(), f.workbenchTweets(), f.withLinksOrContacts(), f.unique(), f.live(), f.liveAccounts(),
                f.livePharmacySites());
    }

    private void showResults(LinkReviewService.Comparison c) {
        results.setItems(FXCollections.observableArrayList(c.rows()));
        XYChart.Series<String, Number> ours = new XYChart.Series<>();
        ours.setName("SignalBench");
        XYChart.Series<String, Number> theirs = new XYChart.Series<>();
        theirs.setName("Study");
        c.figures().liveByType().forEach((type, n) -> {
            ours.getData().add(new XYChart.Data<>(type, n));
            c.study().figure("liveByType." + type).filter(g -> g.value() != null)
                    .ifPresent(g -> theirs.getData().add(new XYChart.Data<>(type, g.value())));
        });
        sellerTypes.getData().setAll(List.of(ours, theirs));
        studySource.setText("Study: " + c.study().source() + ". Hover over a study figure for the sentence it comes from; "
                + "the figures are in resources/published/twitter-link-review.json.");
    }

    private void refresh() {
        Workbench wb = current.get();
        if (wb == null) {
            return;
        }
        Tasks.create(() -> service.overview(wb)).onSuccess(overview -> {
            if (overview == null) {
                sites.getItems().clear();
                return;
            }
            funnel.setText(funnelLine(overview.figures()));
            showResults(overview.results());
            sites.setItems(FXCollections.observableArrayList(overview.sites()));
            if (!sites.getItems().isEmpty()) {
                sites.getSelectionModel().select(0);
            }
        }).onError(e -> funnel.setText("Cannot read the link review: " + e.getMessage())).runOn(executor);
    }

    private void show(LinkReviewService.SiteSummary site) {
        report.setDisable(site == null);
        recordReport.setDisable(site == null);
        saveClassification.setDisable(site == null);
        if (site == null) {
            return;
        }
        Workbench wb = current.get();
        Tasks.create(() -> service.sites(wb, List.of(site.domain())).get(0)).onSuccess(s -> {
            shown = s;
            Map<String, String> typed = ReportPacket.values(s, false); // the notes as typed, for editing
            legitScript.setValue(typed.get("legitscript"));
            notes.setText(typed.get("notes"));
            Map<String, String> v = ReportPacket.values(s, true);
            Map<String, String> rows = new LinkedHashMap<>();
            for (String key : List.of("site_url", "final_url", "http_status", "liveness", "checked_at", "title", "registrar",
                    "registrant_country", "domain_created", "ip", "legitscript", "seller_type", "products", "payment",
                    "screenshot_sha256", "snapshot_sha256", "notes")) {
                rows.put(key.replace('_', ' '), v.get(key));
            }
            evidence.getChildren().clear();
            int r = 0;
            for (var e : rows.entrySet()) {
                Label value = new Label(e.getValue());
                value.setWrapText(true);
                value.setMaxWidth(520);
                evidence.addRow(r++, new Label(e.getKey()), value);
            }
            tweets.setItems(FXCollections.observableArrayList(v.get("tweets").lines().toList()));
            screenshot.setImage(null);
            try {
                if (s.screenshot() != null && Files.isRegularFile(s.screenshot())) {
                    screenshot.setImage(new Image(new ByteArrayInputStream(Files.readAllBytes(s.screenshot()))));
                } else {
                    status.setText(s.screenshot() == null ? "No screenshot recorded." : "The screenshot file is missing: " + s.screenshot());
                }
            } catch (java.io.IOException ex) {
                status.setText("cannot read the screenshot: " + ex.getMessage());
            }
        }).onError(e -> status.setText(e.getMessage())).runOn(executor);
    }

    private void chooseEvidenceFile() {
        javafx.stage.FileChooser chooser = new javafx.stage.FileChooser();
        chooser.setTitle("Evidence records (CSV)");
        chooser.getExtensionFilters().add(new javafx.stage.FileChooser.ExtensionFilter("CSV", "*.csv"));
        var file = chooser.showOpenDialog(root.getScene() == null ? null : root.getScene().getWindow());
        if (file != null) {
            importEvidence(file.toPath());
        }
    }

    /** Imports evidence records from {@code csv} (the Import evidence button asks for the file first); contacts nothing. */
    public void importEvidence(Path csv) {
        Workbench wb = current.get();
        if (wb == null) {
            return;
        }
        Tasks.create(() -> service.importEvidence(wb, csv)).onSuccess(r -> {
            checkStatus.setText(String.format(java.util.Locale.ROOT, "Imported %d evidence records from %s.%s", r.records(),
                    csv.getFileName(), r.problems().isEmpty() ? "" : " " + r.problems().size() + " lines refused: "
                            + String.join("; ", r.problems().subList(0, Math.min(3, r.problems().size())))));
            refresh();
        }).onError(e -> checkStatus.setText("Cannot import " + csv.getFileName() + ": " + e.getMessage())).runOn(executor);
    }

    /** Stores the LegitScript class and notes typed for the shown site on its links' evidence records. */
    public void saveClassification() {
        Workbench wb = current.get();
        if (wb == null || shown == null) {
            return;
        }
        String domain = shown.domain();
        String legit = legitScript.getValue();
        String text = notes.getText();
        Tasks.create(() -> service.classifySite(wb, domain, legit, text)).onSuccess(n -> {
            status.setText("Saved for " + domain + " (" + n + (n == 1 ? " link)." : " links)."));
            refresh();
        }).onError(e -> status.setText("Cannot save: " + e.getMessage())).runOn(executor);
    }

    private void askAndRecordReport() {
        if (shown == null) {
            return;
        }
        javafx.scene.control.ChoiceBox<String> agency = new javafx.scene.control.ChoiceBox<>(FXCollections.observableArrayList(
                ReportPacket.Forms.load().agencies().stream().map(ReportPacket.Agency::key).toList()));
        agency.getSelectionModel().selectFirst();
        javafx.scene.control.TextField reference = new javafx.scene.control.TextField();
        reference.setPromptText("the agency's reference (may be empty)");
        Alert ask = new Alert(Alert.AlertType.CONFIRMATION);
        ask.setTitle("Record a report");
        ask.setHeaderText("Record that " + shown.domain() + " was reported (now)");
        ask.getDialogPane().setContent(new VBox(8, new Label("Agency"), agency, new Label("Reference"), reference));
        if (root.getScene() != null) {
            ask.initOwner(root.getScene().getWindow());
        }
        ask.showAndWait().filter(b -> b == ButtonType.OK)
                .ifPresent(b -> recordReport(agency.getValue(), reference.getText()));
    }

    /** Records that the shown site was reported to {@code agency} now, with the agency's {@code reference} (blank: none yet). */
    public void recordReport(String agency, String reference) {
        Workbench wb = current.get();
        if (wb == null || shown == null) {
            return;
        }
        String domain = shown.domain();
        String ref = reference == null || reference.isBlank() ? null : reference.strip();
        Tasks.create(() -> {
            service.recordReport(wb, domain, agency, java.time.Instant.now(), ref, null);
            return service.reportCount(wb, domain);
        }).onSuccess(n -> status.setText("Recorded: " + domain + " reported to " + agency.toUpperCase(java.util.Locale.ROOT)
                        + (ref == null ? "" : " (reference " + ref + ")") + "; " + n + " reports of this site."))
                .onError(e -> status.setText("Cannot record the report: " + e.getMessage())).runOn(executor);
    }

    private void writePacket() {
        if (shown == null) {
            return;
        }
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle("Folder for the FDA and DEA packets of " + shown.domain());
        var folder = chooser.showDialog(root.getScene() == null ? null : root.getScene().getWindow());
        if (folder != null) {
            writePacketTo(folder.toPath());
        }
    }

    /** Writes the selected site's packets (masked) into {@code folder}; the Report button asks for the folder first. */
    public void writePacketTo(Path folder) {
        Workbench wb = current.get();
        String domain = shown.domain();
        Tasks.create(() -> service.writePacket(wb, List.of(domain), List.of("fda", "dea"), folder, true))
                .onSuccess(p -> status.setText("Packets for " + domain + " written to " + folder + " (" + p.files().size()
                        + " files). Submit them on the agencies' forms, then record the reference."))
                .onError(e -> status.setText("Cannot write the packet: " + e.getMessage())).runOn(executor);
    }
}
