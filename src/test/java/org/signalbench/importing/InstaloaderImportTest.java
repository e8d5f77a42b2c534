package org.signalbench.importing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.signalbench.importing.ImportFixtures.JSON;
import static org.signalbench.importing.ImportFixtures.comment;
import static org.signalbench.importing.ImportFixtures.count;
import static org.signalbench.importing.ImportFixtures.image;
import static org.signalbench.importing.ImportFixtures.importAll;
import static org.signalbench.importing.ImportFixtures.instaloaderPost;
import static org.signalbench.importing.ImportFixtures.rowCounts;
import static org.signalbench.importing.ImportFixtures.string;
import static org.signalbench.importing.ImportFixtures.strings;
import static org.signalbench.importing.ImportFixtures.write;
import static org.signalbench.importing.ImportFixtures.writeXz;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.signalbench.store.Workbench;

class InstaloaderImportTest {
    @TempDir
    Path dir;
    Path tree;

    static final String STEM_A = "2018-07-19_14-03-11_UTC";
    static final String STEM_B = "2018-08-02_09-30-00_UTC";

    @BeforeEach
    void buildTree() throws Exception {
        tree = dir.resolve("scrape");
        Path xanax = tree.resolve("#xanax");
        Path twoMg = tree.resolve("#2mgxanax");

        // Post A: collected under two searches, with comments (one with a reply) and a three-image sidecar.
        ObjectNode postA = instaloaderPost("Bq3x9kLmN0a", "legit plug 💊 #xanax #2mgxanax wickr: frosty_tabs_44",
                1532009000L, "frosty_tabs_44");
        write(xanax.resolve(STEM_A + ".json"), postA);
        write(twoMg.resolve(STEM_A + ".json"), postA);
        ArrayNode comments = JSON.createArrayNode();
        ObjectNode later = comment(2, 1532009600L, "night_owl_21", "price for 20?");
        ((ArrayNode) later.get("answers")).add(comment(4, 1532010000L, "frosty_tabs_44", "dm me on wickr"));
        ((ArrayNode) later.get("answers")).add(comment(3, 1532009900L, "night_owl_21", "hello??"));
        comments.add(later); // Instaloader writes newest first
        comments.add(comment(1, 1532009300L, "quiet_fern_07", "first"));
        write(xanax.resolve(STEM_A + "_comments.json"), comments);
        write(twoMg.resolve(STEM_A + "_comments.json"), comments);
        image(xanax.resolve(STEM_A + "_1.jpg"));
        image(xanax.resolve(STEM_A + "_2.jpg"));
        image(xanax.resolve(STEM_A + "_3.jpg"));
        image(twoMg.resolve(STEM_A + "_1.jpg"));
        write(xanax.resolve(STEM_A + ".txt"), "caption text file Instaloader also writes");

        // Post B: compressed .json.xz, a video with its thumbnail.
        ObjectNode postB = instaloaderPost("Cz7pQ2wEr5t", "recovery day 90 🙏", 1533202200L, "sunrise_steps_12");
        ((ObjectNode) postB.get("node")).put("is_video", true);
        writeXz(xanax.resolve(STEM_B + ".json.xz"), JSON.writeValueAsString(postB).getBytes(StandardCharsets.UTF_8));
        image(xanax.resolve(STEM_B + ".jpg"));
        write(xanax.resolve(STEM_B + ".mp4"), "not really a video");
        write(tree.resolve("README.md"), "made-up scrape for tests");
    }

    @Test
    void readsPostsCommentsMediaAndSearches() throws Exception {
        try (Workbench wb = Workbench.open(dir.resolve("wb.sqlite"))) {
            ImportReport report = importAll(wb, tree);

            assertEquals(List.of(), report.rejected());
            assertEquals(2, report.imported());
            assertEquals(1, report.duplicates(), "post A seen again under #2mgxanax");
            assertEquals(2, count(wb, "SELECT COUNT(*) FROM post"));

            long a = Long.parseLong(string(wb, "SELECT id FROM post WHERE platform = 'instagram' AND external_id = 'Bq3x9kLmN0a'"));
            assertEquals("frosty_tabs_44", string(wb, "SELECT author FROM post WHERE id = ?", a));
            assertEquals("legit plug 💊 #xanax #2mgxanax wickr: frosty_tabs_44", string(wb, "SELECT caption FROM post WHERE id = ?", a));
            assertEquals("2018-07-19T14:03:20Z", string(wb, "SELECT posted_at FROM post WHERE id = ?", a));
            assertEquals("https://www.instagram.com/p/Bq3x9kLmN0a/", string(wb, "SELECT url FROM post WHERE id = ?", a));
            assertTrue(string(wb, "SELECT author_id FROM post WHERE id = ?", a).startsWith("41000"));
            assertEquals(List.of("#2mgxanax", "#xanax"), strings(wb, "SELECT search FROM post_collection WHERE post_id = ? ORDER BY search", a));

            // Thread order: oldest top-level comment first, each followed by its replies oldest first.
            assertEquals(List.of("first", "price for 20?", "hello??", "dm me on wickr"),
                    strings(wb, "SELECT text FROM post_comment WHERE post_id = ? ORDER BY position", a));
            assertEquals(List.of("quiet_fern_07", "night_owl_21", "night_owl_21", "frosty_tabs_44"),
                    strings(wb, "SELECT author FROM post_comment WHERE post_id = ? ORDER BY position", a));
            assertEquals("2018-07-19T14:08:20Z", string(wb, "SELECT commented_at FROM post_comment WHERE post_id = ? AND position = 0", a));

            // Media: the sidecar image of the copy read first (#2mgxanax sorts first), then the
            // three of the #xanax copy merged into the stored post; the comments are not doubled.
            Path realTree = tree.toRealPath();
            List<String> expected = List.of(
                    realTree.resolve("#2mgxanax/" + STEM_A + "_1.jpg").toString(),
                    realTree.resolve("#xanax/" + STEM_A + "_1.jpg").toString(),
                    realTree.resolve("#xanax/" + STEM_A + "_2.jpg").toString(),
                    realTree.resolve("#xanax/" + STEM_A + "_3.jpg").toString());
            // Stored as the workbench's own copies (MediaCopyTest), each with its source file's content.
            assertEquals(expected, ImportFixtures.mediaOrigins(wb, expected,
                    "SELECT path FROM post_media WHERE post_id = ? ORDER BY position", a));

            long b = Long.parseLong(string(wb, "SELECT id FROM post WHERE external_id = 'Cz7pQ2wEr5t'"));
            assertEquals("recovery day 90 🙏", string(wb, "SELECT caption FROM post WHERE id = ?", b));
            assertEquals(List.of("image", "video"), strings(wb, "SELECT kind FROM post_media WHERE post_id = ? ORDER BY position", b));
            assertEquals(List.of("#xanax"), strings(wb, "SELECT search FROM post_collection WHERE post_id = ?", b));
            assertEquals(0, count(wb, "SELECT COUNT(*) FROM post_comment WHERE post_id = ?", b));
            assertTrue(string(wb, "SELECT source_file FROM post WHERE id = ?", b).endsWith(STEM_B + ".json.xz"));

            assertEquals(1, count(wb, "SELECT COUNT(*) FROM import_run WHERE status = 'done' AND imported = 2 AND duplicates = 1"));
        }
    }

    @Test
    void importingTheSameTreeTwiceChangesNothing() throws Exception {
        try (Workbench wb = Workbench.open(dir.resolve("wb.sqlite"))) {
            importAll(wb, tree);
            Map<String, Long> before = rowCounts(wb);
            List<List<Object>> mediaBefore = ImportFixtures.rows(wb, "SELECT * FROM post_media ORDER BY post_id, position");
            ImportReport again = importAll(wb, tree);
            Map<String, Long> after = rowCounts(wb);

            assertEquals(0, again.imported());
            assertEquals(3, again.duplicates());
            ImportFixtures.assertOnlyTheRunLogGrew(before, after);
            assertEquals(mediaBefore, ImportFixtures.rows(wb, "SELECT * FROM post_media ORDER BY post_id, position"));
        }
    }

    @Test
    void aSingleFolderOrFileCanBeImported() throws Exception {
        try (Workbench wb = Workbench.open(dir.resolve("wb.sqlite"))) {
            ImportReport report = importAll(wb, tree.resolve("#2mgxanax").resolve(STEM_A + ".json"));
            assertEquals(1, report.imported());
            assertEquals(List.of("#2mgxanax"), strings(wb, "SELECT search FROM post_collection"));
            assertEquals(1, count(wb, "SELECT COUNT(*) FROM post_media"));
        }
    }

    @Test
    void badCommentsFileRefusesThePostWhole() throws Exception {
        Path folder = dir.resolve("#oxy80s");
        write(folder.resolve(STEM_A + ".json"), instaloaderPost("Dk1oXyZ0aaa", "cheap", 1532009000L, "made_up_seller_01"));
        write(folder.resolve(STEM_A + "_comments.json"), "[{\"id\": 1, \"created_at\": 1532009000, \"text\": 42}]");
        image(folder.resolve(STEM_A + ".jpg"));
        try (Workbench wb = Workbench.open(dir.resolve("wb.sqlite"))) {
            ImportReport report = importAll(wb, folder);
            assertEquals(0, report.imported());
            assertEquals(1, report.rejected().size());
            Rejection r = report.rejected().get(0);
            assertTrue(r.file().endsWith(STEM_A + ".json"), r.toString());
            assertTrue(r.reason().contains("comments file " + STEM_A + "_comments.json"), r.reason());
            assertTrue(r.reason().contains("'[0].text' must be a string, found a number"), r.reason());
            for (String table : List.of("post", "post_comment", "post_media", "post_collection", "post_link")) {
                assertEquals(0, count(wb, "SELECT COUNT(*) FROM " + table), table);
            }
        }
    }
}
