package org.signalbench.models.lstm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.deeplearning4j.nn.conf.layers.LSTM;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.MultiDataSet;

/**
 * The fused LSTM against DL4J's stock {@code LastTimeStep(LSTM)} on tiny networks: same
 * initial weights, same outputs and gradients on the same weights with masked posts of mixed
 * lengths, same weights after a training step, and a model file that restores it exactly.
 */
class FusedLstmTest {
    private static final int DICTIONARY = 30;

    private static LstmConfig tiny(double dropout) {
        return LstmConfig.laptop().withDictionarySize(DICTIONARY).withWindows(7, 3).withSizes(6, 5, 4, 4)
                .withTraining(dropout, 0.01, 8, 3, 4).withRecurrentDropout(0).withSeed(11); // the stock layer has none
    }

    /** Posts with 0 to 9 words (window 7: some cut, some padded) and 0 to 4 hashtags. */
    private static List<LstmSequence> posts(int n, long seed) {
        Random random = new Random(seed);
        List<LstmSequence> posts = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int[] text = new int[i == 0 ? 0 : random.nextInt(10)];
            for (int t = 0; t < text.length; t++) {
                text[t] = 1 + random.nextInt(DICTIONARY - 1);
            }
            int[] tags = new int[random.nextInt(5)];
            for (int t = 0; t < tags.length; t++) {
                tags[t] = 1 + random.nextInt(DICTIONARY - 1);
            }
            posts.add(new LstmSequence(i, text, tags));
        }
        return posts;
    }

    private static MultiDataSet batch(List<LstmSequence> posts, LstmConfig config) {
        int[] labels = new int[posts.size()];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = i % 3 == 0 ? 1 : 0;
        }
        LstmInputs inputs = LstmInputs.encode(posts, config);
        return new MultiDataSet(inputs.features(), new INDArray[] {LstmInputs.labels(labels, 0, labels.length)},
                inputs.masks(), null);
    }

    private static INDArray output(ComputationGraph network, List<LstmSequence> posts, LstmConfig config) {
        LstmInputs inputs = LstmInputs.encode(posts, config);
        return network.output(false, inputs.features(), inputs.masks())[0];
    }

    private static INDArray gradient(ComputationGraph network, MultiDataSet data) {
        network.setInputs(data.getFeatures());
        network.setLabels(data.getLabels());
        network.setLayerMaskArrays(data.getFeaturesMaskArrays(), null);
        network.computeGradientAndScore();
        INDArray g = network.gradient().gradient().dup();
        network.clearLayerMaskArrays();
        return g;
    }

    private static void assertClose(INDArray expected, INDArray actual, double tolerance) {
        assertArrayEquals(expected.shape(), actual.shape());
        double scale = Math.max(1e-3, expected.amaxNumber().doubleValue());
        double difference = expected.sub(actual).amaxNumber().doubleValue();
        assertTrue(difference <= tolerance * scale, "largest difference " + difference + " (scale " + scale + ")");
    }

    @Test
    void startsFromTheStockLayersWeights() {
        LstmConfig config = tiny(0.2);
        ComputationGraph stock = LstmNetwork.build(config, LstmImplementation.STOCK);
        ComputationGraph fused = LstmNetwork.build(config, LstmImplementation.FUSED);
        assertInstanceOf(FusedLstmLayer.class, fused.getLayer("lstm"));
        assertEquals(stock.params(), fused.params());
    }

    @Test
    void givesTheStockOutputsOnMaskedPostsOfMixedLengths() {
        LstmConfig config = tiny(0.2);
        ComputationGraph stock = LstmNetwork.build(config, LstmImplementation.STOCK);
        ComputationGraph fused = LstmNetwork.build(config, LstmImplementation.FUSED);
        stock.setParams(fused.params().mul(3)); // larger weights than the initial ones exercise the gates more
        fused.setParams(stock.params());
        List<LstmSequence> posts = posts(12, 3);
        assertClose(output(stock, posts, config), output(fused, posts, config), 1e-5);
    }

    @Test
    void scoresLargeBatchesInSlicesAndThenSmallOnesLikeTheStockLayer() {
        LstmConfig config = tiny(0.2);
        ComputationGraph stock = LstmNetwork.build(config, LstmImplementation.STOCK);
        ComputationGraph fused = LstmNetwork.build(config, LstmImplementation.FUSED);
        stock.setParams(fused.params().mul(3));
        fused.setParams(stock.params());
        for (List<LstmSequence> posts : List.of(posts(150, 4), posts(3, 5), posts(70, 6))) { // slices of 64
            assertClose(output(stock, posts, config), output(fused, posts, config), 1e-5);
        }
    }

    @Test
    void paddingDoesNotChangeAPostsOutput() {
        LstmConfig config = tiny(0.2);
        ComputationGraph fused = LstmNetwork.build(config, LstmImplementation.FUSED);
        fused.setParams(fused.params().mul(3));
        LstmSequence shortPost = new LstmSequence(1, new int[] {4, 5}, new int[] {6});
        LstmSequence longPost = new LstmSequence(2, new int[] {7, 8, 9, 10, 11, 12, 13}, new int[] {6});
        INDArray alone = output(fused, List.of(shortPost), config);
        INDArray padded = output(fused, List.of(shortPost, longPost), config);
        assertEquals(alone.getDouble(0, 0), padded.getDouble(0, 0), 1e-6);
        assertTrue(Math.abs(padded.getDouble(0, 0) - padded.getDouble(1, 0)) > 1e-6, "the two posts differ");
    }

    @Test
    void givesTheStockGradientsOnTheSameWeights() {
        LstmConfig config = tiny(0.0); // dropout masks are random: compare without
        ComputationGraph stock = LstmNetwork.build(config, LstmImplementation.STOCK);
        ComputationGraph fused = LstmNetwork.build(config, LstmImplementation.FUSED);
        stock.setParams(fused.params().mul(3));
        fused.setParams(stock.params());
        MultiDataSet data = batch(posts(12, 5), config);
        INDArray expected = gradient(stock, data);
        INDArray actual = gradient(fused, data);
        assertTrue(expected.amaxNumber().doubleValue() > 1e-4, "gradients not all zero");
        assertClose(expected, actual, 1e-4);
        // the LSTM's own parameters, which the comparison above would hide among the others if they were tiny
        long lstmParams = stock.getLayer("lstm").numParams();
        assertTrue(lstmParams > 0);
        assertClose(stock.getLayer("lstm").getGradientsViewArray(), fused.getLayer("lstm").getGradientsViewArray(), 1e-4);
    }

    @Test
    void trainsToTheSameWeightsAsTheStockLayer() {
        LstmConfig config = tiny(0.0);
        ComputationGraph stock = LstmNetwork.build(config, LstmImplementation.STOCK);
        ComputationGraph fused = LstmNetwork.build(config, LstmImplementation.FUSED);
        int[] sizes = {8, 3, 8, 5, 8}; // batches of other sizes and lengths reuse the layer's working arrays
        for (int step = 0; step < sizes.length; step++) {
            MultiDataSet data = batch(posts(sizes[step], 100 + step), config);
            stock.fit(data);
            fused.fit(data);
        }
        assertTrue(stock.params().sub(LstmNetwork.build(config, LstmImplementation.STOCK).params())
                .amaxNumber().doubleValue() > 1e-3, "training moved the weights");
        assertClose(stock.params(), fused.params(), 1e-4);
    }

    @Test
    void lossFallsWithDropoutOnATinyProblem() {
        LstmConfig config = tiny(0.2);
        ComputationGraph fused = LstmNetwork.build(config, LstmImplementation.FUSED);
        MultiDataSet data = batch(posts(16, 9), config);
        double before = fused.score(data, false);
        for (int i = 0; i < 60; i++) {
            fused.fit(data);
        }
        double after = fused.score(data, false);
        assertTrue(after < 0.8 * before, "loss " + before + " -> " + after);
    }

    @Test
    void modelFileRestoresTheFusedLayerExactly(@TempDir Path dir) throws Exception {
        LstmConfig config = tiny(0.2);
        ComputationGraph fused = LstmNetwork.build(config, LstmImplementation.FUSED);
        fused.fit(batch(posts(8, 1), config));
        Path file = dir.resolve("fused.zip");
        ModelSerializer.writeModel(fused, file.toFile(), true);
        ComputationGraph restored = ModelSerializer.restoreComputationGraph(file.toFile(), true);
        assertInstanceOf(FusedLstmLayer.class, restored.getLayer("lstm"));
        assertEquals(fused.params(), restored.params());
        List<LstmSequence> posts = posts(10, 2);
        assertEquals(output(fused, posts, config), output(restored, posts, config));
    }

    @Test
    void refusesActivationsItDoesNotImplement() {
        LSTM relu = new LSTM.Builder().nIn(3).nOut(2).activation(Activation.RELU).build();
        assertThrows(IllegalArgumentException.class, () -> FusedLstm.of(relu));
    }
}
