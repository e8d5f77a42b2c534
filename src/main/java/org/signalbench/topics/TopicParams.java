package org.signalbench.topics;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What a topic-model run is asked for: the number of topics, iterations, threads, model-specific
 * hyperparameters by name (each trainer documents its own and rejects names it does not know), and
 * optionally where to keep checkpoints.
 *
 * @param iterations sweeps (Gibbs, multiplicative updates, k-means rounds); 0 means the model's default
 * @param options    model hyperparameters by name, for example {@code alpha}, {@code beta}, {@code window}
 * @param checkpoint where and how often to checkpoint (models that run long honour it), or null
 */
public record TopicParams(int k, int iterations, int threads, Map<String, Double> options, Checkpointing checkpoint) {

    public TopicParams {
        if (k < 1) {
            throw new IllegalArgumentException("k must be at least 1, not " + k);
        }
        if (iterations < 0) {
            throw new IllegalArgumentException("iterations must not be negative, not " + iterations);
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, not " + threads);
        }
        options = Map.copyOf(options);
    }

    public static TopicParams of(int k, int iterations) {
        return new TopicParams(k, iterations, 1, Map.of(), null);
    }

    public TopicParams withThreads(int n) {
        return new TopicParams(k, iterations, n, options, checkpoint);
    }

    public TopicParams withOption(String name, double value) {
        Map<String, Double> o = new TreeMap<>(options);
        o.put(name, value);
        return new TopicParams(k, iterations, threads, o, checkpoint);
    }

    public TopicParams withCheckpoint(Checkpointing c) {
        return new TopicParams(k, iterations, threads, options, c);
    }

    /** Iterations, or {@code fallback} when the caller left them at 0. */
    public int iterationsOr(int fallback) {
        return iterations == 0 ? fallback : iterations;
    }

    public double option(String name, double fallback) {
        return options.getOrDefault(name, fallback);
    }

    /** Fails, naming the model and the option, when an option is not one of {@code known}. */
    public void requireKnownOptions(String model, Set<String> known) {
        for (String name : options.keySet()) {
            if (!known.contains(name)) {
                throw new IllegalArgumentException(model + " has no option '" + name + "' (it knows "
                        + String.join(", ", new TreeSet<>(known)) + ")");
            }
        }
    }

    /**
     * Keep a checkpoint in {@code file}, rewritten every {@code everyIterations} iterations and when the
     * run is cancelled; a run that finds a matching checkpoint there resumes from it.
     */
    public record Checkpointing(Path file, int everyIterations) {
        public Checkpointing {
            if (everyIterations < 1) {
                throw new IllegalArgumentException("checkpoint interval must be at least 1 iteration, not " + everyIterations);
            }
        }
    }
}
