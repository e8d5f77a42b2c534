package org.signalbench.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.signalbench.jobs.JobContext;
import org.signalbench.sample.TwitterStudySample;
import org.signalbench.store.TopicStore;
import org.signalbench.store.Workbench;
import org.signalbench.testing.TestWorkbenches;

/**
 * Opening the Twitter study sample as a workbench: a complete sample folder (here a small stand-in
 * with the generator's plan, so nothing is generated) is imported with its theme classes, once.
 */
class TwitterStudyWorkbenchTest {
    @TempDir
    Path dir;

    @Test
    void importsTheTweetsAndTheirClassesOnce() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("twitter-study"));
        Files.copy(Path.of("sample-data/twitter/tweets-v1.jsonl"), folder.resolve(TwitterStudySample.TWEETS_FILE));
        Files.writeString(folder.resolve(TwitterStudySample.CODER_FILE),
                "external_id,class\n1048171779586620926,news\n999,unknown-tweet\n");
        Files.writeString(folder.resolve(TwitterStudySample.PLAN_FILE), "{\"generator\":\"" + TwitterStudySample.GENERATOR
                + "\",\"seed\":" + TwitterStudySample.DEFAULT_SEED + "}");
        Services services = Services.of(Settings.load(), dir.resolve("models"));
        TopicsService topics = new TopicsService(services.settings());
        Path file = dir.resolve("twitter-study.sqlite");

        for (int open = 0; open < 2; open++) {
            assertEquals(file, TwitterStudyWorkbench.prepare(file, folder, services.importing(), topics, JobContext.NONE));
            try (Workbench wb = Workbench.open(file)) {
                assertEquals(25, TestWorkbenches.scalar(wb.connection(), "SELECT count(*) FROM post WHERE platform = 'twitter'"));
                assertEquals(java.util.Map.of(TestWorkbenches.scalar(wb.connection(),
                        "SELECT id FROM post WHERE external_id = '1048171779586620926'"), "news"),
                        new TopicStore(wb.connection()).themeClasses());
            }
        }
    }
}
