package org.signalbench.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.signalbench.store.StoreFaultsTest.count;
import static org.signalbench.store.StoreFaultsTest.text;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.signalbench.exporting.SafeOutputFile;
import org.signalbench.models.ModelFixtures;
import org.signalbench.models.RunStore;
import org.signalbench.testing.CliRun;

/**
 * Kills (SIGKILL) a command-line JVM in the middle of a cross-validation and of a report: the
 * workbench passes {@code PRAGMA integrity_check}, a run keeps whole folds only and is resumed to its
 * end, and a report never leaves a half-written file under the requested name.
 */
@org.junit.jupiter.api.extension.ExtendWith(org.signalbench.testing.FaultCases.class)
class KilledCvAndReportTest {
    @TempDir
    Path dir;

    @Test
    void aCrossValidationKilledMidWayKeepsWholeFoldsIsShownStaleAndResumesToItsEnd() throws Exception {
        Path db = Path.of(ModelFixtures.filledDatabase(dir, 600, 3));
        long posts = count(db, "SELECT count(*) FROM post");
        long labels = count(db, "SELECT count(*) FROM label");
        int units = 3 * 10; // variants × folds, one model
        Process child = KilledImportTest.command(List.of(), "cv", "--db", db.toString(), "--models", "rf",
                "--variants", "with-hashtags,hashtags-only,no-hashtags", "--folds", "10", "--seed", "7");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (child.isAlive() && System.nanoTime() < deadline && foldsStored(db) == 0) {
            Thread.sleep(10);
        }
        KilledImportTest.kill(child);
        long folds = foldsStored(db);
        assertTrue(folds > 0 && folds < units, "killed mid-run: " + folds + " of " + units + " folds stored");
        assertEquals("ok", text(db, "PRAGMA integrity_check"));
        assertEquals(0, count(db, "SELECT count(*) FROM model_run_fold f WHERE test_size <> (SELECT count(*) FROM "
                + "model_run_prediction p WHERE p.run_id = f.run_id AND p.variant = f.variant AND p.model = f.model "
                + "AND p.fold = f.fold)"), "every stored fold holds all its predictions");
        assertEquals(0, count(db, "SELECT count(*) FROM model_run_prediction p WHERE NOT EXISTS (SELECT 1 FROM model_run_fold f "
                + "WHERE p.run_id = f.run_id AND p.variant = f.variant AND p.model = f.model AND p.fold = f.fold)"),
                "no prediction of a fold that was not stored");
        assertEquals(posts, count(db, "SELECT count(*) FROM post"));
        assertEquals(labels, count(db, "SELECT count(*) FROM label"));
        String runId = text(db, "SELECT id FROM model_run");
        try (Workbench wb = Workbench.open(db); Session session = wb.openSession()) {
            assertEquals(RunStore.STALE, new RunStore(session).run(runId).orElseThrow().status(),
                    "stored as running by the killed process, shown as interrupted (stale): never as running");
        }

        String stored = text(db, "SELECT group_concat('fold ' || (fold + 1) || '/10: rf on ' || variant, '|') FROM model_run_fold");
        CliRun resumed = CliRun.of("cv", "--db", db.toString(), "--resume", runId, "--json");
        assertEquals(0, resumed.exit(), resumed.err());
        for (String fold : stored.split("\\|")) {
            assertFalse(resumed.err().contains(fold + "\n"), "a stored fold is not run again: " + fold + "\n" + resumed.err());
        }
        assertEquals(units, foldsStored(db));
        assertEquals("finished", text(db, "SELECT status FROM model_run WHERE id = '" + runId + "'"));
        assertEquals(0, count(db, "SELECT count(*) FROM (SELECT variant, count(DISTINCT post_id) n, sum(1) m FROM "
                + "model_run_prediction GROUP BY variant) WHERE n <> m"), "each labelled text predicted once per variant");
        assertEquals("ok", text(db, "PRAGMA integrity_check"));
    }

    @Test
    void aReportKilledWhileWritingLeavesNoFileOrTheOldOneAndTheNextReportTidiesUp() throws Exception {
        Path db = Path.of(ModelFixtures.filledDatabase(dir, 200, 5));
        long posts = count(db, "SELECT count(*) FROM post");
        Path report = dir.resolve("out/report.html");
        Files.createDirectories(report.getParent());

        // Killed while its first report is half written: no file appears under the requested name.
        Path partial = killWhileWriting(db, report);
        assertFalse(Files.exists(report), "no half-written report under the requested name");
        assertTrue(Files.size(partial) > 0, "the kill came while the temporary file was being written");

        CliRun first = CliRun.of("report", "--db", db.toString(), "--out", report.toString());
        assertEquals(0, first.exit(), first.err());
        byte[] complete = Files.readAllBytes(report);
        assertTrue(new String(complete, java.nio.charset.StandardCharsets.UTF_8).strip().endsWith("</html>"));
        assertEquals(List.of(), leftovers(report), "the next write removes what a killed one left");

        // Killed while replacing a report: the old one stays, byte for byte.
        killWhileWriting(db, report);
        assertArrayEquals(complete, Files.readAllBytes(report), "the old report is kept whole");
        assertEquals("ok", text(db, "PRAGMA integrity_check"));
        assertEquals(posts, count(db, "SELECT count(*) FROM post"));
        assertEquals(0, count(db, "SELECT count(*) FROM import_run WHERE status = 'running'"));
    }

    /** Starts a report that pauses half-way through writing, kills it there; returns the temporary file it left. */
    private Path killWhileWriting(Path db, Path report) throws Exception {
        Process child = KilledImportTest.command(List.of("-D" + SafeOutputFile.PAUSE_PROPERTY + "=120000"),
                "report", "--db", db.toString(), "--out", report.toString());
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        Optional<Path> partial = Optional.empty();
        while (child.isAlive() && System.nanoTime() < deadline) {
            partial = leftovers(report).stream().filter(p -> p.getFileName().toString().contains("." + child.pid() + "-"))
                    .filter(p -> p.toFile().length() > 0).findFirst();
            if (partial.isPresent()) {
                break;
            }
            Thread.sleep(10);
        }
        KilledImportTest.kill(child);
        assertTrue(partial.isPresent(), "the report should have been killed while writing");
        return partial.get();
    }

    private static List<Path> leftovers(Path report) throws Exception {
        try (Stream<Path> files = Files.list(report.getParent())) {
            return files.filter(p -> p.getFileName().toString().startsWith("." + report.getFileName() + ".")).toList();
        }
    }

    private static long foldsStored(Path db) throws Exception {
        return count(db, "SELECT count(*) FROM model_run_fold");
    }
}
