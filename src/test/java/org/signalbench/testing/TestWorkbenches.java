package org.signalbench.testing;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.signalbench.store.Workbench;

/** Small helpers for tests that need a workbench with a few rows in it. */
public final class TestWorkbenches {
    private TestWorkbenches() {
    }

    public static Workbench open(Path dir) throws Exception {
        return Workbench.open(dir.resolve("test.sqlite"));
    }

    /** Inserts a bare post and returns its id. */
    public static long insertPost(Connection c, String platform, String externalId, String author, String caption) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(
                "INSERT INTO post (platform, external_id, author, caption, posted_at, imported_at) "
                        + "VALUES (?, ?, ?, ?, '2018-08-01T12:00:00Z', '2026-01-01T00:00:00Z') RETURNING id")) {
            st.setString(1, platform);
            st.setString(2, externalId);
            st.setString(3, author);
            st.setString(4, caption);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** The single number a query returns (a count, say). */
    public static long scalar(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                st.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
