package org.signalbench.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.signalbench.jobs.CancelledException;
import org.signalbench.jobs.JobContext;

/** Generation on first use: a complete folder is reused, a cancelled generation leaves nothing behind. */
class TwitterStudySampleFolderTest {
    @TempDir
    Path dir;

    private static final JobContext CANCELLED = new JobContext() {
        @Override
        public void progress(long done, long total, String message) {
        }

        @Override
        public boolean isCancelled() {
            return true;
        }
    };

    @Test
    void aCancelledGenerationLeavesNoFolderBehind() throws Exception {
        Path folder = dir.resolve("samples/twitter-study");
        assertThrows(CancelledException.class, () -> TwitterStudySample.ensure(folder, TwitterStudySample.DEFAULT_SEED, CANCELLED));
        assertFalse(Files.exists(folder));
        try (Stream<Path> left = Files.list(dir.resolve("samples"))) {
            assertEquals(List.of(), left.toList());
        }
    }

    @Test
    void aCompleteFolderOfTheSameGeneratorAndSeedIsReused() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("twitter-study"));
        Files.writeString(folder.resolve(TwitterStudySample.PLAN_FILE),
                "{\"generator\": \"" + TwitterStudySample.GENERATOR + "\", \"seed\": 7}");
        assertTrue(TwitterStudySample.isComplete(folder, 7));
        assertFalse(TwitterStudySample.isComplete(folder, 8), "another seed is another sample");
        // A cancelled context would stop any generation: reuse must not start one.
        assertEquals(folder, TwitterStudySample.ensure(folder, 7, CANCELLED));
        assertFalse(Files.exists(folder.resolve(TwitterStudySample.TWEETS_FILE)));
    }
}
