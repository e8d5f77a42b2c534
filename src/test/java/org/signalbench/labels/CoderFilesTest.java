package org.signalbench.labels;

import org.signalbench.domain.Coder;
import org.signalbench.testing.Labelling;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.signalbench.testing.TestWorkbenches.insertPost;
import static org.signalbench.testing.TestWorkbenches.scalar;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.signalbench.domain.Role;
import org.signalbench.importing.CoderFileImport;
import org.signalbench.importing.Rejection;
import org.signalbench.store.Workbench;

/** Coder files out of one workbench and into another: round trip, corpus check, conflicts. */
class CoderFilesTest {
    @TempDir
    Path dir;
    final List<Rejection> rejected = new ArrayList<>();
    final List<CoderFileImport.Conflict> conflicts = new ArrayList<>();

    private Workbench workbench(String name, String... idAndCaption) throws Exception {
        Workbench wb = Workbench.open(dir.resolve(name + ".sqlite"));
        for (int i = 0; i < idAndCaption.length; i += 2) {
            insertPost(wb.connection(), "instagram", idAndCaption[i], "u" + i, idAndCaption[i + 1]);
        }
        return wb;
    }

    private static final String[] CORPUS = {"P1", "bars #xanax wickr frosty_tabs_44", "P2", "beach day", "P3", "percs kik me"};

    private static long post(Connection c, String externalId) throws Exception {
        return scalar(c, "SELECT id FROM post WHERE external_id = ?", externalId);
    }

    private int importInto(Workbench wb, Path file) throws Exception {
        return Labelling.importCoderFile(wb.connection(), file, null, rejected::add, conflicts::add);
    }

    @Test
    void exportedAnswersImportUnchangedElsewhereAndTwiceAddNothing() throws Exception {
        Path file = dir.resolve("out/coder-a.json");
        try (Workbench origin = workbench("origin", CORPUS)) {
            LabelStore store = Labelling.labelStore(origin.connection());
            Coder a = store.coder("coder-a", Role.CODER);
            long p1 = post(origin.connection(), "P1");
            long p3 = post(origin.connection(), "P3");
            store.saveAnswer(a.id(), p1, "dealer", "no", null);
            store.saveAnswer(a.id(), p1, "dealer", "yes", "wickr handle");
            store.saveAnswer(a.id(), p1, "channels", "wickr", null);
            store.saveAnswer(a.id(), p3, "dealer", "yes", null);
            store.undo(store.saveAnswer(a.id(), p3, "exchange", "yes", null)); // retracted: not exported
            int entries = CoderFileExport.write(org.signalbench.store.Session.over(origin.connection()), a, store.codebook(), file);
            assertEquals(3, entries); // P1 dealer with its note, P1 channels, P3 dealer
            String json = Files.readString(file);
            assertTrue(json.contains("\"corpus\""), json);
            assertTrue(!json.contains("\"exchange\""), json);
            // Back into the workbench it came from: nothing new.
            assertEquals(0, importInto(origin, file));
            assertEquals(List.of(), rejected);
        }
        // Another workbench with the same posts, inserted in another order.
        try (Workbench other = workbench("other", CORPUS[4], CORPUS[5], CORPUS[0], CORPUS[1], CORPUS[2], CORPUS[3])) {
            assertEquals(4, importInto(other, file));
            assertEquals(List.of(), rejected);
            assertEquals(List.of(), conflicts);
            LabelStore store = Labelling.labelStore(other.connection());
            Coder a = store.findCoder("coder-a").orElseThrow();
            assertEquals(Map.of("dealer", "yes", "channels", "wickr", "note", "wickr handle"),
                    store.answersOf(a.id(), post(other.connection(), "P1")));
            assertEquals(Map.of("dealer", "yes"), store.answersOf(a.id(), post(other.connection(), "P3")));
            assertEquals(0, importInto(other, file));
        }
    }

    @Test
    void theExpertsDecisionsTravelWithTheirReasons() throws Exception {
        Path file = dir.resolve("expert.json");
        try (Workbench origin = workbench("origin", CORPUS)) {
            LabelStore store = Labelling.labelStore(origin.connection());
            Coder expert = store.coder("expert", Role.EXPERT);
            store.settle(expert.id(), post(origin.connection(), "P2"), "dealer", "no", "holiday photo");
            CoderFileExport.write(org.signalbench.store.Session.over(origin.connection()), expert, store.codebook(), file);
        }
        try (Workbench other = workbench("other", CORPUS)) {
            assertEquals(1, importInto(other, file));
            assertEquals(1, scalar(other.connection(), "SELECT count(*) FROM adjudication WHERE value = 'no' AND reason = 'holiday photo'"));
        }
    }

    @Test
    void aFileForAnotherCorpusIsRefusedWhole() throws Exception {
        Path file = dir.resolve("a.json");
        try (Workbench origin = workbench("origin", CORPUS)) {
            LabelStore store = Labelling.labelStore(origin.connection());
            Coder a = store.coder("coder-a", Role.CODER);
            store.saveAnswer(a.id(), post(origin.connection(), "P1"), "dealer", "yes", null);
            store.saveAnswer(a.id(), post(origin.connection(), "P3"), "dealer", "yes", null);
            CoderFileExport.write(org.signalbench.store.Session.over(origin.connection()), a, store.codebook(), file);
        }
        try (Workbench changed = workbench("changed", "P1", "bars #xanax wickr frosty_tabs_44", "P3", "a different caption")) {
            assertEquals(0, importInto(changed, file));
            assertEquals(1, rejected.size());
            assertEquals(null, rejected.get(0).line());
            assertTrue(rejected.get(0).reason().startsWith("made for a different corpus"), rejected.get(0).reason());
            assertTrue(rejected.get(0).reason().contains("captions differ"), rejected.get(0).reason());
            assertEquals(0, scalar(changed.connection(), "SELECT count(*) FROM label"));
            assertEquals(0, scalar(changed.connection(), "SELECT count(*) FROM coder"));
        }
        rejected.clear();
        try (Workbench missing = workbench("missing", "P1", "bars #xanax wickr frosty_tabs_44")) {
            assertEquals(0, importInto(missing, file));
            assertTrue(rejected.get(0).reason().contains("1 of its 2 posts are not in this workbench (first: instagram:P3)"),
                    rejected.get(0).reason());
            assertEquals(0, scalar(missing.connection(), "SELECT count(*) FROM label"));
        }
    }

    @Test
    void aFileWithoutCorpusBlockIsTakenAndTheCoderMustMatch() throws Exception {
        Path file = dir.resolve("plain.json");
        Files.writeString(file, "{\"format\": \"signalbench-coder-file\", \"version\": 1, \"coder\": {\"name\": \"coder-b\"},\n"
                + "\"answers\": [{\"platform\": \"instagram\", \"externalId\": \"P2\", \"at\": \"2018-11-02T09:15:00Z\", \"values\": {\"dealer\": \"no\"}}]}");
        try (Workbench wb = workbench("wb", CORPUS)) {
            assertEquals(0, Labelling.importCoderFile(wb.connection(), file, "coder-a", rejected::add, conflicts::add));
            assertTrue(rejected.get(0).reason().contains("answers of 'coder-b', not of 'coder-a'"), rejected.get(0).reason());
            assertEquals(1, Labelling.importCoderFile(wb.connection(), file, "coder-b", rejected::add, conflicts::add));
        }
    }

    @Test
    void conflictingAnswersAreReportedAndTheNewestCounts() throws Exception {
        Path file = dir.resolve("conflict.json");
        Files.writeString(file, "{\"format\": \"signalbench-coder-file\", \"version\": 1, \"coder\": {\"name\": \"coder-a\", \"role\": \"coder\"},\n"
                + "\"answers\": [\n"
                + "{\"platform\": \"instagram\", \"externalId\": \"P1\", \"at\": \"2018-11-03T10:00:00Z\", \"values\": {\"dealer\": \"yes\"}},\n"
                + "{\"platform\": \"instagram\", \"externalId\": \"P1\", \"at\": \"2018-11-02T10:00:00Z\", \"values\": {\"dealer\": \"no\"}},\n"
                + "{\"platform\": \"instagram\", \"externalId\": \"P2\", \"at\": \"2018-11-02T10:00:00Z\", \"values\": {\"dealer\": \"no\"}}\n"
                + "]}");
        try (Workbench wb = workbench("wb", CORPUS)) {
            assertEquals(3, importInto(wb, file));
            assertEquals(1, conflicts.size());
            CoderFileImport.Conflict c = conflicts.get(0);
            assertEquals("P1", c.externalId());
            assertEquals("yes", c.keptValue());
            assertEquals("2018-11-03T10:00:00Z", c.keptAt());
            assertEquals(List.of("'no' of 2018-11-02T10:00:00Z (line 4)"), c.overruled());
            LabelStore store = Labelling.labelStore(wb.connection());
            Coder a = store.findCoder("coder-a").orElseThrow();
            assertEquals("yes", store.answersOf(a.id(), post(wb.connection(), "P1")).get("dealer"));

            // Against the workbench: the coder later said no to P2 in the app; an older file saying yes loses.
            store.saveAnswer(a.id(), post(wb.connection(), "P2"), "dealer", "yes", null);
            conflicts.clear();
            Path older = dir.resolve("older.json");
            Files.writeString(older, "{\"format\": \"signalbench-coder-file\", \"version\": 1, \"coder\": {\"name\": \"coder-a\"},\n"
                    + "\"answers\": [{\"platform\": \"instagram\", \"externalId\": \"P2\", \"at\": \"2018-12-01T00:00:00Z\", \"values\": {\"dealer\": \"no\"}}]}");
            assertEquals(1, importInto(wb, older));
            assertEquals(1, conflicts.size());
            assertTrue(conflicts.get(0).overruled().get(0).contains("(line 2)"), conflicts.get(0).toString());
            assertEquals("yes", conflicts.get(0).keptValue());
            assertEquals("yes", store.answersOf(a.id(), post(wb.connection(), "P2")).get("dealer"));
        }
    }
}
