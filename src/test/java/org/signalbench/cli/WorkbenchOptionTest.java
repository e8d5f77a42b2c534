package org.signalbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.signalbench.testing.CliRun;

/**
 * Issue 13, item 10: the {@code --db} help says which commands create a missing workbench, and the
 * commands that only read it refuse a missing file (exit 1, a hint, no file made), as it says.
 */
class WorkbenchOptionTest {
    @TempDir
    Path dir;

    @Test
    void theHelpNamesTheCommandsThatCreateAndTheOthersRefuse() {
        Path missing = dir.resolve("missing.sqlite");
        List<List<String>> readers = List.of(List.of("stats"), List.of("agreement"), List.of("findings"), List.of("hashtags"),
                List.of("preprocess"), List.of("report", "--out", dir.resolve("r.html").toString()),
                List.of("export", "--format", "csv", "--out", dir.resolve("o.csv").toString()),
                List.of("labels", "export", "--coder", "coder-a", "--out", dir.resolve("a.json").toString()),
                List.of("expert-passphrase"));
        for (List<String> command : readers) {
            List<String> args = new ArrayList<>(command);
            args.addAll(List.of("--db", missing.toString()));
            CliRun run = CliRun.of(args.toArray(String[]::new));
            assertEquals(1, run.exit(), command + ": " + run.err());
            assertTrue(run.err().contains("no workbench here"), command + ": " + run.err());
            assertFalse(Files.exists(missing), command + " created the workbench");
        }
        String help = CliRun.of("stats", "--help").out().replaceAll("\\s+", " ");
        assertTrue(help.contains("(import, labels import, adjudicate import) create it when missing; the others refuse a missing file"), help);
    }
}
