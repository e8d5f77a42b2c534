package org.signalbench.ui.annotate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.signalbench.store.Workbench;
import org.signalbench.testing.TestWorkbenches;

/**
 * Kills a coding session's JVM in the middle of its work and finds every answer it reported as
 * saved in the database, with its note.
 */
class CrashSafetyTest {
    @TempDir
    Path dir;

    @Test
    void everyAnswerReportedSavedSurvivesAKilledProcess() throws Exception {
        Path db = dir.resolve("crash.sqlite");
        int posts = 2_000;
        try (Workbench workbench = Workbench.open(db)) {
            Connection c = workbench.connection();
            c.setAutoCommit(false);
            for (int i = 0; i < posts; i++) {
                TestWorkbenches.insertPost(c, "instagram", "crash" + i, "author_" + i, "caption " + i);
            }
            c.commit();
            c.setAutoCommit(true);
        }

        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        // The session's output goes to a file: everything it printed before it died is there to read.
        Path output = dir.resolve("session.out");
        Process process = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                "-Dsignalbench.home=" + dir.resolve("home"), CodingSessionProcess.class.getName(), db.toString(), "crash_coder")
                .redirectOutput(output.toFile())
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (savedLines(output) < 150 && process.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        // Mid-work: the session has more posts to code.
        process.destroyForcibly();
        assertTrue(process.waitFor(30, TimeUnit.SECONDS), "the killed session ended");
        // Only whole lines count: the process may have died in the middle of printing one.
        String printed = Files.readString(output, StandardCharsets.UTF_8);
        List<String> lines = List.of(printed.substring(0, printed.lastIndexOf('\n') + 1).split("\n"));
        Map<Long, String> reported = new LinkedHashMap<>();
        lines.forEach(line -> record(line, reported));
        assertTrue(reported.size() >= 150, "the session saved answers before it was killed: " + lines);
        assertFalse(lines.contains("finished"), "killed before the end of the queue");

        Map<Long, String> dealer = new LinkedHashMap<>();
        Map<Long, String> notes = new LinkedHashMap<>();
        try (Workbench workbench = Workbench.open(db);
             PreparedStatement st = workbench.connection().prepareStatement("SELECT l.post_id, l.question, l.value FROM label l "
                     + "JOIN coder k ON k.id = l.coder_id WHERE k.name = 'crash_coder' ORDER BY l.id");
             ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
                (rs.getString(2).equals("dealer") ? dealer : notes).put(rs.getLong(1), rs.getString(3));
            }
        }
        for (var e : reported.entrySet()) {
            assertEquals(e.getValue(), dealer.get(e.getKey()), "the reported answer to post " + e.getKey());
            assertEquals("note on " + e.getKey(), notes.get(e.getKey()), "the note on post " + e.getKey());
        }
        assertTrue(dealer.size() < posts, "the killed session did not code every post");
    }

    private static long savedLines(Path output) throws java.io.IOException {
        if (!Files.exists(output)) {
            return 0;
        }
        try (var lines = Files.lines(output, StandardCharsets.UTF_8)) {
            return lines.filter(l -> l.startsWith("saved ")).count();
        }
    }

    private static void record(String line, Map<Long, String> reported) {
        String[] parts = line.split(" ");
        if (parts.length == 4 && parts[0].equals("saved")) {
            reported.put(Long.parseLong(parts[2]), parts[3]);
        }
    }
}
