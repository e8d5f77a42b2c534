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
import org.signalbench.importing.ImportReport;
import org.signalbench.importing.ImportService;
import org.signalbench.jobs.JobContext;
import org.signalbench.store.BuiltInSample;
import org.signalbench.store.Workbench;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code bench}: measurements anyone can repeat; long runs live here, not in the tests. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Benchmarks. Run them on an otherwise idle machine.",
        subcommands = BenchCommand.ImportBench.class)
public final class BenchCommand {

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = "Import the built-in sample (or a generated corpus of --posts posts) into a fresh "
                    + "database and print posts per second. Targets: 12,857 posts in under 3 s, 100,000 in under 20 s.")
    static final class ImportBench implements Callable<Integer> {
        @Option(names = "--posts", paramLabel = "N", description = "Generate a corpus of N posts (no images) instead of using the built-in sample.")
        Integer posts;

        @Option(names = "--runs", paramLabel = "N", defaultValue = "3", description = "Repetitions, each into a fresh database (default: ${DEFAULT-VALUE}).")
        int runs;

        @Option(names = "--json", description = "Print the figures as JSON.")
        boolean json;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            Path work = Files.createTempDirectory("signalbench-bench");
            try {
                Path source = posts == null ? BuiltInSample.locate() : generate(work.resolve("corpus"), posts);
                List<Map<String, Object>> results = new ArrayList<>();
                for (int run = 1; run <= runs; run++) {
                    Path db = work.resolve("run-" + run + ".sqlite");
                    long start = System.nanoTime();
                    ImportReport report;
                    try (Workbench wb = Workbench.open(db)) {
                        long opened = System.nanoTime();
                        report = new ImportService(wb).run(List.of(source), null, JobContext.NONE);
                        long done = System.nanoTime();
                        Map<String, Object> r = new LinkedHashMap<>();
                        r.put("run", run);
                        r.put("posts", report.imported());
                        r.put("duplicates", report.duplicates());
                        r.put("labels", report.labels());
                        r.put("rejected", report.rejected().size());
                        r.put("openSeconds", (opened - start) / 1e9);
                        r.put("importSeconds", (done - opened) / 1e9);
                        r.put("postsPerSecond", report.imported() / ((done - opened) / 1e9));
                        results.add(r);
                        if (!json) {
                            spec.commandLine().getOut().printf("run %d: %,d posts (+%,d duplicates, %,d labels) in %.2f s = %,.0f posts/s (opening the database: %.2f s)%n",
                                    run, report.imported(), report.duplicates(), report.labels(), (done - opened) / 1e9,
                                    r.get("postsPerSecond"), (opened - start) / 1e9);
                        }
                    }
                }
                double medianSeconds = results.stream().map(r -> (Double) r.get("importSeconds")).sorted().toList().get(runs / 2);
                int imported = (Integer) results.get(0).get("posts");
                double target = posts == null ? 3.0 : 20.0 * posts / 100_000;
                Map<String, Object> summary = new LinkedHashMap<>();
                summary.put("source", posts == null ? "built-in sample" : "generated " + posts + " posts");
                summary.put("posts", imported);
                summary.put("medianImportSeconds", medianSeconds);
                summary.put("postsPerSecond", imported / medianSeconds);
                summary.put("targetSeconds", target);
                summary.put("withinTarget", medianSeconds <= target);
                summary.put("runs", results);
                summary.put("cores", Runtime.getRuntime().availableProcessors());
                if (json) {
                    Json.print(spec.commandLine().getOut(), summary);
                } else {
                    spec.commandLine().getOut().printf("median: %,d posts in %.2f s = %,.0f posts/s; target %.1f s: %s%n",
                            imported, medianSeconds, imported / medianSeconds, target, medianSeconds <= target ? "met" : "MISSED");
                }
                return 0;
            } finally {
                deleteTree(work);
            }
        }

        private Path generate(Path out, int n) {
            StringWriter err = new StringWriter();
            int exit = SignalBenchCommand.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(err))
                    .execute("sample", "--out", out.toString(), "--posts", String.valueOf(n), "--no-images");
            if (exit != 0) {
                throw new IllegalStateException("could not generate the corpus: " + err);
            }
            return out;
        }
    }

    static void deleteTree(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            for (Path p : (Iterable<Path>) files.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(p);
            }
        }
    }
}
