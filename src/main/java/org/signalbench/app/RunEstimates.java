package org.signalbench.app;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.signalbench.store.RunTimings;
import org.signalbench.store.Session;
import org.signalbench.store.Workbench;

/**
 * How long a cross-validation run will take, said before it starts: each chosen model's mean fold
 * time from the runs already stored in this workbench, times folds and variants. A model never run
 * here has no estimate, and the answer says so rather than guess.
 */
public final class RunEstimates {
    /**
     * An estimate.
     *
     * @param seconds    the estimated seconds over the models with stored timings
     * @param unknown    the chosen models with no stored fold yet
     * @param basis      how many stored folds the estimate rests on
     */
    public record Estimate(double seconds, List<String> unknown, long basis) {
        /** "about 2 min (from 60 stored folds)", plus the models with no estimate. */
        public String text() {
            StringBuilder s = new StringBuilder();
            if (basis > 0) {
                s.append("Estimated time: about ").append(duration(seconds)).append(" (from ").append(basis)
                        .append(" folds of earlier runs on this workbench)");
            }
            if (!unknown.isEmpty()) {
                s.append(s.length() > 0 ? "; " : "").append("no estimate yet for ").append(String.join(", ", unknown))
                        .append(" (never run on this workbench)");
            }
            return s.toString();
        }
    }

    private RunEstimates() {
    }

    /** Estimates a run of {@code models} over {@code variants} variants and {@code folds} folds. */
    public static Estimate estimate(Workbench workbench, List<String> models, int variants, int folds) {
        Map<String, RunTimings.FoldTime> times;
        try (Session s = workbench.openSession()) {
            times = RunTimings.perModel(s);
        }
        return of(times, models, variants, folds);
    }

    static Estimate of(Map<String, RunTimings.FoldTime> times, List<String> models, int variants, int folds) {
        double seconds = 0;
        long basis = 0;
        List<String> unknown = new ArrayList<>();
        for (String m : models) {
            RunTimings.FoldTime t = times.get(m);
            if (t == null || t.folds() == 0) {
                unknown.add(m);
            } else {
                seconds += t.meanSeconds() * variants * folds;
                basis += t.folds();
            }
        }
        return new Estimate(seconds, unknown, basis);
    }

    /** "40 s", "3 min", "1 h 20 min". */
    static String duration(double seconds) {
        if (seconds < 90) {
            return Math.max(1, Math.round(seconds)) + " s";
        }
        long minutes = Math.round(seconds / 60);
        return minutes < 90 ? minutes + " min" : minutes / 60 + " h " + minutes % 60 + " min";
    }
}
