package org.signalbench.models.lstm;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.MultiDataSet;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Training speed of the LSTM against the machine's matrix-multiply speed, as {@code bench lstm}
 * reports it. Posts are random and fill both windows (50 words, 15 hashtags), so no padding is
 * saved and the effective rate is {@link LstmFlops#trainingPerPost} × posts per second.
 */
public final class LstmBenchmark {
    /** Dictionary size of the random posts (the size of a study-sized dictionary). */
    public static final int DICTIONARY = 20_000;

    public record PresetSpeed(String preset, LstmImplementation implementation, int batchSize, int posts,
                              double seconds, double postsPerSecond, double gflops, double gflopPerPost) {
    }

    private LstmBenchmark() {
    }

    /** Limits ND4J's OpenMP and BLAS threads (on 2 shared cores, 1 was fastest: docs/lstm.md). */
    public static void useThreads(int threads) {
        Nd4j.getEnvironment().setMaxThreads(threads);
        Nd4j.getEnvironment().setMaxMasterThreads(threads);
        Nd4j.factory().blas().setMaxThreads(threads);
    }

    /** GFLOP/s of ND4J's float matrix product (OpenBLAS sgemm) of two n × n matrices. */
    public static double matmulGflops(int n, double minSeconds) {
        INDArray a = Nd4j.rand(DataType.FLOAT, n, n);
        INDArray b = Nd4j.rand(DataType.FLOAT, n, n);
        INDArray c = Nd4j.create(DataType.FLOAT, n, n);
        a.mmuli(b, c); // warm-up
        int repetitions = 0;
        long start = System.nanoTime();
        long elapsed;
        do {
            a.mmuli(b, c);
            repetitions++;
            elapsed = System.nanoTime() - start;
        } while (elapsed < minSeconds * 1e9);
        return 2.0 * n * n * n * repetitions / elapsed;
    }

    /**
     * Trains {@code config} (dictionary size set here) on random full-window posts, one untimed
     * warm-up batch first, then batches until {@code minSeconds} have passed (at least two). The
     * stock layer has no recurrent dropout, so it is measured without (the fused layer with the preset's).
     */
    public static PresetSpeed trainingSpeed(LstmConfig config, LstmImplementation implementation, double minSeconds,
                                            long seed) {
        LstmConfig c = config.withDictionarySize(DICTIONARY);
        if (implementation == LstmImplementation.STOCK) {
            c = c.withRecurrentDropout(0);
        }
        ComputationGraph network = LstmNetwork.build(c, implementation);
        Random random = new Random(seed);
        MultiDataSet batch = randomBatch(c, random);
        network.fit(batch);
        int batches = 0;
        long start = System.nanoTime();
        long elapsed;
        do {
            network.fit(randomBatch(c, random));
            batches++;
            elapsed = System.nanoTime() - start;
        } while (batches < 2 || elapsed < minSeconds * 1e9);
        int posts = batches * c.batchSize();
        double seconds = elapsed / 1e9;
        double postsPerSecond = posts / seconds;
        double flops = LstmFlops.trainingPerPost(c);
        return new PresetSpeed(c.preset(), implementation, c.batchSize(), posts, seconds, postsPerSecond, postsPerSecond * flops / 1e9, flops / 1e9);
    }

    private static MultiDataSet randomBatch(LstmConfig c, Random random) {
        List<LstmSequence> posts = new ArrayList<>(c.batchSize());
        int[] labels = new int[c.batchSize()];
        for (int i = 0; i < c.batchSize(); i++) {
            posts.add(new LstmSequence(i, randomIndices(c.textWindow(), random), randomIndices(c.hashtagWindow(), random)));
            labels[i] = random.nextInt(2);
        }
        LstmInputs inputs = LstmInputs.encode(posts, c);
        return new MultiDataSet(inputs.features(), new INDArray[] {LstmInputs.labels(labels, 0, labels.length)},
                inputs.masks(), null);
    }

    private static int[] randomIndices(int length, Random random) {
        int[] indices = new int[length];
        for (int i = 0; i < length; i++) {
            indices[i] = 1 + random.nextInt(DICTIONARY - 1);
        }
        return indices;
    }
}
