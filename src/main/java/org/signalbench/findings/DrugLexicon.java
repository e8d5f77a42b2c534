package org.signalbench.findings;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Drug groups and their hashtags ({@code resources/lexicons/drug-hashtags.json}); hashtags are
 * stored without {@code #} and matched case-insensitively.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DrugLexicon(List<Group> groups) {
    public static final String RESOURCE = "lexicons/drug-hashtags.json";

    public DrugLexicon {
        groups = List.copyOf(LexiconFiles.required(groups, "\"groups\": [{\"drug\": ..., \"hashtags\": [...]}]"));
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Group(String drug, List<String> hashtags) {
        public Group {
            if (drug == null || drug.isBlank()) {
                throw new IllegalArgumentException("a group has no \"drug\" name");
            }
            LexiconFiles.required(hashtags, "\"hashtags\" list of the group '" + drug + "'");
            hashtags = hashtags.stream().map(h -> h.trim().replaceFirst("^#", "").toLowerCase(Locale.ROOT)).toList();
        }
    }

    public static DrugLexicon load() {
        return LexiconFiles.readResource(RESOURCE, DrugLexicon.class);
    }

    public static DrugLexicon load(Path file) {
        return LexiconFiles.read(file, DrugLexicon.class);
    }
}
