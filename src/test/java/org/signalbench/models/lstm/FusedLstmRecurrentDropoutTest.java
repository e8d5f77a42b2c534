package org.signalbench.models.lstm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Random;
import org.deeplearning4j.nn.api.MaskState;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The fused layer's recurrent dropout against a direct computation of the LSTM in plain Java
 * (double precision): z_t = x_t·W + (h_{t−1} ⊙ m)·RW + b with one mask m per sequence for all its
 * steps; its recurrent-weight gradient against finite differences of that computation; no mask
 * when scoring or at 0 (the old behaviour); and the share survives a model file.
 */
class FusedLstmRecurrentDropoutTest {
    private static final int BATCH = 5;
    private static final int IN = 4;
    private static final int UNITS = 6;
    private static final int STEPS = 7;
    private static final int[] LENGTHS = {7, 3, 1, 5, 7};

    private static ComputationGraph network(double recurrentDropout) {
        LstmConfig c = LstmConfig.laptop().withDictionarySize(30).withWindows(STEPS, 3).withSizes(IN, UNITS, 4, 4)
                .withTraining(0, 0.01, BATCH, 3, 4).withRecurrentDropout(recurrentDropout).withSeed(5)
                .withBlocks(LstmBlocks.TEXT_ONLY);
        return LstmNetwork.build(c);
    }

    private static FusedLstmLayer layer(ComputationGraph network) {
        return (FusedLstmLayer) network.getLayer("lstm");
    }

    private static INDArray input() {
        Random r = new Random(3);
        INDArray x = Nd4j.create(DataType.FLOAT, BATCH, IN, STEPS);
        for (int i = 0; i < BATCH; i++) {
            for (int k = 0; k < IN; k++) {
                for (int t = 0; t < STEPS; t++) {
                    x.putScalar(new int[] {i, k, t}, r.nextGaussian());
                }
            }
        }
        return x;
    }

    private static INDArray mask() {
        INDArray m = Nd4j.zeros(DataType.FLOAT, BATCH, STEPS);
        for (int i = 0; i < BATCH; i++) {
            for (int t = 0; t < LENGTHS[i]; t++) {
                m.putScalar(i, t, 1);
            }
        }
        return m;
    }

    private static INDArray activate(FusedLstmLayer layer, boolean training) {
        LayerWorkspaceMgr none = LayerWorkspaceMgr.noWorkspaces();
        layer.setInput(input(), none);
        layer.feedForwardMaskArray(mask(), MaskState.Active, BATCH);
        return layer.activate(training, none).dup();
    }

    /** The LSTM's output per sequence (state after its last real step), computed directly. */
    private static double[][] direct(double[][] w, double[][] rw, double[] b, float[] recurrentMask) {
        INDArray x = input();
        double[][] out = new double[BATCH][UNITS];
        for (int i = 0; i < BATCH; i++) {
            double[] h = new double[UNITS];
            double[] c = new double[UNITS];
            for (int t = 0; t < LENGTHS[i]; t++) {
                double[] z = new double[4 * UNITS];
                for (int g = 0; g < 4 * UNITS; g++) {
                    double sum = b[g];
                    for (int k = 0; k < IN; k++) {
                        sum += x.getDouble(i, k, t) * w[k][g];
                    }
                    for (int u = 0; u < UNITS; u++) {
                        double m = recurrentMask == null ? 1 : recurrentMask[i * UNITS + u];
                        sum += h[u] * m * rw[u][g];
                    }
                    z[g] = sum;
                }
                for (int u = 0; u < UNITS; u++) {
                    double a = Math.tanh(z[u]);
                    double f = 1 / (1 + Math.exp(-z[UNITS + u]));
                    double o = 1 / (1 + Math.exp(-z[2 * UNITS + u]));
                    double in = 1 / (1 + Math.exp(-z[3 * UNITS + u]));
                    c[u] = f * c[u] + in * a;
                    h[u] = o * Math.tanh(c[u]);
                }
            }
            out[i] = h;
        }
        return out;
    }

    private static double[][] matrix(INDArray a) {
        return a.castTo(DataType.DOUBLE).toDoubleMatrix();
    }

    private static double[][] direct(FusedLstmLayer layer, float[] recurrentMask) {
        return direct(matrix(layer.getParam("W")), matrix(layer.getParam("RW")),
                layer.getParam("b").castTo(DataType.DOUBLE).toDoubleVector(), recurrentMask);
    }

    private static void assertClose(double[][] expected, INDArray actual, double tolerance) {
        for (int i = 0; i < BATCH; i++) {
            for (int u = 0; u < UNITS; u++) {
                assertEquals(expected[i][u], actual.getDouble(i, u), tolerance, "sequence " + i + ", unit " + u);
            }
        }
    }

    @Test
    void trainingUsesOneMaskPerSequenceForAllStepsAsTheDirectComputationDoes() {
        FusedLstmLayer layer = layer(network(0.4));
        INDArray out = activate(layer, true);
        float[] mask = layer.lastRecurrentMask();
        assertNotNull(mask);
        assertEquals(BATCH * UNITS, mask.length);
        int dropped = 0;
        for (float m : mask) {
            assertTrue(m == 0f || Math.abs(m - 1 / 0.6f) < 1e-6, "mask value " + m);
            dropped += m == 0f ? 1 : 0;
        }
        assertTrue(dropped > 0 && dropped < mask.length, "dropped " + dropped + " of " + mask.length);
        assertClose(direct(layer, mask), out, 1e-5);
        double[][] withoutMask = direct(layer, null);
        double largest = 0;
        for (int i = 0; i < BATCH; i++) {
            for (int u = 0; u < UNITS; u++) {
                largest = Math.max(largest, Math.abs(withoutMask[i][u] - out.getDouble(i, u)));
            }
        }
        assertTrue(largest > 1e-3, "the mask changes the output (largest difference " + largest + ")");

        INDArray again = activate(layer, true);
        assertTrue(!java.util.Arrays.equals(mask, layer.lastRecurrentMask()), "a new mask for the next batch");
        assertClose(direct(layer, layer.lastRecurrentMask()), again, 1e-5);
    }

    @Test
    void scoringAndZeroShareUseNoMask() {
        FusedLstmLayer dropping = layer(network(0.4));
        assertClose(direct(dropping, null), activate(dropping, false), 1e-5);
        FusedLstmLayer old = layer(network(0));
        INDArray trained = activate(old, true);
        assertNull(old.lastRecurrentMask(), "0: the behaviour before recurrent dropout");
        assertClose(direct(old, null), trained, 1e-5);
    }

    @Test
    void masksRepeatWithTheSeed() {
        FusedLstmLayer first = layer(network(0.3));
        FusedLstmLayer second = layer(network(0.3));
        activate(first, true);
        activate(second, true);
        assertArrayEquals(first.lastRecurrentMask(), second.lastRecurrentMask());
    }

    @Test
    void recurrentWeightGradientMatchesFiniteDifferencesOfTheDirectComputation() {
        ComputationGraph network = network(0.4);
        network.initGradientsView();
        FusedLstmLayer layer = layer(network);
        activate(layer, true);
        float[] mask = layer.lastRecurrentMask();
        Random r = new Random(9);
        double[][] eps = new double[BATCH][UNITS];
        INDArray epsilon = Nd4j.create(DataType.FLOAT, BATCH, UNITS);
        for (int i = 0; i < BATCH; i++) {
            for (int u = 0; u < UNITS; u++) {
                eps[i][u] = r.nextGaussian();
                epsilon.putScalar(i, u, eps[i][u]);
            }
        }
        INDArray gradient = layer.backpropGradient(epsilon, LayerWorkspaceMgr.noWorkspaces()).getFirst()
                .getGradientFor("RW").dup();
        double[][] w = matrix(layer.getParam("W"));
        double[][] rw = matrix(layer.getParam("RW"));
        double[] b = layer.getParam("b").castTo(DataType.DOUBLE).toDoubleVector();
        double h = 1e-5;
        for (int u = 0; u < UNITS; u++) {
            for (int g = 0; g < 4 * UNITS; g += 5) {
                double saved = rw[u][g];
                rw[u][g] = saved + h;
                double up = dot(direct(w, rw, b, mask), eps);
                rw[u][g] = saved - h;
                double down = dot(direct(w, rw, b, mask), eps);
                rw[u][g] = saved;
                double numeric = (up - down) / (2 * h);
                assertEquals(numeric, gradient.getDouble(u, g), 1e-3 + 1e-3 * Math.abs(numeric), "dL/dRW[" + u + "][" + g + "]");
            }
        }
    }

    @Test
    void theShareIsStoredInTheModelFileAndAFileWithoutItReadsAsNone(@TempDir Path dir) throws Exception {
        ComputationGraph network = network(0.2);
        Path file = dir.resolve("model.zip");
        ModelSerializer.writeModel(network, file.toFile(), false);
        ComputationGraph restored = ModelSerializer.restoreComputationGraph(file.toFile(), false);
        assertEquals(0.2, ((FusedLstm) restored.getLayer("lstm").conf().getLayer()).getRecurrentDropout());
        String json = network.getConfiguration().toJson();
        assertTrue(json.contains("\"recurrentDropout\" : 0.2"), "stored as a property of the layer");
        String before = json.replace("\"recurrentDropout\" : 0.2,", "").replace(",\n      \"recurrentDropout\" : 0.2", "");
        assertTrue(!before.contains("recurrentDropout"), "the old file's JSON has no such property");
        FusedLstm old = (FusedLstm) org.deeplearning4j.nn.conf.ComputationGraphConfiguration.fromJson(before)
                .getVertices().values().stream()
                .filter(v -> v instanceof org.deeplearning4j.nn.conf.graph.LayerVertex)
                .map(v -> ((org.deeplearning4j.nn.conf.graph.LayerVertex) v).getLayerConf().getLayer())
                .filter(l -> l instanceof FusedLstm).findFirst().orElseThrow();
        assertEquals(0.0, old.getRecurrentDropout());
    }

    private static double dot(double[][] a, double[][] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a[i].length; j++) {
                s += a[i][j] * b[i][j];
            }
        }
        return s;
    }
}
