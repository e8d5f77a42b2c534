package org.signalbench.ui.preprocessing;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.signalbench.jobs.CancelledException;
import org.signalbench.jobs.JobContext;
import org.signalbench.preprocess.PostExplanation;
import org.signalbench.preprocess.PreprocessedCorpus;
import org.signalbench.preprocess.Preprocessor;
import org.signalbench.preprocess.TextItem;
import org.signalbench.preprocess.Variant;
import org.signalbench.preprocess.VariantOutcome;
import org.signalbench.store.PostQuery;
import org.signalbench.store.Workbench;

/** Explanations from the study's preprocessing ({@link Preprocessor}) run once over every caption of a workbench. */
public final class CorpusExplainer implements PostExplainer {
    private final PreprocessedCorpus corpus;

    private CorpusExplainer(PreprocessedCorpus corpus) {
        this.corpus = corpus;
    }

    /** Reads all captions over a connection of its own and preprocesses them; a {@link PostExplainer.Factory}. */
    public static PostExplainer build(Workbench workbench, JobContext job) throws Exception {
        job.progress(0, 2, "reading the captions");
        List<TextItem> items = new ArrayList<>();
        try (Connection connection = workbench.newConnection()) {
            new PostQuery(connection).forEachCaption((id, caption) -> items.add(new TextItem(id, caption)));
        }
        if (job.isCancelled()) {
            throw new CancelledException();
        }
        job.progress(1, 2, "preprocessing " + items.size() + " captions");
        PreprocessedCorpus corpus = Preprocessor.withDefaultStopWords().run(items);
        job.progress(2, 2, items.size() + " captions preprocessed");
        return new CorpusExplainer(corpus);
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
