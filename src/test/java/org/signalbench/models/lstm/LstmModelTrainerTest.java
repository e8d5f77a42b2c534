package org.signalbench.models.lstm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.signalbench.jobs.JobContext;
import org.signalbench.models.Example;
import org.signalbench.models.Scored;
import org.signalbench.models.TrainedModel;
import org.signalbench.models.TrainingEpoch;
import org.signalbench.preprocess.PreprocessedCorpus;
import org.signalbench.preprocess.Preprocessor;
import org.signalbench.preprocess.TextItem;
import org.signalbench.preprocess.Variant;
import org.signalbench.preprocess.VariantText;

class LstmModelTrainerTest {
    private static final Map<String, String> TINY = Map.of("embeddingSize", "4", "lstmSize", "4", "blockDenseSize", "4",
            "mergedDenseSize", "4", "batchSize", "8", "maxEpochs", "3", "learningRate", "0.05", "dropout", "0");

    private static String pattern(boolean dealer, int i) {
        return dealer ? "selling plug order " + "menu ".repeat(i % 4) + "#xanax #plug post" + i
                : "sunset beach walk " + "coffee ".repeat(i % 4) + "#travel #nature post" + i;
    }

    private static PreprocessedCorpus corpus(int posts) {
        List<TextItem> items = new ArrayList<>();
        for (int i = 0; i < posts; i++) {
            items.add(new TextItem(i + 1, pattern(i % 3 == 0, i)));
        }
        return Preprocessor.withDefaultStopWords().run(items);
    }

    private static List<Example> examples(PreprocessedCorpus corpus, Variant variant) {
        List<Example> list = new ArrayList<>();
        for (VariantText t : corpus.texts(variant)) {
            list.add(new Example(t.postId(), t.tokens(), t.indices(), (t.postId() - 1) % 3 == 0));
        }
        return list;
    }

    @Test
    void presetsAndOverridesByNameWithClearMessages() {
        LstmModelTrainer laptop = LstmModelTrainer.create(Map.of());
        assertEquals(LstmModelTrainer.names(), new ArrayList<>(laptop.hyperparameters().keySet()));
        assertEquals("laptop", laptop.hyperparameters().get("preset"));
        assertEquals(0.30, laptop.hyperparameters().get("validationShare"));
        assertEquals(LstmConfig.laptop().lstmSize(), laptop.hyperparameters().get("lstmSize"));
        assertEquals(Boolean.TRUE, laptop.hyperparameters().get("bucketing"));

        LstmModelTrainer paper = LstmModelTrainer.create(Map.of("preset", "paper", "maxEpochs", "7", "learningRate", "1e-5",
                "validationShare", "0", "bucketing", "false"));
        assertEquals(LstmConfig.paper().withTraining(0.2, 1e-5, 32, 7, 4), paper.config());
        assertEquals(0.0, paper.validationShare());
        assertEquals(Boolean.FALSE, paper.hyperparameters().get("bucketing"));

        // the stored hyperparameters, read back as text overrides (what resume does), rebuild the same trainer
        Map<String, String> asText = new HashMap<>();
        paper.hyperparameters().forEach((k, v) -> asText.put(k, String.valueOf(v)));
        assertEquals(paper.hyperparameters(), LstmModelTrainer.create(asText).hyperparameters());
        assertEquals(paper.config(), LstmModelTrainer.create(asText).config());

        assertMessage("model 'lstm' has no hyperparameter [units]", Map.of("units", "8"));
        assertMessage("lstm.batchSize: 'many' is not a whole number", Map.of("batchSize", "many"));
        assertMessage("lstm.dropout: 'x' is not a number", Map.of("dropout", "x"));
        assertMessage("lstm.dropout: dropout must be in [0, 1), not 1.5", Map.of("dropout", "1.5"));
        assertMessage("lstm.lstmSize: LSTM size must be at least 1, not 0", Map.of("lstmSize", "0"));
        assertMessage("lstm.validationShare: validation share must be in [0, 1), not 1.0", Map.of("validationShare", "1"));
        assertMessage("lstm.bucketing: 'maybe' is not true or false", Map.of("bucketing", "maybe"));
        assertMessage("lstm.preset: unknown LSTM preset 'huge'", Map.of("preset", "huge"));
        assertTrue(laptop.libraryVersions().get("deeplearning4j").startsWith("1.0.0-M2"), laptop.libraryVersions().toString());
        assertEquals(laptop.libraryVersions().get("deeplearning4j"), laptop.libraryVersions().get("nd4j"));
    }

    private static void assertMessage(String expected, Map<String, String> overrides) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LstmModelTrainer.create(overrides));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }

    @Test
    void theBlocksFollowTheVariantsTexts() {
        PreprocessedCorpus corpus = corpus(12);
        for (Variant v : Variant.values()) {
            assertEquals(LstmBlocks.forVariant(v), LstmModelTrainer.blocksOf(examples(corpus, v)), v.key());
        }
        Example empty = new Example(1, List.of(), new int[0], true);
        assertThrows(IllegalArgumentException.class, () -> LstmModelTrainer.blocksOf(List.of(empty)));
    }

    @Test
    void theValidationPartIsASeededThirtyPercentOfEachClass() {
        List<Example> examples = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            examples.add(new Example(i, List.of("w"), new int[] {1}, i < 40));
        }
        boolean[] held = LstmModelTrainer.validationPart(examples, 0.30, 5);
        int dealers = 0;
        int others = 0;
        for (int i = 0; i < held.length; i++) {
            if (held[i]) {
                if (examples.get(i).dealer()) {
                    dealers++;
                } else {
                    others++;
                }
            }
        }
        assertEquals(12, dealers, "30 % of 40 dealers");
        assertEquals(18, others, "30 % of 60 others");
        assertArrayEquals(held, LstmModelTrainer.validationPart(examples, 0.30, 5));
        assertNotEquals(java.util.Arrays.toString(held),
                java.util.Arrays.toString(LstmModelTrainer.validationPart(examples, 0.30, 6)));
    }

    @Test
    void bucketingTrainsOnEveryPostOncePerEpochInBatchesOfSimilarLength() {
        Random lengths = new Random(3);
        int[] length = new int[203];
        for (int i = 0; i < length.length; i++) {
            length[i] = 1 + lengths.nextInt(50);
        }
        Random random = new Random(9);
        List<List<Integer>> epochOrders = new ArrayList<>();
        for (int epoch = 0; epoch < 2; epoch++) {
            List<int[]> bucketed = LstmTrainer.batches(length.length, 16, length, random);
            List<int[]> plain = LstmTrainer.batches(length.length, 16, null, random);
            for (List<int[]> batches : List.of(bucketed, plain)) {
                int[] seen = new int[length.length];
                batches.forEach(b -> {
                    assertTrue(b.length == 16 || b.length == length.length % 16, "batch of " + b.length);
                    for (int i : b) {
                        seen[i]++;
                    }
                });
                for (int i = 0; i < seen.length; i++) {
                    assertEquals(1, seen[i], "post " + i + " trained on once per epoch");
                }
            }
            assertTrue(paddedSteps(bucketed, length) * 3 < paddedSteps(plain, length),
                    "bucketed " + paddedSteps(bucketed, length) + " vs plain " + paddedSteps(plain, length) + " steps");
            List<Integer> firsts = new ArrayList<>();
            bucketed.forEach(b -> firsts.add(b[0]));
            epochOrders.add(firsts);
        }
        assertNotEquals(epochOrders.get(0), epochOrders.get(1), "a new order of batches every epoch");
        int[] sortedFirsts = epochOrders.get(0).stream().mapToInt(i -> length[i]).toArray();
        int[] ascending = sortedFirsts.clone();
        java.util.Arrays.sort(ascending);
        assertNotEquals(java.util.Arrays.toString(ascending), java.util.Arrays.toString(sortedFirsts),
                "batches are not trained shortest first");
    }

    /** Steps computed beyond the posts' own lengths: each batch is padded to its longest. */
    private static long paddedSteps(List<int[]> batches, int[] length) {
        long padded = 0;
        for (int[] b : batches) {
            int longest = 0;
            for (int i : b) {
                longest = Math.max(longest, length[i]);
            }
            for (int i : b) {
                padded += longest - length[i];
            }
        }
        return padded;
    }

    @Test
    void trainsScoresWithTheSigmoidAndSavesToTheSameScores(@TempDir Path dir) throws Exception {
        PreprocessedCorpus corpus = corpus(60);
        List<Example> all = examples(corpus, Variant.WITH_HASHTAGS);
        List<Example> training = all.subList(0, 45);
        List<Example> test = all.subList(45, all.size());
        List<TrainingEpoch> epochs = new ArrayList<>();
        LstmModelTrainer trainer = LstmModelTrainer.create(TINY);
        TrainedModel model = trainer.train(training, corpus.dictionary().size(), 4, JobContext.NONE, epochs::add);
        assertEquals(List.of(1, 2, 3), epochs.stream().map(TrainingEpoch::epoch).toList());
        epochs.forEach(e -> assertTrue(e.validationLoss() > 0, "a validation part was held out: " + e));
        LstmModel lstm = ((LstmTrainedModel) model).model();
        assertEquals(LstmBlocks.TEXT_AND_HASHTAGS, lstm.config().blocks());
        assertEquals(corpus.dictionary().size() + 1, lstm.config().dictionarySize());
        assertEquals(4, lstm.config().seed());

        List<Scored> scored = model.score(test);
        assertEquals(test.stream().map(Example::postId).toList(), scored.stream().map(Scored::postId).toList());
        double lowestDealer = 1;
        double highestOther = 0;
        for (int i = 0; i < scored.size(); i++) {
            Scored s = scored.get(i);
            assertTrue(s.score() > 0 && s.score() < 1, "sigmoid output: " + s);
            assertEquals(s.score() > 0.5, s.predictedDealer());
            if (test.get(i).dealer()) {
                lowestDealer = Math.min(lowestDealer, s.score());
            } else {
                highestOther = Math.max(highestOther, s.score());
            }
        }
        assertTrue(lowestDealer > highestOther, "three epochs rank every dealer post above the others: " + scored);

        Path file = dir.resolve("lstm.zip");
        model.save(file);
        assertEquals(scored, LstmTrainedModel.load(file).score(test));
        assertEquals(scored, LstmModelTrainer.create(TINY).train(training, corpus.dictionary().size(), 4, JobContext.NONE)
                .score(test), "same seed, same scores");
    }
}
