package org.signalbench.models.lstm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.signalbench.jobs.CancelledException;
import org.signalbench.jobs.JobContext;
import org.signalbench.preprocess.Variant;
import org.signalbench.preprocess.VariantText;

/** Tiny networks (embedding 8, LSTM 8) on a few dozen made-up posts. */
class LstmTrainerTest {
    private static final int DEALER_WORD = 2;
    private static final int OTHER_WORD = 3;
    private static final int DEALER_TAG = 4;
    private static final int OTHER_TAG = 5;
    private static final int DICTIONARY = 20;

    private static LstmConfig tiny(LstmBlocks blocks) {
        return LstmConfig.laptop().withDictionarySize(DICTIONARY).withBlocks(blocks).withWindows(6, 3)
                .withSizes(8, 8, 8, 8).withTraining(0.0, 0.1, 8, 8, 4).withMinWordCount(0).withSeed(7);
    }

    /**
     * Every other post is a dealer post: its words are the dealer word, with a noise word in front
     * of some, and its first hashtag is the dealer tag; the others use the other word and tag.
     */
    private static List<LstmSequence> posts(int n, long seed, int[] labels) {
        Random random = new Random(seed);
        List<LstmSequence> posts = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            labels[i] = i % 2;
            int[] text = new int[1 + random.nextInt(6)];
            for (int t = 0; t < text.length; t++) {
                text[t] = labels[i] == 1 ? DEALER_WORD : OTHER_WORD;
            }
            if (text.length > 1 && random.nextBoolean()) {
                text[0] = 6 + random.nextInt(DICTIONARY - 6);
            }
            int[] tags = {labels[i] == 1 ? DEALER_TAG : OTHER_TAG, 6 + random.nextInt(DICTIONARY - 6)};
            posts.add(new LstmSequence(i + 1, text, tags));
        }
        return posts;
    }

    private static boolean[] asDealer(int[] labels) {
        boolean[] dealer = new boolean[labels.length];
        for (int i = 0; i < labels.length; i++) {
            dealer[i] = labels[i] == 1;
        }
        return dealer;
    }

    @Test
    void learnsATriviallySeparableSet() {
        int[] labels = new int[40];
        List<LstmSequence> train = posts(40, 1, labels);
        List<Double> losses = new ArrayList<>();
        LstmModel model = new LstmTrainer(tiny(LstmBlocks.TEXT_AND_HASHTAGS)).onEpoch(e -> losses.add(e.trainLoss()))
                .train(train, labels, List.of(), new int[0], JobContext.NONE);
        assertEquals(8, losses.size());
        assertTrue(losses.get(losses.size() - 1) < 0.3, "final training loss " + losses);
        assertTrue(losses.get(losses.size() - 1) < losses.get(0) / 2, "loss fell: " + losses);
        int[] testLabels = new int[20];
        List<LstmSequence> test = posts(20, 2, testLabels);
        assertArrayEquals(asDealer(testLabels), model.predict(test));
        assertEquals(8, model.bestEpoch()); // no validation: the last weights
    }

    @Test
    void textBlockAloneLearnsTheWords() {
        int[] labels = new int[40];
        List<LstmSequence> train = posts(40, 3, labels);
        LstmModel model = new LstmTrainer(tiny(LstmBlocks.TEXT_ONLY))
                .train(train, labels, List.of(), new int[0], JobContext.NONE);
        int[] testLabels = new int[20];
        List<LstmSequence> test = posts(20, 4, testLabels);
        assertArrayEquals(asDealer(testLabels), model.predict(test));
    }

    @Test
    void keepsTheWeightsOfTheBestValidationEpochAndStopsByTheRule() {
        int[] labels = new int[32];
        List<LstmSequence> train = posts(32, 5, labels);
        // validation labels are the opposite of the pattern, so validation loss rises as training succeeds
        int[] validationLabels = new int[16];
        List<LstmSequence> validation = posts(16, 6, validationLabels);
        for (int i = 0; i < validationLabels.length; i++) {
            validationLabels[i] = 1 - validationLabels[i];
        }
        LstmModel model = new LstmTrainer(tiny(LstmBlocks.TEXT_AND_HASHTAGS).withTraining(0.0, 0.05, 8, 30, 4))
                .train(train, labels, validation, validationLabels, JobContext.NONE);
        List<LstmEpoch> history = model.history();
        assertTrue(history.size() < 30, "stopped early: " + history.size() + " epochs");
        double last = history.get(history.size() - 1).validationLoss();
        for (int i = history.size() - 5; i < history.size() - 1; i++) {
            assertTrue(last > history.get(i).validationLoss(), "latest loss above each of the four before it");
        }
        LstmEpoch best = history.stream().min((a, b) -> Double.compare(a.validationLoss(), b.validationLoss())).orElseThrow();
        assertEquals(best.epoch(), model.bestEpoch());
        assertEquals(1, history.stream().filter(LstmEpoch::best).count());
        // the model's own validation loss is the best epoch's, not the last one's
        assertEquals(best.validationLoss(), crossEntropy(model.score(validation), validationLabels), 1e-4);
    }

    private static double crossEntropy(double[] p, int[] labels) {
        double sum = 0;
        for (int i = 0; i < p.length; i++) {
            double q = Math.min(Math.max(p[i], 1e-7), 1 - 1e-7);
            sum -= labels[i] == 1 ? Math.log(q) : Math.log(1 - q);
        }
        return sum / p.length;
    }

    @Test
    void savedAndLoadedModelScoresExactlyTheSame(@TempDir Path dir) throws Exception {
        int[] labels = new int[24];
        List<LstmSequence> train = posts(24, 7, labels);
        LstmModel model = new LstmTrainer(tiny(LstmBlocks.TEXT_AND_HASHTAGS).withTraining(0.2, 0.05, 8, 2, 4))
                .train(train, labels, train.subList(0, 8), java.util.Arrays.copyOf(labels, 8), JobContext.NONE);
        Path file = dir.resolve("lstm.zip");
        model.save(file);
        LstmModel loaded = LstmModel.load(file);
        assertArrayEquals(model.score(train), loaded.score(train));
        assertEquals(model.config(), loaded.config());
        assertEquals(model.history(), loaded.history());
    }

    @Test
    void aModelTrainedWithoutValidationKeepsItsHistoryThroughSaving(@TempDir Path dir) throws Exception {
        int[] labels = new int[8];
        List<LstmSequence> train = posts(8, 11, labels);
        LstmModel model = new LstmTrainer(tiny(LstmBlocks.HASHTAGS_ONLY).withTraining(0.0, 0.05, 8, 1, 4))
                .train(train, labels, List.of(), new int[0], JobContext.NONE);
        assertTrue(Double.isNaN(model.history().get(0).validationLoss()));
        Path file = dir.resolve("hashtags.zip");
        model.save(file);
        LstmModel loaded = LstmModel.load(file);
        assertEquals(model.history(), loaded.history());
        assertEquals(LstmBlocks.HASHTAGS_ONLY, loaded.config().blocks());
        assertArrayEquals(model.score(train), loaded.score(train));
    }

    @Test
    void aFileThatIsNotAModelIsRefusedWithItsName(@TempDir Path dir) throws Exception {
        Path file = java.nio.file.Files.writeString(dir.resolve("notes.zip"), "not a model");
        java.io.IOException e = assertThrows(java.io.IOException.class, () -> LstmModel.load(file));
        assertTrue(e.getMessage().contains("notes.zip"), e.getMessage());
    }

    @Test
    void paddingIsMaskedAndLongTextsAreCut() {
        LstmConfig config = tiny(LstmBlocks.TEXT_ONLY);
        int[] labels = new int[16];
        LstmModel model = new LstmTrainer(config.withTraining(0.0, 0.05, 8, 2, 4))
                .train(posts(16, 8, labels), labels, List.of(), new int[0], JobContext.NONE);
        LstmSequence shortPost = new LstmSequence(1, new int[] {7, DEALER_WORD, 9}, new int[0]);
        LstmSequence longPost = new LstmSequence(2, new int[] {8, 9, 10, 11, 12, 13}, new int[0]);
        double alone = model.score(List.of(shortPost))[0];                 // three steps, no padding
        double padded = model.score(List.of(longPost, shortPost))[1];       // padded to six steps, masked
        assertEquals(alone, padded, 1e-6);
        LstmSequence tooLong = new LstmSequence(3, new int[] {8, 9, 10, 11, 12, 13, 14, 15, 16}, new int[0]);
        assertEquals(model.score(List.of(longPost))[0], model.score(List.of(tooLong))[0], 1e-6);
        LstmSequence differentEnd = new LstmSequence(4, new int[] {7, DEALER_WORD, 10}, new int[0]);
        assertFalse(Math.abs(alone - model.score(List.of(differentEnd))[0]) < 1e-9, "the last word matters");
    }

    @Test
    void oneBlockVariantsBuildTheirBlockOnly() {
        int[] labels = new int[16];
        List<LstmSequence> train = posts(16, 9, labels);
        for (Variant variant : Variant.values()) {
            LstmBlocks blocks = LstmBlocks.forVariant(variant);
            LstmModel model = new LstmTrainer(tiny(blocks).withTraining(0.0, 0.05, 8, 1, 4))
                    .train(train, labels, List.of(), new int[0], JobContext.NONE);
            var vertices = model.network().getConfiguration().getVertices().keySet();
            assertEquals(blocks.usesText(), vertices.contains("lstm"), variant + ": " + vertices);
            assertEquals(blocks.usesHashtags(), vertices.contains("dense-2"), variant + ": " + vertices);
            assertEquals(blocks == LstmBlocks.TEXT_AND_HASHTAGS, vertices.contains("merge"), variant + ": " + vertices);
            double[] scores = model.score(train);
            assertEquals(16, scores.length);
            for (double s : scores) {
                assertTrue(s > 0 && s < 1, variant + ": " + s);
            }
        }
    }

    @Test
    void splitsPreprocessedTextIntoWordsAndHashtags() {
        VariantText text = new VariantText(9, List.of("buy", "#xanax", "now", "#pills"), new int[] {4, 7, 5, 8});
        LstmSequence post = LstmSequence.of(text);
        assertArrayEquals(new int[] {4, 5}, post.text());
        assertArrayEquals(new int[] {7, 8}, post.hashtags());
        assertEquals(9, post.postId());
    }

    @Test
    void stopsBetweenBatchesWhenCancelled() {
        int[] labels = new int[32];
        List<LstmSequence> train = posts(32, 10, labels);
        AtomicInteger batches = new AtomicInteger();
        JobContext cancelAfterTwo = new JobContext() {
            @Override
            public void progress(long done, long total, String message) {
                batches.set((int) done);
            }

            @Override
            public boolean isCancelled() {
                return batches.get() >= 2;
            }
        };
        assertThrows(CancelledException.class, () -> new LstmTrainer(tiny(LstmBlocks.TEXT_AND_HASHTAGS))
                .train(train, labels, List.of(), new int[0], cancelAfterTwo));
        assertEquals(2, batches.get());
    }

    @Test
    void wordsInFewerTrainingPostsThanTheFloorAreLeftOutOfEverySequenceAndTheFile(@TempDir Path dir) throws Exception {
        int[] labels = new int[16];
        List<LstmSequence> train = posts(16, 8, labels);
        LstmVocabulary expected = LstmVocabulary.fit(train, 2);
        assertTrue(expected.size() > 0);
        for (int i : expected.indices()) {
            long posts = train.stream().filter(p -> java.util.stream.IntStream.concat(java.util.Arrays.stream(p.text()),
                    java.util.Arrays.stream(p.hashtags())).anyMatch(x -> x == i)).count();
            assertTrue(posts >= 2, "index " + i + " in " + posts + " posts");
        }
        LstmModel model = new LstmTrainer(tiny(LstmBlocks.TEXT_AND_HASHTAGS).withMinWordCount(2))
                .train(train, labels, List.of(), new int[0], JobContext.NONE);
        assertEquals(expected, model.vocabulary().orElseThrow());
        int unseen = DICTIONARY - 1; // no training post has it
        assertFalse(java.util.Arrays.binarySearch(expected.indices(), unseen) >= 0);
        LstmSequence post = new LstmSequence(1, new int[] {DEALER_WORD, DEALER_WORD}, new int[] {DEALER_TAG});
        LstmSequence withUnseen = new LstmSequence(2, new int[] {DEALER_WORD, unseen, DEALER_WORD}, new int[] {unseen, DEALER_TAG});
        assertEquals(model.score(List.of(post))[0], model.score(List.of(withUnseen))[0], 1e-7);
        Path file = dir.resolve("vocabulary.zip");
        model.save(file);
        LstmModel loaded = LstmModel.load(file);
        assertEquals(expected, loaded.vocabulary().orElseThrow());
        assertArrayEquals(model.score(List.of(withUnseen, post)), loaded.score(List.of(withUnseen, post)));
        assertTrue(new LstmTrainer(tiny(LstmBlocks.TEXT_AND_HASHTAGS)).train(train, labels, List.of(), new int[0],
                JobContext.NONE).vocabulary().isEmpty(), "floor 0 reads every word");
    }

    @Test
    void anIndexOutsideTheDictionaryNamesThePost() {
        List<LstmSequence> train = List.of(new LstmSequence(41, new int[] {3, DICTIONARY}, new int[] {4}),
                new LstmSequence(42, new int[] {3}, new int[] {4}));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new LstmTrainer(tiny(LstmBlocks.TEXT_AND_HASHTAGS))
                        .train(train, new int[] {1, 0}, List.of(), new int[0], JobContext.NONE));
        assertTrue(e.getMessage().contains("post 41") && e.getMessage().contains("index " + DICTIONARY), e.getMessage());
    }

    @Test
    void aConfigurationSizedForAPreprocessedCorpusAcceptsEveryIndexOfIt() {
        var corpus = org.signalbench.preprocess.Preprocessor.withDefaultStopWords().run(List.of(
                new org.signalbench.preprocess.TextItem(1, "selling xanax pills tonight #xanax #pills"),
                new org.signalbench.preprocess.TextItem(2, "lovely sunset over the lake #sunset #nature")));
        LstmConfig config = LstmConfig.laptop().forCorpus(corpus.dictionary(), Variant.WITH_HASHTAGS);
        assertEquals(corpus.dictionary().size() + 1, config.dictionarySize());
        assertEquals(LstmBlocks.TEXT_AND_HASHTAGS, config.blocks());
        List<LstmSequence> posts = corpus.texts(Variant.WITH_HASHTAGS).stream().map(LstmSequence::of).toList();
        assertEquals(2, posts.size());
        assertEquals(2, posts.get(0).hashtags().length);
        LstmModel model = new LstmTrainer(config.withSizes(8, 8, 8, 8).withTraining(0.0, 0.05, 2, 1, 4))
                .train(posts, new int[] {1, 0}, List.of(), new int[0], JobContext.NONE);
        assertEquals(2, model.score(posts).length);
    }

    @Test
    void paperFlopCountMatchesTheFormula() {
        LstmConfig paper = LstmConfig.paper();
        // LSTM 2*4*(400+800)*800*50 + Dense1 2*800*200 + Dense2 2*6000*200 + Dense3 2*400*200 + Dense4 2*200
        double forward = 384_000_000.0 + 320_000 + 2_400_000 + 160_000 + 400;
        assertEquals(3 * forward, LstmFlops.trainingPerPost(paper), 1);
    }
}
