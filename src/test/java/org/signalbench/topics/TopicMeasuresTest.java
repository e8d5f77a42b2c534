package org.signalbench.topics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Purity, NMI, NPMI, UMass, diversity and perplexity against values worked out by hand on small cases. */
class TopicMeasuresTest {
    private static final int U = TopicMeasures.UNLABELLED;

    @Test
    void purityMicroAndMacroSkipUnlabelledDocuments() {
        int[] clusters = {0, 0, 0, 1, 1, 2, 2};
        int[] classes = {0, 0, 1, 1, 1, 0, U};
        TopicMeasures.Purity p = TopicMeasures.purity(clusters, classes);
        // Majorities: cluster 0 two of three, cluster 1 two of two, cluster 2 one of one labelled.
        assertEquals(5.0 / 6, p.micro(), 1e-12);
        assertEquals((2.0 / 3 + 1 + 1) / 3, p.macro(), 1e-12);
    }

    @Test
    void nmiByHand() {
        int[] clusters = {0, 0, 0, 1, 1, 2, 2};
        int[] classes = {0, 0, 1, 1, 1, 0, U};
        double mutual = 1.0 / 3 * Math.log(4.0 / 3) + 1.0 / 6 * Math.log(2.0 / 3) + 1.0 / 3 * Math.log(2)
                + 1.0 / 6 * Math.log(2);
        double hClusters = -(0.5 * Math.log(0.5) + 1.0 / 3 * Math.log(1.0 / 3) + 1.0 / 6 * Math.log(1.0 / 6));
        double hClasses = Math.log(2);
        assertEquals(2 * mutual / (hClusters + hClasses), TopicMeasures.nmi(clusters, classes), 1e-12);
        assertEquals(1.0, TopicMeasures.nmi(new int[] {1, 1, 0, 0}, new int[] {0, 0, 1, 1}), 1e-12);
        assertEquals(0.0, TopicMeasures.nmi(new int[] {0, 0, 1, 1}, new int[] {0, 1, 0, 1}), 1e-12);
    }

    /** Documents {a,b}, {a,b}, {a,c}, {c}; one topic ranked a, b, c. */
    private static final TopicCorpus SMALL = TopicCorpus.fromTokens(List.of(
            List.of("a", "b"), List.of("a", "b", "a"), List.of("a", "c"), List.of("c")));
    private static final List<int[]> TOPIC_ABC = List.<int[]>of(new int[] {0, 1, 2});

    @Test
    void npmiByHand() {
        double ab = Math.log(0.5 / (0.75 * 0.5)) / -Math.log(0.5);
        double ac = Math.log(0.25 / (0.75 * 0.5)) / -Math.log(0.25);
        double bc = -1; // never together
        assertEquals((ab + ac + bc) / 3, TopicMeasures.npmi(TOPIC_ABC, SMALL), 1e-12);
    }

    @Test
    void umassByHand() {
        // (b | a): log((2 + 1) / 3); (c | a): log((1 + 1) / 3); (c | b): log((0 + 1) / 2).
        double expected = (Math.log(3.0 / 3) + Math.log(2.0 / 3) + Math.log(1.0 / 2)) / 3;
        assertEquals(expected, TopicMeasures.umass(TOPIC_ABC, SMALL), 1e-12);
    }

    @Test
    void diversityIsTheShareOfDistinctTopWords() {
        assertEquals(0.75, TopicMeasures.diversity(List.of(new int[] {0, 1}, new int[] {1, 2})), 1e-12);
        assertEquals(1.0, TopicMeasures.diversity(List.of(new int[] {0, 1}, new int[] {2, 3})), 1e-12);
    }

    @Test
    void perplexityByHand() {
        TopicModel model = new TopicModel() {
            private final double[][] phi = {{0.9, 0.1}, {0.2, 0.8}};

            @Override
            public int k() {
                return 2;
            }

            @Override
            public int vocabularySize() {
                return 2;
            }

            @Override
            public double[] topicWords(int z) {
                return phi[z];
            }

            @Override
            public double[] infer(int[] document) {
                return document.length == 1 ? new double[] {0, 1} : new double[] {0.5, 0.5};
            }
        };
        TopicCorpus heldOut = new TopicCorpus(List.of(new int[] {0, 1}, new int[] {1}, new int[0]), List.of("x", "y"));
        // Document 1: p(x) = 0.55, p(y) = 0.45; document 2 (inferred all topic 1): p(y) = 0.8; the empty one adds nothing.
        double expected = Math.exp(-(Math.log(0.55) + Math.log(0.45) + Math.log(0.8)) / 3);
        assertEquals(expected, TopicMeasures.perplexity(model, heldOut), 1e-12);
    }

    @Test
    void topIndicesAreLargestFirstWithTiesByIndex() {
        assertEquals(List.of(3, 1, 2), box(TopicModelResult.topIndices(new double[] {0.1, 0.3, 0.3, 0.5, 0.0}, 3)));
        assertEquals(List.of(0, 1), box(TopicModelResult.topIndices(new double[] {0, 0, 0}, 2)));
    }

    private static List<Integer> box(int[] a) {
        return java.util.Arrays.stream(a).boxed().toList();
    }
}
