package org.signalbench.models.lstm;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.signalbench.models.Example;
import org.signalbench.models.Scored;
import org.signalbench.models.TrainedModel;
import org.signalbench.preprocess.VariantText;

/**
 * An {@link LstmModel} seen as a {@link TrainedModel}: each example's tokens and indices become an
 * {@link LstmSequence} (hashtags to the hashtag block, words to the text block), the score is the
 * probability of a dealer post and the decision {@code p > }{@link LstmModel#THRESHOLD}. Saving
 * writes the LSTM's own DL4J model file.
 */
public final class LstmScorer implements TrainedModel {
    private final LstmModel model;

    public LstmScorer(LstmModel model) {
        this.model = model;
    }

    public LstmModel model() {
        return model;
    }

    /** The network's view of one example. */
    public static LstmSequence sequence(Example example) {
        return LstmSequence.of(new VariantText(example.postId(), example.tokens(), example.indices()));
    }

    @Override
    public List<Scored> score(List<Example> examples) {
        double[] p = model.score(examples.stream().map(LstmScorer::sequence).toList());
        List<Scored> scored = new ArrayList<>(p.length);
        for (int i = 0; i < p.length; i++) {
            scored.add(new Scored(examples.get(i).postId(), p[i], p[i] > LstmModel.THRESHOLD));
        }
        return scored;
    }

    @Override
    public void save(Path file) throws IOException {
        model.save(file);
    }
}
