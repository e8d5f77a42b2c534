package org.signalbench.importing;

import org.signalbench.testing.Labelling;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.signalbench.importing.ImportFixtures.bundleHeader;
import static org.signalbench.importing.ImportFixtures.bundlePost;
import static org.signalbench.importing.ImportFixtures.count;
import static org.signalbench.importing.ImportFixtures.importAll;
import static org.signalbench.importing.ImportFixtures.lines;
import static org.signalbench.importing.ImportFixtures.write;
import static org.signalbench.importing.ImportFixtures.writeBytes;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.signalbench.domain.PersonName;
import org.signalbench.domain.Role;
import org.signalbench.store.Workbench;
import org.signalbench.testing.CliRun;
import org.signalbench.testing.TestWorkbenches;

/** The smaller parsing faults of issue 12: BOMs, bad bytes, truncated JSON, ragged CSV rows, bundle versions, coder names. */
@org.junit.jupiter.api.extension.ExtendWith(org.signalbench.testing.FaultCases.class)
class ParsingFaultsTest {
    @TempDir
    Path dir;
    Workbench wb;
    final List<Rejection> rejected = new ArrayList<>();

    @BeforeEach
    void posts() throws Exception {
        wb = TestWorkbenches.open(dir);
        for (String id : List.of("P1", "P2", "P3")) {
            TestWorkbenches.insertPost(wb.connection(), "instagram", id, "made_up_author", "caption " + id);
        }
    }

    @org.junit.jupiter.api.AfterEach
    void close() throws Exception {
        wb.close();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    @Test
    void aByteOrderMarkIsAcceptedInLabelAndAdjudicationCsvs() throws Exception {
        Path labels = writeBytes(dir.resolve("excel-labels.csv"), concat(BOM, bytes("external_id,label\r\nP1,1\r\nP2,0\r\n")));
        assertEquals(new LabelCsvImport.Result(2, 0),
                Labelling.importLabelCsv(wb.connection(), labels, "coder-a", Role.CODER, rejected::add));
        Path finals = writeBytes(dir.resolve("excel-finals.csv"), concat(BOM, bytes("external_id,label,reason\r\nP1,yes,clear sale\r\n")));
        assertEquals(new LabelCsvImport.Result(1, 0),
                Labelling.importLabelCsv(wb.connection(), finals, "boss", Role.EXPERT, rejected::add));
        assertEquals(List.of(), rejected);
    }

    @Test
    void invalidUtf8InALabelsCsvNamesFileAndLine() throws Exception {
        Path file = writeBytes(dir.resolve("latin1.csv"), concat(bytes("external_id,label\nP1,1\nP2,"), new byte[] {(byte) 0xFF}, bytes("\n")));
        assertEquals(new LabelCsvImport.Result(0, 0), Labelling.importLabelCsv(wb.connection(), file, "coder-a", Role.CODER, rejected::add));
        assertEquals(1, rejected.size());
        Rejection r = rejected.get(0);
        assertEquals(file.toString(), r.file());
        assertEquals(3, r.line());
        assertTrue(r.reason().startsWith("invalid UTF-8: byte 0xFF"), r.reason());
        assertFalse(r.toString().contains("Input length"), r.toString());
        assertEquals(0, count(wb, "SELECT COUNT(*) FROM label"), "the file is refused whole");
    }

    @Test
    void raggedRowsInALabelsCsvAreRejectedByLine() throws Exception {
        Path file = write(dir.resolve("ragged.csv"), "external_id,label\nP1,1\nP2,0,extra\nP3\n");
        assertEquals(new LabelCsvImport.Result(1, 0), Labelling.importLabelCsv(wb.connection(), file, "coder-a", Role.CODER, rejected::add));
        assertEquals(List.of(3, 4), rejected.stream().map(Rejection::line).toList());
        assertTrue(rejected.get(0).reason().contains("3 fields but the header has 2"), rejected.get(0).reason());
        assertTrue(rejected.get(1).reason().contains("1 field but the header has 2"), rejected.get(1).reason());
    }

    @Test
    void raggedRowsInAPostsCsvAreRejectedByLineAndTheRestImported() throws Exception {
        Path file = write(dir.resolve("in/posts.csv"), "platform,external_id,author,caption\n"
                + "instagram,C1,made_up_a,fine\n"
                + "instagram,C2,made_up_b,a caption, with an unquoted comma\n"
                + "instagram,C3\n"
                + "instagram,C4,made_up_d,\"quoted, comma\"\n");
        ImportReport report = importAll(wb, file);
        assertEquals(2, report.imported(), report.rejected().toString());
        assertEquals(List.of(3, 4), report.rejected().stream().map(Rejection::line).toList());
        assertTrue(report.rejected().get(0).reason().contains("5 fields but the header has 4"), report.rejected().toString());
        assertEquals(List.of("C1", "C4"), ImportFixtures.strings(wb, "SELECT external_id FROM post WHERE external_id LIKE 'C%' ORDER BY 1"));
    }

    @Test
    void aTruncatedCoderFileGivesFileLineAndNoJacksonExcerpt() throws Exception {
        String whole = "{\"format\": \"signalbench-coder-file\", \"version\": 1,\n \"coder\": {\"name\": \"coder-a\", \"role\": \"coder\"},\n"
                + " \"answers\": [\n  {\"platform\": \"instagram\", \"externalId\": \"P1\", \"at\": \"2018-11-02T09:00:00Z\", \"values\": {\"dealer\": \"yes\"}},\n"
                + "  {\"platform\": \"instagram\", \"externalId\": \"P2\", \"at\": \"2018-11-02T09:00:00Z\", \"values\": {\"dea";
        Path file = write(dir.resolve("cut.json"), whole);
        Path broken = write(dir.resolve("broken.json"), "{\"format\": \"signalbench-coder-file\",\n \"coder\": {\"name\": ]}");
        for (Path f : List.of(file, broken)) {
            assertEquals(0, Labelling.importCoderFile(wb.connection(), f, rejected::add));
        }
        assertEquals(2, rejected.size());
        assertEquals(5, rejected.get(0).line());
        assertEquals("truncated JSON: the text ends before the value is complete", rejected.get(0).reason());
        assertEquals(2, rejected.get(1).line());
        for (Rejection r : rejected) {
            assertFalse(r.reason().contains("Source") || r.reason().contains("REDACTED") || r.reason().contains("\n"), r.reason());
        }
        assertEquals(0, count(wb, "SELECT COUNT(*) FROM label"));
    }

    @Test
    void aBundleOfANewerVersionIsRefused() throws Exception {
        Path file = write(dir.resolve("in/new.bundle.jsonl"), "{\"format\": \"signalbench-bundle\", \"version\": 99}\n"
                + lines(bundlePost("B1", "from the future")));
        Path current = write(dir.resolve("in/old.bundle.jsonl"), bundleHeader() + "\n" + lines(bundlePost("B2", "fine")));
        ImportReport report = importAll(wb, file, current);
        assertEquals(1, report.imported());
        assertEquals(1, report.rejected().size());
        Rejection r = report.rejected().get(0);
        assertEquals(1, r.line());
        assertTrue(r.reason().contains("bundle version 99 is newer than this SignalBench reads (up to 1)"), r.reason());
        assertEquals(0, count(wb, "SELECT COUNT(*) FROM post WHERE external_id = 'B1'"));
    }

    @Test
    void aFolderOrPipeNamedAsMediaIsDroppedAndThePostKept() throws Exception {
        Path in = java.nio.file.Files.createDirectories(dir.resolve("in/media/sub"));
        Path pipe = dir.resolve("in/media/pipe.png");
        boolean havePipe = new ProcessBuilder("mkfifo", pipe.toString()).start().waitFor() == 0;
        ImportFixtures.image(dir.resolve("in/media/real.png"));
        var post = bundlePost("M1", "media test");
        post.putArray("media").add("media/sub").add(".").add("media/real.png").add(havePipe ? "media/pipe.png" : "media/sub");
        Path file = write(dir.resolve("in/media.bundle.jsonl"), bundleHeader() + "\n" + lines(post));
        ImportReport report = importAll(wb, file);
        assertEquals(1, report.imported());
        assertEquals(3, report.rejected().size(), report.rejected().toString());
        assertTrue(report.rejected().get(0).reason().contains("'media/sub' is a folder, not a media file"), report.rejected().toString());
        if (havePipe) {
            assertTrue(report.rejected().get(2).reason().contains("'media/pipe.png' is not a regular file"), report.rejected().toString());
        }
        assertEquals(1, count(wb, "SELECT COUNT(*) FROM post_media"), "only the real image is kept");
        assertTrue(in.toFile().isDirectory());
    }

    @Test
    void coderNamesWithControlOrDirectionCharactersAreRefused() throws Exception {
        for (String bad : List.of("coder\u0000a", "coder\na", "coder\r\na", "evil\u202Eredoc", "a\u2066b\u2069", "zero\u200Bwidth",
                "x".repeat(101), "esc\u001B[31mred")) {
            IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                    () -> PersonName.check(bad));
            assertFalse(e.getMessage().chars().anyMatch(ch -> ch < 0x20 || (ch >= 0x202A && ch <= 0x202E) || (ch >= 0x2066 && ch <= 0x2069)),
                    "the message prints no raw control or direction character: " + e.getMessage());
        }
        assertTrue(messageOf("evil\u202Eredoc").contains("a text-direction mark (U+202E at character 5)"), messageOf("evil\u202Eredoc"));
        assertTrue(messageOf("coder\u0000a").contains("a NUL character"));
        assertTrue(messageOf("coder\na").contains("a line break"));
        for (String good : List.of("coder-a", "Dr. Jane O'Neil", "José Müller", "李雷", "مراجع", "coder 2 (expert)")) {
            assertEquals(good, PersonName.check(" " + good + " "));
        }

        // through the label store (labels import --coder) and through a coder file
        Path csv = write(dir.resolve("labels.csv"), "external_id,label\nP1,1\n");
        Labelling.importLabelCsv(wb.connection(), csv, "evil\u202Eredoc", Role.CODER, rejected::add);
        Path coderFile = write(dir.resolve("named.json"), "{\"format\": \"signalbench-coder-file\", \"version\": 1, "
                + "\"coder\": {\"name\": \"coder\\u0000a\", \"role\": \"coder\"}, \"answers\": []}");
        Labelling.importCoderFile(wb.connection(), coderFile, rejected::add);
        assertEquals(2, rejected.size(), rejected.toString());
        assertTrue(rejected.get(0).reason().contains("text-direction mark"), rejected.get(0).reason());
        assertTrue(rejected.get(1).reason().contains("NUL"), rejected.get(1).reason());
        assertEquals(0, count(wb, "SELECT COUNT(*) FROM coder"));
        wb.close();
        CliRun run = CliRun.of("labels", "import", "--db", dir.resolve("test.sqlite").toString(), "--coder", "a\nb", csv.toString());
        assertTrue(run.out().contains("line break") || run.err().contains("line break"), run.out() + run.err());
        wb = TestWorkbenches.open(dir);
        assertEquals(0, count(wb, "SELECT COUNT(*) FROM coder"));
    }

    private static String messageOf(String name) {
        try {
            PersonName.check(name);
            return "";
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }
}
