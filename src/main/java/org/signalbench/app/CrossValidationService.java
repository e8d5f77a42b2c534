package org.signalbench.app;

import java.util.ArrayList;
import java.util.List;
import org.signalbench.jobs.JobContext;
import org.signalbench.models.CrossValidation;
import org.signalbench.models.CvConfig;
import org.signalbench.models.CvListener;
import org.signalbench.models.LabeledCorpus;
import org.signalbench.models.RunStore;
import org.signalbench.models.RunSummary;
import org.signalbench.store.Session;
import org.signalbench.store.Workbench;

/**
 * Cross-validation as a use case, the same for the Models view and {@code cv}: takes the labelled
 * corpus from the {@link WorkbenchCorpus}, runs or resumes a stored run over a connection of its
 * own, and records the application's version and the settings' hashes with the run.
 */
public final class CrossValidationService {
    private final WorkbenchCorpus corpus;

    public CrossValidationService(WorkbenchCorpus corpus) {
        this.corpus = corpus;
    }

    /** Starts and runs a new run; returns its id. Throws CancelledException (run kept as 'cancelled') when cancelled. */
    public String start(Workbench workbench, CvConfig config, JobContext context, CvListener listener) {
        try (Session session = workbench.openSession()) {
            CrossValidation cv = crossValidation(workbench, session, context, listener);
            return session.unchecked(() -> cv.start(config, context));
        }
    }

    /** Continues a stored run from its first unfinished fold; returns its id. */
    public String resume(Workbench workbench, String runId, JobContext context, CvListener listener) {
        try (Session session = workbench.openSession()) {
            CrossValidation cv = crossValidation(workbench, session, context, listener);
            session.unchecked(() -> {
                cv.resume(runId, context);
                return null;
            });
            return runId;
        }
    }

    private CrossValidation crossValidation(Workbench workbench, Session session, JobContext context, CvListener listener) {
        context.progress(0, 0, "preprocessing the captions");
        LabeledCorpus labeled = corpus.labeled(workbench, session, JobContext.NONE);
        return new CrossValidation(session, labeled).listener(listener)
                .provenance(corpus.settings().provenance());
    }

    /** A stored run's Table-1 rows and the paired comparisons of every two of its models on every variant. */
    public record Results(List<RunSummary.Row> rows, List<RunSummary.Comparison> comparisons) {
    }

    /** The figures of a stored run, in the rows' order. */
    public Results results(Workbench workbench, String runId) {
        try (Session session = workbench.openSession()) {
            RunStore store = new RunStore(session);
            return session.unchecked(() -> {
                List<RunSummary.Row> rows = RunSummary.rows(store, runId);
                List<String> models = rows.stream().map(RunSummary.Row::model).distinct().toList();
                List<String> variants = rows.stream().map(RunSummary.Row::variant).distinct().toList();
                List<RunSummary.Comparison> list = new ArrayList<>();
                for (String v : variants) {
                    for (int i = 0; i < models.size(); i++) {
                        for (int j = i + 1; j < models.size(); j++) {
                            list.add(RunSummary.compare(store, runId, v, models.get(i), models.get(j)));
                        }
                    }
                }
                return new Results(rows, list);
            });
        }
    }

    /** Every stored run's header, newest first as the store lists them. */
    public List<RunStore.Run> runs(Workbench workbench) {
        try (Session session = workbench.openSession()) {
            RunStore store = new RunStore(session);
            return session.unchecked(() -> {
                List<RunStore.Run> list = new ArrayList<>();
                for (String id : store.runs()) {
                    store.run(id).ifPresent(list::add);
                }
                return list;
            });
        }
    }

    /** The Table-1 rows of a stored run. */
    public List<RunSummary.Row> rows(Workbench workbench, String runId) {
        try (Session session = workbench.openSession()) {
            RunStore store = new RunStore(session);
            return session.unchecked(() -> RunSummary.rows(store, runId));
        }
    }

    /** Everything the Models view shows of a stored run. */
    public RunResults runResults(Workbench workbench, String runId) {
        try (Session session = workbench.openSession()) {
            return RunResults.load(session, runId);
        }
    }
}
