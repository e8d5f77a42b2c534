package org.signalbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.signalbench.store.Workbench;
import org.signalbench.testing.CliRun;
import org.signalbench.testing.TestWorkbenches;

class CliTest {
    @TempDir
    Path dir;

    @Test
    void badUsageExitsWithTwoAndSaysWhyOnStderr() {
        CliRun unknown = CliRun.of("frobnicate");
        assertEquals(2, unknown.exit());
        assertTrue(unknown.err().contains("frobnicate"), unknown.err());
        assertEquals("", unknown.out());

        CliRun badOption = CliRun.of("stats", "--no-such-option");
        assertEquals(2, badOption.exit());
        assertTrue(badOption.err().contains("--no-such-option"), badOption.err());
    }

    @Test
    void helpListsTheCommands() {
        CliRun help = CliRun.of("--help");
        assertEquals(0, help.exit());
        assertTrue(help.out().contains("stats"), help.out());
    }

    @Test
    void readingAMissingWorkbenchFailsWithOneAndCreatesNothing() {
        Path missing = dir.resolve("nope.sqlite");
        CliRun r = CliRun.of("stats", "--db", missing.toString());
        assertEquals(1, r.exit());
        assertTrue(r.err().contains("no workbench here"), r.err());
        assertTrue(!missing.toFile().exists());
    }

    @Test
    void statsJsonReportsPostsPerPlatform() throws Exception {
        try (Workbench wb = TestWorkbenches.open(dir)) {
            TestWorkbenches.insertPost(wb.connection(), "instagram", "A1", "user_a", "#xanax hello");
            TestWorkbenches.insertPost(wb.connection(), "twitter", "42", "user_b", "hi");
        }
        CliRun r = CliRun.of("stats", "--db", dir.resolve("test.sqlite").toString(), "--json");
        assertEquals(0, r.exit(), r.err());
        JsonNode json = Json.mapper().readTree(r.out());
        assertEquals(2, json.get("posts").asInt());
        assertEquals("instagram", json.get("platforms").get(0).get("platform").asText());
        assertEquals(1, json.get("platforms").get(1).get("posts").asInt());
        assertEquals(0, json.get("dealers").get("posts").asInt());
    }
}
