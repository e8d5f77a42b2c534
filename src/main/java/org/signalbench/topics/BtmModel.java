package org.signalbench.topics;

/**
 * A fitted biterm topic model: p(z) and p(w|z), with the reference implementation's {@code sum_b}
 * inference p(z|d) = sum over the document's biterms b of p(z|b) p(b|d), p(b|d) uniform over the
 * document's biterms and p(z|b) proportional to p(z) p(w1|z) p(w2|z). A one-word document gets
 * p(z|w) proportional to p(z) p(w|z); an empty one gets p(z).
 */
final class BtmModel implements TopicModel {
    private final int k;
    private final int w;
    private final int window;
    private final double[] topicProportions;
    private final double[] phiWordMajor;
    private final double[][] phiByTopic;

    BtmModel(int k, int w, int window, double[] topicProportions, double[] phiWordMajor) {
        this.k = k;
        this.w = w;
        this.window = window;
        this.topicProportions = topicProportions;
        this.phiWordMajor = phiWordMajor;
        this.phiByTopic = new double[k][w];
        for (int word = 0; word < w; word++) {
            for (int t = 0; t < k; t++) {
                phiByTopic[t][word] = phiWordMajor[word * k + t];
            }
        }
    }

    @Override
    public int k() {
        return k;
    }

    @Override
    public int vocabularySize() {
        return w;
    }

    @Override
    public double[] topicWords(int z) {
        return phiByTopic[z];
    }

    /** p(z), the share of biterms in each topic with the prior's smoothing. */
    double[] topicProportions() {
        return topicProportions.clone();
    }

    @Override
    public double[] infer(int[] doc) {
        double[] out = new double[k];
        infer(doc, out, new double[k]);
        return out;
    }

    /** As {@link #infer(int[])}, into {@code out}, with {@code scratch} of length K; allocates nothing. */
    void infer(int[] doc, double[] out, double[] scratch) {
        java.util.Arrays.fill(out, 0);
        if (doc.length == 0) {
            System.arraycopy(topicProportions, 0, out, 0, k);
            return;
        }
        if (doc.length == 1) {
            int row = doc[0] * k;
            for (int t = 0; t < k; t++) {
                out[t] = topicProportions[t] * phiWordMajor[row + t];
            }
        } else {
            for (int i = 0; i < doc.length - 1; i++) {
                int end = Math.min(i + window, doc.length);
                int row1 = doc[i] * k;
                for (int j = i + 1; j < end; j++) {
                    int row2 = doc[j] * k;
                    double sum = 0;
                    for (int t = 0; t < k; t++) {
                        double p = topicProportions[t] * phiWordMajor[row1 + t] * phiWordMajor[row2 + t];
                        scratch[t] = p;
                        sum += p;
                    }
                    double inv = 1 / sum;
                    for (int t = 0; t < k; t++) {
                        out[t] += scratch[t] * inv;
                    }
                }
            }
        }
        double total = 0;
        for (int t = 0; t < k; t++) {
            total += out[t];
        }
        for (int t = 0; t < k; t++) {
            out[t] /= total;
        }
    }
}
