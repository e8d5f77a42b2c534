package org.signalbench.importing;

import java.util.Locale;

/** The input formats the importer understands; see docs/formats/. */
public enum ImportFormat {
    /** Instaloader's on-disk tree: one folder per search target, one JSON (or .json.xz) per post. */
    INSTALOADER,
    /** Twitter API v1.1 status objects or v2 tweet objects, as JSON Lines or a JSON array. */
    TWITTER,
    /** CSV with a header row, its columns mapped to SignalBench's fields (docs/formats/csv.md, {@link CsvOptions}). */
    CSV,
    /** SignalBench's own bundle: JSON Lines, one post per line (docs/formats/bundle.md). */
    BUNDLE,
    /** A coder's or the expert's answers (docs/formats/coder-file.md). */
    CODER_FILE;

    public String key() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static ImportFormat fromKey(String key) {
        for (ImportFormat f : values()) {
            if (f.key().equalsIgnoreCase(key.trim())) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown format '" + key + "' (expected instaloader, twitter, csv, bundle or coder-file)");
    }
}
