package org.signalbench.importing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.signalbench.importing.ImportFixtures.bundleHeader;
import static org.signalbench.importing.ImportFixtures.bundlePost;
import static org.signalbench.importing.ImportFixtures.count;
import static org.signalbench.importing.ImportFixtures.importAll;
import static org.signalbench.importing.ImportFixtures.lines;
import static org.signalbench.importing.ImportFixtures.write;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.signalbench.store.Workbench;

class PostsThenCoderFilesTest {
    @TempDir
    Path dir;

    @Test
    void coderFilesAreTakenInAfterThePostsTheyReferTo() throws Exception {
        // "a-labels.json" sorts before "z-posts.jsonl": the import must still read the posts first.
        write(dir.resolve("in/a-labels.json"), """
                {"format": "signalbench-coder-file", "version": 1, "coder": {"name": "coder-a", "role": "coder"},
                 "codebookVersion": "1",
                 "answers": [
                   {"platform": "instagram", "externalId": "Aa1", "at": "2018-11-02T09:15:00Z", "values": {"dealer": "yes"}},
                   {"platform": "instagram", "externalId": "Bb2", "at": "2018-11-02T09:16:00Z", "values": {"dealer": "no"}},
                   {"platform": "instagram", "externalId": "NotHeld", "at": "2018-11-02T09:17:00Z", "values": {"dealer": "no"}}
                 ]}""");
        write(dir.resolve("in/z-posts.jsonl"), bundleHeader() + lines(bundlePost("Aa1", "one"), bundlePost("Bb2", "two")));
        try (Workbench wb = Workbench.open(dir.resolve("wb.sqlite"))) {
            ImportReport report = importAll(wb, dir.resolve("in"));
            assertEquals(2, report.imported());
            assertEquals(2, report.labels());
            assertEquals(1, report.rejected().size(), report.rejected().toString());
            assertEquals(2, count(wb, "SELECT COUNT(*) FROM label"));
            assertEquals(2, count(wb, "SELECT labels FROM import_run"));

            ImportReport again = importAll(wb, dir.resolve("in"));
            assertEquals(0, again.labels());
            assertEquals(2, count(wb, "SELECT COUNT(*) FROM label"));
            assertEquals(List.of(0L, 2L), List.of((long) again.imported(), (long) again.duplicates()));
        }
    }
}
