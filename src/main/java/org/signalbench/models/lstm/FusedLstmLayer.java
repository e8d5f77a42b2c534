package org.signalbench.models.lstm;

import static org.nd4j.linalg.indexing.NDArrayIndex.all;
import static org.nd4j.linalg.indexing.NDArrayIndex.interval;

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
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * DL4J's {@code LastTimeStep(LSTM)} (tanh, sigmoid gates, no peepholes) computed with few large
 * matrix products. The stock layer multiplies each step's input by the input weights and
 * accumulates each step's weight gradients separately (small products with the batch as inner
 * dimension); here the input projection of all steps is one product [steps·batch, nIn] × [nIn, 4H],
 * the weight gradients are two products over all steps, and only the recurrent product
 * [batch, H] × [H, 4H] (and its transpose going back) remains per step.
 *
 * <p>Same parameters and gate order as the stock layer: W [nIn, 4H], RW [H, 4H], b [1, 4H], gates
 * in the order block input (tanh), forget, output, input modulation. Masks must mark each
 * sequence's real steps followed by padding (as {@link LstmInputs} builds them): the output is the
 * state after the last real step, which padding after it cannot change; padding steps are computed
 * but receive no gradient. Input dropout is DL4J's (a fresh mask per element).
 *
 * <p>Working arrays live outside DL4J's workspaces and are reused from batch to batch while the
 * batch shape stays the same; training keeps the forward pass's arrays for the backward pass.
 */
final class FusedLstmLayer extends BaseLayer<FusedLstm> {
    private static final String W = LSTMParamInitializer.INPUT_WEIGHT_KEY;
    private static final String RW = LSTMParamInitializer.RECURRENT_WEIGHT_KEY;
    private static final String B = LSTMParamInitializer.BIAS_KEY;

    private Steps steps;       // arrays of the latest forward pass (kept for training)
    private int[] lastStep;    // per sequence, the index of its last real step

    FusedLstmLayer(NeuralNetConfiguration conf, DataType dataType) {
        super(conf, dataType);
    }

    /** Working arrays of one forward and backward pass, rows ordered time step major: row t·batch + i. */
    private static final class Steps {
        final int batch;
        final int length;
        final INDArray inputs;    // [T·b, nIn]
        final INDArray gates;     // [T·b, 4H]: block input, forget, output, input modulation (after activation)
        final INDArray cells;     // [T·b, H]
        final INDArray cellsTanh; // [T·b, H]
        final INDArray outputs;   // [(T+1)·b, H]; block 0 is the zero initial state
        INDArray gateGradients;   // [T·b, 4H], allocated by the first backward pass

        Steps(DataType type, int batch, int length, int nIn, int units) {
            this.batch = batch;
            this.length = length;
            inputs = Nd4j.create(type, (long) length * batch, nIn);
            gates = Nd4j.create(type, (long) length * batch, 4L * units);
            cells = Nd4j.create(type, (long) length * batch, units);
            cellsTanh = Nd4j.create(type, (long) length * batch, units);
            outputs = Nd4j.create(type, (long) (length + 1) * batch, units);
        }

        INDArray rows(INDArray all, int t) {
            return all.get(interval((long) t * batch, (long) (t + 1) * batch), all());
        }
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
        applyDropOutIfNecessary(training, workspaceMgr);
        INDArray x = input.rank() == 2 ? input.reshape(input.size(0), input.size(1), 1) : input; // [b, nIn, T]
        int batch = (int) x.size(0);
        int nIn = (int) x.size(1);
        int length = (int) x.size(2);
        INDArray w = params.get(W);
        INDArray rw = params.get(RW);
        INDArray bias = params.get(B);
        int units = (int) rw.size(0);
        lastStep = lastSteps(maskArray, batch, length);
        INDArray last;
        try (MemoryWorkspace ignored = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
            Steps s = training && steps != null && steps.batch == batch && steps.length == length
                    && steps.inputs.size(1) == nIn ? steps : new Steps(w.dataType(), batch, length, nIn, units);
            s.inputs.reshape('c', length, batch, nIn).assign(x.permute(2, 0, 1));
            Nd4j.gemm(s.inputs, w, s.gates, false, false, 1.0, 0.0); // all steps' input projection at once
            s.gates.addiRowVector(bias);
            for (int t = 0; t < length; t++) {
                INDArray z = s.rows(s.gates, t);
                INDArray previous = s.rows(s.outputs, t);
                if (t > 0) {
                    Nd4j.gemm(previous, rw, z, false, false, 1.0, 1.0);
                }
                INDArray blockInput = z.get(all(), interval(0, units));
                Transforms.tanh(blockInput, false);
                Transforms.sigmoid(z.get(all(), interval(units, 4L * units)), false);
                INDArray forget = z.get(all(), interval(units, 2L * units));
                INDArray output = z.get(all(), interval(2L * units, 3L * units));
                INDArray modulation = z.get(all(), interval(3L * units, 4L * units));
                INDArray cell = s.rows(s.cells, t);
                cell.assign(modulation).muli(blockInput);
                if (t > 0) {
                    cell.addi(forget.mul(s.rows(s.cells, t - 1)));
                }
                INDArray cellTanh = s.rows(s.cellsTanh, t);
                cellTanh.assign(cell);
                Transforms.tanh(cellTanh, false);
                s.rows(s.outputs, t + 1).assign(cellTanh).muli(output);
            }
            int[] rows = new int[batch];
            for (int i = 0; i < batch; i++) {
                rows[i] = (lastStep[i] + 1) * batch + i;
            }
            last = Nd4j.pullRows(s.outputs, 1, rows);
            steps = training ? s : null;
        }
        INDArray out = workspaceMgr.createUninitialized(ArrayType.ACTIVATIONS, last.dataType(), last.shape(), 'c');
        out.assign(last);
        return out;
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
        int units = (int) rw.size(0);
        int nIn = (int) w.size(0);
        INDArray inputGradients;
        try (MemoryWorkspace ignored = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
            if (s.gateGradients == null) {
                s.gateGradients = Nd4j.create(w.dataType(), (long) length * batch, 4L * units);
            }
            // The output's gradient enters each sequence at its last real step.
            INDArray injected = Nd4j.create(w.dataType(), (long) length * batch, units);
            for (int i = 0; i < batch; i++) {
                injected.getRow((long) lastStep[i] * batch + i).assign(epsilon.getRow(i));
            }
            INDArray outputGrad = Nd4j.create(w.dataType(), batch, units); // dL/dh_t, carried backwards
            INDArray cellGrad = Nd4j.create(w.dataType(), batch, units);   // dL/dc_t from step t+1
            INDArray scratch = Nd4j.create(w.dataType(), batch, units);
            for (int t = length - 1; t >= 0; t--) {
                INDArray a = s.rows(s.gates, t);
                INDArray blockInput = a.get(all(), interval(0, units));
                INDArray forget = a.get(all(), interval(units, 2L * units));
                INDArray output = a.get(all(), interval(2L * units, 3L * units));
                INDArray modulation = a.get(all(), interval(3L * units, 4L * units));
                INDArray cellTanh = s.rows(s.cellsTanh, t);
                INDArray dz = s.rows(s.gateGradients, t);
                INDArray dBlock = dz.get(all(), interval(0, units));
                INDArray dForget = dz.get(all(), interval(units, 2L * units));
                INDArray dOutput = dz.get(all(), interval(2L * units, 3L * units));
                INDArray dModulation = dz.get(all(), interval(3L * units, 4L * units));

                outputGrad.addi(s.rows(injected, t));
                // output gate: dh · tanh(c) · o(1 - o)
                dOutput.assign(output).rsubi(1).muli(output).muli(cellTanh).muli(outputGrad);
                // cell: carried gradient + dh · o · (1 - tanh(c)^2)
                scratch.assign(cellTanh).muli(cellTanh).rsubi(1).muli(output).muli(outputGrad);
                cellGrad.addi(scratch);
                // block input: dc · g · (1 - a^2)
                dBlock.assign(blockInput).muli(blockInput).rsubi(1).muli(modulation).muli(cellGrad);
                // input modulation gate: dc · a · g(1 - g)
                dModulation.assign(modulation).rsubi(1).muli(modulation).muli(blockInput).muli(cellGrad);
                if (t > 0) {
                    // forget gate: dc · c_{t-1} · f(1 - f)
                    dForget.assign(forget).rsubi(1).muli(forget).muli(s.rows(s.cells, t - 1)).muli(cellGrad);
                    cellGrad.muli(forget);
                    Nd4j.gemm(dz, rw, outputGrad, false, true, 1.0, 0.0);
                } else {
                    dForget.assign(0);
                }
            }
            INDArray all = s.gateGradients;
            Nd4j.gemm(s.inputs, all, gradientViews.get(W), true, false, 1.0, 0.0);
            Nd4j.gemm(s.outputs.get(interval(0, (long) length * batch), all()), all, gradientViews.get(RW), true, false,
                    1.0, 0.0);
            gradientViews.get(B).assign(all.sum(true, 0));
            inputGradients = all.mmul(w.transpose()); // [T·b, nIn]
        }
        INDArray epsOut = workspaceMgr.createUninitialized(ArrayType.ACTIVATION_GRAD, inputGradients.dataType(),
                new long[] {batch, nIn, length}, 'f');
        epsOut.assign(inputGradients.reshape('c', length, batch, nIn).permute(1, 2, 0));
        if (input.rank() == 2) {
            epsOut = epsOut.reshape('f', batch, nIn);
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
            java.util.Arrays.fill(last, length - 1);
            return last;
        }
        float[][] m = mask.castTo(DataType.FLOAT).reshape(batch, length).toFloatMatrix();
        for (int i = 0; i < batch; i++) {
            int l = 0;
            for (int t = 0; t < length; t++) {
                if (m[i][t] != 0) {
                    l = t;
                }
            }
            last[i] = l;
        }
        return last;
    }
}
