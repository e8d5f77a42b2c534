package org.signalbench.app;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.signalbench.jobs.JobContext;
import org.signalbench.models.FinalModels;
import org.signalbench.models.ModelTrainer;
import org.signalbench.preprocess.Variant;
import org.signalbench.store.Session;
import org.signalbench.store.Workbench;

/**
 * Final models as a use case ({@code train}, {@code score}, the Models view's "Train and score"):
 * trains on and scores over the preprocessed corpus of the {@link WorkbenchCorpus}, saves each model
 * in the workbench's own data folder ({@link FinalModels#directoryFor}), and records the
 * application's version and the settings' hashes with every model.
 */
public final class FinalModelService {
    private final WorkbenchCorpus corpus;
    private final Path directory;

    /** Saves every workbench's final models beside it ({@link FinalModels#directoryFor}). */
    public FinalModelService(WorkbenchCorpus corpus) {
        this(corpus, null);
    }

    /** @param directory where model files are saved, for every workbench; null: beside each workbench */
    public FinalModelService(WorkbenchCorpus corpus, Path directory) {
        this.corpus = corpus;
        this.directory = directory;
    }

    /** Where the final models of {@code workbench} are saved. */
    public Path directory(Workbench workbench) {
        return directory != null ? directory : FinalModels.directoryFor(workbench.file());
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

    /** The final models recorded in {@code workbench}, newest first. */
    public List<FinalModels.FinalModel> list(Workbench workbench) {
        try (Session session = workbench.openSession()) {
            return finalModels(workbench, session).list();
        }
    }

    private FinalModels finalModels(Workbench workbench, Session session) {
        return new FinalModels(session, () -> corpus.preprocessed(workbench, session), directory(workbench))
                .provenance(corpus.settings().provenance());
    }
}
