package org.signalbench.topics;

/**
 * A topic model whose p(w|z) is a K x W table built from word counts per topic: the table's side of
 * {@link TopicModel}, and the Dirichlet smoothing that turns the counts into it.
 */
abstract class TopicWordTable implements TopicModel {
    private final double[][] phi;

    /** Takes {@code phi} (K rows of W probabilities) as it is. */
    TopicWordTable(double[][] phi) {
        this.phi = phi;
    }

    /**
     * Turns word counts per topic into p(w|z) = (n_zw + beta) / (n_z + W beta), in place, and returns
     * them; {@code totals[z]} is n_z, topic z's token count.
     */
    static double[][] smoothed(double[][] counts, double[] totals, double beta) {
        for (int z = 0; z < counts.length; z++) {
            int w = counts[z].length;
            double denominator = totals[z] + w * beta;
            for (int word = 0; word < w; word++) {
                counts[z][word] = (counts[z][word] + beta) / denominator;
            }
        }
        return counts;
    }

    @Override
    public final int k() {
        return phi.length;
    }

    @Override
    public final int vocabularySize() {
        return phi[0].length;
    }

    @Override
    public final double[] topicWords(int z) {
        return phi[z];
    }
}
