package org.signalbench.app;

import java.nio.file.Path;
import org.signalbench.jobs.CancelledException;
import org.signalbench.jobs.JobContext;
import org.signalbench.labels.FinalLabels;
import org.signalbench.models.LabeledCorpus;
import org.signalbench.preprocess.Captions;
import org.signalbench.preprocess.PreprocessedCorpus;
import org.signalbench.preprocess.TextItem;
import org.signalbench.store.PostQuery;
import org.signalbench.store.Session;
import org.signalbench.store.Workbench;

/**
 * The one owner of the preprocessed corpus: every caption of a workbench run through the settings'
 * preprocessor, built once per workbench state and handed to the Models view, {@code cv},
 * {@code train}, {@code score} and the preprocessing explainer alike.
 *
 * <p>The state is the workbench file, its posts ({@link PostQuery.CaptionsState}: any import that
 * adds posts changes it) and the hash of the settings that shape the corpus; a new import or other
 * settings make the next request build again. {@link #invalidate()} drops the corpus outright.
 * Thread-safe: concurrent requests for the same state build once.
 */
public final class WorkbenchCorpus {
    private record Key(Path workbench, PostQuery.CaptionsState posts, String settingsHash) {
    }

    private Settings settings;
    private Key key;
    private PreprocessedCorpus corpus;
    private int builds;

    public WorkbenchCorpus(Settings settings) {
        this.settings = settings;
    }

    /** The settings the corpus is built with. */
    public synchronized Settings settings() {
        return settings;
    }

    /** Uses other settings from now on; the corpus is built again when they shape it differently. */
    public synchronized void useSettings(Settings newSettings) {
        this.settings = newSettings;
    }

    /** Forgets the corpus (an import finished); the next request builds it again. */
    public synchronized void invalidate() {
        key = null;
        corpus = null;
    }

    /** How many times the corpus was built, for tests and diagnostics. */
    public synchronized int builds() {
        return builds;
    }

    /** The preprocessed corpus of the workbench's current state, read over {@code session}. */
    public PreprocessedCorpus preprocessed(Workbench workbench, Session session) {
        return preprocessed(workbench, session, JobContext.NONE);
    }

    /** The preprocessed corpus of the workbench's current state, read over a session of its own; reports to {@code job}. */
    public PreprocessedCorpus preprocessed(Workbench workbench, JobContext job) {
        try (Session session = workbench.openSession()) {
            return preprocessed(workbench, session, job);
        }
    }

    /** The same, reporting to {@code job} while it builds. */
    public synchronized PreprocessedCorpus preprocessed(Workbench workbench, Session session, JobContext job) {
        Key now = new Key(workbench.file(), session.captionsState(), settings.corpusHash());
        if (now.equals(key) && corpus != null) {
            return corpus;
        }
        job.progress(0, 2, "reading the captions");
        java.util.List<TextItem> items = Captions.read(session, null);
        if (job.isCancelled()) {
            throw new CancelledException();
        }
        job.progress(1, 2, "preprocessing " + items.size() + " captions");
        PreprocessedCorpus built = settings.preprocessor().run(items);
        job.progress(2, 2, items.size() + " captions preprocessed");
        builds++;
        key = now;
        corpus = built;
        return built;
    }

    /** The labelled examples: the preprocessed corpus joined with the current final dealer labels. */
    public LabeledCorpus labeled(Workbench workbench, Session session, JobContext job) {
        PreprocessedCorpus preprocessed = preprocessed(workbench, session, job);
        return LabeledCorpus.of(preprocessed,
                FinalLabels.of(session, LabeledCorpus.QUESTION));
    }
}
