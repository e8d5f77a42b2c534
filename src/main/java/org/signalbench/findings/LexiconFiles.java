package org.signalbench.findings;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.signalbench.store.DataLocations;

/**
 * Reads the editable lexicon files under {@code resources/lexicons/}; a file that cannot be read or
 * parsed gives an {@link UncheckedIOException} naming the file, the line and the reason.
 */
final class LexiconFiles {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private LexiconFiles() {
    }

    /** The user's edited copy of a shipped lexicon, or the shipped one. */
    static <T> T readResource(String resource, Class<T> type) {
        try (InputStream in = DataLocations.openResource(resource)) {
            return parse(in, resource, type);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the lexicon " + resource + ": " + e.getMessage(), e);
        }
    }

    static <T> T read(Path file, Class<T> type) {
        try (InputStream in = Files.newInputStream(file)) {
            return parse(in, file.toString(), type);
        } catch (NoSuchFileException e) {
            throw new UncheckedIOException("cannot read the lexicon " + file + ": no such file", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the lexicon " + file + ": " + e.getMessage(), e);
        }
    }

    private static <T> T parse(InputStream in, String name, Class<T> type) throws IOException {
        try {
            return MAPPER.readValue(in, type);
        } catch (JsonProcessingException e) {
            // Jackson's own message carries a source dump; keep the reason and the place.
            JsonLocation at = e.getLocation();
            Throwable cause = e.getCause() instanceof IllegalArgumentException iae ? iae : null;
            String reason = cause != null ? cause.getMessage() : e.getOriginalMessage();
            String where = at == null || at.getLineNr() < 0 ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
            throw new UncheckedIOException("cannot read the lexicon " + name + where + ": " + reason, e);
        }
    }

    /** Throws an {@link IllegalArgumentException} with the reason when a required field is missing. */
    static <T> T required(T value, String what) {
        if (value == null) {
            throw new IllegalArgumentException("missing " + what);
        }
        return value;
    }
}
