package org.signalbench.findings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.signalbench.store.Workbench;
import org.signalbench.testing.CliRun;

/** Hashtags that carry a contact (#xanaxcall2135550142) are masked in the discovery list, the tables and the report. */
class MaskedHashtagsTest {
    @TempDir
    Path dir;

    @Test
    void contactsInHashtagsAreMaskedUnlessToldNot() throws Exception {
        try (Workbench wb = Workbench.open(dir.resolve("test.sqlite"))) {
            FindingsCorpus.build(wb.connection(), dir);
            wb.connection().createStatement().executeUpdate(
                    "UPDATE post SET caption = caption || ' #xanaxcall2135550142' WHERE external_id IN ('D1', 'D2')");
        }
        String db = dir.resolve("test.sqlite").toString();

        CliRun plain = CliRun.of("findings", "--db", db, "--discover", "--no-mask");
        assertTrue(plain.out().contains("#xanaxcall2135550142\n"), "the hashtag is a discovery candidate: " + plain.out());
        CliRun masked = CliRun.of("findings", "--db", db, "--discover");
        assertEquals(0, masked.exit(), masked.err());
        assertTrue(masked.out().contains("#xanaxcall[phone]\n"), masked.out());
        assertFalse(masked.out().contains("2135550142"), masked.out());

        Path list = dir.resolve("next.txt");
        assertEquals(0, CliRun.of("findings", "--db", db, "--discover", "--out", list.toString()).exit());
        assertFalse(Files.readString(list).contains("2135550142"));
        CliRun tables = CliRun.of("findings", "--db", db, "--format", "csv");
        assertFalse(tables.out().contains("2135550142"), tables.out());
        CliRun json = CliRun.of("findings", "--db", db, "--json");
        assertFalse(json.out().contains("2135550142"), json.out());

        Path report = dir.resolve("report.html");
        assertEquals(0, CliRun.of("report", "--db", db, "--out", report.toString()).exit());
        String html = Files.readString(report);
        assertTrue(html.contains("#xanaxcall[phone]"), "the masked hashtag is still listed");
        assertFalse(html.contains("2135550142"));
        Path unmasked = dir.resolve("unmasked.html");
        assertEquals(0, CliRun.of("report", "--db", db, "--out", unmasked.toString(), "--no-mask").exit());
        assertTrue(Files.readString(unmasked).contains("#xanaxcall2135550142"));
    }
}
