package org.signalbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.signalbench.domain.Role;
import org.signalbench.labels.Codebook;
import org.signalbench.labels.LabelStore;
import org.signalbench.models.RunStore;
import org.signalbench.store.Workbench;
import org.signalbench.testing.CliRun;
import org.signalbench.testing.TestWorkbenches;

/** Item 10 of issue 13: the short run id, `labels export` to CSV, and bad usage without a usage dump. */
class SmallFixesCliTest {
    private static final org.signalbench.models.CvConfig CONFIG = new org.signalbench.models.CvConfig(
            List.of(org.signalbench.preprocess.Variant.NO_HASHTAGS), List.of("dt"), Map.of(), 2, 1, org.signalbench.models.Folds.Scheme.STRATIFIED);

    @TempDir
    Path dir;

    @Test
    void aShortRunIdIsTakenWhenItNamesOneRun() throws Exception {
        Path db = dir.resolve("test.sqlite");
        try (Workbench wb = TestWorkbenches.open(dir)) {
            RunStore store = new RunStore(org.signalbench.store.Session.over(wb.connection()));
            store.create("3cc95ee5-0000-4000-8000-000000000001", CONFIG, "f", 10, Map.of(), Map.of());
            store.create("3cc9aaaa-0000-4000-8000-000000000002", CONFIG, "f", 10, Map.of(), Map.of());
        }
        CliRun shown = CliRun.of("runs", "show", "--db", db.toString(), "3cc95ee5");
        assertEquals(0, shown.exit(), shown.err());
        assertTrue(shown.out().contains("3cc95ee5-0000-4000-8000-000000000001"), shown.out());
        CliRun ambiguous = CliRun.of("runs", "show", "--db", db.toString(), "3cc9");
        assertEquals(1, ambiguous.exit());
        assertTrue(ambiguous.err().contains("starts 2 run ids"), ambiguous.err());
    }

    @Test
    void labelsExportToACsvWritesTheCsvLabelsImportReads() throws Exception {
        Path db = dir.resolve("test.sqlite");
        try (Workbench wb = TestWorkbenches.open(dir)) {
            long p1 = TestWorkbenches.insertPost(wb.connection(), "instagram", "P1", "u1", "one");
            long p2 = TestWorkbenches.insertPost(wb.connection(), "instagram", "P2", "u2", "two");
            try (LabelStore store = new LabelStore(org.signalbench.store.Session.over(wb.connection()), Codebook.load())) {
                long a = store.coder("coder_a", Role.CODER).id();
                store.saveAnswer(a, p1, "dealer", "yes", null);
                store.saveAnswer(a, p2, "dealer", "no", null);
                store.saveAnswer(a, p2, "channels", "phone", null);
            }
        }
        Path csv = dir.resolve("a.csv");
        CliRun run = CliRun.of("labels", "export", "--db", db.toString(), "--coder", "coder_a", "--out", csv.toString());
        assertEquals(0, run.exit(), run.err());
        assertEquals(List.of("external_id,label,platform", "P1,yes,instagram", "P2,no,instagram"), Files.readAllLines(csv));

        // Read back into another workbench as coder_b's answers.
        Path other = dir.resolve("other/test.sqlite");
        try (Workbench wb = TestWorkbenches.open(other.getParent())) {
            TestWorkbenches.insertPost(wb.connection(), "instagram", "P1", "u1", "one");
            TestWorkbenches.insertPost(wb.connection(), "instagram", "P2", "u2", "two");
        }
        CliRun in = CliRun.of("labels", "import", "--db", other.toString(), "--coder", "coder_b", csv.toString());
        assertEquals(0, in.exit(), in.err() + in.out());
        assertTrue(in.out().contains("added:     2"), in.out());
    }

    @Test
    void importingAnEmptyFolderFailsWithAHint() throws Exception {
        Path empty = Files.createDirectories(dir.resolve("empty"));
        CliRun run = CliRun.of("import", "--db", dir.resolve("new.sqlite").toString(), empty.toString());
        assertEquals(1, run.exit(), run.out());
        assertTrue(run.err().contains("nothing to import in " + empty) && run.err().contains("Instaloader"), run.err());
    }

    @Test
    void badUsageSaysWhyAndWhereTheHelpIsWithoutTheUsageText() {
        CliRun bad = CliRun.of("stats", "--no-such-option");
        assertEquals(2, bad.exit());
        assertEquals(List.of("error: Unknown option: '--no-such-option'", "See 'signalbench stats --help' for the options."),
                bad.err().lines().toList());
    }
}
