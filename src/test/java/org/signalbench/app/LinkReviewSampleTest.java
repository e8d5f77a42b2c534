package org.signalbench.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.signalbench.jobs.JobContext;
import org.signalbench.sample.TwitterStudySample;
import org.signalbench.store.Workbench;
import org.signalbench.testing.CliRun;

/**
 * The link review on the built-in Twitter study sample: its planted selling tweets retrieved as
 * planted, imported alone (the other 212,000 tweets add nothing to the funnel), then the funnel.
 */
class LinkReviewSampleTest {
    @TempDir
    static Path dir;
    static Path sample;
    static Path db;

    @BeforeAll
    static void generateAndImportTheSellingTweets() throws Exception {
        sample = dir.resolve("sample");
        TwitterStudySample.generate(sample, TwitterStudySample.DEFAULT_SEED, JobContext.NONE);
        Set<String> selling = new HashSet<>();
        for (String line : Files.readAllLines(sample.resolve(TwitterStudySample.TRUTH_FILE)).subList(1, TwitterStudySample.TWEETS + 1)) {
            String[] f = line.split(",", -1);
            if (!f[4].isEmpty()) {
                selling.add(f[0]);
            }
        }
        Path tweets = dir.resolve("selling.jsonl");
        try (BufferedReader in = Files.newBufferedReader(sample.resolve(TwitterStudySample.TWEETS_FILE), StandardCharsets.UTF_8);
             BufferedWriter out = Files.newBufferedWriter(tweets, StandardCharsets.UTF_8)) {
            String line;
            while ((line = in.readLine()) != null) {
                int at = line.indexOf("\"id_str\":\"") + 10;
                if (selling.contains(line.substring(at, line.indexOf('"', at)))) {
                    out.write(line);
                    out.write('\n');
                }
            }
        }
        db = dir.resolve("wb.sqlite");
        CliRun imported = CliRun.of("import", "--db", db.toString(), tweets.toString());
        assertEquals(0, imported.exit(), imported.err());
    }

    @Test
    void theFunnelOfThePlantedRetrievalReproducesTheStudysCounts() throws Exception {
        LinkReviewService service = new LinkReviewService();
        try (Workbench wb = Workbench.open(db)) {
            LinkReviewService.Retrieval retrieval = service.readIds(wb, sample.resolve(TwitterStudySample.TRUTH_FILE), true);
            assertEquals(List.of(), retrieval.problems());
            LinkReviewService.Candidates c = service.candidates(wb, retrieval.source(), retrieval.postIds());
            assertEquals(692, c.funnel().retrieved());
            assertEquals(476, c.funnel().withLinksOrContacts());
            assertEquals(476, c.funnel().withLinks());
            // 476 - 250 retweets - 96 identical copies
            assertEquals(250, c.funnel().retweets());
            assertEquals(96, c.funnel().identicalCopies());
            assertEquals(130, c.funnel().unique());
            assertTrue(c.funnel().byDomain().containsKey("rxbargainmeds.test"));
        }
    }
}
