package org.signalbench.models.lstm;

import java.util.Arrays;
import java.util.List;

/**
 * The words (dictionary indices) an LSTM reads: those in at least {@link LstmConfig#minWordCount}
 * of the posts it trains on, words and hashtags alike. Every other index is left out of a post's
 * sequence before it is cut to the window, as a Keras {@code Tokenizer} fitted on the training
 * texts leaves out words it never saw. Without it a word the training never saw (most of a small
 * corpus's long tail) reaches the network through its untrained random embedding, and a word seen
 * once is mostly learnt by heart.
 *
 * @param indices the kept dictionary indices, ascending
 */
public record LstmVocabulary(int[] indices) {
    public LstmVocabulary {
        indices = indices.clone();
        for (int i = 1; i < indices.length; i++) {
            if (indices[i] <= indices[i - 1]) {
                throw new IllegalArgumentException("vocabulary indices must ascend without repeats");
            }
        }
    }

    /** The indices in at least {@code minCount} (at least 1) of these posts. */
    public static LstmVocabulary fit(List<LstmSequence> posts, int minCount) {
        if (minCount < 1) {
            throw new IllegalArgumentException("minimum count must be at least 1, not " + minCount);
        }
        int max = 0;
        for (LstmSequence p : posts) {
            for (int i : p.text()) {
                max = Math.max(max, i);
            }
            for (int i : p.hashtags()) {
                max = Math.max(max, i);
            }
        }
        int[] postCount = new int[max + 1];
        int[] lastPost = new int[max + 1];
        Arrays.fill(lastPost, -1);
        for (int p = 0; p < posts.size(); p++) {
            for (int[] part : new int[][] {posts.get(p).text(), posts.get(p).hashtags()}) {
                for (int i : part) {
                    if (lastPost[i] != p) {
                        lastPost[i] = p;
                        postCount[i]++;
                    }
                }
            }
        }
        int[] kept = new int[max + 1];
        int n = 0;
        for (int i = 1; i <= max; i++) { // index 0 is padding, never a word
            if (postCount[i] >= minCount) {
                kept[n++] = i;
            }
        }
        return new LstmVocabulary(Arrays.copyOf(kept, n));
    }

    /** Number of kept indices. */
    public int size() {
        return indices.length;
    }

    /** The post with only the kept indices, in their order. */
    public LstmSequence apply(LstmSequence post) {
        return new LstmSequence(post.postId(), keep(post.text()), keep(post.hashtags()));
    }

    /** Every post through {@link #apply}. */
    public List<LstmSequence> apply(List<LstmSequence> posts) {
        return posts.stream().map(this::apply).toList();
    }

    private int[] keep(int[] part) {
        int[] out = new int[part.length];
        int n = 0;
        for (int i : part) {
            if (Arrays.binarySearch(indices, i) >= 0) {
                out[n++] = i;
            }
        }
        return n == part.length ? part : Arrays.copyOf(out, n);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LstmVocabulary v && Arrays.equals(indices, v.indices);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(indices);
    }

    @Override
    public String toString() {
        return "LstmVocabulary[" + indices.length + " indices]";
    }
}
