package org.signalbench.labels;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.signalbench.store.DataLocations;

/**
 * The annotation codebook: the questions coders answer and the values each allows. Loaded from
 * the editable {@code resources/codebook/codebook.json}.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Codebook(String version, String definition, List<Question> questions) {
    public static final String RESOURCE = "codebook/codebook.json";
    /** Free-text notes ride along with answers without being a coded question. */
    public static final String NOTE = "note";
    /** The value of a multiple-choice question when nothing was chosen. */
    public static final String NONE = "none";

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Question(String key, String label, boolean required, boolean multiple, boolean whenImage, List<Value> values) {
        public boolean allows(String value) {
            return values.stream().anyMatch(v -> v.key().equals(value));
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Value(String key, String label) {
    }

    public static Codebook load() {
        return load(RESOURCE);
    }

    /** Another study's codebook among the editable resources, e.g. {@code codebook/link-review.json}. */
    public static Codebook load(String resource) {
        try (InputStream in = DataLocations.openResource(resource)) {
            return new ObjectMapper().readValue(in, Codebook.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the codebook " + resource, e);
        }
    }

    public Optional<Question> question(String key) {
        return questions.stream().filter(q -> q.key().equals(key)).findFirst();
    }

    /**
     * Checks an answer and returns it in canonical form (multiple choices sorted and comma-joined,
     * or {@code none}); throws with the reason when the codebook does not allow it.
     */
    public String canonical(String questionKey, String value) {
        if (NOTE.equals(questionKey)) {
            return value;
        }
        Question q = question(questionKey).orElseThrow(() ->
                new IllegalArgumentException("unknown question '" + questionKey + "'"));
        String trimmed = value == null ? "" : value.trim();
        if (!q.multiple()) {
            if (!q.allows(trimmed)) {
                throw new IllegalArgumentException("'" + value + "' is not an answer to " + questionKey
                        + " (allowed: " + keys(q) + ")");
            }
            return trimmed;
        }
        if (trimmed.isEmpty() || trimmed.equals(NONE)) {
            return NONE;
        }
        TreeSet<String> chosen = new TreeSet<>();
        for (String part : trimmed.split(",")) {
            String p = part.trim();
            if (!q.allows(p)) {
                throw new IllegalArgumentException("'" + p + "' is not an answer to " + questionKey
                        + " (allowed: none or " + keys(q) + ")");
            }
            chosen.add(p);
        }
        return String.join(",", chosen);
    }

    /**
     * The question a coder's progress counts and that must be answered before "next": the dealer
     * question of the Instagram codebook, else the first required question (the link review's
     * "false positive").
     */
    public String progressQuestion() {
        if (question(org.signalbench.domain.QuestionId.DEALER_KEY).isPresent()) {
            return org.signalbench.domain.QuestionId.DEALER_KEY;
        }
        return questions.stream().filter(Question::required).findFirst().or(() -> questions.stream().findFirst())
                .map(Question::key).orElse(org.signalbench.domain.QuestionId.DEALER_KEY);
    }

    /** The questions asked of a post: those marked {@code whenImage} only when it has images. */
    public List<Question> applicableTo(boolean hasImages) {
        return questions.stream().filter(q -> hasImages || !q.whenImage()).toList();
    }

    /**
     * Whether every question that applies to a post has an answer among {@code answers} (question
     * to value, as a coder's own answers are read; a retracted answer is absent).
     */
    public boolean complete(Map<String, String> answers, boolean hasImages) {
        return applicableTo(hasImages).stream().allMatch(q -> answers.get(q.key()) != null && !answers.get(q.key()).isEmpty());
    }

    /** The labels of the questions that apply to a post but have no answer among {@code answers}, in codebook order. */
    public List<String> unanswered(Map<String, String> answers, boolean hasImages) {
        return applicableTo(hasImages).stream()
                .filter(q -> answers.get(q.key()) == null || answers.get(q.key()).isEmpty()).map(Question::label).toList();
    }

    /** Splits a canonical multiple-choice answer into its choices (empty for {@code none}). */
    public static List<String> choices(String canonical) {
        return canonical == null || canonical.isEmpty() || canonical.equals(NONE)
                ? List.of() : Arrays.asList(canonical.split(","));
    }

    private static String keys(Question q) {
        Map<String, String> m = new LinkedHashMap<>();
        q.values().forEach(v -> m.put(v.key(), v.label()));
        return String.join(", ", m.keySet());
    }
}
