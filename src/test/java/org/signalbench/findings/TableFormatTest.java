package org.signalbench.findings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.signalbench.findings.Table.Kind;

class TableFormatTest {
    static final String AWKWARD = "a|b \"quoted\", with comma\nand a second line \\ backslash";

    static Table table() {
        return Table.builder("t", "Title | with pipe")
                .column("Name", Kind.TEXT).column("Posts", Kind.COUNT).column("%", Kind.PERCENT)
                .row(AWKWARD, 1234L, 12.5)
                .row("plain", 5L, 100.0)
                .note("note")
                .build();
    }

    @Test
    void csvQuotesWhatNeedsQuotingAndReadsBackUnchanged() throws Exception {
        String csv = TableFormat.CSV.render(table());
        assertTrue(csv.startsWith("Name,Posts,%\r\n"), csv);
        assertTrue(csv.contains("\"a|b \"\"quoted\"\", with comma\nand a second line \\ backslash\",1234,12.5\r\n"), csv);
        List<CSVRecord> records = CSVFormat.RFC4180.parse(new StringReader(csv)).getRecords();
        assertEquals(3, records.size());
        assertEquals(AWKWARD, records.get(1).get(0));
        assertEquals("1234", records.get(1).get(1));
        assertEquals("100", records.get(2).get(2));
    }

    @Test
    void markdownEscapesPipesBackslashesAndLineBreaks() {
        String md = TableFormat.MARKDOWN.render(table());
        List<String> lines = md.lines().toList();
        assertEquals("## Title \\| with pipe", lines.get(0));
        assertTrue(md.contains("| Name | Posts | % |\n|---|---:|---:|\n"), md);
        assertTrue(md.contains("| a\\|b \"quoted\", with comma<br>and a second line \\\\ backslash | 1,234 | 12.5 |\n"), md);
        assertTrue(md.contains("| plain | 5 | 100.0 |\n"), md);
        // every table line has exactly columns + 1 unescaped pipes
        lines.stream().filter(l -> l.startsWith("|"))
                .forEach(l -> assertEquals(4, l.replace("\\\\", "").replace("\\|", "").chars().filter(ch -> ch == '|').count(), l));
    }

    @Test
    void formatsAreChosenByName() {
        assertEquals(TableFormat.CSV, TableFormat.parse("CSV"));
        assertEquals(TableFormat.MARKDOWN, TableFormat.parse("markdown"));
        assertEquals(TableFormat.MARKDOWN, TableFormat.parse("md"));
        assertThrows(IllegalArgumentException.class, () -> TableFormat.parse("xlsx"));
    }

    @Test
    void rowsMustFitTheColumns() {
        assertThrows(IllegalArgumentException.class, () -> Table.builder("t", "T").column("a", Kind.TEXT).row("x", "y").build());
    }

    @Test
    void maskingTouchesTextAndAccountColumnsOnly() {
        Table t = Table.builder("t", "T").column("Account", Kind.ACCOUNT).column("Text", Kind.TEXT).column("Tag", Kind.LABEL)
                .row("plug_one", "wickr: plug_one44", "@not_masked_label").build().masked();
        assertEquals(List.of(Masking.maskAccount("plug_one"), "wickr: [handle]", "@not_masked_label"), t.rows().get(0));
    }
}
