package org.signalbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.signalbench.testing.CliRun;
import org.signalbench.testing.TweetWorkbenches;

/** The {@code topics} commands on a small planted tweet workbench: the JSON contracts, and the rounds through the CLI. */
class TopicsCommandTest {
    private static final int PER_THEME = 40;
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;
    String db;

    @BeforeEach
    void setUp() throws Exception {
        TweetWorkbenches.create(dir, PER_THEME).close();
        db = dir.resolve("test.sqlite").toString();
    }

    private JsonNode json(String... args) throws Exception {
        CliRun run = CliRun.of(args);
        assertEquals(0, run.exit(), run.err() + run.out());
        return JSON.readTree(run.out());
    }

    /** The topic whose words give {@code word} the highest probability. */
    private static int topicOf(JsonNode fit, String word) {
        int best = -1;
        double bestP = -1;
        for (JsonNode t : fit.get("topics")) {
            for (JsonNode w : t.get("words")) {
                if (w.get("word").asText().equals(word) && w.get("p").asDouble() > bestP) {
                    bestP = w.get("p").asDouble();
                    best = t.get("topic").asInt();
                }
            }
        }
        return best;
    }

    @Test
    void fitTagFilterRetrieveAndShow() throws Exception {
        JsonNode fit = json("topics", "fit", "--db", db, "--model", "btm", "--k", "4", "--iterations", "100", "--seed", "2",
                "--json");
        for (String key : List.of("runId", "model", "k", "documents", "seconds", "topics")) {
            assertTrue(fit.has(key), key);
        }
        assertEquals("btm", fit.get("model").asText());
        assertEquals(4, fit.get("k").asInt());
        assertEquals(4 * PER_THEME, fit.get("documents").asInt());
        assertEquals(4, fit.get("topics").size());
        JsonNode topic = fit.get("topics").get(0);
        assertTrue(topic.has("topic") && topic.has("size") && topic.get("words").get(0).has("word")
                && topic.get("words").get(0).has("p"));
        long run = fit.get("runId").asLong();
        int news = topicOf(fit, "fentanyl");
        int selling = topicOf(fit, "oxycodone");

        JsonNode tagged = json("topics", "tag", "--db", db, "--topic", Integer.toString(news), "--tag", "noise",
                "--name", "fentanyl news", "--coder", "ana", "--json");
        assertEquals("noise", tagged.get("themes").get(0).get("tag").asText());
        assertEquals("fentanyl news", tagged.get("themes").get(0).get("name").asText());
        json("topics", "tag", "--db", db, "--run", Long.toString(run), "--topic", Integer.toString(selling), "--tag", "signal",
                "--expert", "eve", "--json");

        JsonNode filtered = json("topics", "filter", "--db", db, "--noise", "--json");
        int newsSize = fit.get("topics").get(news).get("size").asInt();
        assertEquals(4 * PER_THEME - newsSize, filtered.get("posts").asInt());
        assertEquals(2, filtered.get("funnel").size());

        JsonNode retrieved = json("topics", "retrieve", "--db", db, "--run", Long.toString(run), "--json",
                "--out", dir.resolve("signal.csv").toString());
        assertTrue(retrieved.get("count").asInt() >= PER_THEME, retrieved.toString());
        assertEquals(retrieved.get("count").asDouble() / (4 * PER_THEME), retrieved.get("share").asDouble(), 1e-12);
        JsonNode first = retrieved.get("tweets").get(0);
        for (String key : List.of("postId", "externalId", "text", "firstTopic", "p1", "secondTopic", "p2")) {
            assertTrue(first.has(key), key);
        }
        List<String> csv = Files.readAllLines(dir.resolve("signal.csv"));
        assertEquals(retrieved.get("count").asInt() + 1, csv.size());
        // The link review starts from this retrieval: every retrieved tweet enters its funnel.
        JsonNode funnel = json("twitter", "candidates", "--db", db, "--from-retrieval", Long.toString(run), "--json");
        assertEquals(retrieved.get("count").asInt(), funnel.get("retrieved").asInt(), funnel.toString());

        // Round two on what the filter left, without the music keyword: the funnel has three steps.
        JsonNode second = json("topics", "fit", "--db", db, "--model", "nmf", "--k", "2", "--iterations", "20",
                "--keyword-filter", "percocet", "--json");
        assertTrue(second.get("documents").asInt() < filtered.get("posts").asInt());
        JsonNode show = json("topics", "show", "--db", db, "--run", Long.toString(run), "--json");
        assertEquals(3, show.get("funnel").size());
        assertEquals(2, show.get("rounds").size());
        assertEquals(run, show.get("run").get("id").asLong());
        assertEquals("signal", show.get("themes").get(selling).get("tag").asText());
        CliRun text = CliRun.of("topics", "show", "--db", db);
        assertEquals(0, text.exit(), text.err());
        assertTrue(text.out().contains("percocet"), text.out());
    }

    @Test
    void compareRowsCarryTheContractsKeysAndTablesAreWritten() throws Exception {
        Path classes = TweetWorkbenches.classesFile(dir, 4 * PER_THEME, 1);
        JsonNode c = json("topics", "compare", "--db", db, "--models", "btm,nmf", "--k", "2,4", "--seeds", "1,2",
                "--iterations", "20", "--classes", classes.toString(), "--json",
                "--csv", dir.resolve("c.csv").toString(), "--markdown", dir.resolve("c.md").toString(),
                "--latex", dir.resolve("c.tex").toString());
        assertEquals(8, c.get("rows").size());
        for (JsonNode row : c.get("rows")) {
            for (String key : List.of("model", "k", "seed", "purity", "purityMacro", "nmi", "npmi", "umass", "diversity",
                    "perplexity", "seconds")) {
                assertTrue(row.has(key), key + " in " + row);
            }
            assertTrue(row.get("purity").asDouble() > 0.2, row.toString());
        }
        assertEquals(9, Files.readAllLines(dir.resolve("c.csv")).size());
        String md = Files.readString(dir.resolve("c.md"));
        assertTrue(md.contains("| btm | 4 | 2 |"), md);
        assertTrue(md.contains(" ± "), md);
        assertTrue(Files.readString(dir.resolve("c.tex")).contains("\\toprule"));
    }

    @Test
    void badRequestsAreUsageErrors() throws Exception {
        CliRun unknownModel = CliRun.of("topics", "fit", "--db", db, "--model", "plsa", "--k", "3");
        assertEquals(2, unknownModel.exit());
        assertTrue(unknownModel.err().contains("plsa"), unknownModel.err());
        CliRun noRound = CliRun.of("topics", "retrieve", "--db", db);
        assertEquals(2, noRound.exit());
        assertTrue(noRound.err().contains("topics fit"), noRound.err());
        CliRun noNoise = CliRun.of("topics", "fit", "--db", db, "--model", "nmf", "--k", "2", "--iterations", "5");
        assertEquals(0, noNoise.exit(), noNoise.err());
        CliRun filter = CliRun.of("topics", "filter", "--db", db, "--noise");
        assertEquals(2, filter.exit());
        assertTrue(filter.err().contains("no theme tagged noise"), filter.err());
        CliRun missing = CliRun.of("topics", "show", "--db", dir.resolve("none.sqlite").toString());
        assertFalse(missing.exit() == 0);
    }

    @Test
    void benchTopicsTimesTheWorkbenchTweets() throws Exception {
        JsonNode bench = json("bench", "topics", "--db", db, "--k", "4", "--iterations", "1", "--threads", "1", "--json");
        assertEquals(4, bench.get("k").asInt());
        assertEquals(4 * PER_THEME, bench.get("documents").asInt());
        assertTrue(bench.get("biterms").asInt() > 4 * PER_THEME * 10, bench.toString());
        assertTrue(bench.get("runs").get(0).get("bitermsPerSecond").asDouble() > 0);
    }
}
