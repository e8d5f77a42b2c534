package org.signalbench.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.signalbench.testing.TestWorkbenches.insertPost;
import static org.signalbench.testing.TestWorkbenches.scalar;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkbenchTest {
    @TempDir
    Path dir;

    @Test
    void opensWithWalForeignKeysAndBusyTimeout() throws Exception {
        try (Workbench wb = Workbench.open(dir.resolve("sub/folder/w.sqlite"))) {
            Connection c = wb.connection();
            try (Statement st = c.createStatement()) {
                assertEquals("wal", st.executeQuery("PRAGMA journal_mode").getString(1));
                assertEquals(1, st.executeQuery("PRAGMA foreign_keys").getInt(1));
                assertEquals(Workbench.BUSY_TIMEOUT_MS, st.executeQuery("PRAGMA busy_timeout").getInt(1));
            }
            // A comment for a post that does not exist violates the foreign key.
            assertThrows(SQLException.class, () -> {
                try (var st = c.prepareStatement("INSERT INTO post_comment (post_id, position, text) VALUES (999, 0, 'x')")) {
                    st.executeUpdate();
                }
            });
        }
    }

    @Test
    void upgradesADatabaseMadeByAnOlderVersionAndKeepsItsData() throws Exception {
        Path file = dir.resolve("old.sqlite");
        Workbench.migrate(file, "1");
        try (Connection old = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            insertPost(old, "instagram", "OLD001", "retro_user_01", "made with schema 1 #xanax");
            try (Statement st = old.createStatement()) {
                assertEquals(0, st.executeQuery("SELECT count(*) FROM sqlite_master WHERE name = 'label_question'").getInt(1));
            }
        }
        String latest = latestMigration();
        try (Workbench wb = Workbench.open(file)) {
            assertEquals(latest, wb.schemaVersion());
            Connection c = wb.connection();
            assertEquals(1, scalar(c, "SELECT count(*) FROM post WHERE external_id = 'OLD001' AND caption = 'made with schema 1 #xanax'"));
            assertEquals(1, scalar(c, "SELECT count(*) FROM sqlite_master WHERE name = 'label_question'"));
        }
        // Opening again applies nothing new.
        try (Workbench wb = Workbench.open(file)) {
            assertEquals(latest, wb.schemaVersion());
            // one row per migration file (versions may have a gap while a parallel branch's migration is on its way)
            assertEquals(migrationCount(), scalar(wb.connection(), "SELECT count(*) FROM flyway_schema_history WHERE success = 1"));
        }
    }

    /** How many migration files are shipped on the class path. */
    private static long migrationCount() throws Exception {
        Path folder = Path.of(Workbench.class.getResource("/db/migration").toURI());
        try (var files = java.nio.file.Files.list(folder)) {
            return files.filter(f -> f.getFileName().toString().matches("V\\d+__.*\\.sql")).count();
        }
    }

    /** The highest version among the migration files shipped on the class path. */
    private static String latestMigration() throws Exception {
        Path folder = Path.of(Workbench.class.getResource("/db/migration").toURI());
        try (var files = java.nio.file.Files.list(folder)) {
            return String.valueOf(files.map(f -> f.getFileName().toString())
                    .filter(n -> n.matches("V\\d+__.*\\.sql"))
                    .mapToInt(n -> Integer.parseInt(n.substring(1, n.indexOf("__"))))
                    .max().orElseThrow());
        }
    }
}
