package org.signalbench.agreement;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Two coders' answers to one question, cross-tabulated: rows are the first coder's answers,
 * columns the second's. Each cell remembers the posts in it, so a view can list them.
 */
public final class ConfusionMatrix {
    private final List<String> categories;
    private final long[][] counts;
    private final Map<String, List<Long>> posts = new LinkedHashMap<>();

    /** One post both coders answered. */
    public record Pair(long postId, String first, String second) {
    }

    private ConfusionMatrix(List<String> categories) {
        this.categories = List.copyOf(categories);
        this.counts = new long[categories.size()][categories.size()];
    }

    /**
     * Tabulates the pairs. {@code knownCategories} (e.g. the codebook's values) are always rows
     * and columns, even when nobody chose them; answers outside them are added in sorted order.
     */
    public static ConfusionMatrix of(Collection<Pair> pairs, Collection<String> knownCategories) {
        List<String> categories = new ArrayList<>(knownCategories);
        TreeSet<String> extra = new TreeSet<>();
        for (Pair p : pairs) {
            for (String v : List.of(p.first(), p.second())) {
                if (!categories.contains(v)) {
                    extra.add(v);
                }
            }
        }
        categories.addAll(extra);
        ConfusionMatrix m = new ConfusionMatrix(categories);
        for (Pair p : pairs) {
            m.counts[categories.indexOf(p.first())][categories.indexOf(p.second())]++;
            m.posts.computeIfAbsent(key(p.first(), p.second()), k -> new ArrayList<>()).add(p.postId());
        }
        return m;
    }

    /** A table of counts without posts (for published examples); rows are the first coder. */
    public static ConfusionMatrix ofCounts(List<String> categories, long[][] counts) {
        ConfusionMatrix m = new ConfusionMatrix(categories);
        for (int i = 0; i < counts.length; i++) {
            System.arraycopy(counts[i], 0, m.counts[i], 0, counts[i].length);
        }
        return m;
    }

    private static String key(String first, String second) {
        return first + "|" + second;
    }

    public List<String> categories() {
        return categories;
    }

    public long count(String first, String second) {
        int i = categories.indexOf(first);
        int j = categories.indexOf(second);
        return i < 0 || j < 0 ? 0 : counts[i][j];
    }

    long count(int i, int j) {
        return counts[i][j];
    }

    public long total() {
        long n = 0;
        for (long[] row : counts) {
            for (long c : row) {
                n += c;
            }
        }
        return n;
    }

    /** The posts where the first coder answered {@code first} and the second {@code second}. */
    public List<Long> posts(String first, String second) {
        return List.copyOf(posts.getOrDefault(key(first, second), List.of()));
    }

    /** Counts keyed "first|second", every cell included, rows in category order. */
    public Map<String, Long> cells() {
        Map<String, Long> cells = new LinkedHashMap<>();
        for (int i = 0; i < categories.size(); i++) {
            for (int j = 0; j < categories.size(); j++) {
                cells.put(key(categories.get(i), categories.get(j)), counts[i][j]);
            }
        }
        return cells;
    }
}
