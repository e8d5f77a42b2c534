package org.signalbench.topics;

import java.util.ArrayList;
import java.util.List;

/**
 * A deterministic generator of tweet-like token lists for benchmarks: documents of 3 to 16 tokens
 * (about 9 on average, as keyword-filtered tweets after stop-word removal), each with one theme
 * from which most of its words come, the rest from a shared everyday vocabulary. Theme sizes and
 * word frequencies follow Zipf-like laws. Words are invented ("t12w7", "g403"). Not the Twitter sample
 * (that comes from the sample generator); this only gives the models realistic shapes to work on.
 *
 * @param tokens one token list per document
 * @param themes each document's planted theme
 */
public record SyntheticTweets(List<List<String>> tokens, int[] themes) {
    /** Number of planted themes. */
    public static final int THEMES = 60;
    private static final int WORDS_PER_THEME = 200;
    private static final int GENERAL_WORDS = 8000;
    private static final double THEME_SHARE = 0.7;

    public static SyntheticTweets generate(int documents, long seed) {
        SplitMix64 random = new SplitMix64(SplitMix64.derive(seed, 0x7733));
        double[] themeCdf = zipfCdf(THEMES, 0.8);
        double[] themeWordCdf = zipfCdf(WORDS_PER_THEME, 1.0);
        double[] generalCdf = zipfCdf(GENERAL_WORDS, 1.0);
        List<List<String>> tokens = new ArrayList<>(documents);
        int[] themes = new int[documents];
        for (int d = 0; d < documents; d++) {
            int theme = draw(themeCdf, random.nextDouble());
            themes[d] = theme;
            int length = 3 + random.nextInt(7) + random.nextInt(8); // 3..16, mean 9.5
            List<String> doc = new ArrayList<>(length);
            for (int i = 0; i < length; i++) {
                if (random.nextDouble() < THEME_SHARE) {
                    doc.add("t" + theme + "w" + draw(themeWordCdf, random.nextDouble()));
                } else {
                    doc.add("g" + draw(generalCdf, random.nextDouble()));
                }
            }
            tokens.add(doc);
        }
        return new SyntheticTweets(tokens, themes);
    }

    private static double[] zipfCdf(int n, double exponent) {
        double[] cdf = new double[n];
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += 1 / Math.pow(i + 1, exponent);
            cdf[i] = sum;
        }
        for (int i = 0; i < n; i++) {
            cdf[i] /= sum;
        }
        return cdf;
    }

    private static int draw(double[] cdf, double u) {
        int i = java.util.Arrays.binarySearch(cdf, u);
        return Math.min(cdf.length - 1, i >= 0 ? i + 1 : -i - 1);
    }
}
