package org.signalbench.domain;

/** How a coder's queue follows a model's scores (after the posts the coder has not answered come first). */
public enum ScoreOrder {
    /** Highest score first: the likeliest dealer posts. */
    HIGHEST_FIRST("highest score first"),
    /**
     * Closest to the model's threshold first (|score − threshold| ascending): the posts the model is
     * least sure of, whose labels teach it most. The threshold is the final model's
     * ({@code final_model.threshold}: 0.5 for the LSTM's probability, 0 for the baselines' decision
     * values); 0.5 for scores of a model not recorded as a final model.
     */
    MOST_UNCERTAIN_FIRST("most uncertain first");

    /** The threshold taken for scores that no recorded final model made. */
    public static final double DEFAULT_THRESHOLD = 0.5;

    private final String label;

    ScoreOrder(String label) {
        this.label = label;
    }

    /** How the order reads in the app. */
    @Override
    public String toString() {
        return label;
    }
}
