package org.signalbench.importing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.signalbench.importing.ImportFixtures.bundleHeader;
import static org.signalbench.importing.ImportFixtures.bundlePost;
import static org.signalbench.importing.ImportFixtures.count;
import static org.signalbench.importing.ImportFixtures.image;
import static org.signalbench.importing.ImportFixtures.importAll;
import static org.signalbench.importing.ImportFixtures.lines;
import static org.signalbench.importing.ImportFixtures.string;
import static org.signalbench.importing.ImportFixtures.write;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.signalbench.jobs.JobContext;
import org.signalbench.store.Workbench;

class AtomicityAndCancelTest {
    @TempDir
    Path dir;

    /** A post with one row in every child table, so a half-written post would show. */
    private ObjectNode fullPost(String id, String commentText) {
        ObjectNode post = bundlePost(id, "caption " + id);
        post.putArray("comments").addObject().put("author", "made_up_c").put("text", commentText);
        post.putArray("media").add("m.png");
        post.putArray("collectedUnder").add("#xanax");
        post.putArray("links").add("https://example.com/" + id);
        return post;
    }

    private Path bundleOf(int posts, int failingIndex) throws Exception {
        image(dir.resolve("in/m.png"));
        StringBuilder text = new StringBuilder(bundleHeader());
        for (int i = 0; i < posts; i++) {
            text.append(lines(fullPost(String.format("P%06d", i), i == failingIndex ? "BOOM" : "ok")));
        }
        return write(dir.resolve("in/posts.jsonl"), text.toString());
    }

    private static void failOnBoomComment(Workbench wb) throws Exception {
        try (Statement st = wb.connection().createStatement()) {
            st.execute("CREATE TRIGGER test_forced_failure BEFORE INSERT ON post_comment WHEN NEW.text = 'BOOM' "
                    + "BEGIN SELECT RAISE(ABORT, 'forced failure for the test'); END");
        }
    }

    private static void assertNoPartialPosts(Workbench wb) throws Exception {
        for (String child : List.of("post_comment", "post_media", "post_collection", "post_link")) {
            assertEquals(0, count(wb, "SELECT COUNT(*) FROM post p WHERE NOT EXISTS (SELECT 1 FROM " + child
                    + " c WHERE c.post_id = p.id)"), "posts without " + child);
            assertEquals(0, count(wb, "SELECT COUNT(*) FROM " + child + " c WHERE NOT EXISTS (SELECT 1 FROM post p WHERE p.id = c.post_id)"),
                    "orphan rows in " + child);
        }
    }

    @Test
    void aFailingPostIsRolledBackAloneAndItsChunkRedonePostByPost() throws Exception {
        int total = ImportService.CHUNK_SIZE + 500;
        int failing = ImportService.CHUNK_SIZE + 100; // in the second chunk
        bundleOf(total, failing);
        try (Workbench wb = Workbench.open(dir.resolve("wb.sqlite"))) {
            failOnBoomComment(wb);
            ImportReport report = importAll(wb, dir.resolve("in"));

            assertEquals(total - 1, report.imported());
            assertEquals(1, report.rejected().size());
            Rejection r = report.rejected().get(0);
            assertEquals(failing + 2, r.line(), "header is line 1, post i is line i + 2");
            assertTrue(r.reason().contains("forced failure for the test"), r.reason());
            String failingId = String.format("P%06d", failing);
            assertTrue(r.reason().contains(failingId), r.reason());

            assertEquals(total - 1, count(wb, "SELECT COUNT(*) FROM post"));
            assertEquals(0, count(wb, "SELECT COUNT(*) FROM post WHERE external_id = ?", failingId));
            assertEquals(total - 1, count(wb, "SELECT COUNT(*) FROM post_comment"));
            assertEquals(total - 1, count(wb, "SELECT COUNT(*) FROM post_link"));
            assertNoPartialPosts(wb);
            assertEquals("caption P000000", string(wb, "SELECT caption FROM post WHERE external_id = 'P000000'"));
        }
    }

    @Test
    void cancellingKeepsWholeCommittedChunksOnly() throws Exception {
        int total = ImportService.CHUNK_SIZE * 3;
        bundleOf(total, -1);
        AtomicBoolean cancel = new AtomicBoolean();
        List<String> messages = new ArrayList<>();
        JobContext job = new JobContext() {
            @Override
            public void progress(long done, long all, String message) {
                messages.add(message);
                if (messages.size() == 2) {
                    cancel.set(true); // the user presses Cancel as soon as the first chunk is reported
                }
            }

            @Override
            public boolean isCancelled() {
                return cancel.get();
            }
        };
        try (Workbench wb = Workbench.open(dir.resolve("wb.sqlite"))) {
            ImportReport report = new ImportService(wb, org.signalbench.testing.Labelling.CODEBOOK).run(List.of(dir.resolve("in")), null, job);
            assertTrue(report.cancelled());
            assertTrue(report.imported() > 0 && report.imported() < total, "imported " + report.imported());
            assertEquals(0, report.imported() % ImportService.CHUNK_SIZE, "whole chunks only");
            assertEquals(report.imported(), count(wb, "SELECT COUNT(*) FROM post"));
            assertNoPartialPosts(wb);
            assertEquals("cancelled", string(wb, "SELECT status FROM import_run"));
            assertEquals(report.imported(), count(wb, "SELECT imported FROM import_run"));

            // Running it again without cancelling completes it: the kept posts are duplicates.
            ImportReport rest = importAll(wb, dir.resolve("in"));
            assertFalse(rest.cancelled());
            assertEquals(total - report.imported(), rest.imported());
            assertEquals(report.imported(), rest.duplicates());
            assertNoPartialPosts(wb);
        }
    }

    @Test
    void progressCountsBytesAndMovesWithinALargeFile() throws Exception {
        Path small = write(dir.resolve("in/a/posts.jsonl"), bundleHeader() + lines(bundlePost("A1", "a")));
        StringBuilder many = new StringBuilder(bundleHeader());
        for (int i = 0; i < 3000; i++) {
            many.append(lines(bundlePost("B" + i, "post number " + i)));
        }
        Path large = write(dir.resolve("in/b/posts.jsonl"), many.toString());
        long total = Files.size(small) + Files.size(large);
        List<long[]> calls = new ArrayList<>();
        JobContext job = new JobContext() {
            @Override
            public void progress(long done, long all, String message) {
                calls.add(new long[] {done, all});
            }

            @Override
            public boolean isCancelled() {
                return false;
            }
        };
        try (Workbench wb = Workbench.open(dir.resolve("wb.sqlite"))) {
            new ImportService(wb, org.signalbench.testing.Labelling.CODEBOOK).run(List.of(dir.resolve("in")), null, job);
        }
        assertEquals(0, calls.get(0)[0]);
        assertEquals(total, calls.get(calls.size() - 1)[0]);
        for (int i = 1; i < calls.size(); i++) {
            assertEquals(total, calls.get(i)[1]);
            assertTrue(calls.get(i)[0] >= calls.get(i - 1)[0], "progress never goes back");
        }
        long smallBytes = Files.size(small);
        long withinLargeFile = calls.stream().filter(c -> c[0] > smallBytes && c[0] < total).count();
        assertTrue(withinLargeFile >= 50, "the bar moves while the large file is read: " + withinLargeFile + " reports");
    }
}
