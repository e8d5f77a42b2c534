package org.signalbench.models;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.signalbench.models.baselines.Baselines;
import org.signalbench.models.lstm.LstmModelTrainer;

/**
 * The models a cross-validation can run, by id, with editable hyperparameters: the baselines
 * ({@link Baselines}: dt, rf, svm, libsvm) and the LSTM ({@link LstmModelTrainer}: lstm, whose
 * override {@code preset} picks the preset the other values start from).
 */
public final class ModelCatalog {
    /** Asked for a model this build does not have yet (one of {@link #PLANNED}). */
    public static final class NotAvailableException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        public NotAvailableException(String message) {
            super(message);
        }
    }

    /** Models announced but not in this build: none since the LSTM landed (kept for callers that ask). */
    public static final List<String> PLANNED = List.of();

    private ModelCatalog() {
    }

    /** Every model id this build can train. */
    public static List<String> available() {
        return Stream.concat(Baselines.IDS.stream(), Stream.of(LstmModelTrainer.ID)).toList();
    }

    /**
     * A trainer for the model, with its default hyperparameters overridden by {@code overrides}
     * (name → value as text; an unknown name or a bad value is an IllegalArgumentException naming it).
     */
    public static ModelTrainer trainer(String id, Map<String, String> overrides) {
        Map<String, String> given = overrides == null ? Map.of() : overrides;
        if (Baselines.isBaseline(id)) {
            return Baselines.create(id, given);
        }
        if (LstmModelTrainer.ID.equals(id)) {
            return LstmModelTrainer.create(given);
        }
        if (PLANNED.contains(id)) {
            throw new NotAvailableException("model '" + id + "' is not available yet in this build (available: "
                    + String.join(", ", available()) + ")");
        }
        throw new IllegalArgumentException("unknown model '" + id + "' (available: " + String.join(", ", available()) + ")");
    }

    /**
     * A stored run's settings of a model as that run used them: the stored values, and for each
     * setting the model gained after the run was stored, the value that reproduces how the run
     * behaved without it (the model's {@code BEFORE_ADDED}), never today's default. A resumed run
     * builds its trainers from these.
     */
    public static Map<String, String> asStored(String id, Map<String, String> stored) {
        Map<String, String> complete = new LinkedHashMap<>(stored);
        Map<String, String> beforeAdded = Baselines.isBaseline(id) ? Baselines.BEFORE_ADDED
                : LstmModelTrainer.ID.equals(id) ? LstmModelTrainer.BEFORE_ADDED : Map.of();
        beforeAdded.forEach(complete::putIfAbsent);
        return complete;
    }

    /**
     * The trainer of model {@code id} in a stored run, from its settings ({@link #asStored}) and the
     * library versions it recorded: a baseline keeps the learner the run started with
     * ({@link Baselines#createForStoredRun}).
     */
    public static ModelTrainer storedTrainer(String id, Map<String, String> settings, Map<String, String> libraryVersions) {
        return Baselines.isBaseline(id) ? Baselines.createForStoredRun(id, settings, libraryVersions) : trainer(id, settings);
    }

    /** The default hyperparameters of a model. */
    public static Map<String, Object> defaults(String id) {
        return new LinkedHashMap<>(trainer(id, Map.of()).hyperparameters());
    }
}
