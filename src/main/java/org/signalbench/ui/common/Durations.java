package org.signalbench.ui.common;

import java.time.Duration;

/** Short human wording of durations for the jobs panel. */
public final class Durations {
    private Durations() {
    }

    /** "about 45 s left", "about 3 min 10 s left", "about 2 h 5 min left". */
    public static String timeLeft(Duration left) {
        return "about " + shortText(left) + " left";
    }

    public static String shortText(Duration d) {
        long seconds = Math.max(0, (d.toMillis() + 999) / 1000);
        if (seconds < 60) {
            return seconds + " s";
        }
        if (seconds < 3600) {
            return seconds / 60 + " min " + seconds % 60 + " s";
        }
        return seconds / 3600 + " h " + (seconds % 3600) / 60 + " min";
    }
}
