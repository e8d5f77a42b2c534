package org.signalbench.importing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.signalbench.importing.ImportFixtures.bundleHeader;
import static org.signalbench.importing.ImportFixtures.bundlePost;
import static org.signalbench.importing.ImportFixtures.count;
import static org.signalbench.importing.ImportFixtures.lines;
import static org.signalbench.importing.ImportFixtures.write;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.signalbench.testing.CliRun;
import org.signalbench.store.Workbench;

class ImportCommandTest {
    @TempDir
    Path dir;

    private Path sample() throws Exception {
        return write(dir.resolve("in/posts.jsonl"), bundleHeader()
                + lines(bundlePost("Aa1", "one"), bundlePost("Bb2", "two"), "{broken", bundlePost("Aa1", "again")));
    }

    @Test
    void printsAJsonSummaryAndExitsZeroDespiteRejections() throws Exception {
        Path file = sample();
        Path db = dir.resolve("wb.sqlite");
        CliRun result = CliRun.of("import", "--db", db.toString(), "--json", dir.resolve("in").toString());
        assertEquals(0, result.exit(), result.err());
        JsonNode json = ImportFixtures.JSON.readTree(result.out());
        assertEquals(2, json.get("imported").asInt());
        assertEquals(1, json.get("duplicates").asInt());
        assertEquals(0, json.get("labels").asInt());
        assertEquals(1, json.get("rejected").size());
        JsonNode rejected = json.get("rejected").get(0);
        assertEquals(file.toString(), rejected.get("file").asText());
        assertEquals(4, rejected.get("line").asInt());
        assertTrue(rejected.get("reason").asText().startsWith("not valid JSON"), rejected.toString());
        try (Workbench wb = Workbench.open(db)) {
            assertEquals(2, count(wb, "SELECT COUNT(*) FROM post"));
        }
    }

    @Test
    void wholeFileRejectionsHaveANullLineInJson() throws Exception {
        write(dir.resolve("in/notes.json"), "hello");
        CliRun result = CliRun.of("import", "--db", dir.resolve("wb.sqlite").toString(), "--json", dir.resolve("in").toString());
        assertEquals(0, result.exit());
        JsonNode rejected = ImportFixtures.JSON.readTree(result.out()).get("rejected").get(0);
        assertTrue(rejected.get("line").isNull());
    }

    @Test
    void printsATextSummaryWithOneLinePerRejection() throws Exception {
        Path file = sample();
        CliRun result = CliRun.of("import", "--db", dir.resolve("wb.sqlite").toString(), "--format", "bundle", file.toString());
        assertEquals(0, result.exit(), result.err());
        assertTrue(result.out().contains("imported:   2"), result.out());
        assertTrue(result.out().contains("duplicates: 1"), result.out());
        assertTrue(result.out().contains("rejected:   1"), result.out());
        assertTrue(result.out().contains(file + ":4: not valid JSON"), result.out());
    }

    @Test
    void exitCodes() throws Exception {
        sample();
        String db = dir.resolve("wb.sqlite").toString();
        CliRun missing = CliRun.of("import", "--db", db, dir.resolve("nowhere").toString());
        assertEquals(1, missing.exit());
        assertTrue(missing.err().contains("no such file or folder"), missing.err());
        assertTrue(Files.notExists(dir.resolve("wb.sqlite")), "nothing is created when a source is missing");

        CliRun badFormat = CliRun.of("import", "--db", db, "--format", "myspace", dir.resolve("in").toString());
        assertEquals(2, badFormat.exit());
        assertTrue(badFormat.err().contains("unknown --format 'myspace'"), badFormat.err());

        assertEquals(2, CliRun.of("import", "--db", db).exit(), "no source given");
        CliRun help = CliRun.of("import", "--help");
        assertEquals(0, help.exit());
        assertTrue(help.out().contains("DIR_OR_FILE"), help.out());
        assertEquals(2, CliRun.of("import", "--db", db, "--nope", dir.toString()).exit());

        Path notADatabase = write(dir.resolve("not-a-db.sqlite"), "this is not an SQLite file, just text that is long enough");
        CliRun cannotOpen = CliRun.of("import", "--db", notADatabase.toString(), dir.resolve("in").toString());
        assertEquals(1, cannotOpen.exit());
        assertTrue(cannotOpen.err().contains("cannot open the workbench"), cannotOpen.err());
    }

    @Test
    void keywordAndEnglishFiltersLeaveTweetsOutAndCountThem() throws Exception {
        write(dir.resolve("in/stream.jsonl"), String.join("\n",
                "{\"id_str\": \"11\", \"full_text\": \"my back hurts, percocet please\", \"lang\": \"en\"}",
                "{\"id_str\": \"12\", \"full_text\": \"xanax bars only\", \"lang\": \"en\"}",
                "{\"id_str\": \"13\", \"full_text\": \"la policía incautó oxycodone\", \"lang\": \"es\"}",
                "{\"id_str\": \"14\", \"full_text\": \"the fentanyl crisis is in all of our towns now\"}",
                "{\"delete\": {\"status\": {\"id_str\": \"9\"}}}",
                "15") + "\n");
        Path db = dir.resolve("wb.sqlite");
        CliRun result = CliRun.of("import", "--db", db.toString(), "--json", "--keywords", "--english-only", dir.resolve("in").toString());
        assertEquals(0, result.exit(), result.err());
        JsonNode json = ImportFixtures.JSON.readTree(result.out());
        assertEquals(3, json.get("imported").asInt(), "11, 14 and the id-only 15");
        assertEquals(1, json.get("skipped").get("no keyword").asInt());
        assertEquals(1, json.get("skipped").get("not English").asInt());
        assertEquals(1, json.get("skipped").get("delete").asInt());
        assertEquals(0, json.get("rejected").size());

        Path list = write(dir.resolve("keywords.txt"), "xanax\n");
        CliRun custom = CliRun.of("import", "--db", dir.resolve("wb2.sqlite").toString(), "--json", "--keywords", list.toString(),
                dir.resolve("in").toString());
        assertEquals(3, ImportFixtures.JSON.readTree(custom.out()).get("skipped").get("no keyword").asInt(), custom.out());
        CliRun missing = CliRun.of("import", "--db", dir.resolve("wb3.sqlite").toString(), "--keywords",
                dir.resolve("nope.txt").toString(), dir.resolve("in").toString());
        assertEquals(2, missing.exit());
        assertTrue(missing.err().contains("--keywords: cannot read the keyword list"), missing.err());
    }
}
