package org.signalbench.models.lstm;

import static org.nd4j.linalg.indexing.NDArrayIndex.all;
import static org.nd4j.linalg.indexing.NDArrayIndex.interval;

import java.nio.FloatBuffer;
import java.util.Arrays;
import org.deeplearning4j.nn.api.MaskState;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.layers.BaseLayer;
import org.deeplearning4j.nn.params.LSTMParamInitializer;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * DL4J's {@code LastTimeStep(LSTM)} (tanh, sigmoid gates, no peepholes) computed with few large
 * matrix products. The stock layer multiplies each step's input by the input weights, accumulates
 * each step's weight gradients separately (small products with the batch as inner dimension) and
 * runs about 40 small native operations per step; here the input projection of all steps is one
 * product [steps·batch, nIn] × [nIn, 4H], the weight and input gradients are three products over
 * all steps, and each step is the recurrent product [batch, H] × [H, 4H] (its transpose going
 * back) plus one pass over the step's gates in Java (activations, cell, output; or their gradients).
 *
 * <p>Same parameters and gate order as the stock layer: W [nIn, 4H], RW [H, 4H], b [1, 4H], gates
 * in the order block input (tanh), forget, output, input modulation (sigmoid). Masks must mark each
 * sequence's real steps followed by padding (as {@link LstmInputs} builds them): the output is the
 * state after the last real step, which padding after it cannot change; padding steps are computed
 * but receive no gradient. Input dropout is DL4J's (a fresh mask per element). FLOAT only.
 *
 * <p>Recurrent dropout ({@link FusedLstm#getRecurrentDropout()}, Keras' recurrent_dropout): in
 * training, each step's recurrent product uses the previous state times a mask m, drawn once per
 * sequence and batch (0 with the dropout's probability p, else 1/(1−p)) and the same at every step:
 * z_t = x_t·W + (h_{t−1} ⊙ m)·RW + b. The masks come from a generator seeded with the network's
 * seed, so a training run is repeatable. Scoring uses no mask.
 *
 * <p>Working arrays live outside DL4J's workspaces; in training they are kept from the forward
 * pass for the backward pass and reused from batch to batch while the batch shape stays the same.
 */
final class FusedLstmLayer extends BaseLayer<FusedLstm> {
    private static final String W = LSTMParamInitializer.INPUT_WEIGHT_KEY;
    private static final String RW = LSTMParamInitializer.RECURRENT_WEIGHT_KEY;
    private static final String B = LSTMParamInitializer.BIAS_KEY;

    /** Sequences per slice when scoring (not training), to bound the working arrays. */
    private static final int INFERENCE_SLICE = 64;

    private Steps steps;       // arrays of the latest training forward pass
    private int[] lastStep;    // per sequence, the index of its last real step
    private float[] recurrentMask; // [b·H] of the latest training forward pass, or null without recurrent dropout
    private java.util.Random maskRandom; // created on first use from the network's seed

    FusedLstmLayer(NeuralNetConfiguration conf, DataType dataType) {
        super(conf, dataType);
    }

    /**
     * Working arrays of one forward and backward pass, rows ordered time step major (row t·b + i),
     * all c-ordered from offset 0 so that Java reads and writes them through {@link FloatBuffer}s.
     * Sized by a number of rows, so a batch of any size and length that fits reuses them (the
     * prefix of each array); replaced arrays are released at once, not left to the garbage collector.
     */
    private static final class Steps {
        final int capacity;           // rows; a batch fits when (T+1)·b rows do
        final int nIn;
        final int units;
        final INDArray inputs;        // [T·b, nIn]
        final INDArray gates;         // [T·b, 4H]: pre-activations, then activations in gate order
        final INDArray cells;         // [(T+1)·b, H]; block 0 is the zero initial cell
        final INDArray cellsTanh;     // [T·b, H]
        final INDArray outputs;       // [(T+1)·b, H]; block 0 is the zero initial state
        final INDArray droppedOutputs; // [(T+1)·b, H]: outputs ⊙ recurrent mask (recurrent dropout only), else null
        final INDArray gateGradients; // [T·b, 4H], training only
        final INDArray outputGrad;    // [b, H]: dL/dh of the step being processed
        final INDArray ones;          // [1, T·b], sums the bias gradient over rows
        final FloatBuffer g;
        final FloatBuffer c;
        final FloatBuffer tc;
        final FloatBuffer h;
        final FloatBuffer hd;
        final FloatBuffer dz;
        final FloatBuffer dh;
        int batch;                    // the current batch, set by use()
        int length;
        INDArray[] gateRows;          // per step: views of gates, outputs (previous state), gateGradients
        INDArray[] previousOutputs;
        INDArray[] gateGradientRows;
        INDArray outputGradRows;      // the first b rows of outputGrad

        float[] mask;                 // the current batch's recurrent mask [b·H], or null: the recurrent product uses outputs

        Steps(int capacity, int maxBatch, int nIn, int units, boolean training, boolean dropped) {
            this.capacity = capacity;
            this.nIn = nIn;
            this.units = units;
            inputs = Nd4j.create(DataType.FLOAT, capacity, nIn);
            gates = Nd4j.create(DataType.FLOAT, capacity, 4L * units);
            cells = Nd4j.create(DataType.FLOAT, capacity, units);
            cellsTanh = Nd4j.create(DataType.FLOAT, capacity, units);
            outputs = Nd4j.create(DataType.FLOAT, capacity, units);
            droppedOutputs = dropped ? Nd4j.create(DataType.FLOAT, capacity, units) : null;
            gateGradients = training ? Nd4j.create(DataType.FLOAT, capacity, 4L * units) : null;
            outputGrad = Nd4j.create(DataType.FLOAT, maxBatch, units);
            ones = Nd4j.ones(DataType.FLOAT, 1, capacity);
            g = gates.data().asNioFloat();
            c = cells.data().asNioFloat();
            tc = cellsTanh.data().asNioFloat();
            h = outputs.data().asNioFloat();
            hd = dropped ? droppedOutputs.data().asNioFloat() : null;
            dz = training ? gateGradients.data().asNioFloat() : null;
            dh = outputGrad.data().asNioFloat();
        }

        boolean fits(int b, int t, int in, int hidden, boolean training, boolean dropped) {
            return (long) (t + 1) * b <= capacity && b <= outputGrad.size(0) && nIn == in && units == hidden
                    && (!training || gateGradients != null) && (!dropped || droppedOutputs != null);
        }

        /** Makes the arrays' prefixes the working arrays of a batch of b sequences of t steps. */
        void use(int b, int t, float[] recurrentMask) {
            batch = b;
            length = t;
            mask = recurrentMask;
            INDArray recurrentInputs = mask == null ? outputs : droppedOutputs;
            gateRows = new INDArray[t];
            previousOutputs = new INDArray[t];
            gateGradientRows = new INDArray[t];
            outputGradRows = outputGrad.get(interval(0, b), all());
            // the zero initial state and cell (a batch of another size may have written these rows)
            rows(cells, 0, 1).assign(0);
            rows(outputs, 0, 1).assign(0);
            if (mask != null) {
                rows(droppedOutputs, 0, 1).assign(0);
            }
            for (int step = 0; step < t; step++) {
                gateRows[step] = rows(gates, step, step + 1);
                previousOutputs[step] = rows(recurrentInputs, step, step + 1);
                gateGradientRows[step] = gateGradients == null ? null : rows(gateGradients, step, step + 1);
            }
        }

        /** Rows of steps [from, to) of the current batch. */
        INDArray rows(INDArray all, int from, int to) {
            return all.get(interval((long) from * batch, (long) to * batch), all());
        }

        void release() {
            for (INDArray array : new INDArray[] {inputs, gates, cells, cellsTanh, outputs, droppedOutputs, gateGradients,
                    outputGrad, ones}) {
                if (array != null) {
                    array.close();
                }
            }
        }

        /** Activations, cell and output of step t from its pre-activations (which include the recurrent term). */
        void forwardStep(int t) {
            int four = 4 * units;
            for (int i = 0; i < batch; i++) {
                int row = t * batch + i;
                int gate = row * four;
                int cell = row * units;            // in cellsTanh; cells and outputs are one block later
                int next = cell + batch * units;
                for (int j = 0; j < units; j++) {
                    double a = tanh(g.get(gate + j));
                    double f = sigmoid(g.get(gate + units + j));
                    double o = sigmoid(g.get(gate + 2 * units + j));
                    double m = sigmoid(g.get(gate + 3 * units + j));
                    double state = f * c.get(cell + j) + m * a;
                    float stateF = (float) state;
                    double stateTanh = tanh(stateF);
                    g.put(gate + j, (float) a);
                    g.put(gate + units + j, (float) f);
                    g.put(gate + 2 * units + j, (float) o);
                    g.put(gate + 3 * units + j, (float) m);
                    c.put(next + j, stateF);
                    tc.put(cell + j, (float) stateTanh);
                    float out = (float) (o * (float) stateTanh);
                    h.put(next + j, out);
                    if (mask != null) {
                        hd.put(next + j, out * mask[i * units + j]);
                    }
                }
            }
        }

        /**
         * Gate gradients of step t from dL/dh (in outputGrad, plus the injected output gradient)
         * and the cell gradient carried from step t+1 (in cellGrad, updated for step t-1).
         */
        void backwardStep(int t, float[] cellGrad, FloatBuffer epsilon, int[] lastStep) {
            int four = 4 * units;
            for (int i = 0; i < batch; i++) {
                int row = t * batch + i;
                int gate = row * four;
                int cell = row * units;
                int carried = i * units;
                boolean ends = lastStep[i] == t;
                for (int j = 0; j < units; j++) {
                    // dh holds dL/d(h_t ⊙ m) from step t+1's recurrent product: times m gives dL/dh_t
                    float dOut = mask == null ? dh.get(carried + j) : dh.get(carried + j) * mask[carried + j];
                    if (ends) {
                        dOut += epsilon.get(carried + j);
                    }
                    float a = g.get(gate + j);
                    float f = g.get(gate + units + j);
                    float o = g.get(gate + 2 * units + j);
                    float m = g.get(gate + 3 * units + j);
                    float stateTanh = tc.get(cell + j);
                    float dState = cellGrad[carried + j] + dOut * o * (1 - stateTanh * stateTanh);
                    dz.put(gate + j, dState * m * (1 - a * a));
                    dz.put(gate + units + j, dState * c.get(cell + j) * f * (1 - f));
                    dz.put(gate + 2 * units + j, dOut * stateTanh * o * (1 - o));
                    dz.put(gate + 3 * units + j, dState * a * m * (1 - m));
                    cellGrad[carried + j] = dState * f;
                }
            }
        }
    }

    private static double sigmoid(double x) {
        return 1 / (1 + Math.exp(-x));
    }

    private static double tanh(double x) {
        return 1 - 2 / (Math.exp(2 * x) + 1); // saturates to ±1 without overflow
    }

    @Override
    public boolean isPretrainLayer() {
        return false;
    }

    @Override
    public Type type() {
        return Type.FEED_FORWARD;
    }

    @Override
    public Pair<INDArray, MaskState> feedForwardMaskArray(INDArray mask, MaskState state, int minibatchSize) {
        this.maskArray = mask;
        this.maskState = state;
        return new Pair<>(null, state); // one vector per sequence: nothing left to mask downstream
    }

    @Override
    public INDArray activate(boolean training, LayerWorkspaceMgr workspaceMgr) {
        assertInputSet(false);
        if (input.dataType() != DataType.FLOAT) {
            throw new IllegalStateException("the fused LSTM computes in FLOAT, not " + input.dataType());
        }
        applyDropOutIfNecessary(training, workspaceMgr);
        INDArray x = input.rank() == 2 ? input.reshape(input.size(0), input.size(1), 1) : input; // [b, nIn, T]
        int batch = (int) x.size(0);
        int nIn = (int) x.size(1);
        int length = (int) x.size(2);
        int units = (int) params.get(RW).size(0);
        lastStep = lastSteps(maskArray, batch, length);
        INDArray out = workspaceMgr.createUninitialized(ArrayType.ACTIVATIONS, DataType.FLOAT, batch, units);
        try (MemoryWorkspace ignored = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
            if (training) {
                recurrentMask = recurrentMask(batch, units);
                steps = working(steps, batch, length, nIn, units, true, recurrentMask != null);
                forward(steps, x, lastStep, out, recurrentMask);
            } else {
                // Scoring batches can be large (256 posts): run them in slices to bound the working arrays.
                Steps s = working(steps, Math.min(batch, INFERENCE_SLICE), length, nIn, units, false, false);
                for (int from = 0; from < batch; from += INFERENCE_SLICE) {
                    int to = Math.min(batch, from + INFERENCE_SLICE);
                    forward(s, x.get(interval(from, to), all(), all()), Arrays.copyOfRange(lastStep, from, to),
                            out.get(interval(from, to), all()), null);
                }
                if (steps == null) {
                    steps = s; // kept for the next scoring batch (training replaces it)
                } else if (s != steps) {
                    s.release();
                }
            }
        }
        return out;
    }

    /**
     * A training batch's recurrent dropout mask, one row of {@code units} per sequence (0 with the
     * dropout's probability, else 1/(1−p)), or null without recurrent dropout.
     */
    private float[] recurrentMask(int batch, int units) {
        double p = layerConf().getRecurrentDropout();
        if (p <= 0) {
            return null;
        }
        if (maskRandom == null) {
            maskRandom = new java.util.Random(conf.getSeed() * 31 + getIndex());
        }
        float keep = (float) (1 / (1 - p));
        float[] mask = new float[batch * units];
        for (int k = 0; k < mask.length; k++) {
            mask[k] = maskRandom.nextDouble() < p ? 0f : keep;
        }
        return mask;
    }

    /** The recurrent mask of the latest training forward pass, [b·H] row per sequence, or null (tests). */
    float[] lastRecurrentMask() {
        return recurrentMask;
    }

    /** {@code current} if the batch fits in it, else new arrays (releasing {@code current} if training replaces it). */
    private Steps working(Steps current, int batch, int length, int nIn, int units, boolean training, boolean dropped) {
        if (current != null && current.fits(batch, length, nIn, units, training, dropped)) {
            return current;
        }
        if (training && current != null) {
            current.release();
            steps = null;
        }
        // grow, never shrink: batches of an epoch differ in length, and after the longest all fit
        int capacity = (length + 1) * batch;
        int maxBatch = batch;
        if (current != null && current.nIn == nIn && current.units == units) {
            capacity = Math.max(capacity, current.capacity);
            maxBatch = Math.max(maxBatch, (int) current.outputGrad.size(0));
        }
        return new Steps(capacity, maxBatch, nIn, units, training, dropped);
    }

    /**
     * The forward pass of x [b, nIn, T] into s; writes each sequence's state after its last step to
     * out [b, H]. {@code mask}: the recurrent dropout mask, or null.
     */
    private void forward(Steps s, INDArray x, int[] last, INDArray out, float[] mask) {
        int batch = (int) x.size(0);
        int nIn = (int) x.size(1);
        int length = (int) x.size(2);
        INDArray rw = params.get(RW);
        s.use(batch, length, mask);
        INDArray inputs = s.rows(s.inputs, 0, length);
        INDArray gates = s.rows(s.gates, 0, length);
        inputs.reshape('c', length, batch, nIn).assign(x.permute(2, 0, 1));
        Nd4j.gemm(inputs, params.get(W), gates, false, false, 1.0, 0.0); // all steps' input projection at once
        gates.addiRowVector(params.get(B));
        for (int t = 0; t < length; t++) {
            if (t > 0) {
                Nd4j.gemm(s.previousOutputs[t], rw, s.gateRows[t], false, false, 1.0, 1.0);
            }
            s.forwardStep(t);
        }
        int[] rows = new int[batch];
        for (int i = 0; i < batch; i++) {
            rows[i] = (last[i] + 1) * batch + i;
        }
        out.assign(Nd4j.pullRows(s.outputs, 1, rows));
    }

    @Override
    public Pair<Gradient, INDArray> backpropGradient(INDArray epsilon, LayerWorkspaceMgr workspaceMgr) {
        assertInputSet(true);
        Steps s = steps;
        if (s == null || s.batch != epsilon.size(0)) {
            throw new IllegalStateException("backpropGradient without a training forward pass on this batch");
        }
        INDArray w = params.get(W);
        INDArray rw = params.get(RW);
        int batch = s.batch;
        int length = s.length;
        INDArray inputGradients;
        try (MemoryWorkspace ignored = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
            INDArray eps = epsilon.castTo(DataType.FLOAT).dup('c');
            FloatBuffer epsBuffer = eps.data().asNioFloat();
            float[] cellGrad = new float[batch * s.units];
            s.outputGradRows.assign(0);
            for (int t = length - 1; t >= 0; t--) {
                s.backwardStep(t, cellGrad, epsBuffer, lastStep);
                if (t > 0) {
                    Nd4j.gemm(s.gateGradientRows[t], rw, s.outputGradRows, false, true, 1.0, 0.0);
                }
            }
            INDArray dz = s.rows(s.gateGradients, 0, length);
            Nd4j.gemm(s.rows(s.inputs, 0, length), dz, gradientViews.get(W), true, false, 1.0, 0.0);
            Nd4j.gemm(s.rows(s.mask == null ? s.outputs : s.droppedOutputs, 0, length), dz, gradientViews.get(RW), true,
                    false, 1.0, 0.0);
            INDArray biasGrad = gradientViews.get(B);
            biasGrad.assign(s.ones.get(all(), interval(0, (long) length * batch)).mmul(dz).reshape(biasGrad.shape())); // column sums as a product: faster than sum(0)
            inputGradients = dz.mmul(w.transpose()); // [T·b, nIn]
        }
        INDArray epsOut = workspaceMgr.createUninitialized(ArrayType.ACTIVATION_GRAD, inputGradients.dataType(),
                new long[] {batch, s.nIn, length}, 'f');
        epsOut.assign(inputGradients.reshape('c', length, batch, s.nIn).permute(1, 2, 0));
        if (input.rank() == 2) {
            epsOut = epsOut.reshape('f', batch, s.nIn);
        }
        Gradient gradient = new DefaultGradient(gradientsFlattened);
        gradient.setGradientFor(W, gradientViews.get(W));
        gradient.setGradientFor(RW, gradientViews.get(RW));
        gradient.setGradientFor(B, gradientViews.get(B));
        return new Pair<>(gradient, backpropDropOutIfPresent(epsOut));
    }

    /** Index of each sequence's last real step: the last position whose mask is not 0 (the last step without a mask). */
    static int[] lastSteps(INDArray mask, int batch, int length) {
        int[] last = new int[batch];
        if (mask == null) {
            Arrays.fill(last, length - 1);
            return last;
        }
        float[][] m = mask.castTo(DataType.FLOAT).reshape(batch, length).toFloatMatrix();
        for (int i = 0; i < batch; i++) {
            for (int t = 0; t < length; t++) {
                if (m[i][t] != 0) {
                    last[i] = t;
                }
            }
        }
        return last;
    }
}
