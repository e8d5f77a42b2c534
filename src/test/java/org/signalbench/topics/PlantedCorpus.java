package org.signalbench.topics;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** A tiny corpus with planted themes for tests: each document draws all its words from one theme's words. */
record PlantedCorpus(TopicCorpus corpus, int[] themes) {

    /** {@code themes} themes of {@code wordsPerTheme} words each ("t2w5" is theme 2's word 5); documents of 6 to 10 words. */
    static PlantedCorpus of(int themes, int wordsPerTheme, int documents, long seed) {
        Random random = new Random(seed);
        List<List<String>> tokens = new ArrayList<>();
        int[] truth = new int[documents];
        for (int d = 0; d < documents; d++) {
            int theme = d % themes;
            truth[d] = theme;
            int length = 6 + random.nextInt(5);
            List<String> doc = new ArrayList<>();
            for (int i = 0; i < length; i++) {
                doc.add("t" + theme + "w" + random.nextInt(wordsPerTheme));
            }
            tokens.add(doc);
        }
        return new PlantedCorpus(TopicCorpus.fromTokens(tokens), truth);
    }
}
