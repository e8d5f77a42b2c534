package org.signalbench.labels;

import org.signalbench.testing.Labelling;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.signalbench.testing.TestWorkbenches.insertPost;
import static org.signalbench.testing.TestWorkbenches.scalar;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.signalbench.domain.Role;
import org.signalbench.store.Workbench;
import org.signalbench.testing.CliRun;

/** labels import/export and adjudicate import/list from the command line. */
class LabelsCommandTest {
    @TempDir
    Path dir;

    private Path workbench(String name, String secondCaption) throws Exception {
        Path db = dir.resolve(name + ".sqlite");
        try (Workbench wb = Workbench.open(db)) {
            insertPost(wb.connection(), "instagram", "AAA111", "u1", "bars wickr");
            insertPost(wb.connection(), "instagram", "BBB222", "u2", secondCaption);
        }
        return db;
    }

    @Test
    void csvInExportOutAndIntoAnotherWorkbench() throws Exception {
        Path db = workbench("a", "beach");
        Path csv = dir.resolve("coder-a.csv");
        Files.writeString(csv, "external_id,label\nAAA111,1\nBBB222,0\nZZZ,1\n");
        CliRun in = CliRun.of("labels", "import", "--db", db.toString(), "--coder", "coder-a", csv.toString(), "--json");
        assertEquals(0, in.exit(), in.err());
        JsonNode summary = new ObjectMapper().readTree(in.out());
        assertEquals(2, summary.get("added").asInt());
        assertEquals(4, summary.get("rejected").get(0).get("line").asInt());
        assertEquals(2, CliRun.of("labels", "import", "--db", db.toString(), csv.toString()).exit());

        Path file = dir.resolve("coder-a.json");
        CliRun out = CliRun.of("labels", "export", "--db", db.toString(), "--coder", "coder-a", "--out", file.toString());
        assertEquals(0, out.exit(), out.err());
        assertEquals(1, CliRun.of("labels", "export", "--db", db.toString(), "--coder", "nobody", "--out", file.toString()).exit());

        Path same = workbench("same", "beach");
        CliRun json = CliRun.of("labels", "import", "--db", same.toString(), file.toString());
        assertEquals(0, json.exit(), json.err());
        assertTrue(json.out().contains("added:     2"), json.out());
        try (Workbench wb = Workbench.open(same)) {
            assertEquals(2, scalar(wb.connection(), "SELECT count(*) FROM label l JOIN coder k ON k.id = l.coder_id WHERE k.name = 'coder-a'"));
        }
        assertEquals(1, CliRun.of("labels", "import", "--db", same.toString(), "--coder", "coder-b", file.toString()).exit());

        Path different = workbench("different", "mountain");
        CliRun refused = CliRun.of("labels", "import", "--db", different.toString(), file.toString());
        assertEquals(1, refused.exit());
        assertTrue(refused.err().contains("made for a different corpus"), refused.err());
    }

    @Test
    void theExpertsCsvAndTheDisagreementList() throws Exception {
        Path db = workbench("a", "beach");
        try (Workbench wb = Workbench.open(db)) {
            LabelStore store = Labelling.labelStore(wb.connection());
            long a = store.coder("coder-a", Role.CODER).id();
            long b = store.coder("coder-b", Role.CODER).id();
            long p1 = scalar(wb.connection(), "SELECT id FROM post WHERE external_id = 'AAA111'");
            long p2 = scalar(wb.connection(), "SELECT id FROM post WHERE external_id = 'BBB222'");
            store.saveAnswer(a, p1, "dealer", "yes", null);
            store.saveAnswer(b, p1, "dealer", "no", null);
            store.saveAnswer(a, p2, "dealer", "no", null);
            store.saveAnswer(b, p2, "dealer", "no", null);
        }
        Path csv = dir.resolve("final.csv");
        Files.writeString(csv, "external_id,label\nAAA111,yes\nBBB222,perhaps\n");
        CliRun in = CliRun.of("adjudicate", "import", "--db", db.toString(), csv.toString());
        assertEquals(0, in.exit(), in.err());
        assertTrue(in.out().contains("final.csv:3: label 'perhaps' is not 1, 0, yes or no"), in.out());
        CliRun list = CliRun.of("adjudicate", "list", "--db", db.toString(), "--json");
        assertEquals(0, list.exit(), list.err());
        JsonNode items = new ObjectMapper().readTree(list.out());
        assertEquals(1, items.size());
        assertEquals("AAA111", items.get(0).get("externalId").asText());
        assertEquals("yes", items.get(0).get("coders").get("coder-a").get("dealer").asText());
        assertTrue(items.get(0).get("settled").asBoolean());
        assertTrue(CliRun.of("adjudicate", "list", "--db", db.toString(), "--open").out().contains("0 disagreements"));
        assertEquals(1, CliRun.of("adjudicate", "import", "--db", db.toString(), "--expert", "coder-a", csv.toString()).exit());
    }
}
