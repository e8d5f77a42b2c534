package org.signalbench.findings;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.signalbench.store.DataLocations;

/**
 * Drug groups and their hashtags ({@code resources/lexicons/drug-hashtags.json}); hashtags are
 * stored without {@code #} and matched case-insensitively.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DrugLexicon(List<Group> groups) {
    public static final String RESOURCE = "lexicons/drug-hashtags.json";

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Group(String drug, List<String> hashtags) {
        public Group {
            hashtags = hashtags.stream().map(h -> h.replaceFirst("^#", "").toLowerCase(Locale.ROOT)).toList();
        }
    }

    public static DrugLexicon load() {
        try (InputStream in = DataLocations.openResource(RESOURCE)) {
            return new ObjectMapper().readValue(in, DrugLexicon.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the lexicon " + RESOURCE, e);
        }
    }

    public static DrugLexicon load(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return new ObjectMapper().readValue(in, DrugLexicon.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the lexicon " + file + ": " + e.getMessage(), e);
        }
    }
}
