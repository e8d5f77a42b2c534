package org.signalbench.preprocess;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * The result of steps 2–5 over a set of cleaned captions: the dictionary, the texts kept in each
 * variant, and for every post what happened to it in each variant.
 */
public final class PreprocessedCorpus {
    private final Dictionary dictionary;
    private final long[] postIds;                      // ascending
    private final List<List<String>> tokens;           // parallel to postIds
    private final Map<Variant, VariantOutcome[]> outcomes = new EnumMap<>(Variant.class);
    private final Map<Variant, List<VariantText>> kept = new EnumMap<>(Variant.class);
    private final Map<Variant, Map<String, Integer>> dropCounts = new EnumMap<>(Variant.class);

    private PreprocessedCorpus(long[] postIds, List<List<String>> tokens) {
        this.postIds = postIds;
        this.tokens = tokens;
        this.dictionary = buildDictionary(tokens);
        for (Variant variant : Variant.values()) {
            derive(variant);
        }
    }

    /** Steps 2–5 over cleaned captions; {@code postIds} ascending and distinct, {@code tokens} parallel. */
    static PreprocessedCorpus build(long[] postIds, List<List<String>> tokens) {
        return new PreprocessedCorpus(postIds, tokens);
    }

    /** Step 2: every token of every cleaned caption gets an index, before any caption is dropped. */
    private static Dictionary buildDictionary(List<List<String>> tokens) {
        Map<String, Integer> occurrences = new HashMap<>();
        for (List<String> text : tokens) {
            for (String token : text) {
                occurrences.merge(token, 1, Integer::sum);
            }
        }
        return Dictionary.fromCounts(occurrences);
    }

    /** Steps 3–5 for one variant, in post-id order so the first of duplicates is the lowest id. */
    private void derive(Variant variant) {
        VariantOutcome[] results = new VariantOutcome[postIds.length];
        List<VariantText> texts = new ArrayList<>();
        Map<DropReason, Integer> counts = new EnumMap<>(DropReason.class);
        for (DropReason reason : DropReason.applicableTo(variant)) {
            counts.put(reason, 0);
        }
        Map<List<String>, Long> firstWithText = new HashMap<>();
        for (int i = 0; i < postIds.length; i++) {
            List<String> all = tokens.get(i);
            List<String> variantTokens = select(variant, all);
            DropReason dropped = null;
            String reason = null;
            if (all.size() < 2) {
                dropped = DropReason.TOO_FEW_WORDS;
            } else if (variantTokens.isEmpty()) {
                dropped = variant == Variant.HASHTAGS_ONLY ? DropReason.NO_HASHTAGS : DropReason.EMPTY_WITHOUT_HASHTAGS;
            } else {
                Long first = firstWithText.putIfAbsent(variantTokens, postIds[i]);
                if (first != null) {
                    dropped = DropReason.DUPLICATE;
                    reason = DropReason.duplicateOf(first);
                }
            }
            if (dropped == null) {
                texts.add(new VariantText(postIds[i], variantTokens, dictionary.indices(variantTokens)));
                results[i] = new VariantOutcome(true, variantTokens, null);
            } else {
                counts.merge(dropped, 1, Integer::sum);
                results[i] = new VariantOutcome(false, variantTokens, reason != null ? reason : dropped.label());
            }
        }
        Map<String, Integer> byLabel = new LinkedHashMap<>();
        counts.forEach((r, n) -> byLabel.put(r.label(), n));
        outcomes.put(variant, results);
        kept.put(variant, Collections.unmodifiableList(texts));
        dropCounts.put(variant, Collections.unmodifiableMap(byLabel));
    }

    /** Step 4: the tokens of one variant. */
    static List<String> select(Variant variant, List<String> tokens) {
        if (variant == Variant.WITH_HASHTAGS) {
            return tokens;
        }
        boolean wantHashtags = variant == Variant.HASHTAGS_ONLY;
        List<String> selected = new ArrayList<>(tokens.size());
        for (String token : tokens) {
            if (isHashtag(token) == wantHashtags) {
                selected.add(token);
            }
        }
        return selected.size() == tokens.size() ? tokens : List.copyOf(selected);
    }

    static boolean isHashtag(String token) {
        return token.length() > 1 && token.charAt(0) == '#';
    }

    public Dictionary dictionary() {
        return dictionary;
    }

    /** Number of captions preprocessed. */
    public int posts() {
        return postIds.length;
    }

    /** The texts kept in a variant, in post-id order. */
    public List<VariantText> texts(Variant variant) {
        return kept.get(variant);
    }

    public int size(Variant variant) {
        return kept.get(variant).size();
    }

    /** The post's tokens and, per variant, kept or why it was dropped. */
    public PostExplanation explain(long postId) {
        int i = Arrays.binarySearch(postIds, postId);
        if (i < 0) {
            throw new NoSuchElementException("post " + postId + " was not preprocessed");
        }
        Map<Variant, VariantOutcome> perVariant = new EnumMap<>(Variant.class);
        for (Variant variant : Variant.values()) {
            perVariant.put(variant, outcomes.get(variant)[i]);
        }
        return new PostExplanation(postId, tokens.get(i), perVariant);
    }

    /**
     * How many texts each reason dropped from the variant: every reason that applies to it, in
     * pipeline order, zeros included. Duplicates count under "duplicate".
     */
    public Map<String, Integer> dropCounts(Variant variant) {
        return dropCounts.get(variant);
    }
}
