package org.signalbench.findings;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.nio.file.Path;
import java.util.List;

/**
 * Hashtag categories ({@code resources/lexicons/hashtag-categories.json}): drug names, code words
 * and misspellings, sale and shipping words; each a list of hashtags, matched like the drug groups.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record HashtagCategories(List<Category> categories) {
    public static final String RESOURCE = "lexicons/hashtag-categories.json";

    public HashtagCategories {
        categories = List.copyOf(LexiconFiles.required(categories, "\"categories\": [{\"category\": ..., \"hashtags\": [...]}]"));
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Category(String category, List<String> hashtags) {
        public Category {
            if (category == null || category.isBlank()) {
                throw new IllegalArgumentException("a category has no \"category\" name");
            }
            LexiconFiles.required(hashtags, "\"hashtags\" list of the category '" + category + "'");
        }
    }

    /** The categories as hashtag groups, so they are counted exactly like Table 2. */
    DrugLexicon asGroups() {
        return new DrugLexicon(categories.stream().map(c -> new DrugLexicon.Group(c.category(), c.hashtags())).toList());
    }

    public static HashtagCategories load() {
        return LexiconFiles.readResource(RESOURCE, HashtagCategories.class);
    }

    public static HashtagCategories load(Path file) {
        return LexiconFiles.read(file, HashtagCategories.class);
    }
}
