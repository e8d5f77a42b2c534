package org.signalbench.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.signalbench.models.Example;
import org.signalbench.models.LabeledCorpus;
import org.signalbench.models.lstm.LstmMemoryRun;
import org.signalbench.preprocess.Variant;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code bench lstm-memory}: peak resident memory of an LSTM cross-validation after 2, 5, 10, 20 epochs, fold after fold. */
@Command(name = "lstm-memory", mixinStandardHelpOptions = true,
        description = "Train the LSTM as cv does on the first folds of a variant, each for exactly --epochs epochs (the "
                + "stopping rule cannot end a fold early), and print the resident memory and its peak (VmRSS, VmHWM of "
                + "/proc/self/status) after each epoch, and the peak at the --report-at epochs of every fold. Target: "
                + "under 3 GB at 20 epochs for the laptop preset on the sample, and not growing with epochs or folds. "
                + "Run it as `java -jar` without -Xmx (the default heap is what a user gets).")
final class LstmMemoryBenchCommand implements Callable<Integer> {
    @Mixin
    WorkbenchOption workbench;

    @Option(names = "--variant", defaultValue = "with-hashtags", paramLabel = "VARIANT",
            description = "Text variant (default: ${DEFAULT-VALUE}).")
    String variant;

    @Option(names = "--epochs", defaultValue = "20", paramLabel = "N", description = "Epochs per fold (default: ${DEFAULT-VALUE}).")
    int epochs;

    @Option(names = "--folds", defaultValue = "10", paramLabel = "K", description = "Folds of the split (default: ${DEFAULT-VALUE}).")
    int folds;

    @Option(names = "--run-folds", defaultValue = "2", paramLabel = "N", description = "Folds to train, from the first (default: ${DEFAULT-VALUE}).")
    int runFolds;

    @Option(names = "--report-at", split = ",", defaultValue = "2,5,10,20", paramLabel = "N",
            description = "Epochs whose peak is reported per fold (default: ${DEFAULT-VALUE}).")
    List<Integer> reportAt;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of the folds and the models, as cv's (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--param", paramLabel = "NAME=VALUE",
            description = "An LSTM hyperparameter (lstm.NAME=VALUE or NAME=VALUE, e.g. preset=paper); maxEpochs and patience are set by --epochs.")
    List<String> params = new ArrayList<>();

    @Option(names = "--json", description = "Print the figures as JSON.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Variant v;
        try {
            v = Variant.fromKey(variant);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        if (epochs < 1) {
            throw new ParameterException(spec.commandLine(), "--epochs must be at least 1, not " + epochs);
        }
        Map<String, String> overrides = new LinkedHashMap<>();
        for (String p : params) {
            String name = p.startsWith("lstm.") ? p.substring(5) : p;
            int eq = name.indexOf('=');
            if (eq < 1) {
                throw new ParameterException(spec.commandLine(), "--param " + p + ": expected NAME=VALUE");
            }
            overrides.put(name.substring(0, eq).trim(), name.substring(eq + 1).trim());
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Path temp = Files.createTempDirectory("signalbench-bench-lstm-memory");
        try {
            LabeledCorpus corpus = BaselinesBenchCommand.corpus(spec, workbench, temp.resolve("sample.sqlite"), err);
            List<Example> examples = corpus.examples(v);
            err.printf(Locale.ROOT, "%s: %d texts, %d folds, training the first %d for %d epochs each%n", v.key(),
                    examples.size(), folds, runFolds, epochs);
            err.flush();
            List<LstmMemoryRun.Reading> readings;
            try {
                readings = LstmMemoryRun.run(examples, corpus.dictionarySize(), folds, runFolds, epochs, overrides, seed, r -> {
                    err.printf(Locale.ROOT, "fold %d epoch %2d: resident %5d MB, peak %5d MB, Java heap committed %5d MB (%.1f s)%n",
                            r.fold(), r.epoch(), r.residentKb() / 1024, r.peakKb() / 1024, r.heapCommittedMb(), r.seconds());
                    err.flush();
                });
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), e.getMessage());
            }
            List<Map<String, Object>> peaks = new ArrayList<>();
            for (LstmMemoryRun.Reading r : readings) {
                if (reportAt.contains(r.epoch()) || r.epoch() == epochs) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("fold", r.fold());
                    row.put("epoch", r.epoch());
                    row.put("peakMb", r.peakKb() / 1024);
                    row.put("residentMb", r.residentKb() / 1024);
                    row.put("heapCommittedMb", r.heapCommittedMb());
                    peaks.add(row);
                }
            }
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("variant", v.key());
            result.put("texts", examples.size());
            result.put("folds", folds);
            result.put("foldsRun", runFolds);
            result.put("epochs", epochs);
            result.put("maxHeapMb", Runtime.getRuntime().maxMemory() >> 20);
            result.put("peaks", peaks);
            result.put("loadAverage", Files.readString(Path.of("/proc/loadavg")).trim());
            if (json) {
                Json.print(out, result);
            } else {
                out.printf(Locale.ROOT, "%s, %d texts, max heap %d MB; peak resident memory (MB) after epoch:%n", v.key(),
                        examples.size(), Runtime.getRuntime().maxMemory() >> 20);
                for (Map<String, Object> row : peaks) {
                    out.printf(Locale.ROOT, "fold %s epoch %2s: peak %5s, resident %5s, heap committed %5s%n", row.get("fold"),
                            row.get("epoch"), row.get("peakMb"), row.get("residentMb"), row.get("heapCommittedMb"));
                }
            }
            return 0;
        } finally {
            BenchCommand.deleteTree(temp);
        }
    }
}
