package org.signalbench.models;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.signalbench.models.baselines.Baselines;

/**
 * The models a cross-validation can run, by id, with editable hyperparameters. The baselines
 * ({@link Baselines}: dt, rf, svm, libsvm) are always here; "lstm" answers
 * {@link NotAvailableException} until the LSTM (package models.lstm) registers itself here.
 */
public final class ModelCatalog {
    /** Asked for a model this build does not have. */
    public static final class NotAvailableException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        public NotAvailableException(String message) {
            super(message);
        }
    }

    public static final List<String> PLANNED = List.of("lstm");

    private ModelCatalog() {
    }

    /** Every model id this build can train. */
    public static List<String> available() {
        return Baselines.IDS;
    }

    /**
     * A trainer for the model, with its default hyperparameters overridden by {@code overrides}
     * (name → value as text; an unknown name or a bad value is an IllegalArgumentException naming it).
     */
    public static ModelTrainer trainer(String id, Map<String, String> overrides) {
        if (Baselines.IDS.contains(id)) {
            return Baselines.create(id, overrides == null ? Map.of() : overrides);
        }
        if (PLANNED.contains(id)) {
            throw new NotAvailableException("model '" + id + "' is not available yet in this build (available: "
                    + String.join(", ", available()) + ")");
        }
        throw new IllegalArgumentException("unknown model '" + id + "' (available: " + String.join(", ", available()) + ")");
    }

    /** The default hyperparameters of a model. */
    public static Map<String, Object> defaults(String id) {
        return new LinkedHashMap<>(trainer(id, Map.of()).hyperparameters());
    }
}
