package org.signalbench.topics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import org.signalbench.jobs.JobContext;
import org.signalbench.jobs.UnitProgress;

/**
 * Runs models x K x seeds on one corpus, as the Twitter study compared BTM with LDA, NMF and kernel
 * k-means. For each seed, the documents are split once (seeded) into 90% for fitting and 10% held
 * out; every model of that seed sees the same split. Purity and NMI compare the fitted documents'
 * most likely topics with the class labels; NPMI and UMass use the whole corpus as reference;
 * perplexity is measured on the held-out documents.
 */
public final class TopicComparison {
    /** Share of documents held out for perplexity. */
    public static final double HELD_OUT = 0.1;

    private TopicComparison() {
    }

    /** One run's measures; the keys of {@code topics compare --json}'s rows. */
    public record Row(String model, int k, long seed, double purity, double purityMacro, double nmi, double npmi,
                      double umass, double diversity, double perplexity, double seconds) {
    }

    /** Mean and sample standard deviation of one measure over a cell's seeds. */
    public record MeanSd(double mean, double sd) {
        static MeanSd of(List<Double> values) {
            double mean = values.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
            double ss = 0;
            for (double v : values) {
                ss += (v - mean) * (v - mean);
            }
            return new MeanSd(mean, values.size() > 1 ? Math.sqrt(ss / (values.size() - 1)) : 0);
        }
    }

    /** One model and K over all seeds. */
    public record Cell(String model, int k, int runs, Map<String, MeanSd> measures) {
    }

    /**
     * Fits every model at every K with every seed. {@code classes} gives each corpus document's class
     * ({@link TopicMeasures#UNLABELLED} if none); {@code params} gives the parameters of a model at a K.
     */
    public static List<Row> run(TopicCorpus corpus, int[] classes, List<String> models, List<Integer> ks, List<Long> seeds,
                                ParamsFor params, JobContext progress) {
        if (classes.length != corpus.size()) {
            throw new IllegalArgumentException(classes.length + " class labels for " + corpus.size() + " documents");
        }
        List<Row> rows = new ArrayList<>();
        long units = (long) models.size() * ks.size() * seeds.size();
        long unit = 0;
        for (long seed : seeds) {
            int[][] split = split(corpus.size(), seed);
            TopicCorpus fitted = corpus.subset(split[0]);
            TopicCorpus heldOut = corpus.subset(split[1]);
            int[] fittedClasses = new int[split[0].length];
            for (int i = 0; i < fittedClasses.length; i++) {
                fittedClasses[i] = classes[split[0][i]];
            }
            for (int k : ks) {
                for (String model : models) {
                    String name = model + " k=" + k + " seed " + seed;
                    JobContext within = UnitProgress.within(progress, unit++, units, 1000, name);
                    TopicModelResult result = TopicModels.trainer(model).fit(fitted, params.of(model, k), seed, within);
                    rows.add(measure(result, fittedClasses, corpus, heldOut, seed));
                }
            }
        }
        progress.progress(units * 1000, units * 1000, "finished");
        return rows;
    }

    /** The parameters of {@code model} at {@code k} (iterations, threads, options). */
    @FunctionalInterface
    public interface ParamsFor {
        TopicParams of(String model, int k);
    }

    /** The measures of one fitted result. */
    public static Row measure(TopicModelResult result, int[] classes, TopicCorpus reference, TopicCorpus heldOut, long seed) {
        TopicMeasures.Purity purity = TopicMeasures.purity(result.topTopics(), classes);
        List<int[]> coherenceWords = TopicMeasures.topWords(result.fitted(), TopicMeasures.COHERENCE_WORDS);
        return new Row(result.model(), result.k(), seed, purity.micro(), purity.macro(),
                TopicMeasures.nmi(result.topTopics(), classes), TopicMeasures.npmi(coherenceWords, reference),
                TopicMeasures.umass(coherenceWords, reference),
                TopicMeasures.diversity(TopicMeasures.topWords(result.fitted(), TopicMeasures.DIVERSITY_WORDS)),
                TopicMeasures.perplexity(result.fitted(), heldOut), result.provenance().seconds());
    }

    /** Mean ± sd per (model, K) over seeds, in the order the cells first appear. */
    public static List<Cell> summarise(List<Row> rows) {
        Map<String, List<Row>> byCell = new LinkedHashMap<>();
        for (Row r : rows) {
            byCell.computeIfAbsent(r.model() + "\u0000" + r.k(), key -> new ArrayList<>()).add(r);
        }
        List<Cell> cells = new ArrayList<>();
        for (List<Row> cell : byCell.values()) {
            Map<String, MeanSd> m = new LinkedHashMap<>();
            put(m, "purity", cell, i -> cell.get(i).purity());
            put(m, "purityMacro", cell, i -> cell.get(i).purityMacro());
            put(m, "nmi", cell, i -> cell.get(i).nmi());
            put(m, "npmi", cell, i -> cell.get(i).npmi());
            put(m, "umass", cell, i -> cell.get(i).umass());
            put(m, "diversity", cell, i -> cell.get(i).diversity());
            put(m, "perplexity", cell, i -> cell.get(i).perplexity());
            put(m, "seconds", cell, i -> cell.get(i).seconds());
            cells.add(new Cell(cell.get(0).model(), cell.get(0).k(), cell.size(), m));
        }
        return cells;
    }

    private static void put(Map<String, MeanSd> m, String name, List<Row> cell, IntFunction<Double> value) {
        List<Double> values = new ArrayList<>();
        for (int i = 0; i < cell.size(); i++) {
            values.add(value.apply(i));
        }
        m.put(name, MeanSd.of(values));
    }

    /** Document indices to fit on and to hold out ({@link #HELD_OUT} of them), both ascending, from {@code seed}. */
    static int[][] split(int n, long seed) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        SplitMix64 random = new SplitMix64(SplitMix64.derive(seed, 0x5e1d));
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        int held = (int) Math.round(n * HELD_OUT);
        int[] heldOut = java.util.Arrays.copyOfRange(order, 0, held);
        int[] fit = java.util.Arrays.copyOfRange(order, held, n);
        java.util.Arrays.sort(heldOut);
        java.util.Arrays.sort(fit);
        return new int[][] {fit, heldOut};
    }
}
