package org.signalbench.models.lstm;

import java.util.ArrayList;
import java.util.List;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.distribution.UniformDistribution;
import org.deeplearning4j.nn.conf.graph.MergeVertex;
import org.deeplearning4j.nn.conf.graph.ReshapeVertex;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.EmbeddingSequenceLayer;
import org.deeplearning4j.nn.conf.layers.LSTM;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.recurrent.LastTimeStep;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.weights.WeightInit;
import org.deeplearning4j.nn.weights.WeightInitDistribution;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * Builds the study's network (Figure 2) as a DL4J computation graph. Layer names follow the
 * figure. Initialisation follows Keras' defaults where DL4J has them: embeddings uniform in
 * ±0.05, other weights Glorot uniform, LSTM forget-gate bias 1. Every layer's input size is
 * given explicitly: DL4J's input-type inference set the embeddings' dictionary size to 1.
 */
final class LstmNetwork {
    static final String TEXT_INPUT = "text";
    static final String HASHTAG_INPUT = "hashtags";

    private LstmNetwork() {
    }

    /** The implementation {@link #build(LstmConfig)} uses. */
    static final LstmImplementation DEFAULT_IMPLEMENTATION = LstmImplementation.FUSED;

    static ComputationGraph build(LstmConfig c) {
        return build(c, DEFAULT_IMPLEMENTATION);
    }

    static ComputationGraph build(LstmConfig c, LstmImplementation implementation) {
        if (c.dictionarySize() < 2) {
            throw new IllegalArgumentException("dictionary size must be at least 2 (padding and one word), not "
                    + c.dictionarySize());
        }
        ComputationGraphConfiguration.GraphBuilder graph = new NeuralNetConfiguration.Builder()
                .seed(c.seed())
                .dataType(DataType.FLOAT)
                .updater(new Adam(c.learningRate()))
                .weightInit(WeightInit.XAVIER_UNIFORM)
                .graphBuilder();
        List<String> blockOutputs = new ArrayList<>(2);
        if (c.blocks().usesText()) {
            graph.addInputs(TEXT_INPUT);
            graph.addLayer("text-embedding", embedding(c, c.textWindow()), TEXT_INPUT);
            LSTM.Builder lstm = new LSTM.Builder().nIn(c.embeddingSize()).nOut(c.lstmSize())
                    .activation(Activation.TANH).gateActivationFunction(Activation.SIGMOID).forgetGateBiasInit(1.0);
            if (c.dropout() > 0) {
                lstm.dropOut(1 - c.dropout()); // DL4J takes the probability of keeping an input
            }
            LSTM stock = lstm.build();
            if (implementation == LstmImplementation.STOCK && c.recurrentDropout() > 0) {
                throw new IllegalArgumentException("DL4J's stock LSTM has no recurrent dropout: set recurrentDropout to 0 "
                        + "(the fused layer applies it)");
            }
            graph.addLayer("lstm", implementation == LstmImplementation.FUSED
                    ? FusedLstm.of(stock).withRecurrentDropout(c.recurrentDropout()) : new LastTimeStep(stock),
                    "text-embedding");
            graph.addLayer("dense-1", sigmoid(c.lstmSize(), c.blockDenseSize()), "lstm");
            blockOutputs.add("dense-1");
        }
        if (c.blocks().usesHashtags()) {
            graph.addInputs(HASHTAG_INPUT);
            graph.addLayer("hashtag-embedding", embedding(c, c.hashtagWindow()), HASHTAG_INPUT);
            // [batch, embedding, window] -> [batch, embedding * window]: Keras' Flatten before Dense 2
            graph.addVertex("hashtag-flatten",
                    new ReshapeVertex('c', new int[] {-1, c.embeddingSize() * c.hashtagWindow()}, null),
                    "hashtag-embedding");
            graph.addLayer("dense-2", sigmoid(c.embeddingSize() * c.hashtagWindow(), c.blockDenseSize()),
                    "hashtag-flatten");
            blockOutputs.add("dense-2");
        }
        String top = blockOutputs.get(0);
        if (blockOutputs.size() > 1) {
            graph.addVertex("merge", new MergeVertex(), blockOutputs.toArray(String[]::new));
            top = "merge";
        }
        graph.addLayer("dense-3", sigmoid(blockOutputs.size() * c.blockDenseSize(), c.mergedDenseSize()), top);
        graph.addLayer("dense-4", new OutputLayer.Builder(LossFunctions.LossFunction.XENT).nIn(c.mergedDenseSize()).nOut(1)
                .activation(Activation.SIGMOID).build(), "dense-3");
        graph.setOutputs("dense-4");
        ComputationGraph network = new ComputationGraph(graph.build());
        network.init();
        return network;
    }

    private static EmbeddingSequenceLayer embedding(LstmConfig c, int window) {
        return new EmbeddingSequenceLayer.Builder().nIn(c.dictionarySize()).nOut(c.embeddingSize())
                .inputLength(window).hasBias(false)
                .weightInit(new WeightInitDistribution(new UniformDistribution(-0.05, 0.05))).build();
    }

    private static DenseLayer sigmoid(int inputs, int units) {
        return new DenseLayer.Builder().nIn(inputs).nOut(units).activation(Activation.SIGMOID).build();
    }
}
