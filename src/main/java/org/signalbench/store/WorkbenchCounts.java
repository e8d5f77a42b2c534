package org.signalbench.store;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** The counting reads behind a workbench's statistics: posts per platform, table sizes, and each post's facts. */
public final class WorkbenchCounts {
    /** Posts, accounts, first and last day (yyyy-mm-dd), posts with media, media files and comments of one platform. */
    public record PlatformRow(String platform, long posts, long accounts, String firstDay, String lastDay,
                              long postsWithMedia, long mediaFiles, long comments) {
    }

    /** Row counts: posts, accounts (distinct platform and author), coders, labels, decisions. */
    public record Totals(long posts, long accounts, long coders, long labels, long adjudications) {
    }

    /** What the statistics need of one post. */
    public record PostFacts(long id, String platform, String author, String caption, boolean hasImage) {
    }

    private WorkbenchCounts() {
    }

    /** One row per platform, by platform key. */
    public static List<PlatformRow> platforms(Session session) {
        return session.call(c -> {
            List<PlatformRow> rows = new ArrayList<>();
            try (var st = c.prepareStatement(
                    "SELECT platform, count(*), count(DISTINCT author), substr(min(posted_at), 1, 10), substr(max(posted_at), 1, 10), "
                            + "(SELECT count(DISTINCT m.post_id) FROM post_media m JOIN post q ON q.id = m.post_id WHERE q.platform = p.platform), "
                            + "(SELECT count(*) FROM post_media m JOIN post q ON q.id = m.post_id WHERE q.platform = p.platform), "
                            + "(SELECT count(*) FROM post_comment k JOIN post q ON q.id = k.post_id WHERE q.platform = p.platform) "
                            + "FROM post p GROUP BY platform ORDER BY platform");
                 var rs = st.executeQuery()) {
                while (rs.next()) {
                    rows.add(new PlatformRow(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getString(4),
                            rs.getString(5), rs.getLong(6), rs.getLong(7), rs.getLong(8)));
                }
            }
            return rows;
        });
    }

    public static Totals totals(Session session) {
        return session.call(c -> new Totals(
                scalar(c, "SELECT count(*) FROM post"),
                scalar(c, "SELECT count(*) FROM (SELECT DISTINCT platform, author FROM post WHERE author IS NOT NULL)"),
                scalar(c, "SELECT count(*) FROM coder"),
                scalar(c, "SELECT count(*) FROM label"),
                scalar(c, "SELECT count(*) FROM adjudication")));
    }

    /** Hands every post's facts to {@code sink}, one row at a time. */
    public static void forEachPost(Session session, Consumer<PostFacts> sink) {
        session.call(c -> {
            try (var st = c.prepareStatement("SELECT p.id, p.platform, p.author, p.caption, "
                    + "EXISTS (SELECT 1 FROM post_media m WHERE m.post_id = p.id AND m.kind = 'image') FROM post p");
                 var rs = st.executeQuery()) {
                while (rs.next()) {
                    sink.accept(new PostFacts(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getBoolean(5)));
                }
            }
            return null;
        });
    }

    private static long scalar(java.sql.Connection c, String sql) throws java.sql.SQLException {
        try (var st = c.prepareStatement(sql); var rs = st.executeQuery()) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }
}
