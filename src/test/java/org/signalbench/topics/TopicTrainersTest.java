package org.signalbench.topics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.signalbench.jobs.JobContext;

/** LDA (MALLET), NMF and kernel k-means on a planted corpus, and the comparison runner. */
class TopicTrainersTest {
    private static final PlantedCorpus PLANTED = PlantedCorpus.of(4, 10, 240, 7);

    @Test
    void everyModelRecoversPlantedThemesAndRepeatsForASeed() {
        for (String id : List.of(LdaTrainer.ID, NmfTrainer.ID, KernelKMeansTrainer.ID)) {
            TopicModelTrainer trainer = TopicModels.trainer(id);
            TopicParams params = TopicParams.of(4, id.equals(LdaTrainer.ID) ? 100 : 0);
            TopicModelResult a = trainer.fit(PLANTED.corpus(), params, 5, JobContext.NONE);
            TopicModelResult b = trainer.fit(PLANTED.corpus(), params, 5, JobContext.NONE);
            TopicMeasures.Purity purity = TopicMeasures.purity(a.topTopics(), PLANTED.themes());
            assertTrue(purity.micro() >= 0.9, id + " purity " + purity);
            assertArrayEquals(a.topTopics(), b.topTopics(), id);
            assertEquals(a.topics(), b.topics(), id);
            assertEquals(id, a.model());
            assertEquals(PLANTED.corpus().hash(), a.provenance().corpusHash());
            for (int z = 0; z < 4; z++) {
                double sum = 0;
                for (double p : a.fitted().topicWords(z)) {
                    assertTrue(p > 0, id);
                    sum += p;
                }
                assertEquals(1, sum, 1e-9, id);
            }
            double[] inferred = a.fitted().infer(PLANTED.corpus().document(3));
            assertEquals(a.topTopics()[3], TopicModelResult.topIndices(inferred, 1)[0], id + " infers a training document's own topic");
        }
    }

    @Test
    void comparisonGivesOneRowPerModelKAndSeedAndACellPerModelAndK() {
        List<TopicComparison.Row> rows = TopicComparison.run(PLANTED.corpus(), PLANTED.themes(), List.of("btm", "nmf"),
                List.of(4), List.of(1L, 2L), (model, k) -> TopicParams.of(k, 50), JobContext.NONE);
        assertEquals(4, rows.size());
        for (TopicComparison.Row r : rows) {
            // NMF's multiplicative updates may stop in a poorer local optimum in 50 iterations; BTM should not.
            assertTrue(r.purity() >= (r.model().equals("btm") ? 0.9 : 0.5) && r.purity() <= 1, r.toString());
            assertTrue(r.purityMacro() >= 0.5 && r.purityMacro() <= 1, r.toString());
            assertTrue(r.perplexity() > 1 && r.perplexity() < PLANTED.corpus().vocabularySize(), r.toString());
            assertTrue(r.npmi() > 0, r.toString());
            // 4 topics x 25 top words over a vocabulary of 40: at most 40 distinct, and every word is some topic's.
            assertEquals(0.4, r.diversity(), 1e-12, r.toString());
        }
        List<TopicComparison.Cell> cells = TopicComparison.summarise(rows);
        assertEquals(2, cells.size());
        assertEquals(2, cells.get(0).runs());
        double mean = (rows.get(0).purity() + rows.get(2).purity()) / 2;
        assertEquals(mean, cells.get(0).measures().get("purity").mean(), 1e-12);
        int[][] split = TopicComparison.split(240, 1);
        assertEquals(216, split[0].length);
        assertEquals(24, split[1].length);
    }

    @Test
    void unknownModelIsNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TopicModels.trainer("plsa"));
        assertTrue(e.getMessage().contains("plsa") && e.getMessage().contains("kernel-kmeans"), e.getMessage());
    }
}
