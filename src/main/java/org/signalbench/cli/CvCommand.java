package org.signalbench.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.signalbench.app.CrossValidationService;
import org.signalbench.app.Services;
import org.signalbench.jobs.JobContext;
import org.signalbench.models.CrossValidation;
import org.signalbench.models.CvConfig;
import org.signalbench.models.CvListener;
import org.signalbench.models.Folds;
import org.signalbench.models.ModelCatalog;
import org.signalbench.models.RunSummary;
import org.signalbench.models.lstm.LstmModelTrainer;
import org.signalbench.preprocess.Variant;
import org.signalbench.store.Workbench;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code cv}: k-fold cross-validation of the models on the text variants; prints the Table-1 figures. */
@Command(name = "cv", mixinStandardHelpOptions = true,
        description = "Cross-validate models on the final dealer labels and print the study's Table 1 "
                + "(precision, recall, F1, AUC: mean over folds; AUC over pooled out-of-fold predictions). "
                + "The run is stored in the workbench.")
public final class CvCommand implements Callable<Integer> {
    @Mixin
    WorkbenchOption workbench;

    @Option(names = "--models", split = ",", defaultValue = "dt,rf,svm", paramLabel = "ID",
            description = "Models: dt, rf, svm (LIBLINEAR), libsvm, lstm (default: ${DEFAULT-VALUE}).")
    List<String> models;

    @Mixin
    ProtocolOptions protocol;

    @Option(names = "--preset", defaultValue = LstmModelTrainer.DEFAULT_PRESET, paramLabel = "laptop|paper",
            description = "LSTM preset the lstm.* values start from (default: ${DEFAULT-VALUE}); stored with the run.")
    String preset;




    @Option(names = "--plain-shuffle", description = "Draw folds by a plain shuffle instead of stratifying by label.")
    boolean plainShuffle;


    /** What a run stores and a resume therefore takes from the run, never from the command line. */
    private static final List<String> RUN_SETTINGS = List.of("--models", "--variants", "--folds", "--seed", "--param",
            "--preset", "--plain-shuffle");

    @Option(names = "--resume", paramLabel = "RUN_ID", description = "Continue a cancelled or failed run from its next "
            + "unfinished fold, with the settings it was started with (no --models, --param, --preset ... with it).")
    String resume;

    @Option(names = "--json", description = "Print the figures as JSON.")
    boolean json;

    @Option(names = "--out", paramLabel = "FILE", description = "Also write the output (text, or JSON with --json) to FILE.")
    Path out;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        org.signalbench.exporting.SafeOutputFile.check(out, workbench.path()); // before hours of work, not after
        if (resume != null) {
            refuseRunSettings();
        }
        CvConfig config = resume == null ? config() : null;
        try (Workbench wb = workbench.openExisting()) {
            PrintWriter err = spec.commandLine().getErr();
            JobContext progress = new StderrProgress(err, CrossValidation.STEPS_PER_UNIT);
            long start = System.nanoTime();
            CrossValidationService service = Services.load().crossValidation();
            String runId = resume == null ? service.start(wb, config, progress, CvListener.NONE)
                    : service.resume(wb, resume, progress, CvListener.NONE);
            double seconds = (System.nanoTime() - start) / 1e9;
            CrossValidationService.Results results = service.results(wb, runId);
            List<RunSummary.Row> rows = results.rows();
            List<RunSummary.Comparison> comparisons = results.comparisons();
            String text = json ? json(runId, rows, comparisons) : table(runId, rows, comparisons, seconds);
            spec.commandLine().getOut().print(text);
            spec.commandLine().getOut().flush();
            if (out != null) {
                org.signalbench.exporting.SafeOutputFile.writeString(out, workbench.path(), text);
            }
            return 0;
        }
    }

    /** A resumed run keeps its stored settings (docs/models.md): a setting given with --resume would be ignored, so it is refused. */
    private void refuseRunSettings() {
        List<String> given = RUN_SETTINGS.stream().filter(spec.commandLine().getParseResult()::hasMatchedOption).toList();
        if (!given.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "--resume continues run " + resume + " with the settings it "
                    + "was started with; drop " + String.join(", ", given));
        }
    }

    private CvConfig config() {
        List<Variant> vs = protocol.variants(spec.commandLine());
        try {
            org.signalbench.models.lstm.LstmConfig.preset(preset);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--preset: " + e.getMessage());
        }
        List<String> ids = models.stream().map(m -> m.trim().toLowerCase(Locale.ROOT)).toList();
        Map<String, Map<String, String>> overrides = new LinkedHashMap<>();
        if (ids.contains(LstmModelTrainer.ID)) {
            overrides.put(LstmModelTrainer.ID, new LinkedHashMap<>(Map.of(LstmModelTrainer.PRESET, preset)));
        }
        // --param lstm.preset=... wins over --preset: the parameters are laid over the preset
        protocol.overrides(spec.commandLine()).forEach(
                (model, values) -> overrides.computeIfAbsent(model, k -> new LinkedHashMap<>()).putAll(values));
        try {
            CvConfig config = new CvConfig(vs, ids, overrides, protocol.folds, protocol.seed, plainShuffle ? Folds.Scheme.SHUFFLED : Folds.Scheme.STRATIFIED);
            for (String id : ids) {
                config.trainer(id); // checks the model exists and its overrides parse, before any work
            }
            ProtocolOptions.checkOverridesAreFor(ids, overrides);
            return config;
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    private static String json(String runId, List<RunSummary.Row> rows, List<RunSummary.Comparison> comparisons) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (RunSummary.Row r : rows) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("variant", r.variant());
            m.put("model", r.model());
            m.put("precision", number(r.precision()));
            m.put("recall", number(r.recall()));
            m.put("f1", number(r.f1()));
            m.put("auc", number(r.auc()));
            m.put("aucPooled", number(r.aucPooled()));
            m.put("f1Sd", number(r.f1Sd()));
            list.add(m);
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("runId", runId);
        result.put("rows", list);
        List<Map<String, Object>> pairs = new ArrayList<>();
        for (RunSummary.Comparison c : comparisons) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("variant", c.variant());
            m.put("modelA", c.modelA());
            m.put("modelB", c.modelB());
            m.put("t", number(c.f1TTest().statistic()));
            m.put("tP", number(c.f1TTest().pValue()));
            m.put("chi2", number(c.mcNemar().statistic()));
            m.put("chi2P", number(c.mcNemar().pValue()));
            pairs.add(m);
        }
        result.put("comparisons", pairs);
        StringWriter s = new StringWriter();
        Json.print(new PrintWriter(s), result);
        return s.toString();
    }

    /** NaN (an undefined AUC or t) and ±∞ (t when every fold differs by the same) are written as null: JSON has neither. */
    private static Double number(double x) {
        return Double.isFinite(x) ? x : null;
    }

    /** Table 1 as in the study: variants × measures as rows, models as columns; mean ± SD over folds. */
    private static String table(String runId, List<RunSummary.Row> rows, List<RunSummary.Comparison> comparisons,
                                double seconds) {
        List<String> models = rows.stream().map(RunSummary.Row::model).distinct().toList();
        List<String> variants = rows.stream().map(RunSummary.Row::variant).distinct().toList();
        StringBuilder b = new StringBuilder();
        b.append("run ").append(runId).append(String.format(Locale.ROOT, " (%.1f s)%n", seconds));
        b.append(String.format(Locale.ROOT, "%-14s %-11s", "variant", "measure"));
        for (String m : models) {
            b.append(String.format(Locale.ROOT, " %15s", m));
        }
        b.append('\n');
        String[] measures = {"precision", "recall", "F1", "AUC", "AUC pooled"};
        for (String v : variants) {
            for (String measure : measures) {
                b.append(String.format(Locale.ROOT, "%-14s %-11s", v, measure));
                for (String m : models) {
                    RunSummary.Row r = rows.stream().filter(x -> x.variant().equals(v) && x.model().equals(m)).findFirst().orElse(null);
                    b.append(String.format(Locale.ROOT, " %15s", r == null ? "-" : cell(r, measure)));
                }
                b.append('\n');
            }
        }
        if (!comparisons.isEmpty()) {
            b.append("\npaired comparisons (corrected resampled t-test on fold F1; McNemar on pooled predictions)\n");
            for (RunSummary.Comparison c : comparisons) {
                b.append(String.format(Locale.ROOT, "%-14s %s vs %s: t = %.3f, p = %.4f; chi2 = %.3f, p = %.4f%n",
                        c.variant(), c.modelA(), c.modelB(), c.f1TTest().statistic(), c.f1TTest().pValue(),
                        c.mcNemar().statistic(), c.mcNemar().pValue()));
            }
        }
        return b.toString();
    }

    private static String cell(RunSummary.Row r, String measure) {
        return switch (measure) {
            case "precision" -> String.format(Locale.ROOT, "%.3f ± %.3f", r.precision(), r.precisionSd());
            case "recall" -> String.format(Locale.ROOT, "%.3f ± %.3f", r.recall(), r.recallSd());
            case "F1" -> String.format(Locale.ROOT, "%.3f ± %.3f", r.f1(), r.f1Sd());
            case "AUC" -> String.format(Locale.ROOT, "%.3f ± %.3f", r.auc(), r.aucSd());
            default -> String.format(Locale.ROOT, "%.3f", r.aucPooled());
        };
    }
}
