package org.signalbench.links;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;
import org.signalbench.store.DataLocations;

/**
 * The published study's figures for the link review (Mackey et al. 2018), each with the sentence it
 * comes from, read from the editable resource {@value #RESOURCE} (an edited copy in the data
 * folder wins), so that no figure of the paper is written into the code.
 */
public record StudyFigures(String source, String note, List<Figure> figures) {
    public static final String RESOURCE = "published/twitter-link-review.json";

    /**
     * One figure: its key (a field of {@link LinkReviewResults.Figures}, or {@code field.key} for one
     * of its counts), the study's value (null when it gives none), what it said in words when a
     * number does not say it all, and the sentence quoted.
     */
    public record Figure(String key, Double value, String text, String quote) {
    }

    public StudyFigures {
        figures = figures == null ? List.of() : List.copyOf(figures);
    }

    public static StudyFigures load() {
        try (InputStream in = DataLocations.openResource(RESOURCE)) {
            return new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
                    .readValue(in, StudyFigures.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE + ": " + e.getMessage(), e);
        }
    }

    /** The figure with this key, if the study gives it. */
    public Optional<Figure> figure(String key) {
        return figures.stream().filter(f -> f.key().equals(key)).findFirst();
    }
}
