package org.signalbench.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.signalbench.jobs.JobContext;
import org.signalbench.store.TopicStore;
import org.signalbench.store.Workbench;
import org.signalbench.testing.TestWorkbenches;
import org.signalbench.testing.TweetWorkbenches;

/** Topic rounds end to end on a small planted workbench: fit, tag, filter, the funnel, retrieval, compare. */
class TopicsServiceTest {
    private static final int PER_THEME = 60;

    @TempDir
    Path dir;
    Workbench workbench;
    TopicsService service;

    @BeforeEach
    void setUp() throws Exception {
        workbench = TweetWorkbenches.create(dir, PER_THEME);
        service = new TopicsService(Settings.load());
    }

    @AfterEach
    void tearDown() throws Exception {
        workbench.close();
    }

    /** The theme that gives {@code word} the highest probability. */
    static TopicsService.Theme themeWith(TopicsService.Round round, String word) {
        return round.themes().stream().max(java.util.Comparator.comparingDouble(t -> t.words().stream()
                .filter(w -> w.word().equals(word)).mapToDouble(org.signalbench.domain.TopicWord::p).max().orElse(0))).orElseThrow();
    }

    @Test
    void roundsTagFilterAndRetrieve() {
        // The planted themes share no words, so a Gibbs state that merged two of them never splits
        // them again (seeds 1, 3 and 4 end so); seed 2 separates all four.
        TopicsService.Round first = service.fit(workbench, TopicsService.FitRequest.of("btm", 4, 100, 2), JobContext.NONE);
        org.signalbench.domain.TopicRun run = first.run();
        assertEquals(4 * PER_THEME, run.posts());
        assertEquals(4 * PER_THEME, run.documents());
        assertEquals(4, first.themes().size());
        assertEquals(4 * PER_THEME, first.themes().stream().mapToInt(TopicsService.Theme::size).sum());
        assertEquals(64, run.corpusHash().length());
        assertEquals(100, run.iterations());
        assertEquals(2, run.seed());
        assertTrue(run.hyperparameters().containsKey("alpha"), run.hyperparameters().toString());
        assertTrue(run.libraryVersions().containsKey("java"));
        assertTrue(run.libraryVersions().containsKey(Settings.APP_VERSION));

        TopicsService.Theme news = themeWith(first, "fentanyl");
        TopicsService.Theme selling = themeWith(first, "oxycodone");
        // Two coders disagree: no settled tag until the expert decides.
        service.tag(workbench, run.id(), news.topic(), "ana", "noise");
        service.tag(workbench, run.id(), news.topic(), "ben", "neutral");
        assertNull(service.round(workbench, run.id()).themes().get(news.topic()).tag());
        assertEquals(1, service.agreement(workbench, run.id()).size());
        service.decide(workbench, run.id(), news.topic(), "eve", "noise");
        service.name(workbench, run.id(), news.topic(), "fentanyl news");
        TopicsService.Theme settled = service.round(workbench, run.id()).themes().get(news.topic());
        assertEquals("noise", settled.tag());
        assertEquals("fentanyl news", settled.name());
        assertEquals(Map.of("ana", "noise", "ben", "neutral"), settled.coderTags());
        assertThrows(IllegalArgumentException.class, () -> service.tag(workbench, run.id(), 9, "ana", "noise"));
        assertThrows(IllegalArgumentException.class, () -> service.tag(workbench, run.id(), 0, "ana", "spam"));

        org.signalbench.domain.TopicCorpusStep kept = service.filterNoise(workbench, run.id());
        assertEquals(4 * PER_THEME - news.size(), kept.posts());
        assertEquals(4 * PER_THEME, kept.postsBefore());

        // Round two runs on what the filter left; then the study's keyword step.
        TopicsService.Round second = service.fit(workbench, TopicsService.FitRequest.of("btm", 3, 60, 1)
                .withDropKeywords(List.of("percocet")), JobContext.NONE);
        List<TopicsService.FunnelStep> funnel = service.funnel(workbench, null);
        assertEquals(3, funnel.size());
        assertEquals(4 * PER_THEME, funnel.get(0).posts());
        assertEquals(kept.posts(), funnel.get(1).posts());
        assertEquals(run.id(), funnel.get(1).sourceRunId());
        assertTrue(funnel.get(2).label().contains("percocet"), funnel.get(2).label());
        assertEquals(second.run().posts(), funnel.get(2).posts());
        assertTrue(second.run().posts() < kept.posts());

        service.tag(workbench, run.id(), selling.topic(), "ana", "signal");
        TopicsService.Retrieval retrieval = service.retrieve(workbench, run.id());
        assertEquals(List.of(selling.topic()), retrieval.signalTopics());
        assertTrue(retrieval.count() >= PER_THEME, "retrieved " + retrieval.count());
        long sellingTweets = retrieval.tweets().stream().filter(t -> t.text().contains("oxycodone")
                || t.text().contains("buy") || t.text().contains("online")).count();
        assertTrue(sellingTweets >= PER_THEME * 0.9, sellingTweets + " of " + retrieval.count());
        for (RetrievedTweet t : retrieval.tweets()) {
            assertTrue(t.firstTopic() == selling.topic() || t.secondTopic() == selling.topic());
            assertTrue(t.p1() >= t.p2());
        }
        assertEquals((double) retrieval.count() / (4 * PER_THEME), retrieval.share(), 1e-12);
        assertFalse(service.representativeTweets(workbench, run.id(), selling.topic(), 5).isEmpty());
    }

    @Test
    void noiseFilterNeedsANoiseTheme() {
        TopicsService.Round round = service.fit(workbench, TopicsService.FitRequest.of("nmf", 4, 20, 1), JobContext.NONE);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> service.filterNoise(workbench, round.run().id()));
        assertTrue(e.getMessage().contains("noise"), e.getMessage());
    }

    @Test
    void compareUsesTheClassesFileOrTheStoredClasses() throws Exception {
        Path classes = TweetWorkbenches.classesFile(dir, 4 * PER_THEME, 2);
        TopicsService.Comparison fromFile = service.compare(workbench, new TopicsService.CompareRequest(
                List.of("btm", "nmf"), List.of(4), List.of(1L), 30, 1, classes, null), JobContext.NONE);
        assertEquals(2, fromFile.rows().size());
        assertEquals(2 * PER_THEME * 9 / 10, fromFile.labelled(), 2 * PER_THEME / 5.0);
        assertTrue(fromFile.rows().get(0).purity() > 0.5, fromFile.rows().toString());

        assertEquals(2 * PER_THEME, service.importThemeClasses(workbench, classes));
        TopicsService.Comparison stored = service.compare(workbench, new TopicsService.CompareRequest(
                List.of("btm"), List.of(4), List.of(1L), 30, 1, null, null), JobContext.NONE);
        assertEquals(fromFile.rows().get(0).purity(), stored.rows().get(0).purity(), 1e-12);
        assertEquals(stored.id(), service.latestComparison(workbench).id());
        assertEquals(stored.rows(), service.latestComparison(workbench).rows());
    }

    @Test
    void aBadClassesLineIsNamed() throws Exception {
        Path bad = java.nio.file.Files.writeString(dir.resolve("bad.csv"), "external_id,class\nt1,news\nt2\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> service.importThemeClasses(workbench, bad));
        assertTrue(e.getMessage().contains("bad.csv, line 3"), e.getMessage());
    }

    @Test
    void migratesFromVersion9() throws Exception {
        Path file = dir.resolve("old.sqlite");
        Workbench.migrate(file, "9");
        try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + file)) {
            TestWorkbenches.insertPost(c, "twitter", "t0", "user0", "buy oxycodone online cheap pharmacy");
        }
        try (Workbench upgraded = Workbench.open(file)) {
            assertEquals(0, TestWorkbenches.scalar(upgraded.connection(), "SELECT count(*) FROM topic_run"));
            TopicsService.Round round = service.fit(upgraded, TopicsService.FitRequest.of("btm", 2, 5, 1), JobContext.NONE);
            assertEquals(1, round.run().documents());
        }
    }
}
