package org.signalbench.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.signalbench.models.lstm.LstmBenchmark;
import org.signalbench.models.lstm.LstmConfig;
import org.signalbench.models.lstm.LstmImplementation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code bench lstm}: LSTM training speed of both presets beside the machine's matrix-multiply speed. */
@Command(name = "lstm", mixinStandardHelpOptions = true,
        description = "Train each LSTM preset on random full-length posts and print training posts/s and effective "
                + "GFLOP/s, with the float matrix-multiply GFLOP/s measured in the same run (before and after the "
                + "presets, averaged). Target: the paper preset at 50%% or more of the matrix-multiply rate.")
final class LstmBenchCommand implements Callable<Integer> {
    @Option(names = "--seconds", paramLabel = "S", defaultValue = "10",
            description = "Train each preset for at least S seconds after a warm-up batch (default: ${DEFAULT-VALUE}).")
    double seconds;

    @Option(names = "--threads", paramLabel = "N", defaultValue = "1",
            description = "ND4J threads (default: ${DEFAULT-VALUE}; one was fastest on 2 shared cores).")
    int threads;

    @Option(names = "--presets", split = ",", defaultValue = "paper,laptop", description = "Presets (default: ${DEFAULT-VALUE}).")
    List<String> presets;

    @Option(names = "--implementation", paramLabel = "stock|fused", defaultValue = "fused",
            description = "LSTM layer: fused (the default in training) or DL4J's stock layer (default: ${DEFAULT-VALUE}).")
    String implementation;

    @Option(names = "--batch", paramLabel = "N",
            description = "Posts per training batch (default: the preset's).")
    Integer batch;

    @Option(names = "--json", description = "Print the figures as JSON.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        LstmImplementation layer;
        try {
            layer = LstmImplementation.parse(implementation);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        if (batch != null && batch < 1) {
            throw new ParameterException(spec.commandLine(), "--batch must be at least 1, not " + batch);
        }
        LstmBenchmark.useThreads(threads);
        PrintWriter out = spec.commandLine().getOut();
        // Measured before and after the presets and averaged: on a shared machine the rate drifts with the load.
        double matmulBefore = LstmBenchmark.matmulGflops(1024, 3);
        if (!json) {
            out.printf("float matrix multiply 1024x1024 (ND4J/OpenBLAS, %d thread(s)): %.1f GFLOP/s%n", threads, matmulBefore);
            out.flush();
        }
        List<LstmBenchmark.PresetSpeed> speeds = new ArrayList<>();
        for (String name : presets) {
            LstmConfig config = LstmConfig.preset(name);
            if (batch != null) {
                config = config.withTraining(config.dropout(), config.learningRate(), batch, config.maxEpochs(),
                        config.patience());
            }
            LstmBenchmark.PresetSpeed speed = LstmBenchmark.trainingSpeed(config, layer, seconds, 1);
            speeds.add(speed);
            if (!json) {
                out.printf("%s (embedding %d, LSTM %d, %s layer, batch %d): %.1f posts/s x %.3f GFLOP/post = %.1f GFLOP/s "
                                + "(%d posts in %.1f s)%n", speed.preset(), config.embeddingSize(), config.lstmSize(),
                        name(speed.implementation()), speed.batchSize(), speed.postsPerSecond(), speed.gflopPerPost(),
                        speed.gflops(), speed.posts(), speed.seconds());
                out.flush();
            }
        }
        double matmulAfter = LstmBenchmark.matmulGflops(1024, 3);
        double matmul = (matmulBefore + matmulAfter) / 2;
        List<Map<String, Object>> rows = new ArrayList<>();
        for (LstmBenchmark.PresetSpeed speed : speeds) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("preset", speed.preset());
            row.put("postsPerSecond", speed.postsPerSecond());
            row.put("gflops", speed.gflops());
            row.put("gflopPerPost", speed.gflopPerPost());
            row.put("shareOfMatmul", speed.gflops() / matmul);
            row.put("implementation", name(speed.implementation()));
            row.put("batchSize", speed.batchSize());
            row.put("posts", speed.posts());
            row.put("seconds", speed.seconds());
            rows.add(row);
        }
        if (json) {
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("matmulGflops", matmul);
            result.put("matmulGflopsBefore", matmulBefore);
            result.put("matmulGflopsAfter", matmulAfter);
            result.put("threads", threads);
            result.put("presets", rows);
            Json.print(out, result);
        } else {
            out.printf("float matrix multiply again: %.1f GFLOP/s; mean %.1f GFLOP/s%n", matmulAfter, matmul);
            for (LstmBenchmark.PresetSpeed speed : speeds) {
                out.printf("%s: %.0f%% of the matrix-multiply rate (target for paper: 50%%)%n", speed.preset(),
                        100 * speed.gflops() / matmul);
            }
            out.flush();
        }
        return 0;
    }

    private static String name(LstmImplementation implementation) {
        return implementation.name().toLowerCase(Locale.ROOT);
    }
}
