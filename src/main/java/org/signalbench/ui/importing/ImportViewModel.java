package org.signalbench.ui.importing;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.signalbench.app.ImportingService;
import org.signalbench.importing.CsvOptions;
import org.signalbench.importing.ImportReport;
import org.signalbench.jobs.CancelledException;
import org.signalbench.jobs.Job;
import org.signalbench.jobs.JobManager;
import org.signalbench.jobs.JobWork;
import org.signalbench.jobs.SubmittedJob;
import org.signalbench.store.Workbench;
import org.signalbench.ui.common.CurrentWorkbench;

/**
 * Runs imports as jobs and publishes how each ended, for the summary dialog. The first-start
 * import of the built-in sample is one of them, also published as {@link #sampleImportProperty()}
 * so the window can show its progress over the empty table.
 */
public final class ImportViewModel {
    private final CurrentWorkbench current;
    private final JobManager jobs;
    private final PostImporter importer;
    private final Supplier<Path> sample;
    private final Executor executor;
    private final BooleanProperty dropRetweets = new SimpleBooleanProperty();
    private final ObjectProperty<ImportOutcome> lastOutcome = new SimpleObjectProperty<>();
    private final ObjectProperty<Job> sampleImport = new SimpleObjectProperty<>();

    /** How one import ended: a report (perhaps of a cancelled import), or the reason it failed. */
    public record ImportOutcome(String jobName, ImportReport report, String failure, boolean cancelled) {
        /** Finished with nothing refused. */
        boolean clean() {
            return failure == null && !cancelled && report != null && report.rejected().isEmpty();
        }
    }

    /** @param executor where the CSV import dialog reads its preview */
    public ImportViewModel(CurrentWorkbench current, JobManager jobs, PostImporter importer, Supplier<Path> sample,
                           Executor executor) {
        this.current = current;
        this.jobs = jobs;
        this.importer = importer;
        this.sample = sample;
        this.executor = executor;
    }

    /** Imports {@code sources} into the current workbench as a job (leaving out retweets when {@link #dropRetweetsProperty()} is on). */
    public SubmittedJob<ImportReport> importSources(String jobName, List<Path> sources) {
        Workbench target = current.get();
        CsvOptions options = CsvOptions.DEFAULT.withDropRetweets(dropRetweets.get());
        return run(jobName, target, false, job -> importer.run(target, sources, options, job));
    }

    /** The CSV import dialog's model for {@code files} (the first one is previewed; all are imported with its options). */
    public CsvImportViewModel csvImport(List<Path> files) {
        CsvImportViewModel model = new CsvImportViewModel(files, executor, ImportingService::previewCsv);
        model.dropRetweetsProperty().set(dropRetweets.get());
        return model;
    }

    /** File → Drop retweets when importing: Twitter, CSV and every other import leave retweets out (docs/formats/csv.md). */
    public BooleanProperty dropRetweetsProperty() {
        return dropRetweets;
    }

    /** Imports CSV files with the dialog's options as a job, like {@link #importSources}. */
    public SubmittedJob<ImportReport> importCsv(String jobName, List<Path> files, CsvOptions options) {
        Workbench target = current.get();
        return run(jobName, target, false, job -> importer.run(target, files, options, job));
    }

    /**
     * Imports the built-in sample into the current workbench (first start). Its summary is only
     * published when there is something to tell: a failure, a cancel, a rejection.
     */
    public SubmittedJob<ImportReport> importBuiltInSample() {
        Workbench target = current.get();
        SubmittedJob<ImportReport> submitted = run("Importing the built-in sample", target, true,
                job -> importer.run(target, List.of(sample.get()), job));
        sampleImport.set(submitted.job());
        submitted.result().whenComplete((report, error) -> Platform.runLater(() -> sampleImport.set(null)));
        return submitted;
    }

    private SubmittedJob<ImportReport> run(String jobName, Workbench target, boolean quietWhenClean,
                                           JobWork<ImportReport> work) {
        if (target == null) {
            throw new IllegalStateException("no workbench is open");
        }
        SubmittedJob<ImportReport> submitted = jobs.submit(jobName, work);
        submitted.result().whenComplete((report, error) -> Platform.runLater(() -> {
            if (current.get() == target) {
                current.postsChanged();
            }
            ImportOutcome outcome = outcome(jobName, report, error);
            if (!(quietWhenClean && outcome.clean())) {
                lastOutcome.set(outcome);
            }
        }));
        return submitted;
    }

    private static ImportOutcome outcome(String jobName, ImportReport report, Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        if (cause == null) {
            return new ImportOutcome(jobName, report, null, report.cancelled());
        }
        if (cause instanceof CancelledException) {
            return new ImportOutcome(jobName, null, null, true);
        }
        // A locked, full or damaged workbench says what happened, what was kept and what to do.
        return new ImportOutcome(jobName, null, org.signalbench.store.EnvironmentFault.messageOf(cause), false);
    }

    /** How the latest import ended; set on the FX thread when it ends. */
    public ReadOnlyObjectProperty<ImportOutcome> lastOutcomeProperty() {
        return lastOutcome;
    }

    /** The first-start sample import while it runs, else null. */
    public ReadOnlyObjectProperty<Job> sampleImportProperty() {
        return sampleImport;
    }
}
