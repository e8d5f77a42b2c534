package org.signalbench.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.signalbench.store.StoreFaultsTest.bundle;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.signalbench.testing.CliRun;

/**
 * A workbench whose file and folder cannot be written (a shared folder, a write-protected drive) is
 * opened read-only: reading commands work, and a write stops with the READONLY message and exit 1,
 * leaving the file as it was.
 *
 * <p>Skipped when the tests run as root: file permissions do not hold for root, so no read-only
 * folder can be made. The same steps were run by hand as the user nobody (docs/reliability.md).
 */
@org.junit.jupiter.api.extension.ExtendWith(org.signalbench.testing.FaultCases.class)
class ReadOnlyWorkbenchTest {
    @TempDir
    Path dir;

    @Test
    void aReadOnlyWorkbenchIsReadAndRefusesWritesWithAnHonestMessage() throws Exception {
        Assumptions.assumeFalse("root".equals(System.getProperty("user.name")),
                "running as root: chmod does not keep root from writing, so a read-only workbench cannot be made here");
        Path folder = Files.createDirectories(dir.resolve("shared"));
        Path db = folder.resolve("w.sqlite");
        assertEquals(0, CliRun.of("import", "--db", db.toString(), bundle(dir.resolve("posts.jsonl"), "R", 30, 40).toString()).exit());
        byte[] before = Files.readAllBytes(db);
        Files.setPosixFilePermissions(db, PosixFilePermissions.fromString("r--r--r--"));
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            CliRun stats = CliRun.of("stats", "--db", db.toString(), "--json");
            assertEquals(0, stats.exit(), stats.err());
            assertTrue(stats.out().contains("30"), stats.out());
            CliRun report = CliRun.of("report", "--db", db.toString(), "--out", dir.resolve("report.html").toString());
            assertEquals(0, report.exit(), report.err());

            CliRun write = CliRun.of("import", "--db", db.toString(), bundle(dir.resolve("more.jsonl"), "S", 5, 40).toString());
            assertEquals(1, write.exit(), write.out());
            assertTrue(write.err().contains("cannot be written (read-only)"), write.err());
            assertArrayEquals(before, Files.readAllBytes(db), "the read-only workbench is left as it was");
        } finally {
            Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxr-xr-x"));
            Files.setPosixFilePermissions(db, PosixFilePermissions.fromString("rw-r--r--"));
        }
    }
}
