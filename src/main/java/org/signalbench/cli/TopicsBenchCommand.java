package org.signalbench.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.signalbench.app.Settings;
import org.signalbench.app.TopicsService;
import org.signalbench.jobs.JobContext;
import org.signalbench.store.Workbench;
import org.signalbench.topics.BtmBenchmark;
import org.signalbench.topics.SyntheticTweets;
import org.signalbench.topics.TopicCorpus;
import org.signalbench.topics.TopicModelResult;
import org.signalbench.topics.TopicModelTrainer;
import org.signalbench.topics.TopicModels;
import org.signalbench.topics.TopicParams;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code bench topics}: the BTM Gibbs sampler's biterm samples per second and sum_b inference time. */
@Command(name = "topics", mixinStandardHelpOptions = true,
        description = "Time the biterm topic model's Gibbs sampler (biterm samples per second, one timed run per thread "
                + "count after a warm-up sweep) and sum_b inference over a generated corpus of tweet-like token lists. "
                + "Targets: 3 million biterms/s on one thread at K = 100; 1,000 iterations over 213,041 tweets in "
                + "under 30 minutes; inference for all tweets in under 10 s.")
final class TopicsBenchCommand implements Callable<Integer> {
    @Option(names = "--docs", paramLabel = "N", defaultValue = "213041",
            description = "Generated tweets (default: ${DEFAULT-VALUE}, the Twitter study's corpus size).")
    int docs;

    @Option(names = "--k", paramLabel = "K", defaultValue = "100", description = "Topics (default: ${DEFAULT-VALUE}).")
    int k;

    @Option(names = "--iterations", paramLabel = "N", defaultValue = "3",
            description = "Timed Gibbs sweeps per thread count (default: ${DEFAULT-VALUE}).")
    int iterations;

    @Option(names = "--threads", split = ",", paramLabel = "T",
            description = "Thread counts to time (default: 1 and the number of cores).")
    List<Integer> threads;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of the corpus and the sampler (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--models", split = ",", paramLabel = "M",
            description = "Also time these models' fits at the same K on the same corpus: lda, nmf, kernel-kmeans (default: none).")
    List<String> models;

    @Option(names = "--model-iterations", paramLabel = "N", defaultValue = "10",
            description = "Iterations (sweeps, updates, Lloyd rounds) of each --models fit (default: ${DEFAULT-VALUE}).")
    int modelIterations;

    @Option(names = "--export", paramLabel = "FILE",
            description = "Also write the generated tweets to FILE, one per line, tokens separated by spaces (for "
                    + "benchmarks/topics_sklearn.py).")
    Path export;

    @Option(names = "--json", description = "Print the figures as JSON.")
    boolean json;

    @Option(names = "--db", paramLabel = "PATH",
            description = "Time on all this workbench's tweets (preprocessed as for 'topics fit') instead of "
                    + "generated ones; --docs is then ignored.")
    Path db;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (docs < 1 || k < 1 || iterations < 1 || modelIterations < 1) {
            throw new ParameterException(spec.commandLine(), "--docs, --k, --iterations and --model-iterations must be at least 1");
        }
        List<TopicModelTrainer> trainers = new ArrayList<>();
        for (String id : models == null ? List.<String>of() : models) {
            try {
                trainers.add(TopicModels.trainer(id));
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), e.getMessage());
            }
        }
        int cores = Runtime.getRuntime().availableProcessors();
        List<Integer> threadCounts = threads != null ? threads : cores > 1 ? List.of(1, cores) : List.of(1);
        PrintWriter out = spec.commandLine().getOut();
        SyntheticTweets tweets = db == null ? SyntheticTweets.generate(docs, seed) : null;
        if (export != null && db != null) {
            throw new ParameterException(spec.commandLine(), "--export writes the generated tweets; it does not go with --db");
        }
        if (export != null) {
            try {
                StringBuilder lines = new StringBuilder();
                tweets.tokens().forEach(t -> lines.append(String.join(" ", t)).append(System.lineSeparator()));
                org.signalbench.exporting.SafeOutputFile.writeString(export, null, lines.toString());
            } catch (org.signalbench.exporting.SafeOutputFile.RefusedException e) {
                throw new ParameterException(spec.commandLine(), e.getMessage());
            } catch (IOException e) {
                throw new ParameterException(spec.commandLine(), "cannot write " + export + ": " + e.getMessage());
            }
        }
        TopicCorpus corpus = tweets != null ? TopicCorpus.fromTokens(tweets.tokens()) : workbenchTweets();
        int biterms = BtmBenchmark.biterms(corpus);
        if (!json) {
            out.printf("%,d " + (db == null ? "generated" : "workbench") + " tweets, %,d words in the vocabulary, %,d biterms; K = %d; load average %s%n",
                    corpus.size(), corpus.vocabularySize(), biterms, k, loadAverage());
            out.flush();
        }
        List<Map<String, Object>> runs = new ArrayList<>();
        for (int t : threadCounts) {
            String loadBefore = loadAverage();
            BtmBenchmark.SamplerSpeed speed = BtmBenchmark.samplerSpeed(corpus, k, iterations, t, seed);
            Map<String, Object> run = new LinkedHashMap<>();
            run.put("threads", t);
            run.put("bitermsPerSecond", speed.bitermsPerSecond());
            run.put("bitermsPerCpuSecond", speed.bitermsPerCpuSecond());
            run.put("secondsPerIteration", speed.secondsPerIteration());
            run.put("minutesFor1000Iterations", speed.secondsPerIteration() * 1000 / 60);
            run.put("loadAverageBefore", loadBefore);
            run.put("loadAverageAfter", loadAverage());
            runs.add(run);
            if (!json) {
                out.printf("%d thread(s): %,.0f biterms/s (%,.0f per CPU second), %.2f s per iteration, 1,000 iterations "
                                + "in %.1f min (load average before %s, after %s)%n", t, speed.bitermsPerSecond(),
                        speed.bitermsPerCpuSecond(),
                        speed.secondsPerIteration(), speed.secondsPerIteration() * 1000 / 60, loadBefore, run.get("loadAverageAfter"));
                out.flush();
            }
        }
        double inference = BtmBenchmark.sumBInferenceSeconds(corpus, k, 1, seed);
        List<Map<String, Object>> fits = new ArrayList<>();
        for (TopicModelTrainer trainer : trainers) {
            String id = trainer.id();
            String loadBefore = loadAverage();
            long cpuBefore = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
            TopicModelResult fitted = trainer.fit(corpus, TopicParams.of(k, modelIterations), seed, JobContext.NONE);
            // One-thread fits run on this thread (MALLET too), so its CPU time is the fit's.
            double cpuSeconds = (ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - cpuBefore) / 1e9;
            Map<String, Object> fit = new LinkedHashMap<>();
            fit.put("model", id);
            fit.put("iterations", modelIterations);
            fit.put("seconds", fitted.provenance().seconds());
            fit.put("cpuSeconds", cpuSeconds);
            fit.put("loadAverageBefore", loadBefore);
            fit.put("loadAverageAfter", loadAverage());
            fits.add(fit);
            if (!json) {
                out.printf("%s, K = %d, %d iterations: %.1f s (%.1f CPU seconds) including set-up and document topics "
                                + "(load average before %s, after %s)%n", id, k, modelIterations, fitted.provenance().seconds(),
                        cpuSeconds, loadBefore, fit.get("loadAverageAfter"));
                out.flush();
            }
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("k", k);
        result.put("biterms", biterms);
        result.put("documents", corpus.size());
        result.put("corpus", db == null ? "generated" : db.toString());
        result.put("vocabulary", corpus.vocabularySize());
        result.put("iterations", iterations);
        result.put("cores", cores);
        result.put("runs", runs);
        result.put("sumBInferenceSeconds", inference);
        result.put("models", fits);
        result.put("peakHeapMb", peakHeapMegabytes());
        result.put("maxHeapMb", Runtime.getRuntime().maxMemory() / (1024 * 1024));
        result.put("loadAverage", loadAverage());
        if (json) {
            Json.print(out, result);
        } else {
            out.printf("sum_b inference for %,d documents: %.2f s; peak heap %d MB (of at most %d MB); load average %s%n",
                    corpus.size(), inference, result.get("peakHeapMb"), result.get("maxHeapMb"), result.get("loadAverage"));
            out.flush();
        }
        return 0;
    }

    /** All the workbench's tweets, preprocessed as {@code topics fit} does. */
    private TopicCorpus workbenchTweets() {
        if (!Files.isRegularFile(db)) {
            throw new ParameterException(spec.commandLine(), "--db: no workbench at " + db);
        }
        try (Workbench wb = Workbench.open(db)) {
            TopicCorpus corpus = new TopicsService(Settings.load()).corpus(wb, TopicsService.ALL_TWEETS);
            if (corpus.size() == 0) {
                throw new ParameterException(spec.commandLine(), "--db: " + db + " has no tweets with words");
            }
            return corpus;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(new IOException("cannot open " + db + ": " + e.getMessage(), e));
        }
    }

    /** The 1-, 5- and 15-minute load averages (Linux), or "unknown": the machine may be shared. */
    static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    /** Sum of the heap pools' peak usage so far, in MB. */
    private static long peakHeapMegabytes() {
        long bytes = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
                bytes += pool.getPeakUsage().getUsed();
            }
        }
        return bytes / (1024 * 1024);
    }
}
