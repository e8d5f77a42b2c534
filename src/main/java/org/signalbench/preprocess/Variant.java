package org.signalbench.preprocess;

/** The three text variants the Instagram study derives from each cleaned caption (step 4). */
public enum Variant {
    /** All tokens: words and hashtags. */
    WITH_HASHTAGS("with-hashtags"),
    /** Only the hashtags. */
    HASHTAGS_ONLY("hashtags-only"),
    /** Only the words, every hashtag removed. */
    NO_HASHTAGS("no-hashtags");

    private final String key;

    Variant(String key) {
        this.key = key;
    }

    /** The name used in files, JSON and on the command line ("with-hashtags"). */
    public String key() {
        return key;
    }

    public static Variant fromKey(String key) {
        for (Variant v : values()) {
            if (v.key.equalsIgnoreCase(key.trim())) {
                return v;
            }
        }
        throw new IllegalArgumentException("unknown variant '" + key
                + "' (expected with-hashtags, hashtags-only or no-hashtags)");
    }
}
