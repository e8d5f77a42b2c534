package org.signalbench.findings;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Hashtags for the next collection loop: those on dealer posts that contain a drug keyword and are
 * not yet a search of the workbench, ranked by score = dealer posts x specificity, where specificity
 * is the share of the hashtag's final-labelled posts that are dealer posts. The score is the dealer
 * posts a search would bring in, discounted by how much else it brings in: 40 dealer posts out of
 * 50 (32.0) ranks above 50 out of 500 (5.0) and above 3 out of 3 (3.0).
 */
public final class HashtagDiscovery {
    private HashtagDiscovery() {
    }

    public record Candidate(String hashtag, String keyword, int dealerPosts, int labelledPosts, double specificity,
                            double score) {
    }

    /** One final-labelled post: its hashtags (lower case, with #) and whether it is a dealer post. */
    public record LabelledPost(Set<String> hashtags, boolean dealer) {
    }

    /**
     * @param searched the workbench's collection searches (with or without #, any case)
     * @param minDealerPosts a hashtag must be on at least this many dealer posts
     */
    public static List<Candidate> rank(Collection<LabelledPost> posts, DrugKeywords keywords, Collection<String> searched,
                                       int minDealerPosts) {
        Set<String> done = new HashSet<>();
        for (String s : searched) {
            String t = s.trim().toLowerCase(Locale.ROOT);
            done.add(t.startsWith("#") ? t : "#" + t);
        }
        Map<String, int[]> counts = new HashMap<>(); // [dealer, labelled]
        for (LabelledPost p : posts) {
            for (String tag : p.hashtags()) {
                int[] n = counts.computeIfAbsent(tag, k -> new int[2]);
                n[1]++;
                if (p.dealer()) {
                    n[0]++;
                }
            }
        }
        List<Candidate> out = new ArrayList<>();
        counts.forEach((tag, n) -> {
            if (n[0] < Math.max(1, minDealerPosts) || done.contains(tag)) {
                return;
            }
            String keyword = keywords.keywordIn(tag.substring(1));
            if (keyword == null) {
                return;
            }
            double specificity = (double) n[0] / n[1];
            out.add(new Candidate(tag, keyword, n[0], n[1], specificity, n[0] * specificity));
        });
        out.sort(Comparator.comparingDouble(Candidate::score).reversed()
                .thenComparing(Comparator.comparingInt(Candidate::dealerPosts).reversed())
                .thenComparing(Candidate::hashtag));
        return out;
    }
}
