package org.signalbench.importing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.signalbench.importing.ImportFixtures.importAll;
import static org.signalbench.importing.ImportFixtures.instaloaderPost;
import static org.signalbench.importing.ImportFixtures.strings;
import static org.signalbench.importing.ImportFixtures.write;
import static org.signalbench.importing.ImportFixtures.writeBytes;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.signalbench.cli.SignalBenchCommand;
import org.signalbench.domain.MediaCheck;
import org.signalbench.domain.MediaFile;
import org.signalbench.domain.Post;
import org.signalbench.store.MediaFolder;
import org.signalbench.store.PostQuery;
import org.signalbench.store.Workbench;
import picocli.CommandLine;

/**
 * Media survive moving or cleaning the imported folder: the import copies them into
 * {@code <workbench>-data/media/} and stores paths relative to the workbench's folder; a workbench moved
 * together with its media still finds them; {@code media check} lists a deleted copy; {@code media
 * adopt} copies in what an older import left in the source folder.
 */
class MediaCopyTest {
    @TempDir
    Path dir;

    private static final String STEM = "2018-07-19_14-03-11_UTC";

    /** An Instaloader folder with one post of two different pictures. */
    private Path scrape() throws Exception {
        Path folder = dir.resolve("scrape").resolve("#xanax");
        write(folder.resolve(STEM + ".json"), instaloaderPost("Bq3x9kLmN0a", "legit plug #xanax", 1532009000L, "frosty_tabs_44"));
        writeBytes(folder.resolve(STEM + "_1.jpg"), "first picture: pill imprint".getBytes(StandardCharsets.UTF_8));
        writeBytes(folder.resolve(STEM + "_2.jpg"), "second picture: a hand-written note".getBytes(StandardCharsets.UTF_8));
        return dir.resolve("scrape");
    }

    private static void deleteTree(Path root) throws Exception {
        try (Stream<Path> files = Files.walk(root)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private static List<MediaFile> media(Workbench wb) throws Exception {
        PostQuery query = new PostQuery(wb.connection());
        long id = query.idOf(org.signalbench.domain.Platform.INSTAGRAM, "Bq3x9kLmN0a").orElseThrow();
        Post post = query.load(id).orElseThrow();
        return post.media();
    }

    private static String[] run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = SignalBenchCommand.commandLine(new PrintWriter(out, true), new PrintWriter(err, true));
        int code = cli.execute(args);
        return new String[] {String.valueOf(code), out.toString(), err.toString()};
    }

    @Test
    void importedMediaOutliveTheSourceAndMoveWithTheWorkbench() throws Exception {
        Path source = scrape();
        Path db = dir.resolve("study").resolve("study.sqlite");
        Files.createDirectories(db.getParent());
        try (Workbench wb = Workbench.open(db)) {
            importAll(wb, source);
            List<String> stored = strings(wb, "SELECT path FROM post_media ORDER BY position");
            assertEquals(2, stored.size());
            for (String path : stored) {
                assertTrue(path.startsWith("study-data/media/"), "stored relative to the workbench's folder: " + path);
            }
        }
        byte[] second = Files.readAllBytes(source.resolve("#xanax").resolve(STEM + "_2.jpg"));

        // The source folder is cleaned away: the pictures still load, with their content.
        deleteTree(source);
        try (Workbench wb = Workbench.open(db)) {
            List<MediaFile> media = media(wb);
            assertEquals(2, media.size());
            assertTrue(media.get(0).path().startsWith(db.getParent().resolve("study-data/media")), media.get(0).path().toString());
            assertTrue(media.stream().allMatch(m -> Files.isRegularFile(m.path())), media.toString());
            assertTrue(java.util.Arrays.equals(second, Files.readAllBytes(media.get(1).path())));
            assertEquals(0, MediaFolder.check(wb.connection()).missing().size());
        }

        // The workbench's folder is moved (workbench and media together): still found.
        Path moved = dir.resolve("elsewhere");
        Files.move(db.getParent(), moved);
        Path movedDb = moved.resolve("study.sqlite");
        try (Workbench wb = Workbench.open(movedDb)) {
            List<MediaFile> media = media(wb);
            assertTrue(media.stream().allMatch(m -> m.path().startsWith(moved) && Files.isRegularFile(m.path())), media.toString());
        }

        // A copy deleted by hand: media check names it and fails; the other is fine.
        Path deleted;
        try (Workbench wb = Workbench.open(movedDb)) {
            deleted = media(wb).get(1).path();
        }
        Files.delete(deleted);
        try (Workbench wb = Workbench.open(movedDb)) {
            MediaCheck check = MediaFolder.check(wb.connection());
            assertEquals(2, check.media());
            assertEquals(1, check.missing().size());
            assertEquals("Bq3x9kLmN0a", check.missing().get(0).externalId());
            assertEquals(1, check.missing().get(0).position());
            assertEquals(deleted, check.missing().get(0).expectedAt());
        }
        String[] result = run("media", "check", "--db", movedDb.toString());
        assertEquals("1", result[0], result[2]);
        assertTrue(result[1].contains("missing: instagram Bq3x9kLmN0a image 2: " + deleted), result[1]);
        assertTrue(result[1].contains("2 media files, 1 missing"), result[1]);
    }

    @Test
    void aPictureImportedTwiceIsStoredOnceAndTheSampleStaysSmall() throws Exception {
        Path source = scrape();
        Path db = dir.resolve("twice.sqlite");
        try (Workbench wb = Workbench.open(db)) {
            importAll(wb, source);
            importAll(wb, source);
            assertEquals(2, strings(wb, "SELECT path FROM post_media").size());
        }
        try (Stream<Path> files = Files.walk(dir.resolve("twice-data/media"))) {
            assertEquals(2, files.filter(Files::isRegularFile).count(), "one copy per distinct picture, no partial files left");
        }
    }

    @Test
    void olderWorkbenchesKeepWorkingAndAdoptCopiesTheirMediaIn() throws Exception {
        Path source = scrape();
        Path picture = source.resolve("#xanax").resolve(STEM + "_1.jpg").toRealPath();
        Path db = dir.resolve("old").resolve("old.sqlite");
        Files.createDirectories(db.getParent());
        try (Workbench wb = Workbench.open(db)) {
            // as an import before this version stored it: the absolute path into the source folder
            new org.signalbench.store.TestPosts(wb.connection()).insert("instagram", "old1", "someone", "2018-07-10T12:00:00Z",
                    "an older post", List.of("#xanax"), List.of(), List.of(picture.toString()), List.of());
            assertEquals(picture, media(wb, "old1").get(0).path(), "absolute paths are read as they are");
        }
        String[] adopted = run("media", "adopt", "--db", db.toString());
        assertEquals("0", adopted[0], adopted[2]);
        assertTrue(adopted[1].startsWith("1 media files copied"), adopted[1]);
        deleteTree(source);
        try (Workbench wb = Workbench.open(db)) {
            Path now = media(wb, "old1").get(0).path();
            assertTrue(now.startsWith(db.getParent().resolve("old-data/media")) && Files.isRegularFile(now), now.toString());
            assertFalse(MediaFolder.check(wb.connection()).missing().size() > 0);
        }
        assertEquals("0", run("media", "check", "--db", db.toString())[0]);
    }

    private static List<MediaFile> media(Workbench wb, String externalId) throws Exception {
        PostQuery query = new PostQuery(wb.connection());
        long id = query.idOf(org.signalbench.domain.Platform.INSTAGRAM, externalId).orElseThrow();
        return query.load(id).orElseThrow().media();
    }
}
