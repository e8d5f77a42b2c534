package org.signalbench.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.signalbench.app.Services;
import org.signalbench.importing.ImportReport;
import org.signalbench.jobs.JobContext;
import org.signalbench.preprocess.Captions;
import org.signalbench.preprocess.PreprocessedCorpus;
import org.signalbench.preprocess.TextItem;
import org.signalbench.sample.TwitterStudySample;
import org.signalbench.store.BuiltInSample;
import org.signalbench.store.Session;
import org.signalbench.store.Workbench;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code bench}: measurements anyone can repeat. Long runs live here, not in the tests. Each
 * benchmark works on the built-in sample or, with {@code --posts N}, on a corpus of N posts made by
 * the sample generator, in a temporary folder that is removed afterwards.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Benchmarks. Run them on an otherwise idle machine.",
        subcommands = {BenchCommand.ImportBench.class, BenchCommand.PreprocessBench.class, LstmBenchCommand.class, LstmMemoryBenchCommand.class,
                BaselinesBenchCommand.class, TopicsBenchCommand.class})
public final class BenchCommand {

    /** What every benchmark takes: the corpus, the repetitions, the output form. */
    abstract static class Bench implements Callable<Integer> {
        @Option(names = "--posts", paramLabel = "N", description = "Generate a corpus of N posts (no images) instead of using the built-in sample.")
        Integer posts;

        @Option(names = "--runs", paramLabel = "N", defaultValue = "3", description = "Repetitions (default: ${DEFAULT-VALUE}); the median is reported.")
        int runs;

        @Option(names = "--json", description = "Print the figures as JSON.")
        boolean json;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            Path work = Files.createTempDirectory("signalbench-bench");
            try {
                Path source = corpus(work);
                List<Map<String, Object>> results = new ArrayList<>();
                for (int run = 1; run <= runs; run++) {
                    Map<String, Object> r = new LinkedHashMap<>();
                    r.put("run", run);
                    measure(source, work.resolve("run-" + run + ".sqlite"), r);
                    results.add(r);
                    if (!json) {
                        spec.commandLine().getOut().println("run " + run + ": " + describe(r));
                    }
                }
                Map<String, Object> summary = new LinkedHashMap<>();
                summary.put("source", describeCorpus());
                summary.put("cores", Runtime.getRuntime().availableProcessors());
                summarize(results, summary);
                summary.put("runs", results);
                if (json) {
                    Json.print(spec.commandLine().getOut(), summary);
                } else {
                    spec.commandLine().getOut().println("median: " + describeSummary(summary));
                }
                return 0;
            } finally {
                deleteTree(work);
            }
        }

        /** The corpus the runs use: the built-in sample or a generated one. */
        Path corpus(Path work) throws Exception {
            return posts == null ? BuiltInSample.locate() : generate(work.resolve("corpus"), posts);
        }

        String describeCorpus() {
            return posts == null ? "built-in sample" : "generated " + posts + " posts";
        }

        /** One run: fills {@code result} with its figures. */
        abstract void measure(Path source, Path freshDb, Map<String, Object> result) throws Exception;

        abstract String describe(Map<String, Object> result);

        abstract void summarize(List<Map<String, Object>> results, Map<String, Object> summary);

        abstract String describeSummary(Map<String, Object> summary);

        static double median(List<Map<String, Object>> results, String key) {
            List<Double> values = results.stream().map(r -> (Double) r.get(key)).sorted().toList();
            return values.get(values.size() / 2);
        }

        static double seconds(long fromNanos, long toNanos) {
            return (toNanos - fromNanos) / 1e9;
        }
    }

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = "Import the built-in sample (or a generated corpus) into a fresh database per run and print "
                    + "posts per second. Targets: 12,857 posts in under 3 s, 100,000 in under 20 s; with --twitter, "
                    + "the 213,041-tweet Twitter study sample (API v1.1 JSON, generated first) in under 30 s.")
    static final class ImportBench extends Bench {
        @Option(names = "--twitter", description = "Import the Twitter study sample (213,041 tweets as API v1.1 JSON Lines) "
                + "instead; it is generated into the temporary folder first (not timed).")
        boolean twitter;

        @Override
        Path corpus(Path work) throws Exception {
            if (!twitter) {
                return super.corpus(work);
            }
            Path folder = work.resolve("twitter-study");
            TwitterStudySample.generate(folder, TwitterStudySample.DEFAULT_SEED, JobContext.NONE);
            return folder.resolve(TwitterStudySample.TWEETS_FILE);
        }

        @Override
        String describeCorpus() {
            return twitter ? "Twitter study sample (" + TwitterStudySample.TWEETS + " tweets, API v1.1 JSON Lines)" : super.describeCorpus();
        }
        @Override
        void measure(Path source, Path freshDb, Map<String, Object> r) throws Exception {
            long start = System.nanoTime();
            try (Workbench wb = Workbench.open(freshDb)) {
                long opened = System.nanoTime();
                ImportReport report = Services.load().importing().run(wb, List.of(source), null, JobContext.NONE);
                long done = System.nanoTime();
                r.put("posts", report.imported());
                r.put("duplicates", report.duplicates());
                r.put("labels", report.labels());
                r.put("rejected", report.rejected().size());
                r.put("openSeconds", seconds(start, opened));
                r.put("importSeconds", seconds(opened, done));
                r.put("postsPerSecond", report.imported() / seconds(opened, done));
            }
        }

        @Override
        String describe(Map<String, Object> r) {
            return String.format("%,d posts (+%,d duplicates, %,d labels) in %.2f s = %,.0f posts/s (opening the database: %.2f s)",
                    r.get("posts"), r.get("duplicates"), r.get("labels"), r.get("importSeconds"), r.get("postsPerSecond"), r.get("openSeconds"));
        }

        @Override
        void summarize(List<Map<String, Object>> results, Map<String, Object> s) {
            double seconds = median(results, "importSeconds");
            int imported = (Integer) results.get(0).get("posts");
            double target = twitter ? 30.0 : posts == null ? 3.0 : 20.0 * posts / 100_000;
            s.put("posts", imported);
            s.put("medianImportSeconds", seconds);
            s.put("postsPerSecond", imported / seconds);
            s.put("targetSeconds", target);
            s.put("withinTarget", seconds <= target);
        }

        @Override
        String describeSummary(Map<String, Object> s) {
            return String.format("%,d posts in %.2f s = %,.0f posts/s; target %.1f s: %s", s.get("posts"),
                    s.get("medianImportSeconds"), s.get("postsPerSecond"), s.get("targetSeconds"),
                    (Boolean) s.get("withinTarget") ? "met" : "MISSED");
        }
    }

    @Command(name = "preprocess", mixinStandardHelpOptions = true,
            description = "Run the study's preprocessing (steps 1-5) over every caption of the built-in sample (or a "
                    + "generated corpus) and print captions per second. Importing is not timed.")
    static final class PreprocessBench extends Bench {
        private List<TextItem> captions;

        @Override
        void measure(Path source, Path freshDb, Map<String, Object> r) throws Exception {
            if (captions == null) {
                try (Workbench wb = Workbench.open(freshDb)) {
                    Services.load().importing().run(wb, List.of(source), null, JobContext.NONE);
                    captions = Captions.read(Session.over(wb.connection()), null);
                }
            }
            long start = System.nanoTime();
            PreprocessedCorpus corpus = Services.load().settings().preprocessor().run(captions);
            long done = System.nanoTime();
            r.put("captions", captions.size());
            r.put("dictionary", corpus.dictionary().size());
            r.put("seconds", seconds(start, done));
            r.put("captionsPerSecond", captions.size() / seconds(start, done));
        }

        @Override
        String describe(Map<String, Object> r) {
            return String.format("%,d captions in %.2f s = %,.0f captions/s (dictionary %,d words)",
                    r.get("captions"), r.get("seconds"), r.get("captionsPerSecond"), r.get("dictionary"));
        }

        @Override
        void summarize(List<Map<String, Object>> results, Map<String, Object> s) {
            double seconds = median(results, "seconds");
            int n = (Integer) results.get(0).get("captions");
            s.put("captions", n);
            s.put("medianSeconds", seconds);
            s.put("captionsPerSecond", n / seconds);
        }

        @Override
        String describeSummary(Map<String, Object> s) {
            return String.format("%,d captions in %.2f s = %,.0f captions/s", s.get("captions"), s.get("medianSeconds"),
                    s.get("captionsPerSecond"));
        }
    }

    private static Path generate(Path out, int n) {
        StringWriter err = new StringWriter();
        int exit = SignalBenchCommand.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(err))
                .execute("sample", "--out", out.toString(), "--posts", String.valueOf(n), "--no-images");
        if (exit != 0) {
            throw new IllegalStateException("could not generate the corpus: " + err);
        }
        return out;
    }

    static void deleteTree(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            for (Path p : (Iterable<Path>) files.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(p);
            }
        }
    }
}
