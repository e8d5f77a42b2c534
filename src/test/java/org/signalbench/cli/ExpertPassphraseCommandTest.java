package org.signalbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.signalbench.app.AccessService;
import org.signalbench.store.Workbench;
import org.signalbench.testing.CliRun;

/** {@code expert-passphrase}: set once from standard input, refused afterwards, too short or missing workbench refused. */
class ExpertPassphraseCommandTest {
    @TempDir
    Path dir;

    private static CliRun withStdin(String stdin, String... args) {
        InputStream before = System.in;
        System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
        try {
            return CliRun.of(args);
        } finally {
            System.setIn(before);
        }
    }

    @Test
    void setsThePassphraseOnceFromStandardInput() throws Exception {
        Path db = dir.resolve("study.sqlite");
        Workbench.open(db).close();
        AccessService access = new AccessService();

        CliRun tooShort = withStdin("short\n", "expert-passphrase", "--db", db.toString());
        assertEquals(1, tooShort.exit(), tooShort.err());
        assertTrue(tooShort.err().contains("at least 8"), tooShort.err());

        CliRun set = withStdin("correct horse\n", "expert-passphrase", "--db", db.toString());
        assertEquals(0, set.exit(), set.err());
        try (Workbench wb = Workbench.open(db)) {
            assertEquals(AccessService.Check.ACCEPTED, access.checkExpert(wb, "correct horse".toCharArray()));
            assertEquals(AccessService.Check.REFUSED, access.checkExpert(wb, "correct horse\n".toCharArray()));
        }

        CliRun again = withStdin("another passphrase\n", "expert-passphrase", "--db", db.toString());
        assertEquals(1, again.exit());
        assertTrue(again.err().contains("has an expert passphrase already"), again.err());
        assertFalse(again.err().contains("Usage:"), "no usage dump after the error");
        try (Workbench wb = Workbench.open(db)) {
            assertEquals(AccessService.Check.ACCEPTED, access.checkExpert(wb, "correct horse".toCharArray()), "unchanged");
        }
    }

    @Test
    void refusesAMissingWorkbenchAndCreatesNothing() {
        Path db = dir.resolve("missing.sqlite");
        CliRun run = withStdin("correct horse\n", "expert-passphrase", "--db", db.toString());
        assertEquals(1, run.exit());
        assertFalse(db.toFile().exists());
    }
}
