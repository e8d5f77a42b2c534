package org.signalbench.importing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.signalbench.importing.ImportFixtures.bundleHeader;
import static org.signalbench.importing.ImportFixtures.bundlePost;
import static org.signalbench.importing.ImportFixtures.count;
import static org.signalbench.importing.ImportFixtures.image;
import static org.signalbench.importing.ImportFixtures.importAll;
import static org.signalbench.importing.ImportFixtures.lines;
import static org.signalbench.importing.ImportFixtures.rowCounts;
import static org.signalbench.importing.ImportFixtures.string;
import static org.signalbench.importing.ImportFixtures.strings;
import static org.signalbench.importing.ImportFixtures.write;
import static org.signalbench.importing.ImportFixtures.writeXz;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.signalbench.store.Workbench;

class BundleImportTest {
    @TempDir
    Path dir;

    @Test
    void readsEveryFieldOfTheBundle() throws Exception {
        image(dir.resolve("media/Bq3x9kLmN0a.png"));
        String line = """
                {"platform": "instagram", "externalId": "Bq3x9kLmN0a", "author": "frosty_tabs_44", "authorId": "4100123", "postedAt": "2018-07-19T14:03:11Z", "caption": "legit plug 💊 #xanax #2mgxanax wickr: frosty_tabs_44", "url": "https://www.instagram.com/p/Bq3x9kLmN0a/", "comments": [{"author": "night_owl_21", "text": "price for 20?", "at": "2018-07-19T15:00:00Z"}, {"text": "anonymous"}], "media": ["media/Bq3x9kLmN0a.png"], "collectedUnder": ["#xanax", "#2mgxanax"], "links": ["https://example.com/x"], "futureField": {"ignored": true}}""";
        Path file = write(dir.resolve("posts.jsonl"), bundleHeader() + line + "\n");
        try (Workbench wb = Workbench.open(dir.resolve("wb.sqlite"))) {
            ImportReport report = importAll(wb, dir);
            assertEquals(List.of(), report.rejected());
            assertEquals(1, report.imported());
            assertEquals(List.of(List.of("instagram", "Bq3x9kLmN0a", "frosty_tabs_44", "4100123", "2018-07-19T14:03:11Z",
                            "legit plug 💊 #xanax #2mgxanax wickr: frosty_tabs_44", "https://www.instagram.com/p/Bq3x9kLmN0a/",
                            file.toAbsolutePath().toString())),
                    ImportFixtures.rows(wb, "SELECT platform, external_id, author, author_id, posted_at, caption, url, source_file FROM post"));
            assertEquals(List.of("night_owl_21", "price for 20?", "2018-07-19T15:00:00Z"),
                    ImportFixtures.rows(wb, "SELECT author, text, commented_at FROM post_comment WHERE position = 0").get(0));
            assertEquals("anonymous", string(wb, "SELECT text FROM post_comment WHERE position = 1 AND author IS NULL"));
            assertEquals(List.of("#2mgxanax", "#xanax"), strings(wb, "SELECT search FROM post_collection ORDER BY search"));
            assertEquals(List.of("https://example.com/x"), strings(wb, "SELECT url FROM post_link"));
            String png = dir.toRealPath().resolve("media/Bq3x9kLmN0a.png").toString();
            assertEquals(List.of(png), ImportFixtures.mediaOrigins(wb, List.of(png), "SELECT path FROM post_media"));
            assertEquals("image", string(wb, "SELECT kind FROM post_media"));
        }
    }

    @Test
    void badLinesAreRejectedWithTheirNumberAndTheRestIsImported() throws Exception {
        ObjectNode wrongType = bundlePost("Ee5", "x");
        wrongType.put("collectedUnder", "#xanax");
        ObjectNode numberId = bundlePost("Ff6", "x");
        numberId.put("externalId", 42);
        ObjectNode noPlatform = bundlePost("Gg7", "x");
        noPlatform.remove("platform");
        String text = bundleHeader()
                + lines(bundlePost("Aa1", "one"), "{\"platform\": \"instagram\", \"externalId\": \"Bb2\", \"capt", "[1, 2]",
                        "not json at all", wrongType, numberId, noPlatform, "", bundlePost("Hh8", "last"));
        write(dir.resolve("posts.jsonl"), text);
        try (Workbench wb = Workbench.open(dir.resolve("wb.sqlite"))) {
            ImportReport report = importAll(wb, dir);
            assertEquals(2, report.imported());
            assertEquals(List.of("Aa1", "Hh8"), strings(wb, "SELECT external_id FROM post ORDER BY external_id"));
            List<Rejection> rejected = report.rejected();
            assertEquals(List.of(3, 4, 5, 6, 7, 8), rejected.stream().map(Rejection::line).toList(), rejected.toString());
            assertTrue(rejected.get(0).reason().startsWith("truncated JSON"), rejected.get(0).reason());
            assertEquals("expected a post object, found an array", rejected.get(1).reason());
            assertTrue(rejected.get(2).reason().startsWith("not valid JSON"), rejected.get(2).reason());
            assertEquals("field 'collectedUnder' must be an array, found a string", rejected.get(3).reason());
            assertEquals("field 'externalId' must be a string, found a number", rejected.get(4).reason());
            assertEquals("missing field 'platform'", rejected.get(5).reason());
            assertEquals(6, count(wb, "SELECT COUNT(*) FROM import_rejection WHERE line IS NOT NULL"));
        }
    }

    @Test
    void compressedBundleAndDuplicatesMergeSearchesAndMediaOnly() throws Exception {
        image(dir.resolve("a/one.png"));
        image(dir.resolve("b/two.png"));
        ObjectNode first = bundlePost("Aa1", "original caption");
        first.putArray("collectedUnder").add("#xanax");
        first.putArray("media").add("one.png");
        first.putArray("comments").addObject().put("text", "first comment");
        ObjectNode again = bundlePost("Aa1", "changed caption must not win");
        again.putArray("collectedUnder").add("#xanaxfamily").add("#xanax");
        again.putArray("media").add("two.png");
        again.putArray("comments").addObject().put("text", "must not be added");
        again.putArray("links").add("https://example.com/not-added");
        writeXz(dir.resolve("a/posts.jsonl.xz"), (bundleHeader() + lines(first)).getBytes(StandardCharsets.UTF_8));
        write(dir.resolve("b/posts.jsonl"), bundleHeader() + lines(again));
        try (Workbench wb = Workbench.open(dir.resolve("wb.sqlite"))) {
            ImportReport report = importAll(wb, dir);
            assertEquals(List.of(), report.rejected());
            assertEquals(1, report.imported());
            assertEquals(1, report.duplicates());
            assertEquals("original caption", string(wb, "SELECT caption FROM post"));
            assertEquals(List.of("#xanax", "#xanaxfamily"), strings(wb, "SELECT search FROM post_collection ORDER BY search"));
            assertEquals(List.of("first comment"), strings(wb, "SELECT text FROM post_comment"));
            assertEquals(0, count(wb, "SELECT COUNT(*) FROM post_link"));
            List<String> pngs = List.of(dir.toRealPath().resolve("a/one.png").toString(), dir.toRealPath().resolve("b/two.png").toString());
            assertEquals(pngs, ImportFixtures.mediaOrigins(wb, pngs, "SELECT path FROM post_media ORDER BY position"));

            Map<String, Long> before = rowCounts(wb);
            ImportReport second = importAll(wb, dir);
            assertEquals(0, second.imported());
            assertEquals(2, second.duplicates());
            Map<String, Long> after = rowCounts(wb);
            ImportFixtures.assertOnlyTheRunLogGrew(before, after);
        }
    }

    @Test
    void aJsonLinesFileWithoutTheHeaderIsNotABundle() throws Exception {
        write(dir.resolve("posts.jsonl"), lines(bundlePost("Aa1", "one")));
        try (Workbench wb = Workbench.open(dir.resolve("wb.sqlite"))) {
            ImportReport forced = new ImportService(wb, org.signalbench.testing.Labelling.CODEBOOK).run(List.of(dir), ImportFormat.BUNDLE, org.signalbench.jobs.JobContext.NONE);
            assertEquals(0, forced.imported());
            assertEquals(1, forced.rejected().size());
            assertEquals(1, forced.rejected().get(0).line());
            assertTrue(forced.rejected().get(0).reason().startsWith("not a SignalBench bundle"), forced.rejected().get(0).reason());
            assertEquals(0, count(wb, "SELECT COUNT(*) FROM post"));
        }
    }
}
