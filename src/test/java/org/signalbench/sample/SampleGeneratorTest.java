package org.signalbench.sample;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.signalbench.cli.SignalBenchCommand;
import org.signalbench.jobs.JobContext;

class SampleGeneratorTest {

    private static List<Path> files(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(Files::isRegularFile).map(root::relativize).sorted().toList();
        }
    }

    private static void generate(Path out, long seed, int posts, boolean images) throws IOException {
        new SampleGenerator(new SampleGenerator.Options(out, seed, posts, images)).generate(JobContext.NONE);
    }

    @Test
    void theSameSeedGivesTheSameBytesAndAnotherSeedDiffers(@TempDir Path dir) throws IOException {
        Path first = dir.resolve("first");
        Path second = dir.resolve("second");
        Path other = dir.resolve("other");
        generate(first, 7, 400, true);
        generate(second, 7, 400, true);
        generate(other, 8, 400, true);
        List<Path> names = files(first);
        assertEquals(names, files(second));
        assertTrue(names.size() > 20);
        for (Path name : names) {
            assertArrayEquals(Files.readAllBytes(first.resolve(name)), Files.readAllBytes(second.resolve(name)), name.toString());
        }
        Path bundle = Path.of("instagram-study/posts.jsonl");
        assertFalse(java.util.Arrays.equals(Files.readAllBytes(first.resolve(bundle)), Files.readAllBytes(other.resolve(bundle))));
    }

    @Test
    void aSampleFailingHalfWayAddsNoFileToItsFolder(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("sample");
        JobContext failing = new JobContext() {
            @Override
            public void progress(long done, long total, String message) {
                if (done == 3) { // the bundle and the coder files are written, the rest is not
                    throw new IllegalStateException("No space left on device");
                }
            }

            @Override
            public boolean isCancelled() {
                return false;
            }
        };
        SampleGenerator generator = new SampleGenerator(new SampleGenerator.Options(out, 3, 60, false));
        IllegalStateException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                () -> generator.generate(failing));
        assertEquals("No space left on device", e.getMessage());
        try (Stream<Path> left = Files.list(dir)) {
            assertEquals(List.of(), left.toList(), "no sample folder and no staged folder is left");
        }
        generate(out, 3, 60, false);
        assertTrue(Files.isRegularFile(out.resolve("instagram-study/posts.jsonl")));
        assertTrue(Files.isRegularFile(out.resolve("README.md")));
        try (Stream<Path> left = Files.list(dir)) {
            assertEquals(List.of(out), left.toList(), "only the published sample");
        }
    }

    @Test
    void aScaledCorpusKeepsTheShapes(@TempDir Path dir) throws IOException {
        generate(dir, SampleGenerator.DEFAULT_SEED, 2_000, false);
        SampleFiles sample = new SampleFiles(dir);
        assertEquals(2_000, sample.posts.size());
        long dealers = sample.order.stream().filter(id -> "yes".equals(sample.finalValue(id, "dealer"))).count();
        assertEquals(Math.round(1228 * 2000.0 / 12857), dealers);
        assertTrue(sample.posts.values().stream().allMatch(p -> p.get("media").isEmpty()), "--no-images lists no media");
        assertFalse(Files.exists(dir.resolve("instagram-study/media")));
    }

    @Test
    void aDealerShareSetsTheNumberOfDealerPosts(@TempDir Path dir) throws IOException {
        new SampleGenerator(new SampleGenerator.Options(dir, SampleGenerator.DEFAULT_SEED, 600, false, 0.15))
                .generate(JobContext.NONE);
        SampleFiles sample = new SampleFiles(dir);
        long dealers = sample.order.stream().filter(id -> "yes".equals(sample.finalValue(id, "dealer"))).count();
        assertEquals(600, sample.posts.size());
        assertEquals(90, dealers);
        int bad = SignalBenchCommand.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()))
                .execute("sample", "--out", dir.resolve("x").toString(), "--posts", "600", "--dealer-share", "0.7");
        assertEquals(SignalBenchCommand.EXIT_USAGE, bad);
    }

    @Test
    void theCommandWritesTheSampleAndRejectsTooFewPosts(@TempDir Path dir) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = SignalBenchCommand.commandLine(new PrintWriter(out), new PrintWriter(err))
                .execute("sample", "--out", dir.toString(), "--posts", "300", "--no-images");
        assertEquals(0, code, err.toString());
        assertTrue(out.toString().contains("wrote 300 posts"), out.toString());
        assertTrue(Files.isRegularFile(dir.resolve("README.md")));
        int bad = SignalBenchCommand.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(err))
                .execute("sample", "--out", dir.toString(), "--posts", "10");
        assertEquals(SignalBenchCommand.EXIT_USAGE, bad);
        assertNotEquals("", err.toString());
    }
}
