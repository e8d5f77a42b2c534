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
 *
 * <p>Past step 2 everything works on dictionary indices rather than strings (each token is looked
 * up once), and every occurrence of a word shares one String: this keeps 100,000 captions fast and
 * small.
 */
public final class PreprocessedCorpus {
    private static final byte KEPT = -1;

    private final Dictionary dictionary;
    private final long[] postIds;                 // ascending
    private final List<List<String>> tokens;      // parallel to postIds
    private final int[][] indices;                // parallel to postIds: the tokens' dictionary indices
    private final boolean[] hashtag;              // by dictionary index: is that word a hashtag
    private final Map<Variant, Outcomes> outcomes = new EnumMap<>(Variant.class);
    private final Map<Variant, List<VariantText>> kept = new EnumMap<>(Variant.class);
    private final Map<Variant, Map<String, Integer>> dropCounts = new EnumMap<>(Variant.class);

    /** Per post of one variant: KEPT or the DropReason's ordinal, and for duplicates the kept post. */
    private record Outcomes(byte[] reason, long[] duplicateOf) {
    }

    /** A variant text's indices as a hash key: equal indices mean equal tokens. */
    private record IndexSequence(int[] indices) {
        @Override
        public boolean equals(Object o) {
            return o instanceof IndexSequence other && Arrays.equals(indices, other.indices);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(indices);
        }
    }

    private PreprocessedCorpus(long[] postIds, List<? extends List<String>> cleaned) {
        this.postIds = postIds;
        int n = postIds.length;

        // Step 2: number the distinct tokens in order of appearance and count them, then rank them.
        Map<String, Integer> firstSeen = new HashMap<>();
        List<String> words = new ArrayList<>();
        int[] occurrences = new int[256];
        int[][] seen = new int[n][];
        for (int i = 0; i < n; i++) {
            List<String> text = cleaned.get(i);
            int[] ids = new int[text.size()];
            for (int j = 0; j < ids.length; j++) {
                String token = text.get(j);
                Integer id = firstSeen.get(token);
                if (id == null) {
                    id = words.size();
                    firstSeen.put(token, id);
                    words.add(token);
                    if (id == occurrences.length) {
                        occurrences = Arrays.copyOf(occurrences, id * 2);
                    }
                }
                occurrences[id]++;
                ids[j] = id;
            }
            seen[i] = ids;
        }
        this.dictionary = Dictionary.fromCounts(words, occurrences);
        int[] indexOfSeen = new int[words.size()];
        for (int id = 0; id < indexOfSeen.length; id++) {
            indexOfSeen[id] = dictionary.indexOf(words.get(id));
        }
        this.hashtag = new boolean[dictionary.size() + 1];
        for (int index = 1; index <= dictionary.size(); index++) {
            hashtag[index] = isHashtag(dictionary.word(index));
        }
        this.indices = new int[n][];
        List<List<String>> shared = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int[] text = new int[seen[i].length];
            for (int j = 0; j < text.length; j++) {
                text[j] = indexOfSeen[seen[i][j]];
            }
            indices[i] = text;
            shared.add(words(text));
        }
        this.tokens = shared;

        for (Variant variant : Variant.values()) {
            derive(variant);
        }
    }

    /** Steps 2–5 over cleaned captions; {@code postIds} ascending and distinct, {@code cleaned} parallel. */
    static PreprocessedCorpus build(long[] postIds, List<? extends List<String>> cleaned) {
        return new PreprocessedCorpus(postIds, cleaned);
    }

    /** Steps 3–5 for one variant, in post-id order so the first of duplicates is the lowest id. */
    private void derive(Variant variant) {
        byte[] reasons = new byte[postIds.length];
        long[] duplicateOf = new long[postIds.length];
        List<VariantText> texts = new ArrayList<>();
        int[] counts = new int[DropReason.values().length];
        Map<IndexSequence, Long> firstWithText = new HashMap<>();
        for (int i = 0; i < postIds.length; i++) {
            int[] variantIndices = select(variant, indices[i]);
            DropReason dropped = null;
            if (indices[i].length < 2) {
                dropped = DropReason.TOO_FEW_WORDS;
            } else if (variantIndices.length == 0) {
                dropped = variant == Variant.HASHTAGS_ONLY ? DropReason.NO_HASHTAGS : DropReason.EMPTY_WITHOUT_HASHTAGS;
            } else {
                Long first = firstWithText.putIfAbsent(new IndexSequence(variantIndices), postIds[i]);
                if (first != null) {
                    dropped = DropReason.DUPLICATE;
                    duplicateOf[i] = first;
                }
            }
            if (dropped == null) {
                reasons[i] = KEPT;
                List<String> variantTokens = variantIndices == indices[i] ? tokens.get(i) : words(variantIndices);
                texts.add(new VariantText(postIds[i], variantTokens, variantIndices));
            } else {
                reasons[i] = (byte) dropped.ordinal();
                counts[dropped.ordinal()]++;
            }
        }
        Map<String, Integer> byLabel = new LinkedHashMap<>();
        for (DropReason reason : DropReason.applicableTo(variant)) {
            byLabel.put(reason.label(), counts[reason.ordinal()]);
        }
        outcomes.put(variant, new Outcomes(reasons, duplicateOf));
        kept.put(variant, Collections.unmodifiableList(texts));
        dropCounts.put(variant, Collections.unmodifiableMap(byLabel));
    }

    /** Step 4: the indices of one variant's tokens (the same array when nothing is removed). */
    private int[] select(Variant variant, int[] text) {
        if (variant == Variant.WITH_HASHTAGS) {
            return text;
        }
        boolean wantHashtags = variant == Variant.HASHTAGS_ONLY;
        int count = 0;
        for (int index : text) {
            if (hashtag[index] == wantHashtags) {
                count++;
            }
        }
        if (count == text.length) {
            return text;
        }
        int[] selected = new int[count];
        int k = 0;
        for (int index : text) {
            if (hashtag[index] == wantHashtags) {
                selected[k++] = index;
            }
        }
        return selected;
    }

    /** The dictionary's own Strings for these indices. */
    private List<String> words(int[] text) {
        String[] result = new String[text.length];
        for (int j = 0; j < text.length; j++) {
            result[j] = dictionary.word(text[j]);
        }
        return List.of(result);
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
            Outcomes o = outcomes.get(variant);
            List<String> variantTokens = words(select(variant, indices[i]));
            String reason;
            if (o.reason()[i] == KEPT) {
                reason = null;
            } else {
                DropReason dropped = DropReason.values()[o.reason()[i]];
                reason = dropped == DropReason.DUPLICATE ? DropReason.duplicateOf(o.duplicateOf()[i]) : dropped.label();
            }
            perVariant.put(variant, new VariantOutcome(reason == null, variantTokens, reason));
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
