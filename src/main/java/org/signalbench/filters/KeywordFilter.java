package org.signalbench.filters;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.signalbench.store.DataLocations;

/**
 * The keyword filter of the Twitter study: a text matches a keyword when one of its words is the
 * keyword, ignoring case ({@code #Fentanyl} and {@code FENTANYL} match {@code fentanyl};
 * {@code fentanyls} does not, as with Twitter's track filter). A keyword of several words matches
 * when every one of its words is in the text. Words are runs of letters and digits.
 */
public final class KeywordFilter {
    /** The study's keywords, editable ({@code resources/lexicons/twitter-keywords.json}). */
    public static final String RESOURCE = "lexicons/twitter-keywords.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<String> keywords;
    /** Per keyword its lower-cased words. */
    private final List<List<String>> words;

    private KeywordFilter(List<String> keywords) {
        List<String> kept = new ArrayList<>();
        List<List<String>> split = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String keyword : keywords) {
            List<String> parts = Words.of(keyword);
            if (!parts.isEmpty() && seen.add(String.join(" ", parts))) {
                kept.add(keyword.strip());
                split.add(parts);
            }
        }
        if (kept.isEmpty()) {
            throw new IllegalArgumentException("no keywords: the filter needs at least one word");
        }
        this.keywords = List.copyOf(kept);
        this.words = List.copyOf(split);
    }

    /** A filter for the given keywords (blank and repeated ones are dropped). */
    public static KeywordFilter of(Collection<String> keywords) {
        return new KeywordFilter(List.copyOf(keywords));
    }

    /** The study's keywords: the user's edited copy of {@link #RESOURCE}, or the shipped one. */
    public static KeywordFilter studyDefault() {
        try (InputStream in = DataLocations.openResource(RESOURCE)) {
            return parse(in, RESOURCE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the keyword list " + RESOURCE + ": " + e.getMessage(), e);
        }
    }

    /** A keyword file in the resource's form ({@code {"keywords": [...]}}), or a plain text file of one keyword per line. */
    public static KeywordFilter fromFile(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            if (file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json")) {
                return parse(in, file.toString());
            }
            List<String> lines = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\\R")) {
                if (!line.isBlank() && !line.strip().startsWith("#")) {
                    lines.add(line);
                }
            }
            return of(lines);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the keyword list " + file + ": " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("keyword list " + file + ": " + e.getMessage(), e);
        }
    }

    private static KeywordFilter parse(InputStream in, String name) throws IOException {
        JsonNode root = JSON.readTree(in);
        JsonNode list = root == null ? null : root.get("keywords");
        if (list == null || !list.isArray()) {
            throw new IllegalArgumentException("keyword list " + name + ": expected {\"keywords\": [\"...\", ...]}");
        }
        List<String> keywords = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            if (!list.get(i).isTextual()) {
                throw new IllegalArgumentException("keyword list " + name + ": keywords[" + i + "] must be a string");
            }
            keywords.add(list.get(i).textValue());
        }
        return of(keywords);
    }

    public List<String> keywords() {
        return keywords;
    }

    /** True when the text matches any keyword. */
    public boolean matches(String text) {
        return !matched(text, true).isEmpty();
    }

    /** The keywords the text matches, in the filter's order. */
    public List<String> matchedKeywords(String text) {
        return matched(text, false);
    }

    private List<String> matched(String text, boolean firstOnly) {
        Set<String> present = new HashSet<>(Words.of(text));
        List<String> matched = new ArrayList<>();
        for (int i = 0; i < words.size(); i++) {
            if (present.containsAll(words.get(i))) {
                matched.add(keywords.get(i));
                if (firstOnly) {
                    break;
                }
            }
        }
        return matched;
    }

    /** Splits text into lower-cased words: runs of letters and digits. */
    static final class Words {
        private Words() {
        }

        static List<String> of(String text) {
            List<String> words = new ArrayList<>();
            if (text == null) {
                return words;
            }
            int start = -1;
            for (int i = 0; i <= text.length(); i++) {
                boolean wordChar = i < text.length() && Character.isLetterOrDigit(text.charAt(i));
                if (wordChar && start < 0) {
                    start = i;
                } else if (!wordChar && start >= 0) {
                    words.add(text.substring(start, i).toLowerCase(Locale.ROOT));
                    start = -1;
                }
            }
            return words;
        }
    }
}
