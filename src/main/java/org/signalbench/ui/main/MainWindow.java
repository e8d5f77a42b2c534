package org.signalbench.ui.main;

import javafx.scene.Scene;
import javafx.scene.control.Tab;
import javafx.stage.Stage;
import org.signalbench.domain.Role;
import org.signalbench.jobs.JobManager;
import org.signalbench.ui.AppConfig;
import org.signalbench.ui.adjudicate.AdjudicateController;
import org.signalbench.ui.adjudicate.AdjudicateViewModel;
import org.signalbench.ui.agreement.AgreementController;
import org.signalbench.ui.agreement.AgreementViewModel;
import org.signalbench.ui.annotate.AnnotateController;
import org.signalbench.ui.annotate.AnnotateViewModel;
import org.signalbench.ui.common.CurrentWorkbench;
import org.signalbench.ui.findings.FindingsController;
import org.signalbench.ui.findings.FindingsViewModel;
import org.signalbench.ui.findings.LexiconStore;
import org.signalbench.ui.importing.ImportViewModel;
import org.signalbench.ui.jobs.JobsViewModel;
import org.signalbench.ui.models.ModelsController;
import org.signalbench.ui.models.ModelsViewModel;
import org.signalbench.ui.posts.PostBrowserViewModel;
import org.signalbench.ui.posts.PostDetailViewModel;
import org.signalbench.ui.preprocessing.PreprocessingViewModel;
import org.signalbench.ui.topics.TopicsController;
import org.signalbench.ui.topics.TopicsViewModel;

/** Builds the window from an {@link AppConfig}: every view model gets the one executor it needs, nothing is global. */
public final class MainWindow {
    private final MainViewModel model;
    private final MainController controller;
    private final FindingsViewModel findings;
    private final AnnotateViewModel annotate;
    private final AnnotateController annotateController;
    private final ModelsViewModel models;

    private MainWindow(MainViewModel model, MainController controller, FindingsViewModel findings, AnnotateViewModel annotate,
                       AnnotateController annotateController, ModelsViewModel models) {
        this.model = model;
        this.controller = controller;
        this.findings = findings;
        this.annotate = annotate;
        this.annotateController = annotateController;
        this.models = models;
    }

    /** Shows the window on {@code stage} and starts opening the configured workbench. */
    public static MainWindow open(Stage stage, AppConfig config) {
        CurrentWorkbench current = new CurrentWorkbench();
        JobManager jobManager = new JobManager(config.executor());
        JobsViewModel jobs = new JobsViewModel(jobManager);
        PreprocessingViewModel preprocessing = new PreprocessingViewModel(current, jobManager, config.explainers());
        PostBrowserViewModel browser = new PostBrowserViewModel(current, config.executor());
        PostDetailViewModel detail = new PostDetailViewModel(current, config.executor(), browser.selectedProperty(), preprocessing);
        ImportViewModel imports = new ImportViewModel(current, jobManager, config.importer(), config.sample(), config.executor());
        MainViewModel model = new MainViewModel(current, config.executor(), jobs, imports, browser, detail, preprocessing);

        // The preprocessed corpus follows the posts: recomputed after imports (and, by the main
        // view model, for a newly opened workbench).
        current.revisionProperty().addListener((obs, old, now) -> preprocessing.recompute());

        MainController controller = new MainController(model, config.dialogs());
        controller.useLabelExports(new LabelExportsViewModel(current, jobManager, config.services().labelExports()));
        // The annotation views: who signed in to Annotate decides what Agreement and Adjudicate show.
        AnnotateViewModel annotate = new AnnotateViewModel(current, config.executor(), config.services().settings().codebook(),
                config.services().access());
        AnnotateController annotateController = new AnnotateController(annotate);
        controller.useCoderExchange(new CoderExchangeViewModel(current, jobManager,
                new org.signalbench.app.CoderExchangeService(config.services().settings().codebook())), annotate.signedInProperty());
        controller.addView("annotateTab", "Annotate", annotateController.view());
        // Blinding: results computed from everyone's labels open only to the expert and analysts.
        String results = "Sign in (Annotate tab) as the expert or an analyst to open this view: it shows results from every coder's labels.";
        Tab agreementTab = controller.addView("agreementTab", "Agreement", new AgreementController(
                new AgreementViewModel(current, config.executor(), annotate.signedInProperty(),
                        config.services().agreement())).view());
        controller.gate(agreementTab, annotate.signedInProperty(), Role::seesResults, results);
        Tab adjudicateTab = controller.addView("adjudicateTab", "Adjudicate", new AdjudicateController(
                new AdjudicateViewModel(current, config.executor(), annotate.signedInProperty(),
                        config.services().adjudication())).view());
        controller.gate(adjudicateTab, annotate.signedInProperty(), role -> role == Role.EXPERT,
                "Sign in (Annotate tab) as the expert to settle disagreements.");
        FindingsViewModel findings = new FindingsViewModel(current, config.executor(), jobManager,
                new LexiconStore(config.findingsFiles().editableLexicon(), config.services().settings().lexicons()),
                config.services().settings().codebook());
        Tab findingsTab = controller.addView("findingsTab", "Findings", new FindingsController(findings, config.findingsFiles()).view());
        findings.activeProperty().bind(findingsTab.selectedProperty());
        controller.gate(findingsTab, annotate.signedInProperty(), Role::seesResults, results);
        ModelsViewModel models = new ModelsViewModel(current, config.executor(), jobManager, config.services().crossValidation(),
                config.services().finalModels());
        Tab modelsTab = controller.addView("modelsTab", "Models", new ModelsController(models).view());
        controller.gate(modelsTab, annotate.signedInProperty(), Role::seesResults, results);
        org.signalbench.app.TopicsService topicsService = new org.signalbench.app.TopicsService(config.services().settings());
        org.signalbench.app.LinkReviewService linkReview = new org.signalbench.app.LinkReviewService();
        Tab topicsTab = controller.addView("topicsTab", "Topics", new TopicsController(new TopicsViewModel(current,
                config.executor(), jobManager, topicsService, linkReview)).view());
        controller.gate(topicsTab, annotate.signedInProperty(), Role::seesResults, results);
        controller.setTwitterStudyOpener(() -> model.openTwitterStudy(org.signalbench.app.TwitterStudyWorkbench.defaultFile(),
                org.signalbench.sample.TwitterStudySample.defaultFolder(), config.services().importing(), topicsService));
        // the link review shows the study's results: gated like the other results views
        Tab linkReviewTab = controller.addView("linkReviewTab", "Link review", new org.signalbench.ui.links.LinkReviewView(current,
                config.executor(), jobManager, linkReview).view());
        controller.gate(linkReviewTab, annotate.signedInProperty(), Role::seesResults, results);
        Scene scene = new Scene(controller.view(), WindowSettings.DEFAULT_WIDTH, WindowSettings.DEFAULT_HEIGHT);
        scene.getStylesheets().add(MainWindow.class.getResource("/org/signalbench/ui/signalbench.css").toExternalForm());
        stage.setScene(scene);
        stage.titleProperty().bind(model.titleBinding());
        stage.setOnHidden(e -> model.close());
        stage.show();
        model.openWorkbench(config.workbench(), config.defaultWorkbench());
        return new MainWindow(model, controller, findings, annotate, annotateController, models);
    }

    public MainViewModel model() {
        return model;
    }

    public MainController controller() {
        return controller;
    }

    public FindingsViewModel findings() {
        return findings;
    }

    public AnnotateViewModel annotate() {
        return annotate;
    }

    /** The Annotate view's split between the post and the questions. */
    public javafx.scene.control.SplitPane annotateSplit() {
        return annotateController.codingSplit();
    }

    public ModelsViewModel models() {
        return models;
    }
}
