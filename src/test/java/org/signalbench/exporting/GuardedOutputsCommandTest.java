package org.signalbench.exporting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.signalbench.testing.TestWorkbenches.scalar;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.signalbench.models.CvConfig;
import org.signalbench.models.Folds;
import org.signalbench.models.ModelFixtures;
import org.signalbench.models.RunStore;
import org.signalbench.preprocess.Variant;
import org.signalbench.store.Workbench;
import org.signalbench.testing.CliRun;

/** Every command that writes a file refuses the workbench (and its side files) as its output: exit 1, database intact. */
@org.junit.jupiter.api.extension.ExtendWith(org.signalbench.testing.FaultCases.class)
class GuardedOutputsCommandTest {
    @TempDir
    Path dir;

    @Test
    void noCommandWritesOntoTheWorkbench() throws Exception {
        String db = ModelFixtures.filledDatabase(dir, 40, 3);
        try (Workbench wb = Workbench.open(Path.of(db))) {
            new RunStore(org.signalbench.store.Session.over(wb.connection())).create("run-1", new CvConfig(List.of(Variant.NO_HASHTAGS), List.of("svm"), Map.of(), 2, 5,
                    Folds.Scheme.STRATIFIED), "fingerprint", 1, Map.of(), Map.of());
        }
        List<Long> before = counts(db);
        Path link = Files.createSymbolicLink(dir.resolve("innocent.html"), Path.of(db));
        List<String> targets = List.of(db, db + "-wal", db + "-shm", link.toString());
        List<String[]> commands = new ArrayList<>();
        for (String out : targets) {
            commands.add(new String[] {"report", "--db", db, "--out", out});
            commands.add(new String[] {"export", "--db", db, "--format", "csv", "--out", out});
            commands.add(new String[] {"export", "--db", db, "--format", "bundle", "--out", out});
            commands.add(new String[] {"labels", "export", "--db", db, "--coder", "coder-a", "--out", out});
            commands.add(new String[] {"runs", "export", "run-1", "--db", db, "--format", "csv", "--out", out});
            commands.add(new String[] {"findings", "--db", db, "--discover", "--out", out});
            commands.add(new String[] {"findings", "--db", db, "--json", "--out", out});
            commands.add(new String[] {"cv", "--db", db, "--models", "dt", "--folds", "2", "--out", out});
        }
        commands.add(new String[] {"findings", "--db", db, "--format", "csv", "--out", db});
        for (String[] args : commands) {
            // a fresh WAL/SHM may appear while a command has the database open: it is the database's, not ours
            CliRun run = CliRun.of(args);
            String what = String.join(" ", args);
            assertEquals(1, run.exit(), what + "\n" + run.err());
            assertTrue(run.err().contains("refusing to write") || run.err().contains("cannot write into"), what + "\n" + run.err());
            assertEquals("ok", integrity(db), what);
            assertEquals(before, counts(db), what);
        }
        assertTrue(Files.isSymbolicLink(link));
        CliRun fine = CliRun.of("report", "--db", db, "--out", dir.resolve("report.html").toString());
        assertEquals(0, fine.exit(), fine.err());
    }

    private static String integrity(String db) throws Exception {
        try (Workbench wb = Workbench.open(Path.of(db)); Statement st = wb.connection().createStatement();
             ResultSet rs = st.executeQuery("PRAGMA integrity_check")) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static List<Long> counts(String db) throws Exception {
        try (Workbench wb = Workbench.open(Path.of(db))) {
            List<Long> n = new ArrayList<>();
            for (String table : List.of("post", "label", "coder", "model_run")) {
                n.add(scalar(wb.connection(), "SELECT count(*) FROM " + table));
            }
            return n;
        }
    }
}
