package org.signalbench.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.signalbench.store.StoreFaultsTest.assertSoundWithWholePosts;
import static org.signalbench.store.StoreFaultsTest.bundle;
import static org.signalbench.store.StoreFaultsTest.count;
import static org.signalbench.store.StoreFaultsTest.labelsCsv;
import static org.signalbench.store.StoreFaultsTest.plain;
import static org.signalbench.store.StoreFaultsTest.text;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.signalbench.Launcher;
import org.signalbench.testing.CliRun;

/**
 * Kills (SIGKILL) a command-line JVM in the middle of its work: the workbench passes
 * {@code PRAGMA integrity_check}, holds whole chunks of posts (or all or none of a labels file), no
 * import is left {@code running}, and importing the same sources again completes the import.
 */
@org.junit.jupiter.api.extension.ExtendWith(org.signalbench.testing.FaultCases.class)
class KilledImportTest {
    @TempDir
    Path dir;

    private static Process command(String... args) throws Exception {
        return command(List.of(), args);
    }

    /** A command-line JVM running {@code args}, with {@code jvmOptions} (such as {@code -Dname=value}) before its class. */
    static Process command(List<String> jvmOptions, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path")));
        command.addAll(jvmOptions);
        command.add(Launcher.class.getName());
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
    }

    static void kill(Process process) throws InterruptedException {
        process.destroyForcibly(); // SIGKILL: no shutdown hooks, no close, no finally
        assertTrue(process.waitFor(30, TimeUnit.SECONDS));
    }

    @Test
    void anImportKilledMidWayKeepsWholeChunksIsShownInterruptedAndIsCompletedByTheNextImport() throws Exception {
        Path db = dir.resolve("w.sqlite");
        assertEquals(0, CliRun.of("import", "--db", db.toString(), bundle(dir.resolve("seed.jsonl"), "S", 10, 40).toString()).exit());
        int total = 20_000;
        Path source = bundle(dir.resolve("in/big.jsonl"), "K", total, 120);
        Process child = command("import", "--db", db.toString(), source.toString());
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (count(db, "SELECT count(*) FROM post") == 10 && child.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        kill(child);
        long stored = count(db, "SELECT count(*) FROM post") - 10;
        assertTrue(stored > 0 && stored < total, "killed mid-import: " + stored + " of " + total + " stored");
        assertEquals("ok", text(db, "PRAGMA integrity_check"));
        assertSoundWithWholePosts(db);
        assertEquals(0, stored % 2_000, "whole chunks only: " + stored);
        assertEquals("running", text(db, "SELECT status FROM import_run ORDER BY id DESC LIMIT 1"), "as the kill left it");

        // Any later open sees the owner gone: the run is interrupted, and never stays running.
        try (Workbench wb = Workbench.open(db); Session session = wb.openSession()) {
            List<org.signalbench.domain.InterruptedImport> interrupted = new InterruptedImports(session).list();
            assertEquals(1, interrupted.size());
            assertEquals(List.of(source.toAbsolutePath()), interrupted.get(0).sources());
        }
        assertEquals(0, count(db, "SELECT count(*) FROM import_run WHERE status = 'running'"));

        CliRun again = CliRun.of("import", "--db", db.toString(), source.toString());
        assertEquals(0, again.exit(), again.err());
        assertTrue(again.out().contains("imported:   " + (total - stored)), again.out());
        assertEquals(total + 10, count(db, "SELECT count(*) FROM post"));
        assertEquals("done,completed,done", text(db, "SELECT group_concat(status) FROM (SELECT status FROM import_run ORDER BY id)"));
        assertSoundWithWholePosts(db);
    }

    @Test
    void aLabelsImportKilledInsideItsTransactionStoresAllOrNothing() throws Exception {
        Path db = dir.resolve("w.sqlite");
        int posts = 10_000;
        assertEquals(0, CliRun.of("import", "--db", db.toString(), bundle(dir.resolve("posts.jsonl"), "L", posts, 40).toString()).exit());
        Path labels = labelsCsv(dir.resolve("labels.csv"), "L", posts);
        Process child = command("labels", "import", "--db", db.toString(), "--coder", "coder-k", labels.toString());
        boolean caughtInside = false;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        try (Connection probe = plain(db); Statement st = probe.createStatement()) {
            st.execute("PRAGMA busy_timeout = 0");
            while (child.isAlive() && System.nanoTime() < deadline) {
                try {
                    st.execute("BEGIN IMMEDIATE");
                    st.execute("ROLLBACK");
                } catch (SQLException busy) {
                    caughtInside = true; // the child holds the write lock: it is inside its transaction
                    break;
                }
                Thread.sleep(5);
            }
        }
        kill(child);
        assertTrue(caughtInside, "the labels import should have been killed inside its transaction");
        assertEquals("ok", text(db, "PRAGMA integrity_check"));
        long stored = count(db, "SELECT count(*) FROM label");
        assertTrue(stored == 0 || stored == posts, "all or nothing, found " + stored);
        assertEquals(0, count(db, "SELECT count(*) FROM import_run WHERE status = 'running'"));

        CliRun again = CliRun.of("labels", "import", "--db", db.toString(), "--coder", "coder-k", labels.toString());
        assertEquals(0, again.exit(), again.err());
        assertEquals(posts, count(db, "SELECT count(*) FROM label"));
    }

    @Test
    void twoProcessesCreatingTheSameNewWorkbenchBothImport() throws Exception {
        Path db = dir.resolve("new.sqlite");
        // Each with a temporary folder of its own: the migration lock is beside the workbench, not in a temporary folder.
        Path tmpA = java.nio.file.Files.createDirectories(dir.resolve("tmp-a"));
        Path tmpB = java.nio.file.Files.createDirectories(dir.resolve("tmp-b"));
        Process a = command(List.of("-Djava.io.tmpdir=" + tmpA), "import", "--db", db.toString(),
                bundle(dir.resolve("a.jsonl"), "A", 100, 40).toString());
        Process b = command(List.of("-Djava.io.tmpdir=" + tmpB), "import", "--db", db.toString(),
                bundle(dir.resolve("b.jsonl"), "B", 100, 40).toString());
        assertTrue(a.waitFor(120, TimeUnit.SECONDS) && b.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, a.exitValue());
        assertEquals(0, b.exitValue());
        assertEquals(200, count(db, "SELECT count(*) FROM post"));
        assertEquals(count(db, "SELECT count(*) FROM flyway_schema_history"),
                count(db, "SELECT count(DISTINCT version) FROM flyway_schema_history WHERE success = 1"));
        assertEquals("ok", text(db, "PRAGMA integrity_check"));
        assertTrue(java.nio.file.Files.isRegularFile(dir.resolve(".new.sqlite.lock")), "the lock file is beside the workbench");
        try (var inTemp = java.nio.file.Files.list(tmpA)) {
            assertTrue(inTemp.noneMatch(p -> p.getFileName().toString().startsWith("signalbench-migrate-")));
        }
    }
}
