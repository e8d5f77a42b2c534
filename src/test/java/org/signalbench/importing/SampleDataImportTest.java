package org.signalbench.importing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.signalbench.importing.ImportFixtures.count;
import static org.signalbench.importing.ImportFixtures.importAll;
import static org.signalbench.importing.ImportFixtures.rowCounts;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.signalbench.store.Workbench;

/** The committed sample-data/ imports whole and cleanly: every format, no refusals, idempotent. */
class SampleDataImportTest {
    private static final Path SAMPLE = Path.of("sample-data");

    @TempDir
    Path dir;

    @Test
    void theBuiltInSampleImportsWithoutRefusals() throws Exception {
        try (Workbench wb = Workbench.open(dir.resolve("wb.sqlite"))) {
            ImportReport report = importAll(wb, SAMPLE);
            assertEquals(List.of(), report.rejected());
            assertEquals(12_857, count(wb, "SELECT COUNT(*) FROM post WHERE platform = 'instagram'"));
            assertTrue(count(wb, "SELECT COUNT(*) FROM post WHERE platform = 'twitter'") > 0);
            assertEquals(count(wb, "SELECT COUNT(*) FROM post"), report.imported());
            assertTrue(report.duplicates() > 0, "the Instaloader copies of bundle posts are duplicates");
            assertTrue(report.labels() > 0);
            // Every media file copied into the workbench's media folder (so cleaning target/ or moving the sample breaks nothing).
            assertEquals(0, count(wb, "SELECT COUNT(*) FROM post_media m WHERE m.path NOT LIKE 'wb-data/media/%'"),
                    "every media file copied into wb-data/media/");
            assertEquals(0, org.signalbench.store.MediaFolder.check(wb.connection()).missing().size());

            Map<String, Long> before = rowCounts(wb);
            ImportReport again = importAll(wb, SAMPLE);
            assertEquals(0, again.imported());
            assertEquals(0, again.labels());
            Map<String, Long> after = rowCounts(wb);
            ImportFixtures.assertOnlyTheRunLogGrew(before, after);
        }
    }

    @Test
    void theInstaloaderAndTwitterSamplesImportOnTheirOwn() throws Exception {
        try (Workbench wb = Workbench.open(dir.resolve("wb.sqlite"))) {
            ImportReport report = importAll(wb, SAMPLE.resolve("instaloader"), SAMPLE.resolve("twitter"));
            assertEquals(List.of(), report.rejected());
            assertTrue(count(wb, "SELECT COUNT(*) FROM post WHERE platform = 'instagram'") >= 40);
            assertTrue(count(wb, "SELECT COUNT(*) FROM post_comment") > 0);
            assertTrue(count(wb, "SELECT COUNT(*) FROM post_media") > 0);
            assertEquals(0, count(wb, "SELECT COUNT(*) FROM post p WHERE NOT EXISTS (SELECT 1 FROM post_collection c WHERE c.post_id = p.id) AND platform = 'instagram'"),
                    "every Instaloader post has its folder's search");
        }
    }
}
