package org.signalbench.models;

import java.util.Arrays;

/** The state of a stored cross-validation run, stored as its key. */
public enum RunStatus {
    /** Under way in a live process. */
    RUNNING("running"),
    /** Every fold of every model and variant is stored. */
    FINISHED("finished"),
    /** Stopped by the user; its finished folds are kept and it can be resumed. */
    CANCELLED("cancelled"),
    /** Stopped by an error; it can be resumed. */
    FAILED("failed"),
    /** Stored as running, but its process is gone: interrupted; resume it. Never stored, only reported. */
    STALE("stale");

    private final String key;

    RunStatus(String key) {
        this.key = key;
    }

    /** The stored and printed form, for example "finished". */
    public String key() {
        return key;
    }

    /** The status of a stored key; an unknown key is an IllegalArgumentException. */
    public static RunStatus fromKey(String key) {
        return Arrays.stream(values()).filter(s -> s.key.equals(key)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown run status '" + key + "'"));
    }

    @Override
    public String toString() {
        return key;
    }
}
