package org.signalbench.ui.preprocessing;

import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.signalbench.app.WorkbenchCorpus;
import org.signalbench.preprocess.PostExplanation;
import org.signalbench.preprocess.PreprocessedCorpus;
import org.signalbench.preprocess.Variant;
import org.signalbench.preprocess.VariantOutcome;

/** Explanations from the study's preprocessing ({@code Preprocessor}) run once over every caption of a workbench. */
public final class CorpusExplainer implements PostExplainer {
    private final PreprocessedCorpus corpus;

    private CorpusExplainer(PreprocessedCorpus corpus) {
        this.corpus = corpus;
    }

    /** A {@link PostExplainer.Factory} over the application's corpus owner: built once per workbench state. */
    public static PostExplainer.Factory factory(WorkbenchCorpus corpus) {
        return (workbench, job) -> new CorpusExplainer(corpus.preprocessed(workbench, job));
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
