package org.signalbench.topics;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.signalbench.jobs.JobContext;

/**
 * The four models compared on a generated corpus (a benchmark, not a test: run with
 * {@code -Dsignalbench.bench=true}); the generator's planted themes serve as class labels. Prints
 * one Markdown row per model and K with mean ± sd over the seeds.
 *
 * <pre>mvn -q -B test -Dtest=TopicComparisonBenchmark -Dsignalbench.bench=true
 *     [-Dtopics.docs=5000] [-Dtopics.ks=20,50] [-Dtopics.seeds=1,2] [-Dtopics.iterations=200]</pre>
 *
 * Iterations: BTM and LDA sweeps as given, NMF half as many updates, kernel k-means at most 50 rounds.
 */
class TopicComparisonBenchmark {

    @Test
    void compareFourModels() {
        Assumptions.assumeTrue(Boolean.getBoolean("signalbench.bench"), "benchmark: run with -Dsignalbench.bench=true");
        int docs = Integer.getInteger("topics.docs", 5000);
        List<Integer> ks = Arrays.stream(System.getProperty("topics.ks", "20,50").split(",")).map(Integer::valueOf).toList();
        List<Long> seeds = Arrays.stream(System.getProperty("topics.seeds", "1,2").split(",")).map(Long::valueOf).toList();
        int iterations = Integer.getInteger("topics.iterations", 200);
        SyntheticTweets tweets = SyntheticTweets.generate(docs, 1);
        TopicCorpus corpus = TopicCorpus.fromTokens(tweets.tokens());
        Map<String, Integer> sweeps = Map.of("btm", iterations, "lda", iterations, "nmf", Math.max(1, iterations / 2),
                "kernel-kmeans", 50);
        List<TopicComparison.Row> rows = TopicComparison.run(corpus, tweets.themes(), TopicModels.ids(), ks, seeds,
                (model, k) -> TopicParams.of(k, sweeps.get(model)), JobContext.NONE);
        System.out.printf("%,d generated tweets (%d planted themes), %,d words; seeds %s; BTM/LDA %d sweeps, NMF %d updates, "
                        + "kernel k-means at most 50 rounds; load average %s%n", docs, SyntheticTweets.THEMES,
                corpus.vocabularySize(), seeds, iterations, Math.max(1, iterations / 2), loadAverage());
        System.out.println("| model | K | purity | purity (macro) | NMI | NPMI | UMass | diversity | perplexity (indicative) | seconds |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|");
        for (TopicComparison.Cell cell : TopicComparison.summarise(rows)) {
            StringBuilder line = new StringBuilder("| " + cell.model() + " | " + cell.k() + " |");
            for (String m : List.of("purity", "purityMacro", "nmi", "npmi", "umass", "diversity", "perplexity", "seconds")) {
                TopicComparison.MeanSd v = cell.measures().get(m);
                String format = m.equals("perplexity") || m.equals("seconds") ? "%.1f ± %.1f" : "%.3f ± %.3f";
                line.append(' ').append(String.format(format, v.mean(), v.sd())).append(" |");
            }
            System.out.println(line);
        }
    }

    private static String loadAverage() {
        try {
            return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).trim();
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }
}
