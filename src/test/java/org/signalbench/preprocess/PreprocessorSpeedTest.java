package org.signalbench.preprocess;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * 100,000 generated Instagram-like captions through steps 1-5. The target is a couple of seconds;
 * the assertion's bound is loose because the build machine is shared, so only a gross slowdown
 * (a regex that backtracks, a per-token copy storm) fails it. The figure is printed.
 */
class PreprocessorSpeedTest {
    static final int POSTS = 100_000;

    private static final String[] PIECES = {
            "xanax", "bars", "2mg", "best", "quality", "pills", "DM", "me", "for", "prices", "the", "and",
            "Wickr", "kik", "telegram", "whatsapp", "ship", "discreet", "overnight", "plug", "legit", "don't",
            "I'm", "selling", "oxy", "30s", "perc", "lean", "molly", "tabs", "!!!", "...", ",", "💊", "🔥", "👌🏽",
            "@plug_connect", "https://example.com/menu?id=42", "www.example.com/shop", "#xanax", "#Xanax",
            "#2mgXanax", "#xanaxfamily", "#oxycodone", "#lsd_25", "#mdmapills", "#", "abc#def", "recovery",
            "day", "clean", "sober", "news", "مخدرات", "נמכר", "xa\u200Bnax", "𝐱𝐚𝐧𝐚𝐱", "213-555-0142",
    };

    static List<TextItem> generate(int count, long seed) {
        Random random = new Random(seed);
        List<TextItem> items = new ArrayList<>(count);
        StringBuilder caption = new StringBuilder();
        for (int id = 1; id <= count; id++) {
            caption.setLength(0);
            int length = 3 + random.nextInt(40);
            for (int w = 0; w < length; w++) {
                caption.append(PIECES[random.nextInt(PIECES.length)]);
                if (random.nextInt(6) == 0) {
                    caption.append(random.nextInt(1000));   // a large vocabulary, as real captions have
                }
                caption.append(random.nextInt(8) == 0 ? "\n" : " ");
            }
            items.add(new TextItem(id, caption.toString()));
        }
        return items;
    }

    @Test
    void aHundredThousandCaptionsInAFewSeconds() {
        List<TextItem> items = generate(POSTS, 2019);
        Preprocessor preprocessor = ShippedStopWords.preprocessor();
        preprocessor.run(generate(5_000, 1));   // warm the JIT, as a long-running app would be
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long cpuStart = threads.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        PreprocessedCorpus corpus = preprocessor.run(items);
        double seconds = (System.nanoTime() - start) / 1e9;
        double cpuSeconds = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e9;
        // CPU time shows the work itself when other builds share the cores
        System.out.printf("preprocess: %,d captions in %.2f s wall, %.2f s CPU (%,.0f captions/s), dictionary %,d words%n",
                POSTS, seconds, cpuSeconds, POSTS / seconds, corpus.dictionary().size());
        assertEquals(POSTS, corpus.posts());
        assertTrue(corpus.dictionary().size() > 10_000, "dictionary " + corpus.dictionary().size());
        assertTrue(seconds < 20, "took " + seconds + " s");
    }
}
