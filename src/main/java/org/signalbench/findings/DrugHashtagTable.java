package org.signalbench.findings;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * The study's Table 2: for N posts, how many carry each drug hashtag, and per drug group how many
 * carry any of its hashtags (a union, not a sum).
 */
public record DrugHashtagTable(int n, List<GroupRow> groups) {
    public record Count(int posts, double percent) {
    }

    public record HashtagRow(String hashtag, int posts, double percent) {
    }

    public record GroupRow(String drug, List<HashtagRow> hashtags, Count total) {
    }

    /** Builds the table from each post's lower-cased hashtags (with {@code #}). */
    public static DrugHashtagTable of(DrugLexicon lexicon, Collection<Set<String>> postHashtags) {
        int n = postHashtags.size();
        List<GroupRow> rows = new ArrayList<>();
        for (DrugLexicon.Group group : lexicon.groups()) {
            List<HashtagRow> tagRows = new ArrayList<>();
            for (String tag : group.hashtags()) {
                String hashed = "#" + tag;
                int count = (int) postHashtags.stream().filter(tags -> tags.contains(hashed)).count();
                tagRows.add(new HashtagRow(hashed, count, percent(count, n)));
            }
            int any = (int) postHashtags.stream()
                    .filter(tags -> group.hashtags().stream().anyMatch(t -> tags.contains("#" + t))).count();
            rows.add(new GroupRow(group.drug(), tagRows, new Count(any, percent(any, n))));
        }
        return new DrugHashtagTable(n, rows);
    }

    private static double percent(int count, int n) {
        return Table.percent(count, n);
    }
}
