package org.signalbench.importing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.signalbench.importing.ImportFixtures.count;
import static org.signalbench.importing.ImportFixtures.image;
import static org.signalbench.importing.ImportFixtures.importAll;
import static org.signalbench.importing.ImportFixtures.string;
import static org.signalbench.importing.ImportFixtures.strings;
import static org.signalbench.importing.ImportFixtures.write;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.signalbench.store.Workbench;

class CsvImportTest {
    @TempDir
    Path dir;

    @Test
    void readsTheDocumentedColumnsAndRejectsBadRowsByLine() throws Exception {
        image(dir.resolve("media/a.png"));
        image(dir.resolve("media/b.png"));
        String csv = """
                Platform,EXTERNAL_ID,author,posted_at,caption,collected_under,url,links,media,extra
                instagram,Aa1,pill_lab_31,2018-07-19T14:03:11Z,"multi-line caption,
                with a comma and ""quotes""  ",#xanax;#2mgxanax,https://www.instagram.com/p/Aa1/,https://example.com/a https://example.com/b,media/a.png;media/b.png,ignored
                twitter,1050000000000000009,tweet_seller_02,1539202764,short tweet,#oxy80s|#oxycontin,,,,
                myspace,Bb2,nobody,2018-07-19T14:03:11Z,bad platform,,,,,
                instagram,,nobody,2018-07-19T14:03:11Z,no id,,,,,
                instagram,Cc3,nobody,yesterday,bad time,,,,,
                instagram,Dd4,,,,,,,,
                """;
        Path file = write(dir.resolve("posts.csv"), csv);
        try (Workbench wb = Workbench.open(dir.resolve("wb.sqlite"))) {
            ImportReport report = importAll(wb, file);
            assertEquals(3, report.imported());
            // The first record spans lines 2-3 (a quoted line break), so the bad rows are on lines 5-7.
            assertEquals(List.of(5, 6, 7), report.rejected().stream().map(Rejection::line).toList(), report.rejected().toString());
            assertTrue(report.rejected().get(0).reason().contains("unknown platform 'myspace'"));
            assertEquals("missing external_id", report.rejected().get(1).reason());
            assertTrue(report.rejected().get(2).reason().contains("posted_at 'yesterday'"));

            assertEquals("multi-line caption,\nwith a comma and \"quotes\"  ", string(wb, "SELECT caption FROM post WHERE external_id = 'Aa1'"));
            assertEquals("2018-07-19T14:03:11Z", string(wb, "SELECT posted_at FROM post WHERE external_id = 'Aa1'"));
            assertEquals(List.of("#2mgxanax", "#xanax"), strings(wb, "SELECT search FROM post_collection c JOIN post p ON p.id = c.post_id WHERE external_id = 'Aa1' ORDER BY search"));
            assertEquals(List.of("https://example.com/a", "https://example.com/b"), strings(wb, "SELECT l.url FROM post_link l JOIN post p ON p.id = l.post_id WHERE external_id = 'Aa1' ORDER BY l.url"));
            assertEquals(List.of(dir.toRealPath().resolve("media/a.png").toString(), dir.toRealPath().resolve("media/b.png").toString()),
                    strings(wb, "SELECT m.path FROM post_media m JOIN post p ON p.id = m.post_id WHERE external_id = 'Aa1' ORDER BY position"));
            assertEquals("2018-10-10T20:19:24Z", string(wb, "SELECT posted_at FROM post WHERE external_id = '1050000000000000009'"));
            assertEquals(List.of("#oxy80s", "#oxycontin"), strings(wb, "SELECT search FROM post_collection c JOIN post p ON p.id = c.post_id WHERE external_id = '1050000000000000009' ORDER BY search"));
            assertEquals("", string(wb, "SELECT caption FROM post WHERE external_id = 'Dd4'"));
            assertEquals(0, count(wb, "SELECT COUNT(*) FROM post WHERE external_id IN ('Bb2', 'Cc3')"));
            assertEquals(3, count(wb, "SELECT COUNT(*) FROM import_rejection"));
        }
    }

    @Test
    void aHeaderWithoutTheIdColumnRefusesTheFile() throws Exception {
        Path file = write(dir.resolve("posts.csv"), "platform,caption\ninstagram,hello\n");
        try (Workbench wb = Workbench.open(dir.resolve("wb.sqlite"))) {
            ImportReport report = importAll(wb, file);
            assertEquals(0, report.imported());
            assertEquals(1, report.rejected().size());
            assertEquals(1, report.rejected().get(0).line());
            assertTrue(report.rejected().get(0).reason().contains("no column for the field 'external_id'"), report.rejected().toString());
        }
    }
}
