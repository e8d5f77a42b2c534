package org.signalbench.store;

import java.util.LinkedHashMap;
import java.util.Map;

/** The stored fold timings of earlier cross-validation runs, for estimating a new run's time. */
public final class RunTimings {
    /**
     * One model's folds so far.
     *
     * @param folds       how many folds of the model were stored
     * @param meanSeconds their mean training plus testing time
     */
    public record FoldTime(long folds, double meanSeconds) {
    }

    private RunTimings() {
    }

    /** Per model, the mean seconds of a fold (training plus testing) over every stored fold. */
    public static Map<String, FoldTime> perModel(Session session) {
        return session.call(c -> {
            Map<String, FoldTime> times = new LinkedHashMap<>();
            try (var st = c.prepareStatement("SELECT model, COUNT(*), AVG(train_seconds + test_seconds) FROM model_run_fold "
                    + "GROUP BY model ORDER BY model"); var rs = st.executeQuery()) {
                while (rs.next()) {
                    times.put(rs.getString(1), new FoldTime(rs.getLong(2), rs.getDouble(3)));
                }
            }
            return times;
        });
    }
}
