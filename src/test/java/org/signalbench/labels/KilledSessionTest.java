package org.signalbench.labels;

import org.signalbench.domain.Coder;
import org.signalbench.domain.QueueFilter;
import org.signalbench.testing.Labelling;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.signalbench.testing.TestWorkbenches.insertPost;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.signalbench.domain.Role;
import org.signalbench.store.Workbench;

/** Kills a coding session's JVM mid-work; every answer it reported as saved is in the database. */
class KilledSessionTest {
    @TempDir
    Path dir;

    @Test
    void everySavedAnswerSurvivesAKill() throws Exception {
        Path db = dir.resolve("session.sqlite");
        try (Workbench wb = Workbench.open(db)) {
            wb.connection().setAutoCommit(false);
            for (int i = 0; i < 5_000; i++) {
                insertPost(wb.connection(), "instagram", "K" + i, "u", "caption " + i);
            }
            wb.connection().commit();
            wb.connection().setAutoCommit(true);
        }
        Process session = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), CodingSessionMain.class.getName(), db.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        List<Long> saved = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(session.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while (saved.size() < 300 && (line = out.readLine()) != null) {
                if (line.startsWith("saved ")) {
                    saved.add(Long.parseLong(line.substring(6)));
                }
            }
            session.destroyForcibly(); // SIGKILL: no shutdown hooks, no close
            assertTrue(session.waitFor(30, TimeUnit.SECONDS));
        }
        assertEquals(300, saved.size(), "the session should have saved 300 answers before the kill");
        try (Workbench wb = Workbench.open(db); LabelStore store = Labelling.labelStore(wb.connection())) {
            Coder coder = store.coder("coder-k", Role.CODER);
            for (long post : saved) {
                Map<String, String> answers = store.answersOf(coder.id(), post);
                assertEquals(post % 3 == 0 ? "yes" : "no", answers.get("dealer"), "post " + post);
                if (post % 5 == 0) {
                    assertEquals("note " + post, answers.get("note"), "post " + post);
                }
            }
            assertTrue(store.progress(coder.id(), QueueFilter.ALL).done() >= saved.size());
        }
    }
}
