package org.signalbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.signalbench.testing.CliRun;
import org.signalbench.topics.BtmBenchmark;
import org.signalbench.topics.SyntheticTweets;
import org.signalbench.topics.TopicCorpus;

/** {@code bench topics}: the JSON shape the issue fixes, on a tiny corpus, and usage errors. */
class TopicsBenchCommandTest {

    @Test
    void printsBitermsAndOneRunPerThreadCountAsJson() throws Exception {
        CliRun run = CliRun.of("bench", "topics", "--docs", "300", "--k", "10", "--iterations", "1", "--threads", "1,2",
                "--models", "nmf", "--model-iterations", "2", "--json");
        assertEquals(0, run.exit(), run.err());
        JsonNode json = new ObjectMapper().readTree(run.out());
        assertEquals(10, json.get("k").asInt());
        TopicCorpus corpus = TopicCorpus.fromTokens(SyntheticTweets.generate(300, 1).tokens());
        assertEquals(BtmBenchmark.biterms(corpus), json.get("biterms").asInt());
        assertEquals(2, json.get("runs").size());
        assertEquals(1, json.get("runs").get(0).get("threads").asInt());
        assertEquals(2, json.get("runs").get(1).get("threads").asInt());
        for (JsonNode r : json.get("runs")) {
            assertTrue(r.get("bitermsPerSecond").asDouble() > 0, run.out());
        }
        assertTrue(json.get("sumBInferenceSeconds").asDouble() > 0);
        assertEquals("nmf", json.get("models").get(0).get("model").asText());
    }

    @Test
    void exportsTheGeneratedTweetsOnePerLine(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("tweets.txt");
        CliRun run = CliRun.of("bench", "topics", "--docs", "40", "--k", "3", "--iterations", "1", "--threads", "1",
                "--export", file.toString(), "--json");
        assertEquals(0, run.exit(), run.err());
        List<String> lines = Files.readAllLines(file);
        assertEquals(40, lines.size());
        assertEquals(String.join(" ", SyntheticTweets.generate(40, 1).tokens().get(7)), lines.get(7));
    }

    @Test
    void badNumbersAndUnknownModelsAreBadUsage() {
        CliRun zero = CliRun.of("bench", "topics", "--k", "0");
        assertEquals(2, zero.exit());
        assertTrue(zero.err().contains("must be at least 1"), zero.err());
        CliRun unknown = CliRun.of("bench", "topics", "--docs", "50", "--k", "3", "--iterations", "1", "--threads", "1",
                "--models", "plsa");
        assertEquals(2, unknown.exit());
        assertTrue(unknown.err().contains("plsa"), unknown.err());
    }

    @Test
    void generatedTweetsAreTheSameForASeed() {
        SyntheticTweets a = SyntheticTweets.generate(200, 4);
        assertEquals(a, a);
        assertEquals(a.tokens(), SyntheticTweets.generate(200, 4).tokens());
        assertTrue(!a.tokens().equals(SyntheticTweets.generate(200, 5).tokens()));
        assertTrue(a.tokens().stream().allMatch(t -> t.size() >= 3 && t.size() <= 16));
    }
}
