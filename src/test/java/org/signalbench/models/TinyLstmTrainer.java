package org.signalbench.models;

import java.util.List;
import java.util.Map;
import org.signalbench.jobs.JobContext;
import org.signalbench.models.lstm.LstmBlocks;
import org.signalbench.models.lstm.LstmConfig;
import org.signalbench.models.lstm.LstmSequence;
import org.signalbench.models.lstm.LstmTrainedModel;
import org.signalbench.models.lstm.LstmTrainer;
import org.signalbench.preprocess.VariantText;

/** The LSTM through the ModelTrainer interface at a tiny size (embedding and LSTM 8, 3 epochs), for fast tests. */
final class TinyLstmTrainer implements ModelTrainer {
    @Override
    public String id() {
        return "lstm";
    }

    @Override
    public Map<String, Object> hyperparameters() {
        return Map.of("preset", "tiny");
    }

    @Override
    public Map<String, String> libraryVersions() {
        return Map.of("deeplearning4j", "1.0.0-M2.1");
    }

    @Override
    public TrainedModel train(List<Example> training, int dictionarySize, long seed, JobContext context) {
        LstmConfig config = LstmConfig.laptop().withDictionarySize(dictionarySize + 1).withBlocks(LstmBlocks.TEXT_AND_HASHTAGS)
                .withWindows(8, 4).withSizes(8, 8, 8, 8).withTraining(0.0, 0.05, 16, 3, 4).withSeed(seed);
        List<LstmSequence> posts = training.stream()
                .map(e -> LstmSequence.of(new VariantText(e.postId(), e.tokens(), e.indices()))).toList();
        int[] labels = training.stream().mapToInt(e -> e.dealer() ? 1 : 0).toArray();
        return new LstmTrainedModel(new LstmTrainer(config).train(posts, labels, List.of(), new int[0], context));
    }
}
