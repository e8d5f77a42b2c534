package org.signalbench.domain;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;

/** An image or video file of a post, as an absolute path on this machine. */
public record MediaFile(Path path, Kind kind) {
    public enum Kind {
        IMAGE, VIDEO;

        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public MediaFile {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(kind, "kind");
    }

    /** Guesses the kind from the file name's extension. */
    public static MediaFile of(Path path) {
        String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
        Kind kind = name.endsWith(".mp4") || name.endsWith(".mov") || name.endsWith(".webm") ? Kind.VIDEO : Kind.IMAGE;
        return new MediaFile(path, kind);
    }
}
