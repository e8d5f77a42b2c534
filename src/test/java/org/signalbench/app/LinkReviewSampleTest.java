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
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.HashMap;
import java.util.Map;
import org.signalbench.sample.LinkReviewSampleFiles;
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
    void fromThePlantedRetrievalToTheStudysFiguresFromCodedData() throws Exception {
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
        // the sample ships two coders' answers, the expert's decisions and the link evidence
        for (String[] file : new String[][] {{LinkReviewSampleFiles.CODER_A, LinkReviewSampleFiles.CODER_A_NAME, ""},
                {LinkReviewSampleFiles.CODER_B, LinkReviewSampleFiles.CODER_B_NAME, ""},
                {LinkReviewSampleFiles.EXPERT, LinkReviewSampleFiles.EXPERT_NAME, "--expert"}}) {
            List<String> args = new java.util.ArrayList<>(List.of("twitter", "code", "import", "--db", db.toString(),
                    "--coder", file[1], sample.resolve(file[0]).toString()));
            if (!file[2].isEmpty()) {
                args.add(file[2]);
            }
            CliRun coded = CliRun.of(args.toArray(String[]::new));
            assertEquals(0, coded.exit(), coded.err());
            assertEquals("", coded.err());
        }
        CliRun evidence = CliRun.of("twitter", "evidence", "import", "--db", db.toString(),
                sample.resolve(LinkReviewSampleFiles.EVIDENCE).toString());
        assertEquals(0, evidence.exit(), evidence.err());

        JsonNode agreement = new ObjectMapper().readTree(CliRun.of("twitter", "agreement", "--db", db.toString(), "--json").out());
        Map<String, JsonNode> byQuestion = new HashMap<>();
        agreement.forEach(q -> byQuestion.put(q.get("question").asText(), q));
        assertEquals(130, byQuestion.get("seller_type").get("items").asInt());
        double kappa = byQuestion.get("seller_type").get("cohenKappa").asDouble();
        assertTrue(kappa > 0.9 && kappa < 1, "seller type kappa " + kappa);
        assertTrue(byQuestion.get("link_status").get("cohenKappa").asDouble() < 1);

        CliRun run = CliRun.of("twitter", "results", "--db", db.toString(), "--json");
        assertEquals(0, run.exit(), run.err());
        JsonNode r = new ObjectMapper().readTree(run.out());
        assertEquals(692, r.get("retrieved").asInt());
        assertEquals(476, r.get("withLinks").asInt());
        assertEquals(130, r.get("unique").asInt());
        assertEquals(130, r.get("coded").asInt());
        assertEquals(34, r.get("live").asInt());
        assertEquals(23, r.get("liveAccounts").asInt());
        assertEquals(15, r.get("liveByType").get("online-pharmacy").asInt());
        assertEquals(11, r.get("liveByType").get("individual-seller").asInt());
        assertEquals(7, r.get("liveByType").get("marketing-affiliate").asInt());
        assertEquals(1, r.get("liveByType").get("darknet").asInt());
        assertEquals(10, r.get("livePharmacySites").asInt());
        assertEquals(6, r.get("legitScriptAmongLivePharmacyTweets").get("rogue").asInt());
        assertEquals(9, r.get("legitScriptAmongLivePharmacyTweets").get("not-listed").asInt());
        assertEquals(1800, r.get("liveAccountFollowers").asInt());
        List<String> automated = new java.util.ArrayList<>();
        r.get("accounts").forEach(a -> {
            if (a.get("likelyAutomated").asBoolean()) {
                automated.add(a.get("handle").asText());
                assertTrue(a.get("tweetsPerYear").asDouble() > 100_000, a.toString());
            }
        });
        assertEquals(1, automated.size(), automated.toString());
        // the study's figures under their own key, beside the unchanged ones
        List<Double> studyLive = new java.util.ArrayList<>();
        r.get("study").get("figures").forEach(g -> {
            if (g.get("key").asText().equals("live")) {
                studyLive.add(g.get("value").asDouble());
            }
        });
        assertEquals(List.of(34.0), studyLive);
        CliRun text = CliRun.of("twitter", "results", "--db", db.toString());
        assertEquals(0, text.exit(), text.err());
        assertTrue(text.out().lines().anyMatch(l -> l.matches("live: online pharmacy +15 \\(44%\\) +15 \\(44%\\)")), text.out());
        assertTrue(text.out().lines().anyMatch(l -> l.matches("LegitScript among live pharmacy tweets: rogue +6 of 15 \\(40%\\) +6 of 15 \\(40%\\)")),
                text.out());
        assertTrue(text.out().lines().anyMatch(l -> l.matches("live tweets +34 +34")), text.out());

        // the packet for the live pharmacy sites, masked by default
        Path packet = dir.resolve("packet");
        CliRun written = CliRun.of("twitter", "packet", "--db", db.toString(), "--out", packet.toString());
        assertEquals(0, written.exit(), written.err());
        assertTrue(written.out().contains("sites: 10 ("), written.out());
        for (String agency : List.of("fda", "dea")) {
            try (var doc = org.apache.pdfbox.Loader.loadPDF(packet.resolve("packet-" + agency + ".pdf").toFile())) {
                assertTrue(doc.getNumberOfPages() >= 11, agency + " pages " + doc.getNumberOfPages());
            }
        }
        assertTrue(Files.readString(packet.resolve("packet-fda.html")).contains("data:image/png;base64,"), "the sample's screenshots");
        String csv = Files.readString(packet.resolve("packet.csv"));
        assertEquals(21, org.apache.commons.csv.CSVParser.parse(csv, org.apache.commons.csv.CSVFormat.DEFAULT).getRecords().size());
        assertTrue(csv.contains("@[handle]"));
        assertTrue(csv.contains("rogue"));
        CliRun reported = CliRun.of("twitter", "reported", "--db", db.toString(), "--domain", "rxbargainmeds.test", "--agency", "fda",
                "--reference", "FDA-2017-0001", "--at", "2017-12-08T09:00:00Z");
        assertEquals(0, reported.exit(), reported.err());
        assertTrue(reported.out().contains("rxbargainmeds.test           fda  2017-12-08T09:00:00Z FDA-2017-0001"), reported.out());
    }
}
