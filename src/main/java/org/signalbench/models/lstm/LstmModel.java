package org.signalbench.models.lstm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.util.ModelSerializer;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A trained LSTM: scores posts (the probability of a dealer post; dealer when above
 * {@link #THRESHOLD}) and saves to a DL4J model file that also holds its configuration and
 * training history. Scoring is serialised: one network, one caller at a time.
 */
public final class LstmModel {
    public static final double THRESHOLD = 0.5;
    private static final String CONFIG_ENTRY = "signalbench-lstm-config.json";
    private static final String HISTORY_ENTRY = "signalbench-lstm-history.json";
    private static final String VOCABULARY_ENTRY = "signalbench-lstm-vocabulary.json";
    private static final ObjectMapper JSON = new ObjectMapper();
    static final int SCORING_BATCH = 256;

    private final ComputationGraph network;
    private final LstmConfig config;
    private final List<LstmEpoch> history;
    /** The words the network reads (null: every dictionary word, {@link LstmConfig#minWordCount} 0). */
    private final LstmVocabulary vocabulary;

    LstmModel(ComputationGraph network, LstmConfig config, List<LstmEpoch> history, LstmVocabulary vocabulary) {
        if ((vocabulary == null) != (config.minWordCount() == 0)) {
            throw new IllegalArgumentException("a vocabulary goes with a minimum word count above 0, and only then");
        }
        this.network = network;
        this.config = config;
        this.history = List.copyOf(history);
        this.vocabulary = vocabulary;
    }

    /** The dictionary indices the network reads, or empty when it reads every one ({@link LstmConfig#minWordCount} 0). */
    public java.util.Optional<LstmVocabulary> vocabulary() {
        return java.util.Optional.ofNullable(vocabulary);
    }

    public LstmConfig config() {
        return config;
    }

    /** Every epoch trained, in order; the weights are those of the best one ({@link #bestEpoch()}). */
    public List<LstmEpoch> history() {
        return history;
    }

    /** The epoch whose weights the model has, counted from 1 (0 if it was never trained). */
    public int bestEpoch() {
        return history.stream().filter(LstmEpoch::best).mapToInt(LstmEpoch::epoch).max().orElse(0);
    }

    /**
     * The probability that each post is a dealer post, in the order given. Posts are scored in
     * chunks of similar text length (so few padded steps are computed) and the scores put back in
     * the given order.
     */
    public synchronized double[] score(List<LstmSequence> given) {
        List<LstmSequence> posts = vocabulary == null ? given : vocabulary.apply(given);
        int[] order = LstmInputs.byTextLength(posts);
        double[] scores = new double[posts.size()];
        for (int from = 0; from < posts.size(); from += SCORING_BATCH) {
            int to = Math.min(posts.size(), from + SCORING_BATCH);
            List<LstmSequence> chunk = new java.util.ArrayList<>(to - from);
            for (int i = from; i < to; i++) {
                chunk.add(posts.get(order[i]));
            }
            LstmInputs inputs = LstmInputs.encode(chunk, config);
            INDArray out = network.output(false, inputs.features(), inputs.masks())[0];
            for (int i = from; i < to; i++) {
                scores[order[i]] = out.getDouble(i - from, 0);
            }
        }
        return scores;
    }

    /** Dealer (true) when the score is above {@link #THRESHOLD}. */
    public boolean[] predict(List<LstmSequence> posts) {
        double[] scores = score(posts);
        boolean[] dealer = new boolean[scores.length];
        for (int i = 0; i < scores.length; i++) {
            dealer[i] = scores[i] > THRESHOLD;
        }
        return dealer;
    }

    public synchronized void save(Path file) throws IOException {
        ModelSerializer.writeModel(network, file.toFile(), false);
        ModelSerializer.addObjectToFile(file.toFile(), CONFIG_ENTRY, JSON.writeValueAsString(config));
        ModelSerializer.addObjectToFile(file.toFile(), HISTORY_ENTRY, JSON.writeValueAsString(history));
        if (vocabulary != null) {
            ModelSerializer.addObjectToFile(file.toFile(), VOCABULARY_ENTRY, JSON.writeValueAsString(vocabulary.indices()));
        }
    }

    public static LstmModel load(Path file) throws IOException {
        ComputationGraph network;
        try {
            network = ModelSerializer.restoreComputationGraph(file.toFile(), false);
        } catch (RuntimeException e) {
            throw new IOException(file + ": not a DL4J model file (" + e.getMessage() + ")", e);
        }
        String config;
        String history;
        try {
            config = ModelSerializer.getObjectFromFile(file.toFile(), CONFIG_ENTRY);
            history = ModelSerializer.getObjectFromFile(file.toFile(), HISTORY_ENTRY);
        } catch (RuntimeException e) {
            throw new IOException(file + ": a DL4J model but not a SignalBench LSTM (no " + CONFIG_ENTRY + ")", e);
        }
        LstmConfig readConfig;
        List<LstmEpoch> readHistory;
        try {
            readConfig = JSON.readValue(config, LstmConfig.class);
            readHistory = JSON.readValue(history, new TypeReference<List<LstmEpoch>>() { });
        } catch (JsonProcessingException e) {
            throw new IOException(file + ": unreadable " + CONFIG_ENTRY + ": " + e.getOriginalMessage(), e);
        }
        LstmVocabulary vocabulary = null;
        if (readConfig.minWordCount() > 0) { // files from before the vocabulary have 0 and no entry
            try {
                vocabulary = new LstmVocabulary(JSON.readValue((String) ModelSerializer.getObjectFromFile(file.toFile(),
                        VOCABULARY_ENTRY), int[].class));
            } catch (RuntimeException | JsonProcessingException e) {
                throw new IOException(file + ": minimum word count " + readConfig.minWordCount() + " but no readable "
                        + VOCABULARY_ENTRY + " (" + e.getMessage() + ")", e);
            }
        }
        return new LstmModel(network, readConfig, readHistory, vocabulary);
    }

    ComputationGraph network() {
        return network;
    }
}
