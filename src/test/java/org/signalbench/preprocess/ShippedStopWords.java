package org.signalbench.preprocess;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The stop-word file exactly as shipped in the jar (never a user's edited copy). */
final class ShippedStopWords {
    private ShippedStopWords() {
    }

    static StopWords read() {
        try (InputStream in = ShippedStopWords.class.getResourceAsStream("/signalbench-resources/" + StopWords.ENGLISH)) {
            if (in == null) {
                throw new IllegalStateException("stop-word file missing from the class path");
            }
            return StopWords.read(in, StopWords.ENGLISH);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Preprocessor preprocessor() {
        return new Preprocessor(read().words());
    }
}
