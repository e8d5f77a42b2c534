package org.signalbench.preprocess;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The study's word → index dictionary (step 2), built over every cleaned caption.
 *
 * <p>Indices start at 1; {@link #PADDING} (0) is reserved for padding sequences, as in Keras'
 * Tokenizer. Words are ordered by descending number of occurrences and, among equally frequent
 * words, by Unicode code point order, so the same captions always give the same dictionary
 * whatever order they arrive in. (Keras breaks ties by first appearance instead.)
 */
public final class Dictionary {
    public static final int PADDING = 0;
    /** What {@link #indexOf(String)} returns for a word that is not in the dictionary. */
    public static final int ABSENT = -1;

    private final List<String> words;          // words.get(i) has index i + 1
    private final int[] counts;                // counts[i] belongs to words.get(i)
    private final Map<String, Integer> indexOf;

    private Dictionary(List<String> words, int[] counts) {
        this.words = List.copyOf(words);
        this.counts = counts;
        this.indexOf = new HashMap<>(words.size() * 2);
        for (int i = 0; i < words.size(); i++) {
            indexOf.put(words.get(i), i + 1);
        }
    }

    /**
     * Builds the dictionary from distinct words and their numbers of occurrences
     * ({@code occurrences[i]} belongs to {@code words.get(i)}; the array may be longer).
     */
    static Dictionary fromCounts(List<String> words, int[] occurrences) {
        Integer[] order = new Integer[words.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        // descending count, then code point order of the words
        Arrays.sort(order, (a, b) -> occurrences[a] != occurrences[b]
                ? Integer.compare(occurrences[b], occurrences[a])
                : compareCodePoints(words.get(a), words.get(b)));
        List<String> ranked = new ArrayList<>(order.length);
        int[] counts = new int[order.length];
        for (int i = 0; i < order.length; i++) {
            ranked.add(words.get(order[i]));
            counts[i] = occurrences[order[i]];
        }
        return new Dictionary(ranked, counts);
    }

    /** Number of words (the padding index is not counted). */
    public int size() {
        return words.size();
    }

    /** The word's index (1..size), or {@link #ABSENT}. */
    public int indexOf(String word) {
        Integer i = indexOf.get(word);
        return i == null ? ABSENT : i;
    }

    public boolean contains(String word) {
        return indexOf.containsKey(word);
    }

    /** The word at an index from 1 to {@link #size()}. */
    public String word(int index) {
        if (index < 1 || index > words.size()) {
            throw new IndexOutOfBoundsException("index " + index + " is not in 1.." + words.size());
        }
        return words.get(index - 1);
    }

    /** How often the word occurs in the cleaned captions (0 when absent). */
    public int count(String word) {
        Integer i = indexOf.get(word);
        return i == null ? 0 : counts[i - 1];
    }

    /** The words in index order (the word at position i has index i + 1). */
    public List<String> words() {
        return words;
    }

    /** Word → index in index order, as Keras' {@code word_index}. */
    public Map<String, Integer> asMap() {
        Map<String, Integer> map = new LinkedHashMap<>(words.size() * 2);
        for (int i = 0; i < words.size(); i++) {
            map.put(words.get(i), i + 1);
        }
        return Collections.unmodifiableMap(map);
    }

    /** Compares by Unicode code points (String.compareTo compares UTF-16 units, which differs above U+FFFF). */
    static int compareCodePoints(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Boolean.compare(i < a.length(), j < b.length());
    }
}
