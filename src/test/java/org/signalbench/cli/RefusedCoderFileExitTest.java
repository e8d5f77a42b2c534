package org.signalbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.signalbench.testing.TestWorkbenches.insertPost;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.signalbench.domain.Role;
import org.signalbench.labels.LabelStore;
import org.signalbench.store.Workbench;
import org.signalbench.testing.CliRun;
import org.signalbench.testing.Labelling;

/**
 * Issue 13 item 10: {@code import} and {@code labels import} fail alike on the same coder file
 * refused whole (made for another corpus): exit 1 and "error: FILE: reason" on standard error.
 */
class RefusedCoderFileExitTest {
    @TempDir
    Path dir;

    private Path workbench(String name, String caption) throws Exception {
        Path db = dir.resolve(name + ".sqlite");
        try (Workbench wb = Workbench.open(db)) {
            long post = insertPost(wb.connection(), "instagram", "AAA111", "u1", caption);
            if (name.equals("coder")) {
                LabelStore store = Labelling.labelStore(wb.connection());
                store.saveAnswer(store.coder("coder-a", Role.CODER).id(), post, "dealer", "yes", null);
            }
        }
        return db;
    }

    @Test
    void bothCommandsExitOneWithTheSameMessage() throws Exception {
        Path file = dir.resolve("coder-a.json");
        assertEquals(0, CliRun.of("labels", "export", "--db", workbench("coder", "bars wickr").toString(), "--coder", "coder-a",
                "--out", file.toString()).exit());
        Path other = workbench("other", "a beach at dawn");

        CliRun labels = CliRun.of("labels", "import", "--db", other.toString(), file.toString());
        CliRun imported = CliRun.of("import", "--db", other.toString(), file.toString());
        assertEquals(1, labels.exit(), labels.err());
        assertEquals(1, imported.exit(), imported.err());
        String expected = "error: " + file + ": made for a different corpus";
        assertTrue(labels.err().startsWith(expected), labels.err());
        assertTrue(imported.err().startsWith(expected), imported.err());
        assertEquals(labels.err().lines().filter(l -> l.startsWith("error: ")).toList(),
                imported.err().lines().filter(l -> l.startsWith("error: ")).toList());

        // the same file where it belongs: both succeed
        Path same = workbench("same", "bars wickr");
        assertEquals(0, CliRun.of("import", "--db", same.toString(), file.toString()).exit());
        assertEquals(0, CliRun.of("labels", "import", "--db", same.toString(), file.toString()).exit());
    }
}
