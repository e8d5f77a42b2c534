package org.signalbench.domain;

import java.util.Locale;

/**
 * What a person does: a coder labels blind, the expert settles disagreements (and sees everything),
 * an analyst reads the results (findings, models, agreement) and codes nothing. Coders and experts
 * are stored with their answers; an analyst writes nothing and is never stored.
 */
public enum Role {
    CODER, EXPERT, ANALYST;

    /** Whether this role may see results computed from everyone's labels (findings, models, agreement). */
    public boolean seesResults() {
        return this != CODER;
    }

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Role fromKey(String key) {
        for (Role r : values()) {
            if (r.key().equalsIgnoreCase(key.trim())) {
                return r;
            }
        }
        throw new IllegalArgumentException("unknown role '" + key + "' (expected coder, expert or analyst)");
    }
}
