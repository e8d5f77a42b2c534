package org.signalbench.models.lstm;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Collection;
import java.util.Map;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.LSTM;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.nd4j.linalg.activations.impl.ActivationSigmoid;
import org.nd4j.linalg.activations.impl.ActivationTanH;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Configuration of {@link FusedLstmLayer}: DL4J's {@code LastTimeStep(LSTM)} computed with few,
 * large matrix products. It is an {@link LSTM} configuration (same parameters "W", "RW", "b", same
 * gate order, same {@code LSTMParamInitializer}, so the same initialisation), built from a stock
 * layer by {@link #of(LSTM)}, which copies every setting. The output is one vector per sequence:
 * the state after its last unmasked step. Public with a no-argument constructor because DL4J
 * stores the class name in the network's JSON (ModelSerializer) and Jackson recreates it.
 */
public class FusedLstm extends LSTM {
    /**
     * Share of the recurrent state dropped in training (Keras' recurrent_dropout), 0 for none. A
     * bean property, so model files store it; files saved before it existed read as 0, the
     * behaviour they were trained with.
     */
    private double recurrentDropout;

    /** For Jackson (model files); use {@link #of(LSTM)}. */
    public FusedLstm() {
    }

    public double getRecurrentDropout() {
        return recurrentDropout;
    }

    public void setRecurrentDropout(double recurrentDropout) {
        if (!(recurrentDropout >= 0 && recurrentDropout < 1)) {
            throw new IllegalArgumentException("recurrent dropout must be in [0, 1), not " + recurrentDropout);
        }
        this.recurrentDropout = recurrentDropout;
    }

    /** This layer with recurrent dropout {@code share} (0: none, the behaviour before it was applied). */
    public FusedLstm withRecurrentDropout(double share) {
        setRecurrentDropout(share);
        return this;
    }

    /** The fused layer with every setting of {@code stock} (tanh activation and sigmoid gates required). */
    public static FusedLstm of(LSTM stock) {
        FusedLstm fused = new FusedLstm();
        for (Class<?> type = LSTM.class; type != Object.class; type = type.getSuperclass()) {
            for (Field field : type.getDeclaredFields()) {
                if (Modifier.isStatic(field.getModifiers())) {
                    continue;
                }
                try {
                    field.setAccessible(true);
                    field.set(fused, field.get(stock));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException("cannot copy LSTM setting " + field.getName(), e);
                }
            }
        }
        fused.checkSupported();
        return fused;
    }

    private void checkSupported() {
        if (!(getActivationFn() instanceof ActivationTanH) || !(getGateActivationFn() instanceof ActivationSigmoid)) {
            throw new IllegalArgumentException("the fused LSTM supports tanh activation with sigmoid gates only, not "
                    + getActivationFn() + " / " + getGateActivationFn());
        }
        if (getWeightNoise() != null) {
            throw new IllegalArgumentException("the fused LSTM does not support weight noise");
        }
    }

    @Override
    public org.deeplearning4j.nn.api.Layer instantiate(NeuralNetConfiguration conf, Collection<TrainingListener> listeners,
                                                       int layerIndex, INDArray paramsView, boolean initializeParams,
                                                       DataType dataType) {
        checkSupported();
        FusedLstmLayer layer = new FusedLstmLayer(conf, dataType);
        layer.setListeners(listeners);
        layer.setIndex(layerIndex);
        layer.setParamsViewArray(paramsView);
        Map<String, INDArray> table = initializer().init(conf, paramsView, initializeParams);
        layer.setParamTable(table);
        layer.setConf(conf);
        return layer;
    }

    @Override
    public InputType getOutputType(int layerIndex, InputType inputType) {
        return InputType.feedForward(getNOut());
    }
}
