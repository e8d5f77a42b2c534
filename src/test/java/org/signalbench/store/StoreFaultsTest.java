package org.signalbench.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.signalbench.importing.ImportReport;
import org.signalbench.importing.ImportService;
import org.signalbench.importing.ImportStoppedException;
import org.signalbench.jobs.JobContext;
import org.signalbench.testing.CliRun;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * The fault-injection suite of the store (issue 12): a lock held by another writer, a full disk
 * (SQLite's {@code max_page_count}), a damaged file, a newer schema, a failed migration, two
 * openers racing on the first migration, pipes and oversized files among the sources. Each fault
 * stops the work with a message that says what happened and what to do, exit code 1, and is never
 * recorded as rejected input; the workbench passes {@code PRAGMA integrity_check} and holds whole
 * posts only. Child-JVM kills are in {@link KilledImportTest}.
 */
@org.junit.jupiter.api.extension.ExtendWith(org.signalbench.testing.FaultCases.class)
class StoreFaultsTest {
    @TempDir
    Path dir;

    @AfterEach
    void clearFaultProperties() {
        System.clearProperty(Workbench.MAX_PAGE_COUNT_PROPERTY);
        System.clearProperty("signalbench.import.maxFileBytes");
    }

    // ---- made-up sources ------------------------------------------------------------------------

    /** A bundle of {@code count} made-up posts (ids from {@code first}), each with a collection search. */
    static Path bundle(Path file, String prefix, int count, int captionChars) throws Exception {
        StringBuilder text = new StringBuilder("{\"format\": \"signalbench-bundle\", \"version\": 1}\n");
        String padding = "x".repeat(Math.max(0, captionChars - 20));
        for (int i = 0; i < count; i++) {
            text.append("{\"platform\":\"instagram\",\"externalId\":\"").append(prefix).append(String.format("%06d", i))
                    .append("\",\"author\":\"made_up_user_").append(i % 50).append("\",\"postedAt\":\"2018-07-19T14:03:11Z\",")
                    .append("\"caption\":\"made up #xanax ").append(padding).append("\",\"collectedUnder\":[\"#xanax\"]}\n");
        }
        Files.createDirectories(file.getParent());
        return Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    /** A labels CSV answering the first {@code count} posts of a {@link #bundle}. */
    static Path labelsCsv(Path file, String prefix, int count) throws Exception {
        StringBuilder text = new StringBuilder("external_id,label\n");
        for (int i = 0; i < count; i++) {
            text.append(prefix).append(String.format("%06d", i)).append(',').append(i % 3 == 0 ? "yes" : "no").append('\n');
        }
        return Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    static Connection plain(Path db) throws SQLException {
        return DriverManager.getConnection("jdbc:sqlite:" + db);
    }

    static long count(Path db, String sql) throws SQLException {
        try (Connection c = plain(db); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static String text(Path db, String sql) throws SQLException {
        try (Connection c = plain(db); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    /** The workbench is sound: integrity_check ok, and every post is whole (here: has its collection search). */
    static void assertSoundWithWholePosts(Path db) throws SQLException {
        assertEquals("ok", text(db, "PRAGMA integrity_check"));
        assertEquals(0, count(db, "SELECT count(*) FROM post p WHERE NOT EXISTS "
                + "(SELECT 1 FROM post_collection c WHERE c.post_id = p.id)"), "half-written posts");
    }

    /** Another writer: a second connection holding a write transaction until released. */
    static final class HeldLock implements AutoCloseable {
        private final Connection connection;
        private final AtomicBoolean held = new AtomicBoolean();
        private final ExecutorService releaser = Executors.newSingleThreadScheduledExecutor();

        HeldLock(Path db) throws SQLException {
            connection = plain(db);
        }

        HeldLock take() throws SQLException {
            try (Statement st = connection.createStatement()) {
                st.execute("BEGIN IMMEDIATE");
            }
            held.set(true);
            return this;
        }

        /** Releases the lock {@code millis} from now, on another thread. */
        HeldLock releaseAfter(long millis) {
            ((java.util.concurrent.ScheduledExecutorService) releaser).schedule(() -> {
                release();
                return null;
            }, millis, TimeUnit.MILLISECONDS);
            return this;
        }

        synchronized void release() throws SQLException {
            if (held.getAndSet(false)) {
                try (Statement st = connection.createStatement()) {
                    st.execute("ROLLBACK");
                }
            }
        }

        @Override
        public void close() throws Exception {
            releaser.shutdownNow();
            release();
            connection.close();
        }
    }

    private Path workbenchWith(String prefix, int posts) throws Exception {
        Path db = dir.resolve("w.sqlite");
        CliRun run = CliRun.of("import", "--db", db.toString(), bundle(dir.resolve("seed/" + prefix + ".jsonl"), prefix, posts, 40).toString());
        assertEquals(0, run.exit(), run.err());
        return db;
    }

    // ---- locks ----------------------------------------------------------------------------------

    @Test
    void aLockHeldPastTheTimeoutStopsTheImportWithABusyMessageAndNoRejection() throws Exception {
        Path db = workbenchWith("S", 10);
        Path source = bundle(dir.resolve("in/posts.jsonl"), "P", 50, 40);
        CliRun run;
        try (HeldLock lock = new HeldLock(db).take()) {
            lock.releaseAfter(13_000);
            run = CliRun.of("import", "--db", db.toString(), source.toString());
        }
        assertEquals(1, run.exit(), run.out());
        assertTrue(run.err().contains("the workbench is locked by another program"), run.err());
        assertTrue(run.err().contains("wait for the other work to finish"), run.err());
        assertFalse(run.out().contains("rejected:   1") || run.err().contains("could not be stored"), run.out());
        assertEquals(0, count(db, "SELECT count(*) FROM import_rejection"));
        assertEquals(10, count(db, "SELECT count(*) FROM post"));
        assertSoundWithWholePosts(db);
    }

    @Test
    void aLockTakenMidImportInterruptsItWithoutRejectionsAndTheNextImportCompletesIt() throws Exception {
        Path db = dir.resolve("w.sqlite");
        Path source = bundle(dir.resolve("in/posts.jsonl"), "M", 3_000, 40);
        ImportStoppedException stopped;
        try (Workbench wb = Workbench.open(db); HeldLock lock = new HeldLock(db)) {
            JobContext grabsTheLockOnceStarted = new JobContext() {
                private boolean taken;

                @Override
                public void progress(long done, long total, String message) {
                    if (!taken) {
                        taken = true;
                        try {
                            // After the run is recorded; released after the first chunk gave up (10 s), before the
                            // run's end is recorded.
                            lock.take().releaseAfter(12_500);
                        } catch (SQLException e) {
                            throw new IllegalStateException(e);
                        }
                    }
                }

                @Override
                public boolean isCancelled() {
                    return false;
                }
            };
            stopped = assertThrows(ImportStoppedException.class,
                    () -> new ImportService(wb, org.signalbench.testing.Labelling.CODEBOOK).run(List.of(source), null, grabsTheLockOnceStarted));
        }
        assertTrue(stopped.getMessage().contains("the workbench is locked by another program"), stopped.getMessage());
        assertEquals(EnvironmentFault.Kind.BUSY, ((EnvironmentFault) stopped.getCause()).kind());
        assertEquals(0, stopped.storedBeforeStop().imported());
        assertEquals(0, stopped.storedBeforeStop().rejected().size());
        assertEquals(0, count(db, "SELECT count(*) FROM import_rejection"));
        assertEquals(InterruptedImports.INTERRUPTED, text(db, "SELECT status FROM import_run"));
        assertSoundWithWholePosts(db);

        try (Workbench wb = Workbench.open(db); Session session = wb.openSession()) {
            List<org.signalbench.domain.InterruptedImport> interrupted = new InterruptedImports(session).list();
            assertEquals(1, interrupted.size());
            assertEquals(List.of(source.toAbsolutePath()), interrupted.get(0).sources());
            ImportReport finished = new ImportService(wb, org.signalbench.testing.Labelling.CODEBOOK).run(new InterruptedImports(session).sourcesToFinish(), null, JobContext.NONE);
            assertEquals(3_000, finished.imported());
            assertEquals(List.of(), new InterruptedImports(session).list());
        }
        assertEquals(3_000, count(db, "SELECT count(*) FROM post"));
        assertEquals("completed,done", text(db, "SELECT group_concat(status) FROM (SELECT status FROM import_run ORDER BY id)"));
    }

    @Test
    void labelsAndAdjudicationImportsWaitForALockInsteadOfFailing() throws Exception {
        Path db = workbenchWith("L", 200);
        Path labels = labelsCsv(dir.resolve("labels.csv"), "L", 200);
        long started = System.nanoTime();
        CliRun run;
        try (HeldLock lock = new HeldLock(db).take()) {
            lock.releaseAfter(2_000);
            run = CliRun.of("labels", "import", "--db", db.toString(), "--coder", "coder-a", labels.toString());
        }
        assertEquals(0, run.exit(), run.err());
        assertTrue(System.nanoTime() - started >= 1_500_000_000L, "the import should have waited for the lock");
        assertEquals(200, count(db, "SELECT count(*) FROM label"));

        try (HeldLock lock = new HeldLock(db).take()) {
            lock.releaseAfter(2_000);
            run = CliRun.of("adjudicate", "import", "--db", db.toString(), "--expert", "expert-a", labels.toString());
        }
        assertEquals(0, run.exit(), run.err());
        assertEquals(200, count(db, "SELECT count(*) FROM adjudication"));
    }

    // ---- full disk ------------------------------------------------------------------------------

    @Test
    void aFullDiskStopsTheImportHonestlyKeepingWholeChunksAndNoRejection() throws Exception {
        Path db = workbenchWith("F", 10);
        long pages = count(db, "PRAGMA page_count");
        Path source = bundle(dir.resolve("in/big.jsonl"), "B", 9_000, 300);
        System.setProperty(Workbench.MAX_PAGE_COUNT_PROPERTY, String.valueOf(pages + 400)); // 1.6 MB more: not 9,000 posts
        CliRun run = CliRun.of("import", "--db", db.toString(), source.toString());
        System.clearProperty(Workbench.MAX_PAGE_COUNT_PROPERTY);

        assertEquals(1, run.exit(), run.out());
        assertTrue(run.err().contains("the disk holding the workbench is full"), run.err());
        assertFalse(run.err().contains("no transaction is active"), run.err());
        assertTrue(run.out().contains("rejected:   0"), run.out());
        long stored = count(db, "SELECT count(*) FROM post") - 10;
        assertTrue(run.out().contains(String.format("imported:   %d", stored)), run.out() + " vs " + stored);
        assertEquals(0, stored % 2_000, "whole chunks only: " + stored);
        assertTrue(stored < 9_000);
        assertEquals(0, count(db, "SELECT count(*) FROM import_rejection"));
        assertEquals(InterruptedImports.INTERRUPTED, text(db, "SELECT status FROM import_run ORDER BY id DESC LIMIT 1"));
        assertSoundWithWholePosts(db);

        // With room again, importing the same file completes it.
        CliRun again = CliRun.of("import", "--db", db.toString(), source.toString());
        assertEquals(0, again.exit(), again.err());
        assertEquals(9_010, count(db, "SELECT count(*) FROM post"));
        assertEquals("done,completed,done", text(db, "SELECT group_concat(status) FROM (SELECT status FROM import_run ORDER BY id)"));
    }

    @Test
    void aFullDiskDuringALabelsImportSaysSoAndStoresNothingOfTheFile() throws Exception {
        Path db = workbenchWith("D", 3_000);
        long pages = count(db, "PRAGMA page_count");
        Path labels = labelsCsv(dir.resolve("labels.csv"), "D", 3_000);
        System.setProperty(Workbench.MAX_PAGE_COUNT_PROPERTY, String.valueOf(pages + 3));
        CliRun run = CliRun.of("labels", "import", "--db", db.toString(), "--coder", "coder-f", labels.toString());
        System.clearProperty(Workbench.MAX_PAGE_COUNT_PROPERTY);

        assertEquals(1, run.exit(), run.out());
        assertTrue(run.err().contains("the disk holding the workbench is full"), run.err());
        assertFalse(run.err().contains("no transaction is active"), run.err());
        assertEquals(0, count(db, "SELECT count(*) FROM label"));
        assertEquals(0, count(db, "SELECT count(*) FROM coder WHERE name = 'coder-f'"));
        assertEquals("ok", text(db, "PRAGMA integrity_check"));
    }

    @Test
    void aTransactionFailingOnAFullDiskThrowsTheFullDiskNotTheFailedCommit() throws Exception {
        Path db = dir.resolve("t.sqlite");
        try (Workbench wb = Workbench.open(db, 120); Connection c = wb.newConnection();
             Statement st = c.createStatement()) {
            st.execute("CREATE TABLE filler (x BLOB)");
            SQLException thrown = assertThrows(SQLException.class, () -> Transactions.run(c, () -> {
                try (PreparedStatement insert = c.prepareStatement("INSERT INTO filler VALUES (zeroblob(4000))")) {
                    for (int i = 0; i < 1_000; i++) {
                        insert.executeUpdate();
                    }
                }
            }));
            assertEquals(SQLiteErrorCode.SQLITE_FULL.code, ((SQLiteException) thrown).getResultCode().code & 0xff, thrown.toString());
            assertEquals(EnvironmentFault.Kind.FULL, EnvironmentFault.of(thrown).orElseThrow().kind());
            assertTrue(c.getAutoCommit(), "auto-commit is restored");
            assertEquals(0, TestCount.of(c, "SELECT count(*) FROM filler"));
        }
    }

    /** A count on a given connection. */
    private static final class TestCount {
        static long of(Connection c, String sql) throws SQLException {
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    // ---- damaged, newer and failing schemas -----------------------------------------------------

    @Test
    void aFileThatIsNotAWorkbenchIsRefusedAsDamagedNotAsInput() throws Exception {
        Path db = dir.resolve("notes.sqlite");
        byte[] junk = new byte[16_384];
        new java.util.Random(20261205).nextBytes(junk);
        Files.write(db, junk);
        Path source = bundle(dir.resolve("in/posts.jsonl"), "N", 20, 40);
        CliRun run = CliRun.of("import", "--db", db.toString(), source.toString());
        assertEquals(1, run.exit());
        assertTrue(run.err().contains("damaged or is not a SignalBench workbench"), run.err());
        assertArrayEquals(junk, Files.readAllBytes(db));
    }

    @Test
    void aCorruptWorkbenchStopsTheImportAndRejectsNoPost() throws Exception {
        Path db = workbenchWith("C", 6_000);
        try (Connection c = plain(db); Statement st = c.createStatement()) {
            st.execute("PRAGMA wal_checkpoint(TRUNCATE)");
        }
        // Damage the pages of the posts' unique index (platform, external_id): every new post must consult it.
        long size = Files.size(db);
        try (var file = java.nio.channels.FileChannel.open(db, java.nio.file.StandardOpenOption.WRITE)) {
            long pageSize = 4096;
            for (long page = size / pageSize / 2; page < size / pageSize - 1; page += 3) {
                file.write(java.nio.ByteBuffer.wrap(new byte[] {0x0d, (byte) 0xff, (byte) 0xff, 0x7f, 0x7f}), page * pageSize);
            }
        }
        Path source = bundle(dir.resolve("in/more.jsonl"), "X", 3_000, 40);
        CliRun run = CliRun.of("import", "--db", db.toString(), source.toString());
        assertEquals(1, run.exit(), run.out());
        assertTrue(run.err().contains("damaged or is not a SignalBench workbench"), run.err());
        assertFalse(run.out().contains("could not be stored"), run.out());
    }

    @Test
    void aWorkbenchFromANewerSignalBenchIsRefusedUntouched() throws Exception {
        Path db = workbenchWith("V", 5);
        try (Connection c = plain(db); Statement st = c.createStatement()) {
            st.execute("INSERT INTO flyway_schema_history (installed_rank, version, description, type, script, checksum, "
                    + "installed_by, execution_time, success) VALUES (99, '99', 'future', 'SQL', 'V99__future.sql', 0, 'x', 1, 1)");
            st.execute("PRAGMA wal_checkpoint(TRUNCATE)");
        }
        byte[] before = sha256(db);
        String known = text(db, "SELECT max(CAST(version AS INTEGER)) FROM flyway_schema_history WHERE version <> '99'");
        for (String[] args : List.of(new String[] {"stats", "--db", db.toString()},
                new String[] {"import", "--db", db.toString(), bundle(dir.resolve("in/p.jsonl"), "W", 5, 40).toString()})) {
            CliRun run = CliRun.of(args);
            assertEquals(1, run.exit(), String.join(" ", args));
            assertTrue(run.err().contains("was made by a newer SignalBench, schema version 99; this is schema version " + known),
                    run.err());
            assertArrayEquals(before, sha256(db), "the file's bytes are unchanged");
        }
        StoreException refused = assertThrows(StoreException.class, () -> Workbench.open(db));
        assertTrue(refused.getMessage().contains("nothing in it is changed"), refused.getMessage());
        assertArrayEquals(before, sha256(db));
        assertEquals(5, count(db, "SELECT count(*) FROM post"));
    }

    @Test
    void aFailedMigrationStopsTheOpen() throws Exception {
        Path db = dir.resolve("old.sqlite");
        Workbench.migrate(db, String.valueOf(migrationsBelow(8).max().orElseThrow())); // all before the import owners (V8)
        try (Connection c = plain(db); Statement st = c.createStatement()) {
            st.execute("ALTER TABLE import_run ADD COLUMN owner_pid INTEGER"); // what V8 adds: it fails
        }
        String before = text(db, "SELECT max(CAST(version AS INTEGER)) FROM flyway_schema_history WHERE success = 1");
        StoreException failed = assertThrows(StoreException.class, () -> Workbench.open(db));
        assertTrue(failed.getMessage().contains("cannot upgrade the workbench"), failed.getMessage());
        assertEquals(before, text(db, "SELECT max(CAST(version AS INTEGER)) FROM flyway_schema_history WHERE success = 1"));
        assertEquals(0, count(db, "SELECT count(*) FROM flyway_schema_history WHERE success = 0"));
        assertEquals(0, count(db, "SELECT count(*) FROM pragma_table_info('import_run') WHERE name = 'owner_host'"),
                "the failed step is rolled back");
    }

    @Test
    void threadsCreatingTheSameNewWorkbenchAtOnceAllOpenIt() throws Exception {
        for (int round = 0; round < 3; round++) {
            Path db = dir.resolve("race-" + round + ".sqlite");
            int openers = 6;
            CyclicBarrier start = new CyclicBarrier(openers);
            ExecutorService pool = Executors.newFixedThreadPool(openers);
            try {
                List<Future<String>> versions = new ArrayList<>();
                for (int i = 0; i < openers; i++) {
                    versions.add(pool.submit(() -> {
                        start.await();
                        try (Workbench wb = Workbench.open(db)) {
                            return wb.schemaVersion();
                        }
                    }));
                }
                for (Future<String> version : versions) {
                    assertNotNull(version.get(60, TimeUnit.SECONDS));
                }
            } finally {
                pool.shutdownNow();
            }
            assertEquals(count(db, "SELECT count(*) FROM flyway_schema_history"),
                    count(db, "SELECT count(DISTINCT version) FROM flyway_schema_history WHERE success = 1"));
        }
    }

    // ---- what is imported -----------------------------------------------------------------------

    @Test
    void aPipeAmongTheSourcesIsSkippedWithAReasonAndTheImportEnds() throws Exception {
        Path folder = dir.resolve("in");
        bundle(folder.resolve("posts.jsonl"), "Q", 30, 40);
        Path pipe = folder.resolve("pipe.jsonl");
        Process mkfifo = new ProcessBuilder("mkfifo", pipe.toString()).start();
        org.junit.jupiter.api.Assumptions.assumeTrue(mkfifo.waitFor() == 0, "mkfifo is needed");
        Path db = dir.resolve("w.sqlite");
        var pool = Executors.newSingleThreadExecutor();
        try {
            CliRun run = pool.submit(() -> CliRun.of("import", "--db", db.toString(), folder.toString()))
                    .get(60, TimeUnit.SECONDS);
            assertEquals(0, run.exit(), run.err());
            assertTrue(run.out().contains("pipe.jsonl: not a regular file (a pipe, socket or device); not read"), run.out());
            assertTrue(run.out().contains("imported:   30"), run.out());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void oversizedFilesXzBombsAndOverlongLinesAreRejectedWithTheirLimitsAndTheRestImported() throws Exception {
        Path folder = dir.resolve("in");
        bundle(folder.resolve("good.jsonl"), "G", 20, 40);
        String longLine = "{\"caption\":\"" + "a".repeat(40 << 20) + "\"}";
        // A bundle whose second line is 40 MB (6 kB compressed): streamed, that line is skipped, the next one read.
        byte[] bundleBomb = ("{\"format\": \"signalbench-bundle\", \"version\": 1}\n" + longLine + "\n"
                + "{\"platform\":\"instagram\",\"externalId\":\"AFTER1\",\"caption\":\"made up\"}\n")
                .getBytes(StandardCharsets.UTF_8);
        xz(folder.resolve("bomb.jsonl.xz"), bundleBomb);
        Files.write(folder.resolve("long-line.jsonl"), bundleBomb);
        // A JSON document is read whole, up to the size limit; a CSV is streamed, its records capped like lines.
        xz(folder.resolve("bomb.json.xz"), longLine.getBytes(StandardCharsets.UTF_8));
        Files.writeString(folder.resolve("big.csv"), "platform,external_id,caption\ninstagram,BIG1," + "b".repeat(40 << 20) + "\n");
        // Twitter JSON Lines, read whole (under the limit): the long line is rejected, the others read.
        Files.writeString(folder.resolve("tweets.jsonl"), "{\"id_str\":\"1019990000000000001\",\"full_text\":\"made up\","
                + "\"user\":{\"screen_name\":\"made_up_t\"},\"created_at\":\"Wed Oct 10 20:19:24 +0000 2018\"}\n"
                + "{\"id_str\":\"1019990000000000002\",\"full_text\":\"" + "t".repeat(20 << 20) + "\"}\n");
        System.setProperty("signalbench.import.maxFileBytes", String.valueOf(30L << 20));
        Path db = dir.resolve("w.sqlite");
        CliRun run = CliRun.of("import", "--db", db.toString(), folder.toString());
        System.clearProperty("signalbench.import.maxFileBytes");
        assertEquals(0, run.exit(), run.err());
        assertTrue(run.out().contains("bomb.jsonl.xz:2: the line is 40.0 MiB long, over the limit of 16.0 MiB; not read"), run.out());
        assertTrue(run.out().contains("long-line.jsonl:2: the line is 40.0 MiB long, over the limit of 16.0 MiB; not read"), run.out());
        assertTrue(run.out().contains("bomb.json.xz: the .xz file decompresses to more than 30.0 MiB"), run.out());
        assertTrue(run.out().contains("big.csv:2: a record over 16,777,216 characters"), run.out());
        assertTrue(run.out().contains("tweets.jsonl:2: the line is 20.0 MiB long, over the limit of 16.0 MiB; not read"), run.out());
        assertTrue(run.out().contains("rejected:   5"), run.out());
        // 20 good posts, the post after the long line (the same one in both bundles: a duplicate) and the first tweet.
        assertEquals(22, count(db, "SELECT count(*) FROM post"));
    }

    @Test
    void bundlesAndJsonLinesAreStreamedPastTheWholeFileLimit() throws Exception {
        Path folder = dir.resolve("in");
        bundle(folder.resolve("posts.jsonl"), "Z", 3_000, 100); // about 450 kB
        StringBuilder tweets = new StringBuilder();
        for (int i = 0; i < 3_000; i++) {
            tweets.append("{\"id_str\":\"10199900000").append(String.format("%08d", i)).append("\",\"full_text\":\"made up ")
                    .append(i).append("\",\"user\":{\"screen_name\":\"made_up_t\"},\"created_at\":\"Wed Oct 10 20:19:24 +0000 2018\"}\n");
        }
        xz(folder.resolve("tweets.jsonl.xz"), tweets.toString().getBytes(StandardCharsets.UTF_8));
        Files.writeString(folder.resolve("posts.csv"), "platform,external_id,caption\n"
                + "instagram,CSV1,made up\n".repeat(1).concat("instagram,CSV2," + "c".repeat(300_000) + "\n"));
        System.setProperty("signalbench.import.maxFileBytes", String.valueOf(64 << 10));
        Path db = dir.resolve("w.sqlite");
        CliRun run = CliRun.of("import", "--db", db.toString(), folder.toString());
        System.clearProperty("signalbench.import.maxFileBytes");
        assertEquals(0, run.exit(), run.err());
        // The CSV is streamed too: its short row is imported, the long caption refused by the caption limit.
        assertTrue(run.out().contains("imported:   6001"), run.out());
        assertTrue(run.out().contains("posts.csv:3: caption of post CSV2 is 300,000 characters long"), run.out());
        assertTrue(run.out().contains("rejected:   1"), run.out());
    }

    private static void xz(Path file, byte[] bytes) throws Exception {
        try (var out = new org.tukaani.xz.XZOutputStream(Files.newOutputStream(file), new org.tukaani.xz.LZMA2Options())) {
            out.write(bytes);
        }
    }

    // ---- classification -------------------------------------------------------------------------

    @Test
    void faultsAreToldFromInputByTheirResultCode() {
        assertEquals(EnvironmentFault.Kind.BUSY, kindOf(SQLiteErrorCode.SQLITE_BUSY));
        assertEquals(EnvironmentFault.Kind.BUSY, kindOf(SQLiteErrorCode.SQLITE_BUSY_SNAPSHOT));
        assertEquals(EnvironmentFault.Kind.BUSY, kindOf(SQLiteErrorCode.SQLITE_LOCKED));
        assertEquals(EnvironmentFault.Kind.FULL, kindOf(SQLiteErrorCode.SQLITE_FULL));
        assertEquals(EnvironmentFault.Kind.CORRUPT, kindOf(SQLiteErrorCode.SQLITE_CORRUPT));
        assertEquals(EnvironmentFault.Kind.CORRUPT, kindOf(SQLiteErrorCode.SQLITE_NOTADB));
        assertEquals(EnvironmentFault.Kind.IO_ERROR, kindOf(SQLiteErrorCode.SQLITE_IOERR_SHORT_READ));
        assertEquals(EnvironmentFault.Kind.READ_ONLY, kindOf(SQLiteErrorCode.SQLITE_READONLY));
        assertEquals(EnvironmentFault.Kind.CANNOT_OPEN, kindOf(SQLiteErrorCode.SQLITE_CANTOPEN));
        for (SQLiteErrorCode input : List.of(SQLiteErrorCode.SQLITE_CONSTRAINT, SQLiteErrorCode.SQLITE_CONSTRAINT_UNIQUE,
                SQLiteErrorCode.SQLITE_TOOBIG, SQLiteErrorCode.SQLITE_MISMATCH, SQLiteErrorCode.SQLITE_ERROR)) {
            assertTrue(EnvironmentFault.of(new SQLiteException("x", input)).isEmpty(), input.name());
        }
        // Found behind wrappers, and told once in a message.
        RuntimeException wrapped = new IllegalStateException("storing failed",
                new StoreException(new SQLiteException("[SQLITE_FULL] database or disk is full", SQLiteErrorCode.SQLITE_FULL)));
        assertTrue(EnvironmentFault.messageOf(wrapped).startsWith("the disk holding the workbench is full"));
    }

    private static EnvironmentFault.Kind kindOf(SQLiteErrorCode code) {
        return EnvironmentFault.of(new SQLiteException("[" + code.name() + "] test", code)).orElseThrow().kind();
    }

    /** The versions of the migration files shipped on the class path below {@code version}. */
    static java.util.stream.IntStream migrationsBelow(int version) throws Exception {
        Path folder = Path.of(Workbench.class.getResource("/db/migration").toURI());
        try (var files = Files.list(folder)) {
            int[] versions = files.map(f -> f.getFileName().toString()).filter(n -> n.matches("V\\d+__.*\\.sql"))
                    .mapToInt(n -> Integer.parseInt(n.substring(1, n.indexOf("__")))).filter(v -> v < version).toArray();
            return java.util.Arrays.stream(versions);
        }
    }

    static byte[] sha256(Path file) throws Exception {
        return MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file));
    }
}
