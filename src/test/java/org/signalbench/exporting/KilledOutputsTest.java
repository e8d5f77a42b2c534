package org.signalbench.exporting;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.signalbench.Launcher;
import org.signalbench.models.ModelFixtures;
import org.signalbench.store.Workbench;
import org.signalbench.testing.CliRun;
import org.signalbench.testing.TestWorkbenches;

/**
 * Kills (SIGKILL) a command-line JVM while it writes a multi-file output (export with its media
 * folder, findings tables into a folder, findings charts): nothing appears under a final name, an
 * existing output is kept byte for byte, and the next run removes what the killed one left.
 */
@org.junit.jupiter.api.extension.ExtendWith(org.signalbench.testing.FaultCases.class)
class KilledOutputsTest {
    @TempDir
    Path dir;

    @Test
    void anExportKilledWhileWritingLeavesNeitherFileNorMediaAndKeepsAnOldExportWhole() throws Exception {
        Path db;
        try (Workbench wb = TestWorkbenches.open(dir)) {
            db = dir.resolve("test.sqlite"); // where TestWorkbenches.open puts it
            Connection c = wb.connection();
            for (int i = 0; i < 3; i++) {
                long id = TestWorkbenches.insertPost(c, "instagram", "P" + i, "seller_" + i, "caption " + i);
                Path image = Files.write(dir.resolve("img" + i + ".png"), new byte[] {1, 2, (byte) i});
                try (var st = c.prepareStatement("INSERT INTO post_media (post_id, position, path, kind) VALUES (?, 0, ?, 'image')")) {
                    st.setLong(1, id);
                    st.setString(2, image.toString());
                    st.executeUpdate();
                }
            }
        }
        Path out = Files.createDirectories(dir.resolve("out")).resolve("posts.csv");
        Path media = out.resolveSibling("posts-media");
        // CSV: its printer buffers the few rows, so the first write (where it pauses) comes after every media file is copied
        String[] export = {"export", "--db", db.toString(), "--format", "csv", "--out", out.toString()};

        // killed while the export file is half written, its media already copied into the staging folder
        long pid = killWhile(export, child -> hidden(out, child).stream().anyMatch(p -> p.toFile().length() > 0));
        assertFalse(Files.exists(out), "no export file under the requested name");
        assertFalse(Files.exists(media), "no media folder under its final name");
        List<Path> staged = hidden(media, pid);
        assertEquals(1, staged.size(), "the media were staged when killed");
        try (Stream<Path> copied = Files.list(staged.get(0))) {
            assertEquals(3, copied.count(), "all three media copied, none under its final name");
        }

        CliRun first = CliRun.of(export);
        assertEquals(0, first.exit(), first.err());
        Map<String, byte[]> complete = contents(out.getParent());
        assertEquals(List.of("posts-media/instagram-P0-0.png", "posts-media/instagram-P1-0.png", "posts-media/instagram-P2-0.png",
                "posts.csv"), List.copyOf(complete.keySet()), "the next export tidies up what the killed one left");

        // killed while replacing it: the old export and its media stay, byte for byte
        killWhile(export, child -> hidden(out, child).stream().anyMatch(p -> p.toFile().length() > 0));
        Map<String, byte[]> after = contents(out.getParent());
        after.keySet().removeIf(name -> name.startsWith("."));
        assertSameFiles(complete, after);
    }

    @Test
    void findingsTablesAndChartsKilledHalfWayAddNoFileToTheirFolders() throws Exception {
        Path db = Path.of(ModelFixtures.filledDatabase(dir, 60, 5));
        Path tables = Files.createDirectories(dir.resolve("results"));
        Files.writeString(tables.resolve("notes.txt"), "the user's own file");
        CliRun first = CliRun.of("findings", "--db", db.toString(), "--out", tables.toString());
        assertEquals(0, first.exit(), first.err());
        Map<String, byte[]> before = contents(tables);
        assertTrue(before.size() > 2, "several tables: " + before.keySet());

        // killed while a table is half written: the folder is as it was (no .md file appears)
        killWhile(new String[] {"findings", "--db", db.toString(), "--format", "markdown", "--out", tables.toString()},
                child -> stagedFileHalfWritten(tables, child));
        Map<String, byte[]> after = contents(tables);
        assertSameFiles(before, after);

        // charts into a new folder: killed half-way, the folder does not appear
        Path charts = dir.resolve("figures");
        killWhile(new String[] {"findings", "--db", db.toString(), "--charts", charts.toString()},
                child -> stagedFileHalfWritten(charts, child));
        assertFalse(Files.exists(charts), "no chart folder, so no partial set of charts");
        CliRun again = CliRun.of("findings", "--db", db.toString(), "--charts", charts.toString());
        assertEquals(0, again.exit(), again.err());
        try (Stream<Path> left = Files.list(dir)) {
            assertEquals(List.of(), left.filter(p -> p.getFileName().toString().startsWith(".figures.")).toList(),
                    "the next run removes the killed one's staging folder");
        }
    }

    /**
     * Whether the child is half-way through writing a file in its staging folder (every write pauses
     * half-way through its first block, so this is the first file of the set).
     */
    private static boolean stagedFileHalfWritten(Path target, long child) {
        for (Path stage : hidden(target, child)) {
            try (Stream<Path> files = Files.list(stage)) {
                if (files.anyMatch(p -> p.getFileName().toString().startsWith(".") && p.toFile().length() > 0)) {
                    return true;
                }
            } catch (IOException gone) {
                // not there yet, or already moved
            }
        }
        return false;
    }

    /** The hidden temporary files or staging folders process {@code pid} made for {@code target}. */
    private static List<Path> hidden(Path target, long pid) {
        try (Stream<Path> files = Files.list(target.toAbsolutePath().getParent())) {
            return files.filter(p -> p.getFileName().toString().startsWith("." + target.getFileName() + "." + pid + "-")).toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    /** Runs a command whose every output write pauses half-way, kills it once {@code when} holds; returns its pid. */
    private static long killWhile(String[] args, java.util.function.LongPredicate when) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "-D" + SafeOutputFile.PAUSE_PROPERTY + "=120000",
                Launcher.class.getName()));
        command.addAll(List.of(args));
        Process child = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        boolean reached = false;
        while (child.isAlive() && System.nanoTime() < deadline && !(reached = when.test(child.pid()))) {
            Thread.sleep(10);
        }
        child.destroyForcibly(); // SIGKILL: no shutdown hooks, no finally
        assertTrue(child.waitFor(30, TimeUnit.SECONDS));
        assertTrue(reached, "the command should have been killed while writing: " + String.join(" ", args));
        return child.pid();
    }

    /** Every file under {@code folder} by its relative path, sorted. */
    private static Map<String, byte[]> contents(Path folder) throws IOException {
        Map<String, byte[]> all = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path p : (Iterable<Path>) walk.filter(Files::isRegularFile)::iterator) {
                all.put(folder.relativize(p).toString().replace('\\', '/'), Files.readAllBytes(p));
            }
        }
        return all;
    }

    private static void assertSameFiles(Map<String, byte[]> expected, Map<String, byte[]> actual) {
        assertEquals(expected.keySet(), actual.keySet(), "the same files, no partial or staged one under a final name");
        expected.forEach((name, bytes) -> assertArrayEquals(bytes, actual.get(name), name + " is kept byte for byte"));
    }
}
