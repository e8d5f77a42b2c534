package org.signalbench.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.signalbench.app.Services;
import org.signalbench.models.FinalModels;
import org.signalbench.models.ModelCatalog;
import org.signalbench.models.ModelTrainer;
import org.signalbench.preprocess.Variant;
import org.signalbench.store.Workbench;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code train}: a final model on every labelled text of one variant, saved and recorded. */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Train a final model on all texts of one variant with a final dealer label, save it in the "
                + "workbench's data folder (models/ in STUDY-data/ beside STUDY.sqlite) and record it in the workbench "
                + "(score with `score`).")
public final class TrainCommand implements Callable<Integer> {
    @Mixin
    WorkbenchOption workbench;

    @Option(names = "--model", required = true, paramLabel = "ID", description = "dt, rf, svm, libsvm or lstm.")
    String model;

    @Option(names = "--variant", required = true, paramLabel = "KEY", description = "with-hashtags, hashtags-only or no-hashtags.")
    String variant;

    @Option(names = "--preset", paramLabel = "NAME", description = "LSTM preset: laptop (default) or paper; the baselines have none.")
    String preset;

    @Option(names = "--param", paramLabel = "MODEL.NAME=VALUE",
            description = "Override a hyperparameter as in cv, e.g. --param svm.cost=0.5 (repeatable).")
    List<String> params = new ArrayList<>();

    @Option(names = "--seed", defaultValue = "1", description = "Seed of the model (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--json", description = "Print the final model's record as JSON.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        String id = model.trim().toLowerCase(Locale.ROOT);
        Variant v = variant();
        Map<String, String> overrides = overrides(id);
        ModelTrainer trainer;
        try {
            trainer = ModelCatalog.trainer(id, overrides); // unknown model or hyperparameter: usage, before any work
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        PrintWriter err = spec.commandLine().getErr();
        try (Workbench wb = workbench.openExisting()) {
            FinalModels.FinalModel m = Services.load().finalModels().train(wb, trainer, v, seed,
                    new StderrProgress(err, FinalModels.STEPS_PER_STEP));
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                Json.print(out, asMap(m));
            } else {
                out.printf(Locale.ROOT, "final model %s: %s on %s, %d texts (%d dealer), trained in %.1f s%nsaved to %s%n",
                        m.id(), m.model(), m.variant(), m.trainingPosts(), m.dealerPosts(), m.seconds(), m.file());
                out.flush();
            }
            return 0;
        }
    }

    private Variant variant() {
        try {
            return Variant.fromKey(variant);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--variant: " + e.getMessage());
        }
    }

    private Map<String, String> overrides(String id) {
        Map<String, Map<String, String>> byModel = ModelParams.parse(params, spec.commandLine());
        for (String other : byModel.keySet()) {
            if (!other.equals(id)) {
                throw new ParameterException(spec.commandLine(), "--param for model '" + other + "', but --model is " + id);
            }
        }
        Map<String, String> overrides = new LinkedHashMap<>(byModel.getOrDefault(id, Map.of()));
        if (preset != null && !"lstm".equals(id)) {
            throw new ParameterException(spec.commandLine(), "--preset is for the LSTM; " + id + " has none");
        }
        if ("lstm".equals(id) && preset != null) {
            overrides.putIfAbsent("preset", preset);
        }
        return overrides;
    }

    static Map<String, Object> asMap(FinalModels.FinalModel m) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("id", m.id());
        map.put("model", m.model());
        map.put("variant", m.variant());
        map.put("hyperparameters", m.hyperparameters());
        map.put("file", m.file().toString());
        map.put("corpusFingerprint", m.corpusFingerprint());
        map.put("trainingPosts", m.trainingPosts());
        map.put("dealerPosts", m.dealerPosts());
        map.put("threshold", m.threshold());
        map.put("seed", m.seed());
        map.put("libraryVersions", m.libraryVersions());
        map.put("trainedAt", m.trainedAt().toString());
        map.put("seconds", m.seconds());
        return map;
    }
}
