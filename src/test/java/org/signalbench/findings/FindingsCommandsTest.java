package org.signalbench.findings;

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
import org.signalbench.store.Workbench;
import org.signalbench.testing.CliRun;
import org.signalbench.testing.TestWorkbenches;

/** The hashtags, findings and report commands over the corpus of {@link FindingsCorpus}, with the shipped lexicons. */
class FindingsCommandsTest {
    @TempDir
    Path dir;

    String db;

    @BeforeEach
    void corpus() throws Exception {
        try (Workbench wb = TestWorkbenches.open(dir)) {
            FindingsCorpus.build(wb.connection(), dir);
        }
        db = dir.resolve("test.sqlite").toString();
    }

    @Test
    void hashtagsPrintsTable2AsJsonAndAsText() throws Exception {
        Path lexicon = dir.resolve("drugs.json");
        Files.writeString(lexicon, "{\"groups\": [{\"drug\": \"Xanax\", \"hashtags\": [\"xanax\", \"#XanaxFamily\"]}]}");
        CliRun json = CliRun.of("hashtags", "--db", db, "--lexicon", lexicon.toString(), "--json");
        assertEquals(0, json.exit(), json.err());
        JsonNode expected = new ObjectMapper().readTree("""
                {"n": 5, "groups": [{"drug": "Xanax", "hashtags": [{"hashtag": "#xanax", "posts": 1, "percent": 20.0},
                  {"hashtag": "#xanaxfamily", "posts": 3, "percent": 60.0}], "total": {"posts": 3, "percent": 60.0}}]}""");
        assertEquals(expected, new ObjectMapper().readTree(json.out()));

        CliRun text = CliRun.of("hashtags", "--db", db, "--lexicon", lexicon.toString());
        assertEquals(0, text.exit(), text.err());
        assertTrue(text.out().contains("(N = 5)"), text.out());
        assertTrue(text.out().matches("(?s).*Xanax\\s+#xanax\\s+1 \\(20\\.0\\).*"), text.out());
        assertTrue(text.out().matches("(?s).*\\n\\s+#xanaxfamily\\s+3 \\(60\\.0\\).*"), text.out());
        assertTrue(text.out().matches("(?s).*\\n\\s+Total\\s+3 \\(60\\.0\\).*"), text.out());
    }

    @Test
    void aBadLexiconFailsWithTheFileAndTheReason() throws Exception {
        Path broken = dir.resolve("broken.json");
        Files.writeString(broken, "{\"groups\": [\n  {\"drug\": \"Xanax\", \"hashtags\": [\"xanax\",]}\n");
        CliRun r = CliRun.of("hashtags", "--db", db, "--lexicon", broken.toString());
        assertEquals(1, r.exit());
        assertTrue(r.err().contains(broken.toString()) && r.err().contains("line 2"), r.err());
        assertEquals("", r.out());

        Path noTags = dir.resolve("no-tags.json");
        Files.writeString(noTags, "{\"groups\": [{\"drug\": \"Xanax\"}]}");
        r = CliRun.of("hashtags", "--db", db, "--lexicon", noTags.toString());
        assertEquals(1, r.exit());
        assertTrue(r.err().contains(noTags.toString()) && r.err().contains("missing \"hashtags\" list of the group 'Xanax'"), r.err());

        r = CliRun.of("hashtags", "--db", db, "--lexicon", dir.resolve("absent.json").toString());
        assertEquals(1, r.exit());
        assertTrue(r.err().contains("absent.json: no such file"), r.err());
    }

    @Test
    void discoverWritesThePlainSearchList() throws Exception {
        Path list = dir.resolve("next/searches.txt");
        CliRun r = CliRun.of("findings", "--db", db, "--discover", "--out", list.toString());
        assertEquals(0, r.exit(), r.err());
        assertEquals(List.of("#oxy", "#mollyplug", "#percs"), Files.readAllLines(list));
        assertEquals("#oxy\n#mollyplug\n#percs\n", CliRun.of("findings", "--db", db, "--discover").out());
    }

    @Test
    void findingsWritesEveryTableAsCsvOrMarkdownMaskedUnlessToldNot() throws Exception {
        Path csvDir = dir.resolve("csv");
        CliRun r = CliRun.of("findings", "--db", db, "--format", "csv", "--out", csvDir.toString());
        assertEquals(0, r.exit(), r.err());
        for (String key : List.of("overview", "drug-hashtags", "hashtag-categories", "contact-channels", "exchanges",
                "posts-per-account", "top-accounts", "image-categories", "timeline", "discovery")) {
            assertTrue(Files.isRegularFile(csvDir.resolve(key + ".csv")), key);
        }
        String accounts = Files.readString(csvDir.resolve("top-accounts.csv"));
        assertTrue(accounts.startsWith("Account,Platform,Dealer posts\r\n" + Masking.maskAccount("plug_one") + ",instagram,2\r\n"), accounts);
        assertEquals("Channel,Coded,Coded %,Detected,Detected %,Both,Coded only,Detected only\r\nWickr,2,40,1,20,1,1,0\r\n",
                Files.readString(csvDir.resolve("contact-channels.csv")).lines().limit(2).map(l -> l + "\r\n").reduce("", String::concat));

        Path mdDir = dir.resolve("md");
        r = CliRun.of("findings", "--db", db, "--format", "markdown", "--out", mdDir.toString(), "--no-mask");
        assertEquals(0, r.exit(), r.err());
        assertTrue(Files.readString(mdDir.resolve("top-accounts.md")).contains("| plug\\_one | instagram | 2 |"), "Markdown signs escaped");

        CliRun md = CliRun.of("findings", "--db", db);
        assertTrue(md.out().contains("## Dealer posts per week") && md.out().contains("| 2018-W33 | 2018-08-13 | 1 |"), md.out());
        assertFalse(md.out().contains("plug_one"));

        JsonNode json = new ObjectMapper().readTree(CliRun.of("findings", "--db", db, "--json").out());
        assertEquals(5, json.get("n").asInt());
        assertTrue(json.get("masked").asBoolean());
        assertEquals(10, json.get("tables").size());
        assertEquals("overview", json.get("tables").get(0).get("key").asText());

        CliRun bad = CliRun.of("findings", "--db", db, "--format", "xlsx");
        assertEquals(2, bad.exit());
        assertTrue(bad.err().contains("xlsx"), bad.err());
    }

    @Test
    void reportWritesOneSelfContainedHtmlFile() throws Exception {
        Path html = dir.resolve("out/report.html");
        CliRun r = CliRun.of("report", "--db", db, "--out", html.toString());
        assertEquals(0, r.exit(), r.err());
        String page = Files.readString(html);
        assertTrue(page.contains("test.sqlite") && page.contains("Masked:") && page.contains("<svg "));
        assertFalse(page.contains("http://") || page.contains("https://") || page.contains("<script") || page.contains("plug_one"));
        assertEquals(2, CliRun.of("report", "--db", db).exit(), "--out is required");
    }
}
