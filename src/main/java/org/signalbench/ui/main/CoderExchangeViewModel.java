package org.signalbench.ui.main;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javafx.application.Platform;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.signalbench.app.CoderExchangeService;
import org.signalbench.jobs.JobManager;
import org.signalbench.jobs.SubmittedJob;
import org.signalbench.store.Workbench;
import org.signalbench.ui.common.CurrentWorkbench;

/**
 * The File menu's two-laptop items as jobs: "Export for a coder…" (posts and codebook, no answers),
 * "Export my answers…" (the signed-in coder's file) and "Import a coder's answers…" (coder files
 * with their corpus checks), through
 * {@link CoderExchangeService}; what came of the last one, for the window's dialogs.
 */
public final class CoderExchangeViewModel {
    private final CurrentWorkbench current;
    private final JobManager jobs;
    private final CoderExchangeService service;
    private final StringProperty exported = new SimpleStringProperty("");
    private final ObjectProperty<List<CoderExchangeService.FileOutcome>> imported = new SimpleObjectProperty<>();
    private final StringProperty problem = new SimpleStringProperty("");

    public CoderExchangeViewModel(CurrentWorkbench current, JobManager jobs, CoderExchangeService service) {
        this.current = current;
        this.jobs = jobs;
        this.service = service;
    }

    /** Writes the posts and the codebook for a coder into {@code folder}, as a job. */
    public SubmittedJob<CoderExchangeService.ForCoder> exportForCoder(Path folder) {
        Workbench open = current.get();
        problem.set("");
        SubmittedJob<CoderExchangeService.ForCoder> submitted = jobs.submit("Exporting the posts for a coder", job -> {
            if (open == null) {
                throw new IllegalStateException("no workbench is open");
            }
            return service.exportForCoder(open, folder, job);
        });
        submitted.result().whenComplete((written, error) -> Platform.runLater(() -> {
            if (error == null) {
                exported.set(String.format(Locale.ROOT, "Wrote %,d posts to %s and the codebook to %s. They hold no one's "
                        + "answers. Copy the folder to the coder's laptop: there, File → New workbench…, then File → "
                        + "Import files… and pick %s.", written.postCount(), written.posts(), written.codebook(),
                        CoderExchangeService.POSTS));
            } else {
                problem.set("Cannot export for a coder into " + folder + ": " + reason(error));
            }
        }));
        return submitted;
    }

    /**
     * Writes the answers of {@code person} (the one signed in to Annotate) as a coder file into
     * {@code folder}, as a job; {@link #exportedProperty()} then says where.
     */
    public SubmittedJob<Path> exportAnswers(org.signalbench.domain.Coder person, Path folder) {
        Workbench open = current.get();
        problem.set("");
        Path out = folder.resolve(CoderExchangeService.answersFileName(person));
        SubmittedJob<Path> submitted = jobs.submit("Exporting the answers of " + person.name(), job -> {
            if (open == null) {
                throw new IllegalStateException("no workbench is open");
            }
            job.progress(0, 1, out.getFileName().toString());
            int entries = service.exportAnswers(open, person, out);
            job.progress(1, 1, entries + " entries");
            return out;
        });
        submitted.result().whenComplete((written, error) -> Platform.runLater(() -> {
            if (error == null) {
                exported.set("Wrote the answers of " + person.name() + " to " + written + ". Send this file to the expert: "
                        + "File → Import a coder's answers… takes it in.");
            } else {
                problem.set("Cannot export the answers of " + person.name() + " to " + out + ": " + reason(error));
            }
        }));
        return submitted;
    }

    /** Imports the coders' files into the open workbench, as a job; {@link #importedProperty()} then holds one outcome per file. */
    public SubmittedJob<List<CoderExchangeService.FileOutcome>> importAnswers(List<Path> files) {
        Workbench open = current.get();
        problem.set("");
        SubmittedJob<List<CoderExchangeService.FileOutcome>> submitted = jobs.submit(
                "Importing " + (files.size() == 1 ? files.get(0).getFileName().toString() : files.size() + " coder files"), job -> {
                    if (open == null) {
                        throw new IllegalStateException("no workbench is open");
                    }
                    return service.importAnswers(open, files, job);
                });
        submitted.result().whenComplete((outcomes, error) -> Platform.runLater(() -> {
            if (error == null) {
                imported.set(outcomes);
                if (outcomes.stream().anyMatch(o -> o.added() > 0)) {
                    current.postsChanged(); // agreement, adjudication and findings follow the new answers
                }
            } else {
                problem.set("Cannot import the coder files: " + reason(error));
            }
        }));
        return submitted;
    }

    /** The import's outcome as the dialog shows it: per file, added, unchanged and refused lines with file and line. */
    public static String describe(List<CoderExchangeService.FileOutcome> outcomes) {
        StringBuilder text = new StringBuilder();
        for (CoderExchangeService.FileOutcome o : outcomes) {
            if (!text.isEmpty()) {
                text.append("\n\n");
            }
            text.append(o.file().getFileName()).append(o.refusedWhole() ? ": refused, nothing taken" : String.format(Locale.ROOT,
                    ": %,d added, %,d unchanged, %,d refused", o.added(), o.unchanged(), o.refused().size()));
            o.refused().forEach(r -> text.append("\n  ").append(r));
            if (!o.conflicts().isEmpty()) {
                text.append("\n  ").append(o.conflicts().size()).append(" conflicting answers (the newest counts):");
                o.conflicts().forEach(c -> text.append("\n  ").append(c));
            }
        }
        return text.toString();
    }

    private static String reason(Throwable error) {
        Throwable cause = error instanceof java.util.concurrent.CompletionException && error.getCause() != null ? error.getCause() : error;
        return cause.getMessage() != null ? cause.getMessage() : cause.toString();
    }

    /** What the last export for a coder wrote, said for the user. */
    public ReadOnlyStringProperty exportedProperty() {
        return exported;
    }

    /** One outcome per file of the last import; null before the first. */
    public ReadOnlyObjectProperty<List<CoderExchangeService.FileOutcome>> importedProperty() {
        return imported;
    }

    public ReadOnlyStringProperty problemProperty() {
        return problem;
    }
}
