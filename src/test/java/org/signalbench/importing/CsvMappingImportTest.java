package org.signalbench.importing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.signalbench.importing.ImportFixtures.count;
import static org.signalbench.importing.ImportFixtures.string;
import static org.signalbench.importing.ImportFixtures.strings;
import static org.signalbench.importing.ImportFixtures.write;
import static org.signalbench.importing.ImportFixtures.writeBytes;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.signalbench.domain.Platform;
import org.signalbench.store.Workbench;
import org.signalbench.testing.CliRun;
import org.signalbench.testing.Labelling;

/** CSV files as people have them (issue 13 item 6, issue 12 item 5): column mapping, delimiters, encodings, times, retweets, streaming. */
class CsvMappingImportTest {
    static final Charset CP1252 = Charset.forName("windows-1252");

    @TempDir
    Path dir;

    /** A European Excel export: semicolons, windows-1252, local times with a space, its own column names. */
    private Path europeanExcelFile() throws Exception {
        String text = "Id;Text;User;Created;Kommentar\r\n"
                + "Eu001;Grüße aus München – Preis 20 € #xanax;händler_a;2018-07-19 14:03:11;ok\r\n"
                + "Eu002;\"Ruf an: 555-0142; café ouvert\";vendeur_b;2018-07-20 08:00:00;\r\n"
                + "Eu003;ohne Zeit;someone_c;;\r\n";
        return writeBytes(dir.resolve("in/excel-export.csv"), text.getBytes(CP1252));
    }

    @Test
    void aSemicolonWindows1252FileImportsWithMappedColumnsAndDetectedDialect() throws Exception {
        Path file = europeanExcelFile();
        Path db = dir.resolve("wb.sqlite");
        CliRun run = CliRun.of("import", "--db", db.toString(), "--json", "--platform", "instagram",
                "--map", "external_id=Id,caption=Text,author=User,posted_at=Created", file.toString());
        assertEquals(0, run.exit(), run.err());
        JsonNode json = ImportFixtures.JSON.readTree(run.out());
        assertEquals(3, json.get("imported").asInt(), run.out());
        assertEquals(0, json.get("rejected").size(), run.out());
        try (Workbench wb = Workbench.open(db)) {
            assertEquals("Grüße aus München – Preis 20 € #xanax", string(wb, "SELECT caption FROM post WHERE external_id = 'Eu001'"));
            assertEquals("Ruf an: 555-0142; café ouvert", string(wb, "SELECT caption FROM post WHERE external_id = 'Eu002'"));
            assertEquals("händler_a", string(wb, "SELECT author FROM post WHERE external_id = 'Eu001'"));
            assertEquals("2018-07-19T14:03:11Z", string(wb, "SELECT posted_at FROM post WHERE external_id = 'Eu001'"));
            assertNull(string(wb, "SELECT posted_at FROM post WHERE external_id = 'Eu003'"));
            assertEquals(List.of("instagram"), strings(wb, "SELECT DISTINCT platform FROM post"));
        }
    }

    @Test
    void tabLatin1AndATimePatternInAZoneRoundTrip() throws Exception {
        String text = "tweet_id\tplatform\tbody\twhen\n"
                + "1050000000000000101\ttwitter\tcall 555-0199 à côté\t19.07.2018 16:03\n"
                + "1050000000000000102\ttwitter\tsecond\t31.12.2018 23:59\n";
        Path file = writeBytes(dir.resolve("tab.csv"), text.getBytes(StandardCharsets.ISO_8859_1));
        Path db = dir.resolve("wb.sqlite");
        CliRun run = CliRun.of("import", "--db", db.toString(), "--delimiter", "tab", "--encoding", "ISO-8859-1",
                "--map", "external_id=tweet_id,caption=body,posted_at=when", "--time-format", "dd.MM.yyyy HH:mm",
                "--time-zone", "Europe/Berlin", file.toString());
        assertEquals(0, run.exit(), run.err());
        assertTrue(run.out().contains("imported:   2"), run.out());
        try (Workbench wb = Workbench.open(db)) {
            assertEquals("call 555-0199 à côté", string(wb, "SELECT caption FROM post WHERE external_id = '1050000000000000101'"));
            assertEquals("2018-07-19T14:03:00Z", string(wb, "SELECT posted_at FROM post WHERE external_id = '1050000000000000101'"));
            assertEquals("2018-12-31T22:59:00Z", string(wb, "SELECT posted_at FROM post WHERE external_id = '1050000000000000102'"));
        }
    }

    @Test
    void pipeDelimitedUtf8WithAliasesNeedsNoMapping() throws Exception {
        Path file = write(dir.resolve("pipes.csv"), "id|platform|text|username|created_at\n"
                + "Pp1|instagram|plug 💊 dm on wickr|made_up_p|2018-07-19T14:03:11+02:00\n");
        try (Workbench wb = Workbench.open(dir.resolve("wb.sqlite"))) {
            ImportReport report = ImportFixtures.importAll(wb, file);
            assertEquals(1, report.imported(), report.rejected().toString());
            assertEquals("plug 💊 dm on wickr", string(wb, "SELECT caption FROM post WHERE external_id = 'Pp1'"));
            assertEquals("made_up_p", string(wb, "SELECT author FROM post WHERE external_id = 'Pp1'"));
            assertEquals("2018-07-19T12:03:11Z", string(wb, "SELECT posted_at FROM post WHERE external_id = 'Pp1'"));
        }
    }

    @Test
    void aFileWhoseColumnsCannotBeMappedIsRefusedNamingFileFieldAndColumns() throws Exception {
        Path file = write(dir.resolve("odd.csv"), "handle,words\nmade_up_q,hello\n");
        CliRun missingId = CliRun.of("import", "--db", dir.resolve("wb.sqlite").toString(), "--platform", "twitter",
                file.toString());
        assertEquals(0, missingId.exit(), missingId.err());
        assertTrue(missingId.out().contains(file + ":1: no column for the field 'external_id'"), missingId.out());
        assertTrue(missingId.out().contains("(columns found: handle, words)"), missingId.out());

        CliRun wrongColumn = CliRun.of("import", "--db", dir.resolve("wb.sqlite").toString(), "--platform", "twitter",
                "--map", "external_id=handle,caption=text", file.toString());
        assertTrue(wrongColumn.out().contains(file + ":1: no column 'text' for the field 'caption' (columns found: handle, words)"),
                wrongColumn.out());
        assertTrue(wrongColumn.out().contains("imported:   0"), wrongColumn.out());

        CliRun noPlatform = CliRun.of("import", "--db", dir.resolve("wb.sqlite").toString(), "--map", "external_id=handle",
                file.toString());
        assertTrue(noPlatform.out().contains("no column for the field 'platform'"), noPlatform.out());
        assertTrue(noPlatform.out().contains("--platform twitter"), noPlatform.out());
    }

    @Test
    void aFieldMappedToNothingIsNotReadAndUtf16FromExcelImports() throws Exception {
        byte[] bom = {(byte) 0xFF, (byte) 0xFE};
        byte[] body = "id\tplatform\tcaption\tauthor\nXu1\tinstagram\tunicode text from Excel: 555-0123 ✓\tmade_up_u\n"
                .getBytes(StandardCharsets.UTF_16LE);
        byte[] bytes = new byte[bom.length + body.length];
        System.arraycopy(bom, 0, bytes, 0, 2);
        System.arraycopy(body, 0, bytes, 2, body.length);
        Path file = writeBytes(dir.resolve("unicode.csv"), bytes);
        Path db = dir.resolve("wb.sqlite");
        CliRun run = CliRun.of("import", "--db", db.toString(), "--map", "author=", file.toString());
        assertEquals(0, run.exit(), run.err());
        assertTrue(run.out().contains("imported:   1"), run.out());
        try (Workbench wb = Workbench.open(db)) {
            assertEquals("unicode text from Excel: 555-0123 ✓", string(wb, "SELECT caption FROM post WHERE external_id = 'Xu1'"));
            assertNull(string(wb, "SELECT author FROM post WHERE external_id = 'Xu1'"));
        }
    }

    @Test
    void aCompressedFileIsStreamedAndADamagedOneRefusedWithTheReason() throws Exception {
        byte[] text = "id;platform;text\nXz1;twitter;compressed 555-0150\nXz2;twitter;second\n".getBytes(CP1252);
        Path whole = ImportFixtures.writeXz(dir.resolve("ok/posts.csv.xz"), text);
        byte[] xz = java.nio.file.Files.readAllBytes(whole);
        Path cut = writeBytes(dir.resolve("cut/posts.csv.xz"), java.util.Arrays.copyOf(xz, xz.length - 20));
        try (Workbench wb = Workbench.open(dir.resolve("wb.sqlite"))) {
            ImportReport report = ImportFixtures.importAll(wb, whole);
            assertEquals(2, report.imported(), report.rejected().toString());
            ImportReport damaged = ImportFixtures.importAll(wb, cut);
            assertEquals(1, damaged.rejected().size(), damaged.rejected().toString());
            assertTrue(damaged.rejected().get(0).reason().startsWith("corrupt .xz file"), damaged.rejected().toString());
        }
    }

    @Test
    void badOptionsAreUsageErrorsNamingTheOption() {
        String db = dir.resolve("wb.sqlite").toString();
        CliRun delimiter = CliRun.of("import", "--db", db, "--delimiter", "x", dir.toString());
        assertEquals(2, delimiter.exit());
        assertTrue(delimiter.err().contains("--delimiter: unsupported delimiter 'x'"), delimiter.err());
        CliRun encoding = CliRun.of("import", "--db", db, "--encoding", "klingon-8", dir.toString());
        assertEquals(2, encoding.exit());
        assertTrue(encoding.err().contains("--encoding: unknown encoding 'klingon-8'"), encoding.err());
        CliRun field = CliRun.of("import", "--db", db, "--map", "likes=heart", dir.toString());
        assertEquals(2, field.exit());
        assertTrue(field.err().contains("--map: unknown field 'likes'"), field.err());
        CliRun pattern = CliRun.of("import", "--db", db, "--time-format", "yyyy-MM-dd {", dir.toString());
        assertEquals(2, pattern.exit());
        assertTrue(pattern.err().contains("--time-format: the time format 'yyyy-MM-dd {' is not a java.time pattern"), pattern.err());
    }

    @Test
    void badRowsAreRejectedByFileLineAndReasonAndTheRestImported() throws Exception {
        Path file = write(dir.resolve("rows.csv"), "id;platform;text;created\n"
                + "Ok1;instagram;fine;2018-07-19 14:03:11\n"
                + "Bad2;instagram;bad time;19/07/2018\n"
                + "Bad3;myspace;bad platform;\n"
                + "Bad4;instagram;too;many;cells\n"
                + "Ok5;twitter;also fine;1539202764\n");
        try (Workbench wb = Workbench.open(dir.resolve("wb.sqlite"))) {
            ImportReport report = ImportFixtures.importAll(wb, file);
            assertEquals(2, report.imported(), report.rejected().toString());
            assertEquals(List.of(3, 4, 5), report.rejected().stream().map(Rejection::line).toList());
            assertTrue(report.rejected().get(0).reason().contains("posted_at '19/07/2018' is neither"), report.rejected().toString());
            assertTrue(report.rejected().get(1).reason().contains("unknown platform 'myspace'"), report.rejected().toString());
            assertTrue(report.rejected().get(2).reason().contains("5 fields but the header has 4 (an unquoted semicolon"),
                    report.rejected().toString());
            assertEquals(file.toString(), report.rejected().get(0).file());
        }
    }

    @Test
    void bytesThatAreNotTheGivenEncodingStopTheFileAtTheirLineKeepingTheRowsBefore() throws Exception {
        byte[] bytes = ("external_id,platform,caption\nU1,instagram,fine\nU2,instagram,caf\u00e9\nU3,instagram,after\n")
                .getBytes(CP1252);
        Path file = writeBytes(dir.resolve("mislabelled.csv"), bytes);
        try (Workbench wb = Workbench.open(dir.resolve("wb.sqlite"))) {
            ImportReport report = new ImportService(wb, Labelling.CODEBOOK).run(List.of(file), null, null, null,
                    CsvOptions.DEFAULT.withEncoding(StandardCharsets.UTF_8));
            assertEquals(1, report.imported());
            Rejection r = report.rejected().get(0);
            assertEquals(3, r.line());
            assertTrue(r.reason().startsWith("byte 0xE9 is not UTF-8 text; the rest of the file is skipped"), r.reason());
            assertTrue(r.reason().contains("--encoding windows-1252"), r.reason());
        }
    }

    @Test
    void dropRetweetsLeavesOutMarkedRowsAndRtTextAndCountsThem() throws Exception {
        Path csv = write(dir.resolve("in/tweets.csv"), "id,platform,tweet,retweet\n"
                + "1050000000000000201,twitter,original post,False\n"
                + "1050000000000000202,twitter,shared one,True\n"
                + "1050000000000000203,twitter,RT @made_up_r: copied text,\n"
                + "1050000000000000204,twitter,  RT @made_up_r: indented,0\n"
                + "1050000000000000205,twitter,not RT @ the start,no\n");
        Path json = write(dir.resolve("in/stream.jsonl"),
                "{\"id_str\": \"1050000000000000301\", \"text\": \"own words\", \"user\": {\"screen_name\": \"made_up_s\"}}\n"
                        + "{\"id_str\": \"1050000000000000302\", \"text\": \"RT @made_up_s: own words\", "
                        + "\"user\": {\"screen_name\": \"made_up_t\"}, \"retweeted_status\": {\"id_str\": \"1050000000000000301\", "
                        + "\"text\": \"own words\", \"user\": {\"screen_name\": \"made_up_s\"}}}\n");
        Path db = dir.resolve("wb.sqlite");
        CliRun run = CliRun.of("import", "--db", db.toString(), "--json", "--drop-retweets", dir.resolve("in").toString());
        assertEquals(0, run.exit(), run.err());
        JsonNode report = ImportFixtures.JSON.readTree(run.out());
        assertEquals(3, report.get("imported").asInt(), run.out());
        assertEquals(4, report.get("skipped").get("retweet").asInt(), run.out());
        try (Workbench wb = Workbench.open(db)) {
            assertEquals(List.of("1050000000000000201", "1050000000000000205", "1050000000000000301"),
                    strings(wb, "SELECT external_id FROM post ORDER BY external_id"));
        }
        // Without the option every row is a post.
        CliRun all = CliRun.of("import", "--db", dir.resolve("all.sqlite").toString(), "--json", csv.toString(), json.toString());
        assertEquals(7, ImportFixtures.JSON.readTree(all.out()).get("imported").asInt(), all.out());
    }

    @Test
    void theFileIsStreamedNotReadWhole() throws Exception {
        // SourceText refuses whole-file reads over this size; a streamed CSV file is not limited by it.
        StringBuilder text = new StringBuilder("external_id,platform,caption\n");
        for (int i = 0; i < 2_000; i++) {
            text.append("S").append(i).append(",instagram,caption number ").append(i).append(" call 555-0100\n");
        }
        Path file = write(dir.resolve("big.csv"), text.toString());
        String previous = System.setProperty(SourceText.MAX_FILE_BYTES_PROPERTY, "4096");
        try (Workbench wb = Workbench.open(dir.resolve("wb.sqlite"))) {
            ImportReport report = ImportFixtures.importAll(wb, file);
            assertEquals(2_000, report.imported(), report.rejected().toString());
        } finally {
            restore(SourceText.MAX_FILE_BYTES_PROPERTY, previous);
        }
    }

    @Test
    void aRecordOverTheCapIsRejectedAtItsLineAndReadingGoesOn() throws Exception {
        Path file = write(dir.resolve("long.csv"), "external_id,platform,caption\n"
                + "L1,instagram,short\n"
                + "L2,instagram," + "x".repeat(200_000) + "\n"
                + "L3,instagram,\"an unclosed quote " + "y".repeat(200_000) + "\n"
                + "L4,instagram,after the long ones\n");
        String previous = System.setProperty(CsvPostReader.MAX_RECORD_CHARS_PROPERTY, "50000");
        try (Workbench wb = Workbench.open(dir.resolve("wb.sqlite"))) {
            ImportReport report = ImportFixtures.importAll(wb, file);
            assertEquals(List.of("L1", "L4"), strings(wb, "SELECT external_id FROM post ORDER BY external_id"),
                    report.rejected().toString());
            assertEquals(List.of(3, 4), report.rejected().stream().map(Rejection::line).toList(), report.rejected().toString());
            assertTrue(report.rejected().get(0).reason().startsWith("a record over 50,000 characters"), report.rejected().toString());
        } finally {
            restore(CsvPostReader.MAX_RECORD_CHARS_PROPERTY, previous);
        }
    }

    @Test
    void previewShowsTheDetectedDialectTheRowsAndTheColumnsTheImportWouldUse() throws Exception {
        Path file = europeanExcelFile();
        CsvPreview preview = CsvPreview.of(file, CsvOptions.DEFAULT, 2);
        assertEquals(CP1252, preview.encoding());
        assertEquals(';', preview.delimiter());
        assertEquals(List.of("Id", "Text", "User", "Created", "Kommentar"), preview.header());
        assertEquals(2, preview.rows().size());
        assertEquals("Grüße aus München – Preis 20 € #xanax", preview.rows().get(0).get(1));
        assertEquals(List.of(2, 3), preview.lines());
        assertEquals(Map.of("external_id", "Id", "caption", "Text", "author", "User", "posted_at", "Created"), preview.mapping());
        assertNull(preview.problem());
        String unmapped = CsvPreview.mappingProblem(preview.header(), CsvOptions.DEFAULT);
        assertTrue(unmapped.contains("no column for the field 'platform'"), unmapped);

        CsvPreview mapped = CsvPreview.of(file, new CsvOptions(Map.of("posted_at", "Created"), null, null,
                "yyyy-MM-dd HH:mm:ss", ZoneId.of("UTC"), Platform.INSTAGRAM, false), 10);
        assertNull(mapped.problem());
        assertNull(CsvPreview.mappingProblem(mapped.header(), new CsvOptions(Map.of("author", CsvOptions.NO_COLUMN), null,
                null, null, null, Platform.INSTAGRAM, false)));
        CsvPreview badBytes = CsvPreview.of(file, CsvOptions.DEFAULT.withEncoding(StandardCharsets.UTF_8), 10);
        assertEquals("line 2: byte 0xFC is not UTF-8 text; the rest of the file is skipped (give the file's encoding, "
                + "for example --encoding windows-1252)", badBytes.problem());
        assertEquals(0, badBytes.rows().size());
        assertEquals("Created", mapped.mapping().get("posted_at"));
        assertEquals(3, mapped.rows().size());
    }

    @Test
    void optionsParseAndRefuseAsDocumented() {
        assertEquals(Map.of("caption", "text", "external_id", "id"), CsvOptions.parseMapping("caption=text, external_id=id"));
        assertThrows(IllegalArgumentException.class, () -> CsvOptions.parseMapping("caption"));
        assertThrows(IllegalArgumentException.class, () -> CsvOptions.parseMapping("caption=a,caption=b"));
        assertEquals('\t', CsvOptions.parseDelimiter("tab"));
        assertEquals(';', CsvOptions.parseDelimiter(";"));
        assertEquals('|', CsvOptions.parseDelimiter("pipe"));
        assertNull(CsvOptions.parseDelimiter("auto"));
        assertEquals(CP1252, CsvOptions.parseEncoding("cp1252"));
        CsvTimes times = new CsvTimes(null, ZoneId.of("UTC"));
        assertEquals("2018-07-19T14:03:11Z", times.parse("2018-07-19 14:03:11").toString());
        assertEquals("2018-07-19T14:03:11Z", times.parse("2018-07-19T14:03:11Z").toString());
        assertEquals("2018-10-10T20:19:24Z", times.parse("1539202764").toString());
        assertEquals("2018-07-19T00:00:00Z", new CsvTimes("dd/MM/yyyy", ZoneId.of("UTC")).parse("19/07/2018").toString());
        assertEquals("2018-07-19T14:03:00Z", new CsvTimes("MMM d, yyyy h:mm a", ZoneId.of("UTC")).parse("Jul 19, 2018 2:03 PM").toString());
    }

    @Test
    void encodingDetection() {
        assertEquals(StandardCharsets.UTF_8, CsvSniffer.encoding("plain ascii,only\n".getBytes(StandardCharsets.US_ASCII)));
        assertEquals(StandardCharsets.UTF_8, CsvSniffer.encoding("Grüße,€\n".getBytes(StandardCharsets.UTF_8)));
        for (String text : List.of("Grüße aus München, Preis 20 €\n", "café crème à côté, déjà vu\n",
                "niño, señor, año, mañana\n")) {
            assertEquals(CP1252, CsvSniffer.encoding(text.getBytes(CP1252)), text);
        }
        byte[] cyrillic = "Продаю таблетки, пишите в личку, цена договорная\n".getBytes(Charset.forName("windows-1251"));
        assertEquals(Charset.forName("windows-1251"), CsvSniffer.encoding(cyrillic));
        byte[] utf16 = "\uFEFFid\tcaption\n".getBytes(StandardCharsets.UTF_16LE);
        assertEquals(StandardCharsets.UTF_16LE, CsvSniffer.encoding(utf16));
        assertEquals(';', CsvSniffer.delimiter("a;b;c\n1;\"x, y\";3\n"));
        assertEquals(',', CsvSniffer.delimiter("a,b,c\n1,\"x; y\",3\n"));
        assertEquals('\t', CsvSniffer.delimiter("a\tb\n1\t2\n"));
        assertEquals('|', CsvSniffer.delimiter("a|b\n1|2\n"));
    }

    private static void restore(String property, String previous) {
        if (previous == null) {
            System.clearProperty(property);
        } else {
            System.setProperty(property, previous);
        }
    }
}
