package org.signalbench.exporting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.signalbench.testing.TestWorkbenches.insertPost;

import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.signalbench.findings.Table;
import org.signalbench.findings.TableFormat;
import org.signalbench.models.ModelFixtures;
import org.signalbench.store.Workbench;
import org.signalbench.testing.CliRun;

/** CSV exports neutralise spreadsheet formulas (OWASP) unless --raw; Markdown and HTML escape collected text. */
@org.junit.jupiter.api.extension.ExtendWith(org.signalbench.testing.FaultCases.class)
class CsvInjectionTest {
    @TempDir
    Path dir;

    /** Cells a spreadsheet would run, each with what a safe export writes. */
    static final Map<String, String> FORMULAS = Map.of(
            "=HYPERLINK(\"http://evil.example.com\",\"click\")", "'=HYPERLINK(\"http://evil.example.com\",\"click\")",
            "+1+cmd|' /C calc'!A0", "'+1+cmd|' /C calc'!A0",
            "-2+3", "'-2+3",
            "@SUM(1+1)*cmd|' /C calc'!A0", "'@SUM(1+1)*cmd|' /C calc'!A0",
            "\t=1+1", "'\t=1+1",
            "\r=1+1", "'\r=1+1");

    @Test
    void formulaPrefixesGetAQuoteAndEverythingElseStays() {
        FORMULAS.forEach((cell, safe) -> assertEquals(safe, SafeCsvPrinter.neutralise(cell), cell));
        for (String harmless : List.of("", "plain caption", "'already quoted", " =with a space first", "-0.5", "+12", "-3e-4",
                "1,234", "#xanax", "a=b", "2mg @ $20")) {
            assertEquals(harmless, SafeCsvPrinter.neutralise(harmless), harmless);
        }
    }

    @Test
    void exportCsvNeutralisesUnlessRaw() throws Exception {
        Path db = dir.resolve("t.sqlite");
        try (Workbench wb = Workbench.open(db)) {
            int i = 0;
            for (String formula : FORMULAS.keySet()) {
                insertPost(wb.connection(), "instagram", "F" + i++, formula, formula);
            }
            insertPost(wb.connection(), "instagram", "-7", "plain_author", "plain caption");
        }
        Path safe = dir.resolve("safe.csv");
        Path raw = dir.resolve("raw.csv");
        assertEquals(0, CliRun.of("export", "--db", db.toString(), "--format", "csv", "--out", safe.toString()).exit());
        assertEquals(0, CliRun.of("export", "--db", db.toString(), "--format", "csv", "--raw", "--out", raw.toString()).exit());
        List<CSVRecord> safeRows = read(safe);
        List<CSVRecord> rawRows = read(raw);
        assertEquals(FORMULAS.size() + 1, safeRows.size());
        for (int r = 0; r < safeRows.size(); r++) {
            String original = rawRows.get(r).get("caption");
            if (FORMULAS.containsKey(original)) {
                assertEquals(original, rawRows.get(r).get("author"), "--raw writes cells as collected");
                assertEquals(FORMULAS.get(original), safeRows.get(r).get("caption"));
                assertEquals(FORMULAS.get(original), safeRows.get(r).get("author"));
            } else {
                assertEquals("plain caption", safeRows.get(r).get("caption"));
                assertEquals("-7", safeRows.get(r).get("external_id"), "a plain number is left a number");
            }
        }
    }

    @Test
    void findingsTablesAsCsvAndMarkdown() {
        Table t = Table.builder("t", "Title *bold* <b>").column("Text", Table.Kind.TEXT).column("Posts", Table.Kind.COUNT)
                .row("=cmd|' /C calc'!A0", -3L).row("[click](javascript:alert(1)) <script>alert(1)</script> `x` _y_ ~z~", 4L).build();
        String csv = TableFormat.CSV.render(t);
        assertTrue(csv.contains("'=cmd|' /C calc'!A0,-3\r\n"), csv);
        assertTrue(TableFormat.CSV.render(t, true).contains("\r\n=cmd|' /C calc'!A0,-3\r\n"));
        String md = TableFormat.MARKDOWN.render(t);
        assertTrue(md.startsWith("## Title \\*bold\\* \\<b\\>\n"), md);
        assertTrue(md.contains("| \\[click\\](javascript:alert(1)) \\<script\\>alert(1)\\</script\\> \\`x\\` \\_y\\_ \\~z\\~ | 4 |"), md);
        assertFalse(java.util.regex.Pattern.compile("(?<!\\\\)<(?!br>)").matcher(md).find(), "no unescaped markup: " + md);
    }

    @Test
    void theHtmlReportEscapesCollectedText() throws Exception {
        String db = ModelFixtures.filledDatabase(dir, 40, 5);
        String hostile = "<img src=x onerror=alert(1)>";
        try (Workbench wb = Workbench.open(Path.of(db)); var st = wb.connection().createStatement()) {
            st.executeUpdate("UPDATE post SET author = '" + hostile + "', caption = caption || ' <script>alert(2)</script>'");
        }
        Path out = dir.resolve("report.html");
        CliRun run = CliRun.of("report", "--db", db, "--out", out.toString(), "--no-mask");
        assertEquals(0, run.exit(), run.err());
        String html = Files.readString(out);
        assertTrue(html.contains("&lt;img src=x onerror=alert(1)&gt;"), "the account is shown, escaped");
        assertFalse(html.contains("<img") || html.contains("<script"), "no markup from the data");
    }

    private static List<CSVRecord> read(Path csv) throws Exception {
        try (Reader r = Files.newBufferedReader(csv)) {
            return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(r).getRecords();
        }
    }
}
