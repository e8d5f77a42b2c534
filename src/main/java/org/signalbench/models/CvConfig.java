package org.signalbench.models;

import java.util.List;
import java.util.Map;
import org.signalbench.preprocess.Variant;

/**
 * What a cross-validation run does: which variants and models, with which hyperparameter overrides
 * (model id → name → value as text), how many folds, how they are drawn, and the seed.
 */
public record CvConfig(List<Variant> variants, List<String> models, Map<String, Map<String, String>> overrides,
                       int folds, long seed, Folds.Scheme scheme) {
    public CvConfig {
        variants = List.copyOf(variants);
        models = List.copyOf(models);
        overrides = Map.copyOf(overrides);
        if (variants.isEmpty() || models.isEmpty()) {
            throw new IllegalArgumentException("choose at least one variant and one model");
        }
        if (folds < 2) {
            throw new IllegalArgumentException("need at least 2 folds, got " + folds);
        }
    }

    public ModelTrainer trainer(String model) {
        return ModelCatalog.trainer(model, overrides.getOrDefault(model, Map.of()));
    }
}
