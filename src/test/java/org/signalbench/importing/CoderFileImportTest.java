package org.signalbench.importing;

import org.signalbench.testing.Labelling;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.signalbench.testing.TestWorkbenches.insertPost;
import static org.signalbench.testing.TestWorkbenches.scalar;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.signalbench.store.Workbench;
import org.signalbench.testing.TestWorkbenches;

class CoderFileImportTest {
    @TempDir
    Path dir;
    Workbench workbench;
    Connection c;
    final List<Rejection> rejected = new ArrayList<>();

    @BeforeEach
    void setUp() throws Exception {
        workbench = TestWorkbenches.open(dir);
        c = workbench.connection();
        insertPost(c, "instagram", "AAA111", "frosty_tabs_44", "bars #xanax wickr frosty_tabs_44");
        insertPost(c, "instagram", "BBB222", "sunny_days_09", "beach day");
    }

    private Path file(String name, String json) throws Exception {
        Path f = dir.resolve(name);
        Files.writeString(f, json, StandardCharsets.UTF_8);
        return f;
    }

    private static String coderFile(String coder, String role, String answers) {
        return "{\"format\": \"signalbench-coder-file\", \"version\": 1,\n"
                + "\"coder\": {\"name\": \"" + coder + "\", \"role\": \"" + role + "\"},\n"
                + "\"codebookVersion\": \"1\",\n\"answers\": [\n" + answers + "\n]}";
    }

    @Test
    void coderAnswersBecomeLabelsAndReimportAddsNothing() throws Exception {
        Path f = file("a.json", coderFile("coder-a", "coder",
                "{\"platform\": \"instagram\", \"externalId\": \"AAA111\", \"at\": \"2018-11-02T09:15:00Z\",\n"
                        + " \"values\": {\"dealer\": \"yes\", \"channels\": \"wickr, kik\"}, \"note\": \"imprint visible\"},\n"
                        + "{\"platform\": \"instagram\", \"externalId\": \"BBB222\", \"at\": \"2018-11-02T09:16:00Z\",\n"
                        + " \"values\": {\"dealer\": \"no\"}}"));
        assertTrue(CoderFileImport.isCoderFile(f));

        assertEquals(4, Labelling.importCoderFile(c, f, rejected::add));
        assertEquals(List.of(), rejected);
        assertEquals(4, scalar(c, "SELECT count(*) FROM label"));
        assertEquals(1, scalar(c, "SELECT count(*) FROM label WHERE question = 'channels' AND value = 'kik,wickr'"));
        assertEquals(1, scalar(c, "SELECT count(*) FROM label WHERE question = 'note' AND value = 'imprint visible'"));
        assertEquals(1, scalar(c, "SELECT count(*) FROM coder WHERE name = 'coder-a' AND role = 'coder'"));

        assertEquals(0, Labelling.importCoderFile(c, f, rejected::add));
        assertEquals(4, scalar(c, "SELECT count(*) FROM label"));
    }

    @Test
    void badAnswersAreRejectedWithTheirLineAndTheRestIsTaken() throws Exception {
        Path f = file("bad.json", coderFile("coder-b", "coder",
                "{\"platform\": \"instagram\", \"externalId\": \"AAA111\", \"at\": \"2018-11-02T09:15:00Z\", \"values\": {\"dealer\": \"maybe\"}},\n"
                        + "{\"platform\": \"instagram\", \"externalId\": \"ZZZ999\", \"at\": \"2018-11-02T09:15:00Z\", \"values\": {\"dealer\": \"no\"}},\n"
                        + "{\"platform\": \"instagram\", \"externalId\": \"BBB222\", \"at\": \"yesterday\", \"values\": {\"dealer\": \"no\"}},\n"
                        + "{\"platform\": \"instagram\", \"externalId\": \"BBB222\", \"at\": \"2018-11-02T09:15:00Z\", \"values\": {\"dealer\": \"no\"}}"));
        assertEquals(1, Labelling.importCoderFile(c, f, rejected::add));
        assertEquals(3, rejected.size());
        assertEquals(5, rejected.get(0).line());
        assertTrue(rejected.get(0).reason().contains("'maybe' is not an answer to dealer"), rejected.get(0).reason());
        assertEquals(6, rejected.get(1).line());
        assertTrue(rejected.get(1).reason().contains("no instagram post 'ZZZ999'"));
        assertTrue(rejected.get(2).reason().contains("not an ISO-8601 time"));
        assertEquals(1, scalar(c, "SELECT count(*) FROM label"));
    }

    @Test
    void expertAnswersBecomeAdjudicationsWithTheirReason() throws Exception {
        Path f = file("expert.json", coderFile("expert-1", "expert",
                "{\"platform\": \"instagram\", \"externalId\": \"AAA111\", \"at\": \"2018-11-20T10:00:00Z\",\n"
                        + " \"values\": {\"dealer\": \"yes\"}, \"reason\": \"contact handle in caption\"}"));
        assertEquals(1, Labelling.importCoderFile(c, f, rejected::add));
        assertEquals(1, scalar(c, "SELECT count(*) FROM adjudication WHERE reason = 'contact handle in caption' AND value = 'yes'"));
        assertEquals(0, scalar(c, "SELECT count(*) FROM label"));
    }

    @Test
    void aNameCannotSwitchRoleAndBrokenFilesAreRefusedWhole() throws Exception {
        String answer = "{\"platform\": \"instagram\", \"externalId\": \"AAA111\", \"at\": \"2018-11-20T10:00:00Z\", \"values\": {\"dealer\": \"yes\"}}";
        Labelling.importCoderFile(c, file("a.json", coderFile("pat", "coder", answer)), rejected::add);
        assertEquals(0, Labelling.importCoderFile(c, file("b.json", coderFile("pat", "expert", answer)), rejected::add));
        assertTrue(rejected.get(0).reason().contains("already a coder"), rejected.get(0).reason());

        Path truncated = file("t.json", coderFile("kim", "coder", answer).substring(0, 120));
        assertEquals(0, Labelling.importCoderFile(c, truncated, rejected::add));
        assertTrue(rejected.get(1).reason().startsWith("truncated JSON"), rejected.get(1).reason());
        assertEquals(0, scalar(c, "SELECT count(*) FROM coder WHERE name = 'kim'"));

        assertFalse(CoderFileImport.isCoderFile(file("other.json", "{\"node\": {}}")));
    }
}
