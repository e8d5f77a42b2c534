package org.signalbench.ui.findings;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.signalbench.app.AgreementService;
import org.signalbench.app.FindingsService;
import org.signalbench.app.ReportService;
import org.signalbench.findings.Charts;
import org.signalbench.findings.DrugLexicon;
import org.signalbench.findings.Findings;
import org.signalbench.findings.HtmlReport;
import org.signalbench.findings.Table;
import org.signalbench.findings.TableFormat;
import org.signalbench.jobs.JobManager;
import org.signalbench.jobs.SubmittedJob;
import org.signalbench.labels.Codebook;
import org.signalbench.store.Workbench;
import org.signalbench.ui.common.CurrentWorkbench;
import org.signalbench.ui.common.Tasks;

/**
 * State of the Findings view: the findings of the open workbench (computed in the background
 * while the view is showing and something changed: the workbench, its posts or labels, the
 * lexicon), whether names are masked, and the copies, exports and report made from them. With
 * masking on, everything shown, copied, exported or reported is masked.
 */
public final class FindingsViewModel {
    private static final DateTimeFormatter REPORT_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT);

    private final CurrentWorkbench current;
    private final Executor executor;
    private final JobManager jobs;
    private final LexiconStore lexicon;
    private final ObjectProperty<Findings> computed = new SimpleObjectProperty<>();
    private final BooleanProperty mask = new SimpleBooleanProperty(true);
    private final ObjectBinding<Findings> shown;
    private final BooleanProperty active = new SimpleBooleanProperty();
    private final BooleanProperty computing = new SimpleBooleanProperty();
    private final StringProperty status = new SimpleStringProperty("");
    private final StringProperty problem = new SimpleStringProperty("");
    private final Codebook codebook;
    private final ReportService reports;
    /** Something changed since the last computation. */
    private boolean stale = true;
    /** Counts computations, so a result that a newer one replaced is dropped. */
    private int generation;

    public FindingsViewModel(CurrentWorkbench current, Executor executor, JobManager jobs, LexiconStore lexicon,
                             Codebook codebook) {
        this.current = current;
        this.codebook = codebook;
        this.reports = new ReportService(new AgreementService(codebook));
        this.executor = executor;
        this.jobs = jobs;
        this.lexicon = lexicon;
        this.shown = Bindings.createObjectBinding(() -> {
            Findings f = computed.get();
            return f == null || !mask.get() ? f : f.masked();
        }, computed, mask);
        current.workbenchProperty().addListener((obs, old, now) -> changed());
        current.revisionProperty().addListener((obs, old, now) -> changed());
        active.addListener((obs, old, now) -> {
            if (now && stale) {
                refresh();
            }
        });
    }

    /** The workbench, its posts or its labels changed: recompute now if the view shows, else when it does. */
    private void changed() {
        if (active.get()) {
            refresh();
        } else {
            stale = true;
        }
    }

    /** Computes the findings of the open workbench in the background, replacing a computation under way. */
    public void refresh() {
        Workbench target = current.get();
        if (target == null) {
            stale = true;
            return;
        }
        stale = false;
        int mine = ++generation;
        computing.set(true);
        problem.set("");
        status.set("Computing the findings…");
        Tasks.create(() -> FindingsService.compute(target, lexicon.lexicons(), codebook))
                .onSuccess(findings -> {
                    if (mine == generation) {
                        computed.set(findings);
                        status.set(summary(findings));
                    }
                })
                .onError(error -> {
                    if (mine == generation) {
                        computed.set(null);
                        status.set("");
                        problem.set("Cannot compute the findings: " + reason(error));
                    }
                })
                .andFinally(() -> {
                    if (mine == generation) {
                        computing.set(false);
                    }
                })
                .runOn(executor);
    }

    private static String summary(Findings f) {
        if (f.n() == 0) {
            return "No final dealer posts yet: import the coders' files (File → Import files…) to see findings.";
        }
        return String.format(Locale.ROOT, "N = %,d final dealer posts", f.n());
    }

    /** {@code table} as CSV or Markdown for the clipboard, as shown (masked when masking is on); the status says so. */
    public String copyText(Table table, TableFormat format) {
        status.set("Copied “" + table.title() + "” as " + (format == TableFormat.MARKDOWN ? "Markdown" : "CSV")
                + (mask.get() ? ", masked" : ", not masked"));
        return format.render(table);
    }

    /** The table with this key in the findings as shown, or null before the first computation. */
    public Table table(String key) {
        Findings f = shown.get();
        return f == null ? null : f.tables().stream().filter(t -> t.key().equals(key)).findFirst().orElse(null);
    }

    /** Writes {@code table} to {@code file} in the background. */
    public void export(Table table, TableFormat format, Path file) {
        String text = format.render(table);
        Tasks.create(() -> writeFile(file, text))
                .onSuccess(ignored -> status.set("Exported “" + table.title() + "” to " + file))
                .onError(error -> problem.set("Cannot export to " + file + ": " + reason(error)))
                .runOn(executor);
    }

    /**
     * Writes the hashtags to search in the next collection loop, one a line, best first (what
     * {@code findings --discover} writes), in the background.
     */
    public void saveSearchList(Path file) {
        Findings findings = shown.get();
        if (findings == null) {
            return;
        }
        List<String> hashtags = findings.discoveredHashtags();
        String text = hashtags.isEmpty() ? "" : String.join("\n", hashtags) + "\n";
        Tasks.create(() -> writeFile(file, text))
                .onSuccess(ignored -> status.set("Saved " + hashtags.size() + " hashtags to search next to " + file))
                .onError(error -> problem.set("Cannot write " + file + ": " + reason(error)))
                .runOn(executor);
    }

    /**
     * Writes the self-contained HTML report to {@code file}, as a job: the findings as shown, then
     * agreement, model results and the link review (ReportService), masked when masking is on.
     */
    public SubmittedJob<Path> writeReport(Path file) {
        Findings findings = shown.get();
        Workbench workbench = current.get();
        if (findings == null || workbench == null) {
            problem.set("There are no findings to report yet.");
            return null;
        }
        HtmlReport.Info info = new HtmlReport.Info(workbench.file().getFileName().toString(),
                ZonedDateTime.now(ZoneOffset.UTC).format(REPORT_TIME), mask.get());
        SubmittedJob<Path> submitted = jobs.submit("Writing the findings report", job -> {
            job.progress(0, 1, file.getFileName().toString());
            writeFile(file, reports.render(workbench, findings, info));
            job.progress(1, 1, file.getFileName().toString());
            return file;
        });
        submitted.result().whenComplete((written, error) -> javafx.application.Platform.runLater(() -> {
            if (error == null) {
                status.set("Wrote the report " + file);
            } else {
                problem.set("Cannot write the report " + file + ": " + reason(error));
            }
        }));
        return submitted;
    }

    /** The charts of {@code table} in the findings as shown (masked when masking is on); none before the first computation. */
    public List<Charts.Chart> charts(Table table) {
        Findings f = shown.get();
        return f == null || table == null ? List.of() : Charts.forTable(f, table);
    }

    /** Every chart of the findings as shown; none before the first computation. */
    public List<Charts.Chart> allCharts() {
        Findings f = shown.get();
        return f == null ? List.of() : Charts.of(f);
    }

    /**
     * Writes {@code charts} into {@code folder} as SVG and PNG (what {@code findings --charts} writes),
     * as a job with a step per chart; a cancelled job leaves the charts written so far.
     */
    public SubmittedJob<List<Path>> exportCharts(List<Charts.Chart> charts, Path folder) {
        return exportInto(List.of(), charts, folder);
    }

    /**
     * Writes every table as CSV (what {@code findings --format csv --out DIR} writes) and every chart
     * as SVG and PNG into {@code folder}, as one job.
     */
    public SubmittedJob<List<Path>> exportAll(Path folder) {
        Findings f = shown.get();
        if (f == null) {
            problem.set("There are no findings to export yet.");
            return null;
        }
        return exportInto(f.tables(), Charts.of(f), folder);
    }

    private SubmittedJob<List<Path>> exportInto(List<Table> tables, List<Charts.Chart> charts, Path folder) {
        if (tables.isEmpty() && charts.isEmpty()) {
            problem.set("There are no charts to export yet.");
            return null;
        }
        problem.set("");
        int steps = tables.size() + charts.size();
        String what = (tables.isEmpty() ? "" : tables.size() + " tables and ") + charts.size() + (charts.size() == 1 ? " chart" : " charts");
        SubmittedJob<List<Path>> submitted = jobs.submit("Exporting " + what, job -> {
            List<Path> written = new java.util.ArrayList<>();
            org.signalbench.exporting.SafeOutputFile.createFolder(folder);
            for (int i = 0; i < tables.size() && !job.isCancelled(); i++) {
                Table t = tables.get(i);
                job.progress(i, steps, t.key());
                written.add(org.signalbench.exporting.SafeOutputFile.writeString(folder.resolve(t.key() + "." + TableFormat.CSV.extension()),
                        null, TableFormat.CSV.render(t))); // refuses any SQLite database
            }
            for (int i = 0; i < charts.size() && !job.isCancelled(); i++) {
                job.progress(tables.size() + i, steps, charts.get(i).name());
                written.addAll(Charts.write(List.of(charts.get(i)), folder, null));
            }
            job.progress(steps, steps, folder.getFileName() == null ? "" : folder.getFileName().toString());
            return written;
        });
        submitted.result().whenComplete((written, error) -> javafx.application.Platform.runLater(() -> {
            if (error == null) {
                status.set("Exported " + what + (charts.isEmpty() ? "" : " (SVG and PNG)") + " to " + folder
                        + (mask.get() ? ", masked" : ", not masked"));
            } else {
                problem.set("Cannot export to " + folder + ": " + reason(error));
            }
        }));
        return submitted;
    }

    /** Reads the drug-hashtag lexicon in the background for the editor. */
    public void loadLexicon(Consumer<DrugLexicon> whenRead) {
        Tasks.create(lexicon::load)
                .onSuccess(whenRead)
                .onError(error -> problem.set(reason(error)))
                .runOn(executor);
    }

    /** Saves the edited lexicon as the user's copy, then recomputes the findings with it. */
    public void saveLexicon(DrugLexicon edited) {
        Tasks.create(() -> lexicon.save(edited))
                .onSuccess(ignored -> refresh())
                .onError(error -> problem.set("Cannot save the drug hashtags to " + lexicon.file() + ": " + reason(error)))
                .runOn(executor);
    }

    private static Void writeFile(Path file, String text) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        org.signalbench.exporting.SafeOutputFile.writeString(file, null, text); // refuses any SQLite database, the workbench too
        return null;
    }

    private static String reason(Throwable error) {
        Throwable cause = error instanceof java.util.concurrent.CompletionException && error.getCause() != null ? error.getCause() : error;
        return cause.getMessage() != null ? cause.getMessage() : cause.toString();
    }

    /** The findings as shown: masked when masking is on; null before the first computation. */
    public ObjectBinding<Findings> shownBinding() {
        return shown;
    }

    /** Mask names, handles, phone numbers and e-mail addresses; on unless the user turns it off. */
    public BooleanProperty maskProperty() {
        return mask;
    }

    /** Whether the view is showing; bound by the window to its tab. */
    public BooleanProperty activeProperty() {
        return active;
    }

    public ReadOnlyBooleanProperty computingProperty() {
        return computing;
    }

    /** What the findings are over (N), or what happened last. */
    public ReadOnlyStringProperty statusProperty() {
        return status;
    }

    /** The last thing that went wrong, or empty. */
    public ReadOnlyStringProperty problemProperty() {
        return problem;
    }

    public Path lexiconFile() {
        return lexicon.file();
    }
}
