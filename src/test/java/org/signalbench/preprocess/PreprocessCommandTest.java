package org.signalbench.preprocess;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.signalbench.testing.CliRun;
import org.signalbench.store.DataLocations;
import org.signalbench.store.Workbench;

/** The {@code preprocess} command on a small workbench filled by the test. */
class PreprocessCommandTest {
    @TempDir
    Path dir;
    private Path db;
    private String previousHome;

    @BeforeEach
    void fillWorkbench() throws Exception {
        // an empty data directory, so the shipped stop words are used
        previousHome = System.getProperty(DataLocations.HOME_PROPERTY);
        System.setProperty(DataLocations.HOME_PROPERTY, dir.resolve("home").toString());
        db = dir.resolve("bench.sqlite");
        try (Workbench wb = Workbench.open(db);
             PreparedStatement insert = wb.connection().prepareStatement(
                     "INSERT INTO post (platform, external_id, caption, imported_at) VALUES (?, ?, ?, '2026-01-01T00:00:00Z')")) {
            Object[][] posts = {
                    {"instagram", "Bx1", "Best #Xanax bars, DM @plug 💊 https://example.com/menu"},  // kept everywhere
                    {"instagram", "Bx2", "best XANAX bars #xanax"},      // hashtags-only: repeats Bx1's [#xanax]
                    {"instagram", "Bx3", "#oxy #percs"},                 // no-hashtags: empty
                    {"instagram", "Bx4", "selling tabs today"},          // hashtags-only: none
                    {"instagram", "Bx5", "the 🔥"},                      // fewer than two words
                    {"twitter", "1001", "Selling tabs today!!"},         // duplicate of Bx4 (all platforms)
                    {"twitter", "1002", "#xanax '); DROP TABLE post; --"},
            };
            for (Object[] post : posts) {
                insert.setString(1, (String) post[0]);
                insert.setString(2, (String) post[1]);
                insert.setString(3, (String) post[2]);
                insert.executeUpdate();
            }
        }
    }

    @AfterEach
    void restoreHome() {
        if (previousHome == null) {
            System.clearProperty(DataLocations.HOME_PROPERTY);
        } else {
            System.setProperty(DataLocations.HOME_PROPERTY, previousHome);
        }
    }

    private CliRun preprocess(String... args) {
        String[] full = new String[args.length + 3];
        full[0] = "preprocess";
        full[1] = "--db";
        full[2] = db.toString();
        System.arraycopy(args, 0, full, 3, args.length);
        return CliRun.of(full);
    }

    private static JsonNode variant(JsonNode json, String key) {
        for (JsonNode v : json.get("variants")) {
            if (v.get("variant").asText().equals(key)) {
                return v;
            }
        }
        throw new AssertionError("no variant " + key + " in " + json);
    }

    @Test
    void jsonGivesTheDictionaryAndEachVariantsSizeAndDrops() throws Exception {
        CliRun result = preprocess("--json");
        assertEquals(0, result.exit(), result.err());
        JsonNode json = new ObjectMapper().readTree(result.out());
        // tokens: 1 [best #xanax bars dm plug]  2 [best xanax bars #xanax]  3 [#oxy #percs]
        //         4 [selling tabs today]  5 [] (the: stop word)  6 [selling tabs today]  7 [#xanax drop table post]
        assertEquals(7, json.get("posts").asInt());
        // best bars #xanax selling tabs today (2 each), dm plug xanax #oxy #percs drop table post (1 each)
        assertEquals(14, json.get("dictionary").asInt());
        assertEquals(3, json.get("variants").size());
        assertEquals("with-hashtags", json.get("variants").get(0).get("variant").asText());

        JsonNode with = variant(json, "with-hashtags");
        assertEquals(5, with.get("texts").asInt());      // 1 2 3 4 7
        assertEquals(1, with.get("dropped").get("fewer than two dictionary words").asInt());
        assertEquals(1, with.get("dropped").get("duplicate").asInt());

        JsonNode only = variant(json, "hashtags-only");
        assertEquals(2, only.get("texts").asInt());      // 1 [#xanax], 3 [#oxy #percs]; 2 and 7 repeat 1
        assertEquals(2, only.get("dropped").get("no hashtags").asInt());      // 4 6
        assertEquals(2, only.get("dropped").get("duplicate").asInt());

        JsonNode without = variant(json, "no-hashtags");
        assertEquals(4, without.get("texts").asInt());   // 1 2 4 7; 6 repeats 4
        assertEquals(1, without.get("dropped").get("empty without hashtags").asInt());
        assertEquals(1, without.get("dropped").get("duplicate").asInt());
    }

    @Test
    void thePlatformOptionLimitsThePosts() throws Exception {
        CliRun result = preprocess("--platform", "twitter", "--json");
        assertEquals(0, result.exit(), result.err());
        JsonNode json = new ObjectMapper().readTree(result.out());
        assertEquals(2, json.get("posts").asInt());
        assertEquals(0, variant(json, "with-hashtags").get("dropped").get("duplicate").asInt());
        assertEquals(2, variant(json, "with-hashtags").get("texts").asInt());
    }

    @Test
    void plainOutputNamesTheDictionaryAndEveryVariant() {
        CliRun result = preprocess("--platform", "INSTAGRAM");
        assertEquals(0, result.exit(), result.err());
        assertTrue(result.out().contains("posts: 5"), result.out());
        assertTrue(result.out().contains("dictionary: 11 words"), result.out());
        assertTrue(result.out().contains("with-hashtags: 4 texts (dropped: fewer than two dictionary words 1, duplicate 0)"),
                result.out());
        assertTrue(result.out().contains("hashtags-only: 2 texts"), result.out());
        assertTrue(result.out().contains("no-hashtags: 3 texts"), result.out());
    }

    @Test
    void aMissingWorkbenchIsAFailureAndIsNotCreated() {
        db = dir.resolve("missing.sqlite");
        CliRun result = preprocess("--json");
        assertEquals(1, result.exit());
        assertTrue(result.err().contains("missing.sqlite"), result.err());
        assertFalse(java.nio.file.Files.exists(db));
    }

    @Test
    void anUnknownPlatformIsAUsageError() {
        CliRun result = preprocess("--platform", "tiktok");
        assertEquals(2, result.exit());
        assertTrue(result.err().contains("tiktok"), result.err());
    }
}
