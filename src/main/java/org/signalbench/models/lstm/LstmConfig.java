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
 * @param embeddingSize    size of each block's embedding vectors
 * @param lstmSize         units of the text block's LSTM
 * @param blockDenseSize   units of Dense 1 (text block) and Dense 2 (hashtag block), sigmoid
 * @param mergedDenseSize  units of Dense 3 after the merge, sigmoid
 * @param dropout          share of the LSTM's inputs dropped while training
 * @param learningRate     Adam's learning rate
 * @param batchSize        posts per training batch
 * @param maxEpochs        cap on epochs
 * @param patience         early stopping: stop when the latest validation loss exceeds this many before it
 * @param seed             seed of the weights, the dropout and the shuffling between epochs
 */
public record LstmConfig(String preset, int dictionarySize, LstmBlocks blocks, int textWindow, int hashtagWindow,
                         int embeddingSize, int lstmSize, int blockDenseSize, int mergedDenseSize, double dropout,
                         double learningRate, int batchSize, int maxEpochs, int patience, long seed) {

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
        if (dictionarySize < 0) {
            throw new IllegalArgumentException("dictionary size must not be negative, not " + dictionarySize);
        }
        if (!(dropout >= 0 && dropout < 1)) {
            throw new IllegalArgumentException("dropout must be in [0, 1), not " + dropout);
        }
        if (!(learningRate > 0)) {
            throw new IllegalArgumentException("learning rate must be positive, not " + learningRate);
        }
        if (blocks == null) {
            throw new IllegalArgumentException("blocks missing");
        }
    }

    /** The published model: embedding 400, LSTM 800, dense 200, dropout 0.2, Adam 1e-4, windows 50 and 15. */
    public static LstmConfig paper() {
        return new LstmConfig("paper", 0, LstmBlocks.TEXT_AND_HASHTAGS, 50, 15, 400, 800, 200, 200, 0.2, 1e-4, 32,
                100, 4, 42);
    }

    /**
     * The published shape (windows, dense layers, dropout, optimiser, stopping rule) with embedding
     * 32 and LSTM 32, Adam's learning rate 1e-3 instead of 1e-4, batches of 64 and a cap of 2
     * epochs: a 10-fold cross-validation of the three variants of the sample database in about a
     * quarter of an hour on two cores. docs/lstm.md has the measurements: at 1e-4 three epochs
     * left the validation loss at 0.06 to 0.27, at 1e-3 one epoch reached 0.004 to 0.08. With 2
     * epochs the published stopping rule (which needs 5 losses) cannot trigger; the weights of the
     * epoch with the lower validation loss are kept.
     */
    public static LstmConfig laptop() {
        return new LstmConfig("laptop", 0, LstmBlocks.TEXT_AND_HASHTAGS, 50, 15, 32, 32, 200, 200, 0.2, 1e-3, 64,
                2, 4, 42);
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
        return new LstmConfig(preset, size, blocks, textWindow, hashtagWindow, embeddingSize, lstmSize, blockDenseSize,
                mergedDenseSize, dropout, learningRate, batchSize, maxEpochs, patience, seed);
    }

    public LstmConfig withBlocks(LstmBlocks newBlocks) {
        return new LstmConfig(preset, dictionarySize, newBlocks, textWindow, hashtagWindow, embeddingSize, lstmSize,
                blockDenseSize, mergedDenseSize, dropout, learningRate, batchSize, maxEpochs, patience, seed);
    }

    public LstmConfig withWindows(int text, int hashtags) {
        return new LstmConfig(preset, dictionarySize, blocks, text, hashtags, embeddingSize, lstmSize, blockDenseSize,
                mergedDenseSize, dropout, learningRate, batchSize, maxEpochs, patience, seed);
    }

    public LstmConfig withSizes(int embedding, int lstm, int blockDense, int mergedDense) {
        return new LstmConfig(preset, dictionarySize, blocks, textWindow, hashtagWindow, embedding, lstm, blockDense,
                mergedDense, dropout, learningRate, batchSize, maxEpochs, patience, seed);
    }

    public LstmConfig withTraining(double newDropout, double newLearningRate, int newBatchSize, int newMaxEpochs,
                                   int newPatience) {
        return new LstmConfig(preset, dictionarySize, blocks, textWindow, hashtagWindow, embeddingSize, lstmSize,
                blockDenseSize, mergedDenseSize, newDropout, newLearningRate, newBatchSize, newMaxEpochs, newPatience,
                seed);
    }

    public LstmConfig withSeed(long newSeed) {
        return new LstmConfig(preset, dictionarySize, blocks, textWindow, hashtagWindow, embeddingSize, lstmSize,
                blockDenseSize, mergedDenseSize, dropout, learningRate, batchSize, maxEpochs, patience, newSeed);
    }

    private static void positive(String what, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(what + " must be at least 1, not " + value);
        }
    }
}
