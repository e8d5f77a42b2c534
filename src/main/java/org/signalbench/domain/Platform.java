package org.signalbench.domain;

import java.util.Locale;

/** The social-media platforms SignalBench collects posts from. */
public enum Platform {
    INSTAGRAM, TWITTER;

    /** The lower-case key stored in the database and used in files ("instagram"). */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Platform fromKey(String key) {
        for (Platform p : values()) {
            if (p.key().equalsIgnoreCase(key.trim())) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown platform '" + key + "' (expected instagram or twitter)");
    }
}
