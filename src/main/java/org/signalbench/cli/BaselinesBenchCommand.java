package org.signalbench.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.signalbench.app.Services;
import org.signalbench.jobs.JobContext;
import org.signalbench.models.Example;
import org.signalbench.models.Folds;
import org.signalbench.models.LabeledCorpus;
import org.signalbench.models.ModelCatalog;
import org.signalbench.models.ModelTrainer;
import org.signalbench.models.baselines.BaselineBenchmark;
import org.signalbench.models.baselines.ReferenceExport;
import org.signalbench.models.baselines.TfIdfBaseline;
import org.signalbench.preprocess.Preprocessor;
import org.signalbench.preprocess.Variant;
import org.signalbench.store.BuiltInSample;
import org.signalbench.store.Workbench;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code bench baselines}: the 10-fold wall time of each baseline on each text variant, beside
 * scikit-learn's time for the same model on the same TF-IDF matrices (benchmarks/README.md).
 */
@Command(name = "baselines", mixinStandardHelpOptions = true,
        description = "Time each baseline's k-fold cross-validation (stratified folds, TF-IDF fitted per training part, "
                + "as cv does; nothing is stored) on each variant, then scikit-learn's counterpart on the very same "
                + "matrices (benchmarks/sklearn_baselines.py), and print both and their ratio. Target: ratio <= 1.")
final class BaselinesBenchCommand implements Callable<Integer> {
    static final String INSTALL_HINT = "install scikit-learn for it (Debian/Ubuntu: apt-get install python3-sklearn; "
            + "elsewhere: pip install scikit-learn) or pass --python PATH";

    @Mixin
    WorkbenchOption workbench;

    @Option(names = "--models", split = ",", defaultValue = "dt,rf,svm", paramLabel = "ID",
            description = "Baselines: dt, rf, svm, libsvm (default: ${DEFAULT-VALUE}).")
    List<String> models;

    @Option(names = "--libsvm", description = "Also time LIBSVM (slow in both libraries, so not by default).")
    boolean libsvm;

    @Option(names = "--no-warm-up", description = "Do not warm each model up before timing it (fold 1 of the first variant, untimed, up to 5 runs "
            + "within 2 s); then the first rows also pay for the JVM's compilation of the model's code.")
    boolean noWarmUp;

    @Mixin
    ProtocolOptions protocol;

    @Option(names = "--export", paramLabel = "DIR",
            description = "Keep the exported matrices and manifest in DIR (default: a temporary folder, removed afterwards).")
    Path export;

    /** Tried in this order when --python is not given: the first that imports scikit-learn runs the reference. */
    static final List<String> PYTHONS = List.of("python3", "/usr/bin/python3", "python");

    @Option(names = "--python", paramLabel = "PATH",
            description = "Python with scikit-learn for the reference (default: the first of python3, /usr/bin/python3, "
                    + "python that imports it).")
    String python;

    @Option(names = "--reference-script", defaultValue = "benchmarks/sklearn_baselines.py", paramLabel = "FILE",
            description = "The reference script (default: ${DEFAULT-VALUE}, relative to the repository root).")
    Path script;

    @Option(names = "--no-reference", description = "Time SignalBench only; referenceSeconds and ratio are null.")
    boolean noReference;

    @Option(names = "--json", description = "Print the figures as JSON.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        List<String> ids = modelIds();
        List<Variant> vs = protocol.variants(spec.commandLine());
        Map<String, Map<String, String>> overrides = protocol.overrides(spec.commandLine());
        List<TfIdfBaseline> trainers = new ArrayList<>();
        try {
            for (String id : ids) {
                ModelTrainer t = ModelCatalog.trainer(id, overrides.getOrDefault(id, Map.of()));
                if (!(t instanceof TfIdfBaseline baseline)) {
                    throw new IllegalArgumentException("bench baselines times the baselines; '" + id + "' is not one");
                }
                trainers.add(baseline);
            }
            ProtocolOptions.checkOverridesAreFor(ids, overrides);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Path temp = Files.createTempDirectory("signalbench-bench-baselines");
        try {
            LabeledCorpus corpus = corpus(temp.resolve("sample.sqlite"), err);
            List<ReferenceExport.VariantFolds> data = new ArrayList<>();
            for (Variant v : vs) {
                List<Example> examples = corpus.examples(v);
                if (examples.size() < protocol.folds) {
                    throw new IllegalArgumentException("variant " + v.key() + " has " + examples.size()
                            + " labelled texts, fewer than " + protocol.folds + " folds");
                }
                data.add(new ReferenceExport.VariantFolds(v.key(), examples,
                        Folds.assign(examples, protocol.folds, protocol.seed, Folds.Scheme.STRATIFIED)));
            }
            List<Map<String, Object>> rows = new ArrayList<>();
            for (TfIdfBaseline trainer : trainers) {
                if (!noWarmUp) {
                    int runs = BaselineBenchmark.warmUp(trainer, data.get(0).examples(), data.get(0).foldOf(), protocol.seed,
                            corpus.dictionarySize());
                    err.printf(Locale.ROOT, "warmed up %s: %d untimed run(s) on fold 1 of %s%n", trainer.id(), runs,
                            data.get(0).variant());
                    err.flush();
                }
                for (ReferenceExport.VariantFolds v : data) {
                    err.printf(Locale.ROOT, "timing %s on %s (%d texts, %d folds)%n", trainer.id(), v.variant(),
                            v.examples().size(), protocol.folds);
                    err.flush();
                    BaselineBenchmark.Timing t = BaselineBenchmark.time(trainer, v.variant(), v.examples(), v.foldOf(),
                            protocol.folds, protocol.seed, corpus.dictionarySize());
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("model", t.model());
                    row.put("variant", t.variant());
                    row.put("seconds", t.seconds());
                    row.put("referenceSeconds", null);
                    row.put("ratio", null);
                    row.put("cpuSeconds", t.cpuSeconds());
                    row.put("referenceCpuSeconds", null);
                    row.put("minDf", trainer.minDf());
                    row.put("meanFeatures", t.meanFeatures());
                    row.put("f1", t.f1());
                    row.put("aucPooled", Double.isNaN(t.aucPooled()) ? null : t.aucPooled());
                    row.put("loadAverage", loadAverage());
                    rows.add(row);
                    if (!json) {
                        out.printf(Locale.ROOT, "%-7s %-14s %8.1f s, CPU %.1f s  (%.0f features, F1 %.3f, pooled AUC %.3f, load %.2f)%n",
                                t.model(), t.variant(), t.seconds(), t.cpuSeconds(), t.meanFeatures(), t.f1(), t.aucPooled(), loadAverage());
                        out.flush();
                    }
                }
            }
            Path exportDir = export != null ? export : temp.resolve("export");
            JsonNode reference = null;
            boolean runReference = !noReference && referenceAvailable(err);
            if (export != null || runReference) {
                err.println("exporting the TF-IDF matrices of every fold to " + exportDir);
                err.flush();
                ReferenceExport.write(exportDir, trainers, data, protocol.folds, protocol.seed);
            }
            if (runReference) {
                reference = runReference(exportDir, temp, err);
            }
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("rows", rows);
            result.put("folds", protocol.folds);
            result.put("seed", protocol.seed);
            result.put("cores", Runtime.getRuntime().availableProcessors());
            Map<String, Object> versions = null;
            if (reference != null) {
                versions = new LinkedHashMap<>();
                versions.put("sklearn", reference.path("sklearn").asText());
                versions.put("python", reference.path("python").asText());
            }
            result.put("reference", versions);
            if (reference != null) {
                merge(rows, reference.path("rows"));
            }
            if (json) {
                Json.print(out, result);
            } else {
                printTable(out, rows, reference);
            }
            return 0;
        } finally {
            BenchCommand.deleteTree(temp);
        }
    }

    private List<String> modelIds() {
        List<String> ids = new ArrayList<>();
        for (String m : models) {
            String id = m.trim().toLowerCase(Locale.ROOT);
            if (!ids.contains(id)) {
                ids.add(id);
            }
        }
        if (libsvm && !ids.contains("libsvm")) {
            ids.add("libsvm");
        }
        return ids;
    }

    /** The workbench's labelled texts; without --db, a fresh import of the built-in sample. */
    private LabeledCorpus corpus(Path freshDb, PrintWriter err) throws Exception {
        return corpus(spec, workbench, freshDb, err);
    }

    /**
     * The labelled texts of the workbench given with --db; without --db, of a fresh import of the
     * built-in sample into {@code freshDb} (for every bench that trains models).
     */
    static LabeledCorpus corpus(CommandSpec spec, WorkbenchOption workbench, Path freshDb, PrintWriter err) throws Exception {
        boolean given = spec.commandLine().getParseResult().hasMatchedOption("--db");
        if (given) {
            try (Workbench wb = workbench.openExisting()) {
                return LabeledCorpus.load(org.signalbench.store.Session.over(wb.connection()), Services.load().settings().preprocessor());
            }
        }
        err.println("importing the built-in sample into a temporary workbench");
        err.flush();
        try (Workbench wb = Workbench.open(freshDb)) {
            Services.load().importing().run(wb, List.of(BuiltInSample.locate()), null, JobContext.NONE);
            return LabeledCorpus.load(org.signalbench.store.Session.over(wb.connection()), Services.load().settings().preprocessor());
        }
    }

    /**
     * Whether the script is there and a Python that imports scikit-learn was found (it is kept in
     * {@link #python}); says why not on stderr.
     */
    private boolean referenceAvailable(PrintWriter err) {
        if (!Files.isRegularFile(script)) {
            err.println("no reference: " + script + " not found (run from the repository root or pass --reference-script)");
            return false;
        }
        List<String> candidates = python != null ? List.of(python) : PYTHONS;
        for (String candidate : candidates) {
            if (importsScikitLearn(candidate)) {
                python = candidate;
                return true;
            }
        }
        err.println("no reference: no scikit-learn in " + String.join(", ", candidates) + "; " + INSTALL_HINT);
        return false;
    }

    private static boolean importsScikitLearn(String candidate) {
        try {
            Process p = new ProcessBuilder(candidate, "-c", "import sklearn").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false; // no such program
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Runs the reference script on the export; its progress (stderr) is copied to ours afterwards. */
    private JsonNode runReference(Path exportDir, Path temp, PrintWriter err) throws IOException, InterruptedException {
        err.println("timing scikit-learn on the same matrices: " + python + " " + script + " " + exportDir);
        err.flush();
        Path stdout = temp.resolve("reference.json");
        Path stderr = temp.resolve("reference.log");
        Process p = new ProcessBuilder(python, script.toString(), exportDir.toString())
                .redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
        int exit = p.waitFor();
        err.print(Files.readString(stderr, StandardCharsets.UTF_8));
        err.flush();
        if (exit != 0) {
            err.println("the reference script failed (exit " + exit + "); reference figures are null");
            return null;
        }
        return Json.mapper().readTree(stdout.toFile());
    }

    private static void merge(List<Map<String, Object>> rows, JsonNode referenceRows) {
        for (Map<String, Object> row : rows) {
            for (JsonNode r : referenceRows) {
                if (r.path("model").asText().equals(row.get("model")) && r.path("variant").asText().equals(row.get("variant"))) {
                    double seconds = r.path("seconds").asDouble();
                    row.put("referenceSeconds", seconds);
                    row.put("ratio", (Double) row.get("seconds") / seconds);
                    row.put("referenceCpuSeconds", r.path("cpuSeconds").asDouble());
                    row.put("referenceF1", r.path("f1").asDouble());
                    row.put("referenceAucPooled", r.path("aucPooled").isNumber() ? r.path("aucPooled").asDouble() : null);
                }
            }
        }
    }

    private static void printTable(PrintWriter out, List<Map<String, Object>> rows, JsonNode reference) {
        out.println();
        out.println(reference == null ? "no scikit-learn reference (see above)"
                : "reference: scikit-learn " + reference.path("sklearn").asText() + ", Python " + reference.path("python").asText());
        out.printf(Locale.ROOT, "%-7s %-14s %9s %9s %7s %8s %8s %7s %10s%n", "model", "variant", "seconds", "sklearn s", "ratio",
                "CPU s", "skl CPU", "F1", "sklearn F1");
        for (Map<String, Object> r : rows) {
            out.printf(Locale.ROOT, "%-7s %-14s %9.1f %9s %7s %8.1f %8s %7.3f %10s%n", r.get("model"), r.get("variant"),
                    r.get("seconds"), format(r.get("referenceSeconds"), "%.1f"), format(r.get("ratio"), "%.2f"),
                    r.get("cpuSeconds"), format(r.get("referenceCpuSeconds"), "%.1f"), r.get("f1"), format(r.get("referenceF1"), "%.3f"));
        }
        out.flush();
    }

    private static String format(Object value, String pattern) {
        return value == null ? "-" : String.format(Locale.ROOT, pattern, value);
    }

    /** The system's 1-minute load average (-1 where the OS does not tell): the machine may be shared. */
    private static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }
}
