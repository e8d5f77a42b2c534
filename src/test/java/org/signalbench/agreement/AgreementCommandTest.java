package org.signalbench.agreement;

import org.signalbench.testing.Labelling;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.signalbench.testing.TestWorkbenches.insertPost;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.signalbench.domain.Coder;
import org.signalbench.domain.Role;
import org.signalbench.labels.LabelStore;
import org.signalbench.store.Workbench;
import org.signalbench.testing.CliRun;

/** {@code agreement --json} on a small workbench whose table is Artstein &amp; Poesio's example. */
class AgreementCommandTest {
    @TempDir
    Path dir;

    /** 100 posts: coder-a/coder-b answer yes/yes 20, yes/no 10, no/yes 20, no/no 50; coder-c only 5 posts with coder-a. */
    private Path workbench() throws Exception {
        Path db = dir.resolve("wb.sqlite");
        try (Workbench wb = Workbench.open(db)) {
            LabelStore store = Labelling.labelStore(wb.connection());
            Coder a = store.coder("coder-a", Role.CODER);
            Coder b = store.coder("coder-b", Role.CODER);
            Coder c = store.coder("coder-c", Role.CODER);
            store.coder("expert", Role.EXPERT);
            for (int i = 0; i < 100; i++) {
                long post = insertPost(wb.connection(), "instagram", "P" + i, "u", "caption " + i);
                String first = i < 30 ? "yes" : "no";
                String second = i < 20 || (i >= 30 && i < 50) ? "yes" : "no";
                store.saveAnswer(a.id(), post, "dealer", first, null);
                store.saveAnswer(b.id(), post, "dealer", second, null);
                if (i < 5) {
                    store.saveAnswer(c.id(), post, "dealer", "yes", null);
                }
            }
        }
        return db;
    }

    @Test
    void printsTheFiguresOfTheBusiestPair() throws Exception {
        Path db = workbench();
        CliRun run = CliRun.of("agreement", "--db", db.toString(), "--json");
        assertEquals(0, run.exit(), run.err());
        JsonNode json = new ObjectMapper().readTree(run.out());
        assertEquals("dealer", json.get("question").asText());
        assertEquals(List.of("coder-a", "coder-b"), List.of(json.get("coders").get(0).asText(), json.get("coders").get(1).asText()));
        assertEquals(100, json.get("items").asInt());
        assertEquals(0.7, json.get("observedAgreement").asDouble(), 1e-12);
        assertEquals(0.348, json.get("cohenKappa").asDouble(), 0.0005);
        assertEquals(0.341, json.get("scottPi").asDouble(), 0.0005);
        double low = json.get("kappaCi95").get(0).asDouble();
        double high = json.get("kappaCi95").get(1).asDouble();
        assertEquals(json.get("cohenKappa").asDouble(), (low + high) / 2, 1e-9);
        assertEquals(0.095 * 1.96, (high - low) / 2, 0.002);
        assertEquals(20, json.get("confusion").get("yes|yes").asInt());
        assertEquals(10, json.get("confusion").get("yes|no").asInt());
        assertEquals(20, json.get("confusion").get("no|yes").asInt());
        assertEquals(50, json.get("confusion").get("no|no").asInt());
        assertTrue(json.has("krippendorffAlpha") && json.has("gwetAc1"));
        assertEquals(1, json.get("byWeek").size());
        assertEquals(100, json.get("byWeek").get(0).get("items").asInt());
        // Three coders: Fleiss' kappa over the five posts all three answered.
        assertEquals(5, json.get("allCoders").get("items").asInt());
    }

    @Test
    void namedCodersAndExitCodes() throws Exception {
        Path db = workbench();
        CliRun pair = CliRun.of("agreement", "--db", db.toString(), "--coders", "coder-c,coder-a", "--json");
        assertEquals(0, pair.exit(), pair.err());
        JsonNode json = new ObjectMapper().readTree(pair.out());
        assertEquals(5, json.get("items").asInt());
        // Everyone answered yes: kappa is undefined and printed as null, not NaN.
        assertTrue(json.get("cohenKappa").isNull(), pair.out());
        assertEquals(1.0, json.get("observedAgreement").asDouble());

        CliRun unknown = CliRun.of("agreement", "--db", db.toString(), "--coders", "coder-a,nobody");
        assertEquals(1, unknown.exit());
        assertTrue(unknown.err().contains("no coder 'nobody'"), unknown.err());
        assertEquals(2, CliRun.of("agreement", "--db", db.toString(), "--coders", "coder-a").exit());
        assertEquals(2, CliRun.of("agreement", "--db", db.toString(), "--question", "colour").exit());
        CliRun text = CliRun.of("agreement", "--db", db.toString());
        assertEquals(0, text.exit());
        assertTrue(text.out().contains("Cohen's kappa:       0.3478"), text.out());
    }

    @Test
    void fewerThanTwoCodersIsAnError() throws Exception {
        Path db = dir.resolve("one.sqlite");
        try (Workbench wb = Workbench.open(db)) {
            LabelStore store = Labelling.labelStore(wb.connection());
            Coder a = store.coder("coder-a", Role.CODER);
            store.saveAnswer(a.id(), insertPost(wb.connection(), "instagram", "P1", "u", "x"), "dealer", "yes", null);
        }
        CliRun run = CliRun.of("agreement", "--db", db.toString(), "--json");
        assertEquals(1, run.exit());
        assertTrue(run.err().contains("agreement needs two coders; this workbench has 1 (coder-a)"), run.err());
        assertEquals(1, CliRun.of("agreement", "--db", dir.resolve("missing.sqlite").toString()).exit());
    }
}
