package org.signalbench.app;

import java.io.IOException;
import java.nio.file.Path;
import org.signalbench.jobs.JobContext;
import org.signalbench.models.FinalModels;
import org.signalbench.models.ModelTrainer;
import org.signalbench.preprocess.Variant;
import org.signalbench.store.Session;
import org.signalbench.store.Workbench;

/**
 * Final models as a use case ({@code train}, {@code score}): trains on and scores over the
 * preprocessed corpus of the {@link WorkbenchCorpus}, and records the application's version and
 * the settings' hashes with every model.
 */
public final class FinalModelService {
    private final WorkbenchCorpus corpus;
    private final Path directory;

    /** @param directory where model files are saved */
    public FinalModelService(WorkbenchCorpus corpus, Path directory) {
        this.corpus = corpus;
        this.directory = directory;
    }

    /** Trains {@code trainer} on every labelled text of {@code variant} and saves the model. */
    public FinalModels.FinalModel train(Workbench workbench, ModelTrainer trainer, Variant variant, long seed,
                                        JobContext context) throws IOException {
        try (Session session = workbench.openSession()) {
            FinalModels finals = finalModels(workbench, session);
            return session.uncheckedSql(() -> finals.train(trainer, variant, seed, context));
        }
    }

    /** Scores the posts with the recorded final model {@code id}. */
    public FinalModels.ScoreResult score(Workbench workbench, String id, boolean includeLabelled, JobContext context)
            throws IOException {
        try (Session session = workbench.openSession()) {
            FinalModels finals = finalModels(workbench, session);
            return session.uncheckedSql(() -> finals.score(id, includeLabelled, context));
        }
    }

    /** Scores the posts with the final model saved in {@code file} (recorded when new). */
    public FinalModels.ScoreResult scoreFile(Workbench workbench, Path file, boolean includeLabelled, JobContext context)
            throws IOException {
        try (Session session = workbench.openSession()) {
            FinalModels finals = finalModels(workbench, session);
            return session.uncheckedSql(() -> finals.scoreFile(file, includeLabelled, context));
        }
    }

    private FinalModels finalModels(Workbench workbench, Session session) {
        return new FinalModels(session, () -> corpus.preprocessed(workbench, session), directory)
                .provenance(corpus.settings().provenance());
    }
}
