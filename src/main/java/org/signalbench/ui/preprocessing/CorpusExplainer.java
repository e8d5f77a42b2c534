package org.signalbench.ui.preprocessing;

import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.signalbench.app.Settings;
import org.signalbench.app.WorkbenchCorpus;
import org.signalbench.jobs.JobContext;
import org.signalbench.preprocess.PostExplanation;
import org.signalbench.preprocess.PreprocessedCorpus;
import org.signalbench.preprocess.Variant;
import org.signalbench.preprocess.VariantOutcome;
import org.signalbench.store.Session;
import org.signalbench.store.Workbench;

/** Explanations from the study's preprocessing ({@code Preprocessor}) run once over every caption of a workbench. */
public final class CorpusExplainer implements PostExplainer {
    private final PreprocessedCorpus corpus;

    private CorpusExplainer(PreprocessedCorpus corpus) {
        this.corpus = corpus;
    }

    /** A {@link PostExplainer.Factory} over the application's corpus owner: built once per workbench state. */
    public static PostExplainer.Factory factory(WorkbenchCorpus corpus) {
        return (workbench, job) -> {
            try (Session session = workbench.openSession()) {
                return new CorpusExplainer(corpus.preprocessed(workbench, session, job));
            }
        };
    }

    /** Reads all captions over a connection of its own and preprocesses them with the settings in use; a {@link PostExplainer.Factory}. */
    public static PostExplainer build(Workbench workbench, JobContext job) throws Exception {
        return factory(new WorkbenchCorpus(Settings.load())).build(workbench, job);
    }

    @Override
    public Optional<PostPreprocessing> explain(long postId) {
        PostExplanation explanation;
        try {
            explanation = corpus.explain(postId);
        } catch (NoSuchElementException notInCorpus) {
            return Optional.empty();
        }
        List<PostPreprocessing.VariantOutcome> variants = new ArrayList<>();
        for (Variant variant : Variant.values()) {
            VariantOutcome outcome = explanation.outcomes().get(variant);
            variants.add(new PostPreprocessing.VariantOutcome(variant.key(), outcome.kept(), outcome.tokens(), outcome.reason()));
        }
        return Optional.of(new PostPreprocessing(explanation.tokens(), variants));
    }
}
