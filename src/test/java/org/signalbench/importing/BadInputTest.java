package org.signalbench.importing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.signalbench.importing.ImportFixtures.JSON;
import static org.signalbench.importing.ImportFixtures.bundleHeader;
import static org.signalbench.importing.ImportFixtures.bundlePost;
import static org.signalbench.importing.ImportFixtures.count;
import static org.signalbench.importing.ImportFixtures.image;
import static org.signalbench.importing.ImportFixtures.importAll;
import static org.signalbench.importing.ImportFixtures.instaloaderPost;
import static org.signalbench.importing.ImportFixtures.lines;
import static org.signalbench.importing.ImportFixtures.string;
import static org.signalbench.importing.ImportFixtures.strings;
import static org.signalbench.importing.ImportFixtures.write;
import static org.signalbench.importing.ImportFixtures.writeBytes;
import static org.signalbench.importing.ImportFixtures.writeXz;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.signalbench.store.Workbench;

/** Every kind of bad input is reported with file, line and reason, skipped, and leaves nothing partial. */
class BadInputTest {
    @TempDir
    Path dir;

    private static final List<String> POST_TABLES = List.of("post", "post_comment", "post_media", "post_collection", "post_link");

    private Path folder(String name) {
        return dir.resolve("in").resolve(name);
    }

    /** One good post beside every bad file, so each test also shows that the rest goes on. */
    private void goodPost(Path folder) throws Exception {
        write(folder.resolve("2018-07-01_00-00-00_UTC.json"), instaloaderPost("GOODpost001", "fine", 1530403200L, "made_up_fine_01"));
    }

    private Map<String, Rejection> importExpectingOneGoodPost(Workbench wb) throws Exception {
        ImportReport report = importAll(wb, dir.resolve("in"));
        assertEquals(1, report.imported(), report.rejected().toString());
        assertEquals(List.of("GOODpost001"), strings(wb, "SELECT external_id FROM post"));
        assertEquals(report.rejected().size(), count(wb, "SELECT COUNT(*) FROM import_rejection"));
        return report.rejected().stream().collect(Collectors.toMap(
                r -> Path.of(r.file()).getFileName().toString(), r -> r, (a, b) -> a));
    }

    @Test
    void truncatedAndNonJsonFiles() throws Exception {
        Path f = folder("#xanax");
        goodPost(f);
        String whole = JSON.writeValueAsString(instaloaderPost("Trunc00001", "cut", 1530403200L, "made_up_cut_01"));
        write(f.resolve("2018-07-02_00-00-00_UTC.json"), whole.substring(0, whole.length() / 2));
        write(f.resolve("2018-07-03_00-00-00_UTC.json"), "<html>rate limited</html>");
        write(f.resolve("notes.json"), "these are notes, not JSON");
        writeBytes(f.resolve("empty.json"), new byte[0]);
        try (Workbench wb = Workbench.open(dir.resolve("wb.sqlite"))) {
            Map<String, Rejection> r = importExpectingOneGoodPost(wb);
            assertEquals(4, r.size(), r.toString());
            assertTrue(r.get("2018-07-02_00-00-00_UTC.json").reason().startsWith("truncated JSON"), r.toString());
            assertTrue(r.get("2018-07-03_00-00-00_UTC.json").reason().startsWith("not valid JSON"), r.toString());
            assertEquals("not JSON: the file starts with byte 0x74 where '{' or '[' was expected", r.get("notes.json").reason());
            assertNull(r.get("notes.json").line());
            assertTrue(r.get("empty.json").reason().startsWith("empty file"));
        }
    }

    @Test
    void corruptAndTruncatedXz() throws Exception {
        Path f = folder("#xanax");
        goodPost(f);
        writeBytes(f.resolve("2018-07-02_00-00-00_UTC.json.xz"), "plain text, not xz".getBytes(StandardCharsets.UTF_8));
        Path full = writeXz(dir.resolve("full.xz"), JSON.writeValueAsBytes(instaloaderPost("Xz00000001", "x", 1L, "made_up_xz")));
        byte[] compressed = Files.readAllBytes(full);
        writeBytes(f.resolve("2018-07-03_00-00-00_UTC.json.xz"), Arrays.copyOf(compressed, compressed.length / 2));
        byte[] flipped = compressed.clone();
        flipped[flipped.length / 2] ^= 0x55;
        writeBytes(f.resolve("2018-07-04_00-00-00_UTC.json.xz"), flipped);
        writeBytes(f.resolve("tweets.jsonl.xz"), new byte[] {(byte) 0xFD, '7', 'z', 'X', 'Z', 0, 0, 0});
        try (Workbench wb = Workbench.open(dir.resolve("wb.sqlite"))) {
            Map<String, Rejection> r = importExpectingOneGoodPost(wb);
            assertEquals(4, r.size(), r.toString());
            for (Rejection rejection : r.values()) {
                assertTrue(rejection.reason().startsWith("corrupt .xz file"), rejection.toString());
                assertNull(rejection.line());
            }
        }
    }

    @Test
    void wrongShapesAndWrongTypesNameTheField() throws Exception {
        Path f = folder("#xanax");
        goodPost(f);
        write(f.resolve("2018-07-02_00-00-00_UTC.json"), "[" + JSON.writeValueAsString(instaloaderPost("Arr0000001", "x", 1L, "made_up_a")) + "]");
        write(f.resolve("2018-07-03_00-00-00_UTC.json"), "{\"instaloader\": {\"version\": \"4.10\"}, \"post\": {}}");
        ObjectNode stringTime = instaloaderPost("Time000001", "x", 1L, "made_up_t");
        ((ObjectNode) stringTime.get("node")).put("taken_at_timestamp", "1530403200");
        write(f.resolve("2018-07-04_00-00-00_UTC.json"), stringTime);
        ObjectNode numberCode = instaloaderPost("Code000001", "x", 1L, "made_up_c");
        ((ObjectNode) numberCode.get("node")).put("shortcode", 12345);
        write(f.resolve("2018-07-05_00-00-00_UTC.json"), numberCode);
        ObjectNode captionObject = instaloaderPost("Capt000001", "x", 1L, "made_up_o");
        ((ObjectNode) captionObject.get("node")).put("edge_media_to_caption", "flat string");
        write(f.resolve("2018-07-06_00-00-00_UTC.json"), captionObject);
        ObjectNode story = instaloaderPost("Story00001", "x", 1L, "made_up_s");
        ((ObjectNode) story.get("instaloader")).put("node_type", "StoryItem");
        write(f.resolve("2018-07-08_00-00-00_UTC.json"), story);
        ObjectNode farFuture = instaloaderPost("Time000002", "x", 99_999_999_999_999L, "made_up_f");
        write(f.resolve("2018-07-07_00-00-00_UTC.json"), farFuture);
        try (Workbench wb = Workbench.open(dir.resolve("wb.sqlite"))) {
            Map<String, Rejection> r = importExpectingOneGoodPost(wb);
            assertEquals(7, r.size(), r.toString());
            assertEquals("an Instaloader StoryItem, not a post", r.get("2018-07-08_00-00-00_UTC.json").reason());
            assertEquals("field 'node.taken_at_timestamp' is 99999999999999, not a time in epoch seconds between 1970 and 9999",
                    r.get("2018-07-07_00-00-00_UTC.json").reason());
            assertTrue(r.get("2018-07-02_00-00-00_UTC.json").reason().contains("found an array"));
            assertEquals("missing field 'node': not an Instaloader post file", r.get("2018-07-03_00-00-00_UTC.json").reason());
            assertEquals("field 'node.taken_at_timestamp' must be a whole number, found a string", r.get("2018-07-04_00-00-00_UTC.json").reason());
            assertEquals("field 'node.shortcode' must be a string, found a number", r.get("2018-07-05_00-00-00_UTC.json").reason());
            assertEquals("field 'node.edge_media_to_caption' must be an object, found a string", r.get("2018-07-06_00-00-00_UTC.json").reason());
        }
    }

    @Test
    void invalidUtf8IsReportedNeverReplaced() throws Exception {
        Path f = folder("#xanax");
        goodPost(f);
        byte[] post = JSON.writeValueAsBytes(instaloaderPost("Utf8000001", "caf\u00e9 BAD", 1L, "made_up_u"));
        String text = new String(post, StandardCharsets.UTF_8).replace("BAD", "\n");
        byte[] withBadByte = text.replace("\n", "\u0001").getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < withBadByte.length; i++) {
            if (withBadByte[i] == 1) {
                withBadByte[i] = (byte) 0xC3; // a lead byte followed by a quote: not UTF-8
            }
        }
        writeBytes(f.resolve("2018-07-02_00-00-00_UTC.json"), withBadByte);
        // In a bundle only the bad line is refused; its neighbours are imported.
        ByteArrayOutputStream bundle = new ByteArrayOutputStream();
        bundle.write((bundleHeader() + lines(bundlePost("Line2ok", "ok"))).getBytes(StandardCharsets.UTF_8));
        bundle.write("{\"platform\": \"instagram\", \"externalId\": \"Line3bad\", \"caption\": \"x".getBytes(StandardCharsets.UTF_8));
        bundle.write(new byte[] {(byte) 0xFF, (byte) 0xFE});
        bundle.write("\"}\n".getBytes(StandardCharsets.UTF_8));
        bundle.write(lines(bundlePost("Line4ok", "ok")).getBytes(StandardCharsets.UTF_8));
        writeBytes(dir.resolve("bundle").resolve("posts.jsonl"), bundle.toByteArray());
        try (Workbench wb = Workbench.open(dir.resolve("wb.sqlite"))) {
            Map<String, Rejection> r = importExpectingOneGoodPost(wb);
            Rejection bad = r.get("2018-07-02_00-00-00_UTC.json");
            assertEquals("invalid UTF-8: byte 0xC3 cannot start or continue a character", bad.reason());
            assertEquals(1, bad.line());

            ImportReport report = importAll(wb, dir.resolve("bundle"));
            assertEquals(2, report.imported());
            assertEquals(1, report.rejected().size());
            assertEquals(3, report.rejected().get(0).line());
            assertEquals("invalid UTF-8: byte 0xFF cannot start or continue a character", report.rejected().get(0).reason());
            assertEquals(0, count(wb, "SELECT COUNT(*) FROM post WHERE external_id = 'Line3bad' OR instr(caption, char(65533)) > 0"));
        }
    }

    @Test
    void hugeCaptionIsRefusedWithItsLengthAndTheLimit() throws Exception {
        Path f = folder("#xanax");
        goodPost(f);
        write(f.resolve("2018-07-02_00-00-00_UTC.json"), instaloaderPost("Huge000001", "x".repeat(300_000), 1L, "made_up_h"));
        write(dir.resolve("limit").resolve("posts.jsonl"), bundleHeader()
                + lines(bundlePost("AtLimit01", "é".repeat(ImportService.MAX_CAPTION_CHARS)),
                        bundlePost("OverLimit1", "😀".repeat(ImportService.MAX_CAPTION_CHARS + 1))));
        try (Workbench wb = Workbench.open(dir.resolve("wb.sqlite"))) {
            Map<String, Rejection> r = importExpectingOneGoodPost(wb);
            assertEquals("caption of post Huge000001 is 300,000 characters long, over the limit of 100,000",
                    r.get("2018-07-02_00-00-00_UTC.json").reason());
            for (String table : POST_TABLES) {
                assertEquals(0, count(wb, "SELECT COUNT(*) FROM " + table + (table.equals("post") ? " WHERE external_id = 'Huge000001'"
                        : " WHERE post_id NOT IN (SELECT id FROM post)")), table);
            }
            ImportReport limit = importAll(wb, dir.resolve("limit"));
            assertEquals(1, limit.imported());
            assertEquals(100_000, count(wb, "SELECT length(caption) FROM post WHERE external_id = 'AtLimit01'"));
            assertEquals(3, limit.rejected().get(0).line());
            assertTrue(limit.rejected().get(0).reason().contains("100,001 characters long"), limit.rejected().toString());
        }
    }

    @Test
    void mediaLeavingTheImportedFolderIsDroppedAndThePostKept() throws Exception {
        Path outside = image(dir.resolve("outside/secret.png"));
        Path in = dir.resolve("in");
        image(in.resolve("media/ok.png"));
        Files.createSymbolicLink(in.resolve("media/link-out.png"), outside);
        ObjectNode post = bundlePost("Media00001", "post with media");
        post.putArray("media").add("media/ok.png").add("../../etc/passwd").add("../outside/secret.png")
                .add(outside.toString()).add("media/link-out.png").add("media/missing.png");
        write(in.resolve("posts.jsonl"), bundleHeader() + lines(post));
        // Instaloader sidecar that is a link to a file outside the tree.
        Path insta = in.resolve("#xanax");
        write(insta.resolve("2018-07-02_00-00-00_UTC.json"), instaloaderPost("Side000001", "sidecar", 1L, "made_up_s"));
        image(insta.resolve("2018-07-02_00-00-00_UTC_1.jpg"));
        Files.createSymbolicLink(insta.resolve("2018-07-02_00-00-00_UTC_2.jpg"), outside);
        // A data file that is itself a link out of the folder is not read.
        Path outsideBundle = write(dir.resolve("outside/other.jsonl"), bundleHeader() + lines(bundlePost("Linked0001", "x")));
        Files.createSymbolicLink(in.resolve("linked.jsonl"), outsideBundle);
        try (Workbench wb = Workbench.open(dir.resolve("wb.sqlite"))) {
            ImportReport report = importAll(wb, in);
            assertEquals(2, report.imported(), report.rejected().toString());
            List<String> ok = List.of(in.toRealPath().resolve("media/ok.png").toString());
            assertEquals(ok, ImportFixtures.mediaOrigins(wb, ok,
                    "SELECT m.path FROM post_media m JOIN post p ON p.id = m.post_id WHERE p.external_id = 'Media00001'"));
            List<String> side = List.of(insta.toRealPath().resolve("2018-07-02_00-00-00_UTC_1.jpg").toString());
            assertEquals(side, ImportFixtures.mediaOrigins(wb, side,
                    "SELECT m.path FROM post_media m JOIN post p ON p.id = m.post_id WHERE p.external_id = 'Side000001'"));
            // Only copies of files inside the imported folder, in the workbench's media folder.
            for (String path : strings(wb, "SELECT path FROM post_media")) {
                assertTrue(path.startsWith("wb-data/media/"), path);
            }
            List<String> reasons = report.rejected().stream().map(Rejection::toString).toList();
            assertEquals(7, reasons.size(), reasons.toString());
            assertTrue(reasons.stream().anyMatch(s -> s.contains("posts.jsonl:2: media path '../../etc/passwd' leads outside the imported folder")), reasons.toString());
            assertTrue(reasons.stream().anyMatch(s -> s.contains("'../outside/secret.png' leads outside")), reasons.toString());
            assertTrue(reasons.stream().anyMatch(s -> s.contains("is absolute")), reasons.toString());
            assertTrue(reasons.stream().anyMatch(s -> s.contains("'media/link-out.png' leads outside")), reasons.toString());
            assertTrue(reasons.stream().anyMatch(s -> s.contains("'media/missing.png' does not exist")), reasons.toString());
            assertTrue(reasons.stream().anyMatch(s -> s.contains("'2018-07-02_00-00-00_UTC_2.jpg' leads outside")), reasons.toString());
            assertTrue(reasons.stream().anyMatch(s -> s.contains("linked.jsonl: a link to a file outside the imported folder")), reasons.toString());
            assertEquals(0, count(wb, "SELECT COUNT(*) FROM post WHERE external_id = 'Linked0001'"));
        }
    }

    static final String TRICKY = "مرحبا \u202Eevil\u202C שלום zero\u200Bwidth\u200Djoin\uFEFFbom 👩🏽‍⚕️🇺🇸 e\u0301 '); DROP TABLE post;-- \" \\ \t tab\r\nnewline %s ?";

    @Test
    void trickyTextIsStoredExactlyInEveryFormat() throws Exception {
        Path in = dir.resolve("in");
        write(in.resolve("#xanax").resolve("2018-07-02_00-00-00_UTC.json"), instaloaderPost("Tricky0001", TRICKY, 1L, "made_up_r"));
        write(in.resolve("#xanax").resolve("2018-07-02_00-00-00_UTC_comments.json"),
                JSON.createArrayNode().add(ImportFixtures.comment(1, 2L, "made_up_c", TRICKY)));
        ObjectNode bundle = bundlePost("Tricky0002", TRICKY);
        bundle.putArray("collectedUnder").add("#" + TRICKY);
        write(in.resolve("b/posts.jsonl"), bundleHeader() + lines(bundle));
        ObjectNode tweet = JSON.createObjectNode();
        tweet.put("id_str", "1000000000000000003");
        tweet.put("full_text", TRICKY);
        write(in.resolve("t/tweets.jsonl"), lines(tweet));
        write(in.resolve("c/posts.csv"), "platform,external_id,caption\ninstagram,Tricky0004,\"" + TRICKY.replace("\"", "\"\"") + "\"\n");
        try (Workbench wb = Workbench.open(dir.resolve("wb.sqlite"))) {
            ImportReport report = importAll(wb, in);
            assertEquals(List.of(), report.rejected());
            assertEquals(4, report.imported());
            for (String id : List.of("Tricky0001", "Tricky0002", "1000000000000000003", "Tricky0004")) {
                assertEquals(TRICKY, string(wb, "SELECT caption FROM post WHERE external_id = ?", id), id);
            }
            assertEquals(TRICKY, string(wb, "SELECT text FROM post_comment"));
            assertEquals("#" + TRICKY, string(wb, "SELECT search FROM post_collection WHERE search <> '#xanax'"));
            assertFalse(strings(wb, "SELECT name FROM sqlite_master WHERE name = 'post'").isEmpty(), "post table survives");
        }
    }

    @Test
    void mediaAndNotesBesidePostsAreNotRejections() throws Exception {
        Path f = folder("#xanax");
        goodPost(f);
        image(f.resolve("2018-07-01_00-00-00_UTC.jpg"));
        write(f.resolve("2018-07-01_00-00-00_UTC.txt"), "caption");
        write(dir.resolve("in/README.md"), "# notes");
        write(f.resolve("id"), "123");
        write(f.resolve("._2018-07-01_00-00-00_UTC.json"), "\u0000\u0005 AppleDouble junk");
        write(dir.resolve("in/.git/config.json"), "not ours");
        ObjectNode profile = JSON.createObjectNode();
        profile.putObject("node").put("username", "made_up_profile");
        profile.putObject("instaloader").put("node_type", "Profile");
        write(dir.resolve("in/made_up_profile/made_up_profile_123.json"), profile);
        try (Workbench wb = Workbench.open(dir.resolve("wb.sqlite"))) {
            Map<String, Rejection> r = importExpectingOneGoodPost(wb);
            assertEquals(Map.of(), r);
            assertEquals(1, count(wb, "SELECT COUNT(*) FROM post_media"));
        }
    }

    @Test
    void filesNamedOnTheCommandLineThatAreNotDataAreReported() throws Exception {
        Path picture = image(dir.resolve("photo.png"));
        Path comments = write(dir.resolve("2018-07-02_00-00-00_UTC_comments.json"), "[]");
        try (Workbench wb = Workbench.open(dir.resolve("wb.sqlite"))) {
            ImportReport report = importAll(wb, picture, comments, dir.resolve("missing.jsonl"));
            assertEquals(0, report.imported());
            assertEquals(List.of(
                    picture + ": not a file SignalBench imports (.json, .jsonl, .ndjson or .csv, optionally .xz)",
                    comments + ": a comments file is read with its post: import the post file or its folder",
                    dir.resolve("missing.jsonl") + ": no such file or folder"),
                    report.rejected().stream().map(Rejection::toString).toList());
        }
    }
}
