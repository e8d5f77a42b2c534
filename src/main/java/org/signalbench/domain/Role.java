package org.signalbench.domain;

import java.util.Locale;

/** What a person does in the annotation: a coder labels blind, an expert settles disagreements. */
public enum Role {
    CODER, EXPERT;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Role fromKey(String key) {
        for (Role r : values()) {
            if (r.key().equalsIgnoreCase(key.trim())) {
                return r;
            }
        }
        throw new IllegalArgumentException("unknown role '" + key + "' (expected coder or expert)");
    }
}
