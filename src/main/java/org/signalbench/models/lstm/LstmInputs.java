package org.signalbench.models.lstm;

import java.util.ArrayList;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Turns posts into the network's input arrays, in the graph's input order. Words: the first
 * {@code textWindow} are kept, the batch is padded to its longest text (at most the window) and a
 * mask marks the real steps, so the LSTM's last step is the post's last word and padding costs
 * nothing beyond the batch's longest text. An empty text reads as one padding step. Hashtags: the
 * first {@code hashtagWindow}, padded with index 0 to exactly the window (the hashtag block
 * flattens them, so positions are fixed).
 */
final class LstmInputs {
    private final INDArray[] features;
    private final INDArray[] masks;

    private LstmInputs(INDArray[] features, INDArray[] masks) {
        this.features = features;
        this.masks = masks;
    }

    INDArray[] features() {
        return features;
    }

    INDArray[] masks() {
        return masks;
    }

    static LstmInputs encode(List<LstmSequence> posts, LstmConfig config) {
        List<INDArray> features = new ArrayList<>(2);
        List<INDArray> masks = new ArrayList<>(2);
        int n = posts.size();
        if (config.blocks().usesText()) {
            int longest = 1;
            for (LstmSequence p : posts) {
                longest = Math.max(longest, Math.min(p.text().length, config.textWindow()));
            }
            float[][] words = new float[n][longest];
            float[][] mask = new float[n][longest];
            for (int i = 0; i < n; i++) {
                int[] text = posts.get(i).text();
                int kept = Math.min(text.length, config.textWindow());
                for (int t = 0; t < kept; t++) {
                    words[i][t] = checked(posts.get(i), text[t], config);
                    mask[i][t] = 1;
                }
                mask[i][0] = 1; // an empty text still has one (padding) step
            }
            features.add(Nd4j.create(words));
            masks.add(Nd4j.create(mask));
        }
        if (config.blocks().usesHashtags()) {
            float[][] tags = new float[n][config.hashtagWindow()];
            for (int i = 0; i < n; i++) {
                int[] hashtags = posts.get(i).hashtags();
                int kept = Math.min(hashtags.length, config.hashtagWindow());
                for (int t = 0; t < kept; t++) {
                    tags[i][t] = checked(posts.get(i), hashtags[t], config);
                }
            }
            features.add(Nd4j.create(tags));
            masks.add(null);
        }
        return new LstmInputs(features.toArray(INDArray[]::new), masks.toArray(INDArray[]::new));
    }

    /**
     * The posts' positions sorted by the length of their text (stable: equal lengths keep their
     * order). Scoring chunks taken in this order are padded only to about their own length.
     */
    static int[] byTextLength(List<LstmSequence> posts) {
        return java.util.stream.IntStream.range(0, posts.size()).boxed()
                .sorted(java.util.Comparator.comparingInt(i -> posts.get(i).text().length))
                .mapToInt(Integer::intValue).toArray();
    }

    static INDArray labels(int[] labels, int from, int to) {
        float[][] column = new float[to - from][1];
        for (int i = from; i < to; i++) {
            column[i - from][0] = labels[i];
        }
        return Nd4j.create(column);
    }

    private static int checked(LstmSequence post, int index, LstmConfig config) {
        if (index < 0 || index >= config.dictionarySize()) {
            throw new IllegalArgumentException("post " + post.postId() + ": token index " + index
                    + " is outside the dictionary (indices 0 to " + (config.dictionarySize() - 1) + ")");
        }
        return index;
    }
}
