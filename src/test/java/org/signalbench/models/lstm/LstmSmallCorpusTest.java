package org.signalbench.models.lstm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.signalbench.testing.CliRun;

/**
 * The laptop preset learns on a small generated corpus (800 posts, 15 % dealer posts, the sample's
 * variety): the former preset (2 epochs of batch 64, about 10 updates here) predicted no dealer
 * post at all on such a corpus (F1 0). Two folds of the text without hashtags.
 */
class LstmSmallCorpusTest {
    @TempDir
    Path dir;

    @Test
    void laptopPresetFindsDealerPostsInASmallCorpus() throws Exception {
        CliRun sample = CliRun.of("sample", "--out", dir.resolve("corpus").toString(), "--posts", "800",
                "--dealer-share", "0.15", "--no-images");
        assertEquals(0, sample.exit(), sample.err());
        String db = dir.resolve("small.sqlite").toString();
        CliRun imported = CliRun.of("import", "--db", db, dir.resolve("corpus/instagram-study").toString());
        assertEquals(0, imported.exit(), imported.err());
        CliRun cv = CliRun.of("cv", "--db", db, "--models", "lstm", "--preset", "laptop", "--folds", "2",
                "--variants", "no-hashtags", "--json");
        assertEquals(0, cv.exit(), cv.err());
        JsonNode json = new ObjectMapper().readTree(cv.out());
        JsonNode row = json.findValue("rows").get(0);
        double f1 = row.get("f1").asDouble();
        assertTrue(f1 > 0.5, "F1 " + f1 + " on the small corpus: " + cv.out());
    }
}
