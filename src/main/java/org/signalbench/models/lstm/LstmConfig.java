package org.signalbench.models.lstm;

/**
 * Every setting of the study's LSTM (Figure 2). {@link #paper()} is the published model;
 * {@link #laptop()} keeps its shape with a smaller embedding and LSTM so that cross-validation
 * fits in minutes. Every value can be changed through the {@code with...} methods.
 *
 * @param preset           the preset this configuration started from ("paper", "laptop"), for provenance
 * @param dictionarySize   number of embedding rows: the largest dictionary index + 1 (index 0 is padding)
 * @param blocks           which input blocks the network has (one-part variants use one)
 * @param textWindow       words read per post; longer texts are cut, shorter ones padded and masked
 * @param hashtagWindow    hashtags read per post; longer lists are cut, shorter ones padded with index 0
 * @param minWordCount     the network's vocabulary: a word or hashtag in fewer than this many of the
 *                         posts it trains on is left out of every post's sequence (training,
 *                         validation and scoring), as a Keras {@code Tokenizer} fitted on the training
 *                         texts leaves out the words it never saw; 0 keeps every dictionary word, so
 *                         words the training never saw are read through their untrained random
 *                         embeddings (the behaviour before it; model files without it read as 0)
 * @param embeddingSize    size of each block's embedding vectors
 * @param lstmSize         units of the text block's LSTM
 * @param blockDenseSize   units of Dense 1 (text block) and Dense 2 (hashtag block), sigmoid
 * @param mergedDenseSize  units of Dense 3 after the merge, sigmoid
 * @param dropout          share of the LSTM's inputs dropped while training
 * @param recurrentDropout share of the LSTM's recurrent state dropped while training (Keras'
 *                         recurrent_dropout: one mask per sequence, the same at every step); 0 is
 *                         the behaviour before it was applied (model files without it read as 0)
 * @param learningRate     Adam's learning rate
 * @param batchSize        posts per training batch
 * @param maxEpochs        cap on epochs
 * @param patience         early stopping: stop when the latest validation loss exceeds this many before it
 * @param seed             seed of the weights, the dropout and the shuffling between epochs
 */
public record LstmConfig(String preset, int dictionarySize, LstmBlocks blocks, int textWindow, int hashtagWindow,
                         int minWordCount, int embeddingSize, int lstmSize, int blockDenseSize, int mergedDenseSize, double dropout,
                         double recurrentDropout, double learningRate, int batchSize, int maxEpochs, int patience,
                         long seed) {

    /** The laptop preset's vocabulary floor (docs/lstm.md, "Small corpora"). */
    static final int MIN_WORD_COUNT_LAPTOP = 2;

    public LstmConfig {
        positive("text window", textWindow);
        positive("hashtag window", hashtagWindow);
        positive("embedding size", embeddingSize);
        positive("LSTM size", lstmSize);
        positive("block dense size", blockDenseSize);
        positive("merged dense size", mergedDenseSize);
        positive("batch size", batchSize);
        positive("epoch cap", maxEpochs);
        positive("patience", patience);
        if (minWordCount < 0) {
            throw new IllegalArgumentException("minimum word count must not be negative, not " + minWordCount);
        }
        if (dictionarySize < 0) {
            throw new IllegalArgumentException("dictionary size must not be negative, not " + dictionarySize);
        }
        if (!(dropout >= 0 && dropout < 1)) {
            throw new IllegalArgumentException("dropout must be in [0, 1), not " + dropout);
        }
        if (!(recurrentDropout >= 0 && recurrentDropout < 1)) {
            throw new IllegalArgumentException("recurrent dropout must be in [0, 1), not " + recurrentDropout);
        }
        if (!(learningRate > 0)) {
            throw new IllegalArgumentException("learning rate must be positive, not " + learningRate);
        }
        if (blocks == null) {
            throw new IllegalArgumentException("blocks missing");
        }
    }

    /** The published model: embedding 400, LSTM 800, dense 200, dropout and recurrent dropout 0.2, Adam 1e-4, windows 50 and 15. */
    public static LstmConfig paper() {
        return new LstmConfig("paper", 0, LstmBlocks.TEXT_AND_HASHTAGS, 50, 15, 0, 400, 800, 200, 200, 0.2, 0.2, 1e-4, 32,
                100, 4, 42);
    }

    /**
     * The published shape (windows, dense layers, dropout and recurrent dropout, optimiser, stopping
     * rule) with embedding 32 and LSTM 32, Adam's learning rate 1e-3 instead of 1e-4, batches of 32
     * and a cap of 12 epochs. The published stopping rule (stop when the validation loss exceeds
     * each of the 4 before it) decides when to stop: on a corpus of 1,500 posts an epoch is about 30
     * updates, and the loss turned up after 2 to 7 epochs (docs/lstm.md, "Small corpora"); the cap
     * bounds the sample's 10-fold run. The former preset (batch 64, 2 epochs: about 30 updates in
     * all on 1,500 posts) predicted no dealer post there.
     */
    public static LstmConfig laptop() {
        return new LstmConfig("laptop", 0, LstmBlocks.TEXT_AND_HASHTAGS, 50, 15, MIN_WORD_COUNT_LAPTOP, 32, 32, 200, 200, 0.2, 0.2, 1e-3, 32,
                12, 4, 42);
    }

    public static LstmConfig preset(String name) {
        return switch (name.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "paper" -> paper();
            case "laptop" -> laptop();
            default -> throw new IllegalArgumentException("unknown LSTM preset '" + name + "' (expected paper or laptop)");
        };
    }

    /** Sized for {@code dictionary} (its words plus the padding index) with the blocks of {@code variant}. */
    public LstmConfig forCorpus(org.signalbench.preprocess.Dictionary dictionary,
                                org.signalbench.preprocess.Variant variant) {
        return withDictionarySize(dictionary.size() + 1).withBlocks(LstmBlocks.forVariant(variant));
    }

    public LstmConfig withDictionarySize(int size) {
        return new LstmConfig(preset, size, blocks, textWindow, hashtagWindow, minWordCount, embeddingSize, lstmSize, blockDenseSize,
                mergedDenseSize, dropout, recurrentDropout, learningRate, batchSize, maxEpochs, patience, seed);
    }

    public LstmConfig withBlocks(LstmBlocks newBlocks) {
        return new LstmConfig(preset, dictionarySize, newBlocks, textWindow, hashtagWindow, minWordCount, embeddingSize, lstmSize,
                blockDenseSize, mergedDenseSize, dropout, recurrentDropout, learningRate, batchSize, maxEpochs, patience, seed);
    }

    public LstmConfig withWindows(int text, int hashtags) {
        return new LstmConfig(preset, dictionarySize, blocks, text, hashtags, minWordCount, embeddingSize, lstmSize, blockDenseSize,
                mergedDenseSize, dropout, recurrentDropout, learningRate, batchSize, maxEpochs, patience, seed);
    }

    public LstmConfig withSizes(int embedding, int lstm, int blockDense, int mergedDense) {
        return new LstmConfig(preset, dictionarySize, blocks, textWindow, hashtagWindow, minWordCount, embedding, lstm, blockDense,
                mergedDense, dropout, recurrentDropout, learningRate, batchSize, maxEpochs, patience, seed);
    }

    public LstmConfig withTraining(double newDropout, double newLearningRate, int newBatchSize, int newMaxEpochs,
                                   int newPatience) {
        return new LstmConfig(preset, dictionarySize, blocks, textWindow, hashtagWindow, minWordCount, embeddingSize, lstmSize,
                blockDenseSize, mergedDenseSize, newDropout, recurrentDropout, newLearningRate, newBatchSize, newMaxEpochs, newPatience,
                seed);
    }

    public LstmConfig withRecurrentDropout(double newRecurrentDropout) {
        return new LstmConfig(preset, dictionarySize, blocks, textWindow, hashtagWindow, minWordCount, embeddingSize, lstmSize,
                blockDenseSize, mergedDenseSize, dropout, newRecurrentDropout, learningRate, batchSize, maxEpochs, patience,
                seed);
    }

    public LstmConfig withMinWordCount(int newMinWordCount) {
        return new LstmConfig(preset, dictionarySize, blocks, textWindow, hashtagWindow, newMinWordCount, embeddingSize, lstmSize,
                blockDenseSize, mergedDenseSize, dropout, recurrentDropout, learningRate, batchSize, maxEpochs, patience, seed);
    }

    public LstmConfig withSeed(long newSeed) {
        return new LstmConfig(preset, dictionarySize, blocks, textWindow, hashtagWindow, minWordCount, embeddingSize, lstmSize,
                blockDenseSize, mergedDenseSize, dropout, recurrentDropout, learningRate, batchSize, maxEpochs, patience, newSeed);
    }

    private static void positive(String what, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(what + " must be at least 1, not " + value);
        }
    }
}
