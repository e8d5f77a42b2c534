package org.signalbench.ui.main;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Executor;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.signalbench.app.ImportingService;
import org.signalbench.app.PostReads;
import org.signalbench.domain.InterruptedImport;
import org.signalbench.store.PostQuery;
import org.signalbench.store.Workbench;
import org.signalbench.ui.common.CurrentWorkbench;
import org.signalbench.ui.common.Tasks;
import org.signalbench.ui.importing.ImportViewModel;
import org.signalbench.ui.jobs.JobsViewModel;
import org.signalbench.ui.posts.PostBrowserViewModel;
import org.signalbench.ui.posts.PostDetailViewModel;
import org.signalbench.ui.preprocessing.PreprocessingViewModel;

/** State of the window: which workbench is open, the title, and the features' view models. */
public final class MainViewModel {
    private static final System.Logger LOG = System.getLogger(MainViewModel.class.getName());

    private final CurrentWorkbench current;
    private final Executor executor;
    private final JobsViewModel jobs;
    private final ImportViewModel imports;
    private final PostBrowserViewModel browser;
    private final PostDetailViewModel detail;
    private final PreprocessingViewModel preprocessing;
    private final StringBinding title;
    private final StringProperty problem = new SimpleStringProperty("");
    private final SimpleObjectProperty<List<InterruptedImport>> interrupted = new SimpleObjectProperty<>(List.of());

    public MainViewModel(CurrentWorkbench current, Executor executor, JobsViewModel jobs, ImportViewModel imports,
                         PostBrowserViewModel browser, PostDetailViewModel detail, PreprocessingViewModel preprocessing) {
        this.current = current;
        this.executor = executor;
        this.jobs = jobs;
        this.imports = imports;
        this.browser = browser;
        this.detail = detail;
        this.preprocessing = preprocessing;
        this.title = Bindings.createStringBinding(() -> {
            Workbench open = current.get();
            return open == null ? "SignalBench" : "SignalBench — " + open.file();
        }, current.workbenchProperty());
    }

    /**
     * Opens {@code file} (creating it if needed) in the background and shows it. An empty
     * workbench gets the built-in sample when it is the default one or was just created.
     */
    public void openWorkbench(Path file, boolean isDefault) {
        open(file, isDefault, null);
    }

    /**
     * Creates {@code file} and, before it is shown, stores {@code expertPassphrase} as its expert
     * passphrase (then wiped); {@code null} leaves it unset, for the first expert to set.
     */
    public void createWorkbench(Path file, char[] expertPassphrase) {
        open(file, false, expertPassphrase);
    }

    private void open(Path file, boolean isDefault, char[] expertPassphrase) {
        problem.set("");
        Tasks.create(() -> {
                    boolean existed = Files.exists(file);
                    Workbench opened = Workbench.open(file);
                    if (expertPassphrase != null) {
                        try {
                            new org.signalbench.app.AccessService().setExpertPassphrase(opened, expertPassphrase);
                        } catch (RuntimeException e) {
                            closeQuietly(opened);
                            throw e;
                        } finally {
                            org.signalbench.app.AccessService.wipe(expertPassphrase);
                        }
                    }
                    int posts = PostReads.read(opened, q -> q.count(PostQuery.Filter.ALL));
                    return new Opened(opened, existed, posts, ImportingService.interrupted(opened));
                })
                .onSuccess(opened -> {
                    Workbench previous = current.get();
                    current.workbenchProperty().set(opened.workbench());
                    closeQuietly(previous);
                    interrupted.set(opened.interrupted());
                    if (opened.posts() == 0 && (isDefault || !opened.existed())) {
                        // The corpus is preprocessed when the sample is in, not over the empty workbench.
                        imports.importBuiltInSample();
                    } else {
                        preprocessing.recompute();
                    }
                })
                .onError(error -> problem.set("Cannot open " + file + ": " + error.getMessage()))
                .runOn(executor);
    }

    /**
     * Opens the Twitter study sample as a workbench of its own ({@code file}): a job generates the
     * sample on first use and imports it, with progress; then the window shows it.
     */
    public void openTwitterStudy(Path file, Path sampleFolder, org.signalbench.app.ImportingService importing,
                                 org.signalbench.app.TopicsService topics) {
        problem.set("");
        jobs.manager().submit("Opening the Twitter study sample", job -> org.signalbench.app.TwitterStudyWorkbench
                        .prepare(file, sampleFolder, importing, topics, job))
                .result().whenComplete((opened, error) -> javafx.application.Platform.runLater(() -> {
                    if (error != null) {
                        Throwable cause = error.getCause() != null ? error.getCause() : error;
                        problem.set("Cannot open the Twitter study sample: " + cause.getMessage());
                    } else {
                        openWorkbench(opened, false);
                    }
                }));
    }

    private record Opened(Workbench workbench, boolean existed, int posts, List<InterruptedImport> interrupted) {
    }

    /** The imports of the open workbench that were interrupted (killed, or stopped by a full disk or a lock), oldest first. */
    public ReadOnlyObjectProperty<List<InterruptedImport>> interruptedImportsProperty() {
        return interrupted;
    }

    /**
     * Imports the sources of every interrupted import again, as a job: what was stored is merged,
     * the rest is added, and the interrupted runs are marked completed.
     */
    public void finishInterruptedImports() {
        List<Path> sources = interrupted.get().stream().flatMap(run -> run.sources().stream()).distinct().toList();
        interrupted.set(List.of());
        if (!sources.isEmpty()) {
            imports.importSources("Finishing an interrupted import", sources);
        }
    }

    /** Closes the open workbench (the window is closing). */
    public void close() {
        closeQuietly(current.get());
    }

    private static void closeQuietly(Workbench workbench) {
        if (workbench == null) {
            return;
        }
        try {
            workbench.close();
        } catch (Exception e) {
            LOG.log(System.Logger.Level.WARNING, "cannot close " + workbench.file(), e);
        }
    }

    public boolean canSwitchWorkbench() {
        return !jobs.manager().anyUnfinished();
    }

    public StringBinding titleBinding() {
        return title;
    }

    /** The last thing that went wrong at the window level (cannot open a file), or empty. */
    public ReadOnlyStringProperty problemProperty() {
        return problem;
    }

    public CurrentWorkbench current() {
        return current;
    }

    public JobsViewModel jobs() {
        return jobs;
    }

    public ImportViewModel imports() {
        return imports;
    }

    public PostBrowserViewModel browser() {
        return browser;
    }

    public PostDetailViewModel detail() {
        return detail;
    }

    public PreprocessingViewModel preprocessing() {
        return preprocessing;
    }
}
