package org.signalbench.findings;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Drug names and stems ({@code resources/lexicons/drug-keywords.json}) that make a co-occurring
 * hashtag a candidate for the next collection loop: a hashtag qualifies when it contains one of them.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DrugKeywords(List<String> keywords) {
    public static final String RESOURCE = "lexicons/drug-keywords.json";

    public DrugKeywords {
        keywords = LexiconFiles.required(keywords, "\"keywords\": [...]").stream()
                .map(k -> k.trim().replaceFirst("^#", "").toLowerCase(Locale.ROOT))
                .filter(k -> !k.isEmpty()).distinct().toList();
    }

    /** The first keyword the hashtag (with or without {@code #}, any case) contains, or null. */
    public String keywordIn(String hashtag) {
        String tag = hashtag.toLowerCase(Locale.ROOT);
        for (String k : keywords) {
            if (tag.contains(k)) {
                return k;
            }
        }
        return null;
    }

    public static DrugKeywords load() {
        return LexiconFiles.readResource(RESOURCE, DrugKeywords.class);
    }

    public static DrugKeywords load(Path file) {
        return LexiconFiles.read(file, DrugKeywords.class);
    }
}
