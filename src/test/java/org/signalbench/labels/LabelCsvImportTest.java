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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.signalbench.domain.Role;
import org.signalbench.importing.LabelCsvImport;
import org.signalbench.importing.Rejection;
import org.signalbench.store.Session;
import org.signalbench.store.Workbench;
import org.signalbench.testing.TestWorkbenches;

class LabelCsvImportTest {
    @TempDir
    Path dir;
    Workbench workbench;
    Connection c;
    final List<Rejection> rejected = new ArrayList<>();

    @BeforeEach
    void setUp() throws Exception {
        workbench = TestWorkbenches.open(dir);
        c = workbench.connection();
        insertPost(c, "instagram", "AAA111", "u1", "bars");
        insertPost(c, "instagram", "BBB222", "u2", "beach");
        insertPost(c, "twitter", "1004", "u3", "tweet");
    }

    private Path csv(String name, String text) throws Exception {
        Path f = dir.resolve(name);
        Files.writeString(f, text);
        return f;
    }

    @Test
    void goodLinesAreTakenBadLinesNamedAndReimportChangesNothing() throws Exception {
        Path f = csv("coder-c.csv", "external_id,label,platform\n"
                + "AAA111,1,\n"
                + "BBB222,No,instagram\n"
                + "1004,yes,twitter\n"
                + "CCC333,1,\n"
                + "AAA111,0,\n"
                + "BBB222,maybe,\n"
                + "BBB222,1,myspace\n");
        var result = Labelling.importLabelCsv(c, f, "coder-c", Role.CODER, rejected::add);
        assertEquals(new LabelCsvImport.Result(3, 0), result);
        assertEquals(4, rejected.size(), rejected.toString());
        assertEquals(new Rejection(f.toString(), 5, "no instagram post 'CCC333' in this workbench"), rejected.get(0));
        assertEquals(6, rejected.get(1).line());
        assertTrue(rejected.get(1).reason().contains("already answered on line 2"), rejected.get(1).reason());
        assertEquals(new Rejection(f.toString(), 7, "label 'maybe' is not 1, 0, yes or no"), rejected.get(2));
        assertEquals(8, rejected.get(3).line());
        assertTrue(rejected.get(3).reason().contains("unknown platform 'myspace'"));
        assertEquals(1, scalar(c, "SELECT count(*) FROM label l JOIN post p ON p.id = l.post_id WHERE p.external_id = '1004' AND l.value = 'yes'"));
        assertEquals(1, scalar(c, "SELECT count(*) FROM label l JOIN post p ON p.id = l.post_id WHERE p.external_id = 'BBB222' AND l.value = 'no'"));

        rejected.clear();
        assertEquals(new LabelCsvImport.Result(0, 3), Labelling.importLabelCsv(c, f, "coder-c", Role.CODER, rejected::add));
        assertEquals(3, scalar(c, "SELECT count(*) FROM label"));
    }

    @Test
    void aFileWithoutTheColumnsOrForAnotherRoleIsRefusedWhole() throws Exception {
        Path noLabel = csv("x.csv", "external_id,answer\nAAA111,1\n");
        assertEquals(new LabelCsvImport.Result(0, 0), Labelling.importLabelCsv(c, noLabel, "coder-c", Role.CODER, rejected::add));
        assertTrue(rejected.get(0).reason().contains("external_id and label"), rejected.get(0).reason());
        assertEquals(0, scalar(c, "SELECT count(*) FROM coder"));

        Labelling.labelStore(c).coder("pat", Role.EXPERT);
        Path ok = csv("ok.csv", "external_id,label\nAAA111,1\n");
        Labelling.importLabelCsv(c, ok, "pat", Role.CODER, rejected::add);
        assertEquals(null, rejected.get(1).line());
        assertTrue(rejected.get(1).reason().contains("already a expert"), rejected.get(1).reason());
        assertEquals(0, scalar(c, "SELECT count(*) FROM label"));

        Path broken = csv("broken.csv", "external_id,label\nAAA111,1\n\"BBB222,0\n");
        Labelling.importLabelCsv(c, broken, "coder-c", Role.CODER, rejected::add);
        assertTrue(rejected.get(2).reason().startsWith("not valid CSV"), rejected.get(2).reason());
        assertEquals(0, scalar(c, "SELECT count(*) FROM label"));
    }

    @Test
    void theExpertsCsvSettlesPosts() throws Exception {
        LabelStore store = Labelling.labelStore(c);
        Coder a = store.coder("coder-a", Role.CODER);
        Coder b = store.coder("coder-b", Role.CODER);
        long post = scalar(c, "SELECT id FROM post WHERE external_id = 'AAA111'");
        store.saveAnswer(a.id(), post, "dealer", "yes", null);
        store.saveAnswer(b.id(), post, "dealer", "no", null);
        assertEquals(FinalLabel.Status.DISPUTED, FinalLabels.of(Session.over(c), "dealer").get(post).status());
        Path f = csv("final.csv", "external_id,label,reason\nAAA111,1,price list and wickr handle\n");
        assertEquals(new LabelCsvImport.Result(1, 0), Labelling.importLabelCsv(c, f, "expert", Role.EXPERT, rejected::add));
        assertEquals(new FinalLabel(post, "dealer", "yes", FinalLabel.Status.SETTLED), FinalLabels.of(Session.over(c), "dealer").get(post));
        assertEquals(1, scalar(c, "SELECT count(*) FROM adjudication WHERE reason = 'price list and wickr handle'"));
        assertEquals(new LabelCsvImport.Result(0, 1), Labelling.importLabelCsv(c, f, "expert", Role.EXPERT, rejected::add));
    }

    @Test
    void csvAnswersCarryTheSameCodebookVersionAsAnswersSavedInTheApp() throws Exception {
        // Before one writer owned the label table, CSV answers were stored with a NULL codebook_version.
        var result = Labelling.importLabelCsv(c, csv("coder-a.csv", "external_id,label\nAAA111,1\n"), "coder-a",
                Role.CODER, rejected::add);
        assertEquals(new LabelCsvImport.Result(1, 0), result);
        try (LabelStore store = Labelling.labelStore(c)) {
            Coder other = store.coder("coder-b", Role.CODER);
            long post = scalar(c, "SELECT id FROM post WHERE external_id = 'BBB222'");
            store.saveAnswer(other.id(), post, LabelStore.DEALER, "no", null);
            String version = store.codebook().version();
            assertEquals(version, text("SELECT l.codebook_version FROM label l JOIN coder k ON k.id = l.coder_id "
                    + "WHERE k.name = 'coder-a'"));
            assertEquals(version, text("SELECT l.codebook_version FROM label l JOIN coder k ON k.id = l.coder_id "
                    + "WHERE k.name = 'coder-b'"));
        }
        Labelling.importLabelCsv(c, csv("expert.csv", "external_id,label\nAAA111,0\n"), "expert-e", Role.EXPERT,
                rejected::add);
        assertEquals(List.of(), rejected);
        assertEquals(1L, scalar(c, "SELECT count(*) FROM adjudication WHERE codebook_version = ?",
                Labelling.labelStore(c).codebook().version()));
    }

    @Test
    void theFileIsReadAsAStreamAcrossItsBufferAndABadByteDeepInsideIsNamedAtItsLine() throws Exception {
        // a two-byte character straddles the reader's 64 KiB buffer: decoded whole, both lines taken
        Path wide = csv("wide.csv", "external_id,label,comment\nAAA111,1," + "é".repeat(70_000) + "\nBBB222,0,ok\n");
        assertEquals(new LabelCsvImport.Result(2, 0), Labelling.importLabelCsv(c, wide, "coder-w", Role.CODER, rejected::add));
        assertEquals(List.of(), rejected);
        // an invalid byte on line 3,002, some 100 KB in: the file is refused whole, at that line
        StringBuilder text = new StringBuilder("external_id,label,comment\n");
        for (int i = 0; i < 3_000; i++) {
            text.append(i % 2 == 0 ? "AAA111" : "BBB222").append(",1,").append("x".repeat(25)).append('\n');
        }
        byte[] head = text.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] bytes = java.util.Arrays.copyOf(head, head.length + 4);
        bytes[head.length] = 'C';
        bytes[head.length + 1] = ',';
        bytes[head.length + 2] = (byte) 0xFF;
        bytes[head.length + 3] = '\n';
        Path bad = dir.resolve("deep.csv");
        Files.write(bad, bytes);
        assertEquals(new LabelCsvImport.Result(0, 0), Labelling.importLabelCsv(c, bad, "coder-d", Role.CODER, rejected::add));
        assertEquals(List.of(new Rejection(bad.toString(), 3_002, "invalid UTF-8: byte 0xFF cannot start or continue a character")),
                rejected);
        assertEquals(0, scalar(c, "SELECT count(*) FROM label l JOIN coder k ON k.id = l.coder_id WHERE k.name = 'coder-d'"));
    }

    @Test
    void aCodebooksQuestionsAsColumnsAreReadByTheSameReader() throws Exception {
        Codebook linkReview = Codebook.load("codebook/link-review.json");
        Path f = csv("links.csv", "external_id,seller_type,link_status,comment\n"
                + "1004,online-pharmacy,,anything\n"
                + "1004,darknet,live,\n"
                + "AAA111,online-pharmacy,live,\n"
                + "1005,pusher,,\n");
        var result = LabelCsvImport.importFile(Session.over(c), linkReview, f, "link-coder", Role.CODER,
                LabelCsvImport.questionColumns(linkReview, org.signalbench.domain.Platform.TWITTER), rejected::add);
        assertEquals(new LabelCsvImport.Result(1, 0), result); // the blank link_status answers nothing
        assertEquals(List.of(3, 4, 5), rejected.stream().map(Rejection::line).toList());
        assertTrue(rejected.get(0).reason().contains("already answered on line 2"), rejected.get(0).reason());
        assertEquals("no twitter post 'AAA111' in this workbench", rejected.get(1).reason());
        assertTrue(rejected.get(2).reason().startsWith("'pusher' is not an answer to seller_type"), rejected.get(2).reason());
        assertEquals(1, scalar(c, "SELECT count(*) FROM label WHERE question = 'seller_type' AND value = 'online-pharmacy'"));
    }

    private String text(String sql) throws Exception {
        try (var st = c.prepareStatement(sql); var rs = st.executeQuery()) {
            assertTrue(rs.next(), sql);
            return rs.getString(1);
        }
    }
}
