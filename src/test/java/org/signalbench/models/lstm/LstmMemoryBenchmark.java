package org.signalbench.models.lstm;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.signalbench.jobs.JobContext;

/**
 * Memory benchmark (runs only with {@code -Dsignalbench.bench=true}): trains the laptop preset
 * for a fixed number of epochs on random posts, several times in a row as the folds of a
 * cross-validation do, and prints the process's resident memory (VmRSS) and its peak (VmHWM) after
 * every epoch, with the Java heap's committed size and JavaCPP's count of off-heap bytes (ND4J's
 * arrays), so growth can be told apart. Flat memory means the per-epoch figures stop growing after the first fold.
 *
 * <pre>mvn -q -B test -Dtest=LstmMemoryBenchmark -Dsignalbench.bench=true [-Dbench.epochs=20 -Dbench.folds=3 -Dbench.posts=6000]</pre>
 *
 * Early stopping is off (no validation posts) so every fold runs all epochs. Linux only (/proc).
 */
class LstmMemoryBenchmark {
    @Test
    void residentMemoryPerEpochAndFold() throws IOException {
        Assumptions.assumeTrue(Boolean.getBoolean("signalbench.bench"), "benchmark: run with -Dsignalbench.bench=true");
        Assumptions.assumeTrue(Files.isReadable(Path.of("/proc/self/status")), "needs /proc");
        int epochs = Integer.getInteger("bench.epochs", 20);
        int folds = Integer.getInteger("bench.folds", 3);
        int posts = Integer.getInteger("bench.posts", 6000);
        int dictionary = 20_000;
        LstmConfig config = LstmConfig.laptop().withDictionarySize(dictionary).withTraining(0.2, 1e-3, 32, epochs, 4);
        Random random = new Random(1);
        List<LstmSequence> train = new ArrayList<>();
        int[] labels = new int[posts];
        for (int i = 0; i < posts; i++) {
            int[] text = new int[1 + random.nextInt(50)];
            for (int t = 0; t < text.length; t++) {
                text[t] = 1 + random.nextInt(dictionary - 1);
            }
            int[] tags = new int[random.nextInt(15)];
            for (int t = 0; t < tags.length; t++) {
                tags[t] = 1 + random.nextInt(dictionary - 1);
            }
            train.add(new LstmSequence(i, text, tags));
            labels[i] = random.nextInt(10) == 0 ? 1 : 0;
        }
        long firstFoldPeak = 0;
        long lastPeak = 0;
        for (int fold = 1; fold <= folds; fold++) {
            int f = fold;
            LstmModel model = new LstmTrainer(config.withSeed(fold)).onEpoch(e -> System.out.printf(
                    "fold %d epoch %2d: RSS %5d MB, peak %5d MB, Java heap committed %5d MB, off-heap (ND4J) %5d MB (%.1f s)%n",
                    f, e.epoch(), kb("VmRSS") / 1024, kb("VmHWM") / 1024, Runtime.getRuntime().totalMemory() >> 20,
                    org.bytedeco.javacpp.Pointer.totalBytes() >> 20, e.seconds())).train(train, labels, List.of(), new int[0], JobContext.NONE);
            model.network().close();
            if (fold == 1) {
                firstFoldPeak = kb("VmHWM");
            }
            lastPeak = kb("VmHWM");
        }
        System.out.printf("peak after fold 1: %d MB, after fold %d: %d MB%n", firstFoldPeak / 1024, folds, lastPeak / 1024);
        assertTrue(lastPeak > 0);
    }

    /** A /proc/self/status field in kB. */
    private static long kb(String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith(field + ":")) {
                    return Long.parseLong(line.replaceAll("\\D", ""));
                }
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return -1;
    }
}
