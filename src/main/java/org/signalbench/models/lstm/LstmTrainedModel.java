package org.signalbench.models.lstm;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.signalbench.models.Example;
import org.signalbench.models.Scored;
import org.signalbench.models.TrainedModel;

/**
 * A trained {@link LstmModel} as a cross-validation model: the score is the sigmoid output (the
 * probability of a dealer post) and the decision p > {@link LstmModel#THRESHOLD}. Saves to and
 * loads from a DL4J model file ({@link LstmModel#save}).
 */
public final class LstmTrainedModel implements TrainedModel {
    private final LstmModel model;

    public LstmTrainedModel(LstmModel model) {
        this.model = model;
    }

    public static LstmTrainedModel load(Path file) throws IOException {
        return new LstmTrainedModel(LstmModel.load(file));
    }

    /** The network with its configuration and training history. */
    public LstmModel model() {
        return model;
    }

    @Override
    public List<Scored> score(List<Example> examples) {
        double[] p = model.score(examples.stream().map(LstmModelTrainer::sequence).toList());
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
