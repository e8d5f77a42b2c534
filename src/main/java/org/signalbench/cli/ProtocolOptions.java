package org.signalbench.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.signalbench.preprocess.Variant;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** The cross-validation options {@code cv} and {@code bench baselines} share: variants, folds, seed, --param. */
final class ProtocolOptions {
    @Option(names = "--variants", split = ",", defaultValue = "with-hashtags,hashtags-only,no-hashtags", paramLabel = "KEY",
            description = "Text variants (default: ${DEFAULT-VALUE}).")
    List<String> variants;

    @Option(names = "--folds", defaultValue = "10", description = "Number of folds (default: ${DEFAULT-VALUE}).")
    int folds;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of the fold shuffle and the models (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--param", paramLabel = "MODEL.NAME=VALUE",
            description = "Override a hyperparameter, e.g. --param rf.trees=50 --param svm.cost=0.5 "
                    + "--param dt.minDf=1 --param lstm.maxEpochs=10 (repeatable).")
    List<String> params = new ArrayList<>();

    /** The chosen variants; an unknown key is a usage error. */
    List<Variant> variants(CommandLine commandLine) {
        List<Variant> vs = new ArrayList<>();
        for (String key : variants) {
            try {
                vs.add(Variant.fromKey(key));
            } catch (IllegalArgumentException e) {
                throw new ParameterException(commandLine, "--variants: " + e.getMessage());
            }
        }
        return vs;
    }

    /** The --param overrides as model → name → value; a malformed one is a usage error. */
    Map<String, Map<String, String>> overrides(CommandLine commandLine) {
        return ModelParams.parse(params, commandLine);
    }

    /** Fails (IllegalArgumentException) when --param names a model that is not run. */
    static void checkOverridesAreFor(List<String> models, Map<String, Map<String, String>> overrides) {
        for (String id : overrides.keySet()) {
            if (!models.contains(id)) {
                throw new IllegalArgumentException("--param for model '" + id + "', which is not in --models");
            }
        }
    }
}
