package org.signalbench.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.signalbench.domain.Comment;
import org.signalbench.domain.MediaFile;
import org.signalbench.domain.Platform;
import org.signalbench.domain.Post;

/**
 * Reads whole posts (with comments, media, searches and links) in id order. One query per table,
 * walked side by side, so reading every post of a large workbench costs five scans, not five
 * queries per post.
 */
public final class PostReader {
    private static final String RANGE = " BETWEEN ? AND ? ";

    private PostReader() {
    }

    /** Every post with {@code fromId <= id <= toId} (and of the platform, when not null), in id order. */
    public static void read(Connection c, long fromId, long toId, Platform platform, Consumer<Post> sink) throws SQLException {
        String platformFilter = platform == null ? "" : " AND platform = ?";
        MediaFolder folder = MediaFolder.of(c);
        try (var posts = query(c, "SELECT id, platform, external_id, author, posted_at, caption, url, source_file FROM post "
                        + "WHERE id" + RANGE + platformFilter + " ORDER BY id", fromId, toId, platform);
             var comments = query(c, "SELECT post_id, author, text, commented_at FROM post_comment WHERE post_id" + RANGE
                     + "ORDER BY post_id, position", fromId, toId, null);
             var media = query(c, "SELECT post_id, path, kind FROM post_media WHERE post_id" + RANGE
                     + "ORDER BY post_id, position", fromId, toId, null);
             var searches = query(c, "SELECT post_id, search FROM post_collection WHERE post_id" + RANGE
                     + "ORDER BY post_id, search", fromId, toId, null);
             var links = query(c, "SELECT post_id, url FROM post_link WHERE post_id" + RANGE
                     + "ORDER BY post_id, url", fromId, toId, null)) {
            Cursor commentRows = new Cursor(comments.executeQuery());
            Cursor mediaRows = new Cursor(media.executeQuery());
            Cursor searchRows = new Cursor(searches.executeQuery());
            Cursor linkRows = new Cursor(links.executeQuery());
            try (ResultSet p = posts.executeQuery()) {
                while (p.next()) {
                    long id = p.getLong(1);
                    List<Comment> postComments = new ArrayList<>();
                    commentRows.each(id, r -> postComments.add(new Comment(r.getString(2), r.getString(3), instant(r.getString(4)))));
                    List<MediaFile> postMedia = new ArrayList<>();
                    mediaRows.each(id, r -> postMedia.add(new MediaFile(MediaFolder.resolve(folder, r.getString(2)),
                            "video".equals(r.getString(3)) ? MediaFile.Kind.VIDEO : MediaFile.Kind.IMAGE)));
                    Set<String> postSearches = new LinkedHashSet<>();
                    searchRows.each(id, r -> postSearches.add(r.getString(2)));
                    List<String> postLinks = new ArrayList<>();
                    linkRows.each(id, r -> postLinks.add(r.getString(2)));
                    sink.accept(new Post(id, Platform.fromKey(p.getString(2)), p.getString(3), p.getString(4),
                            instant(p.getString(5)), p.getString(6), postComments, postMedia, postSearches, postLinks,
                            p.getString(7), p.getString(8)));
                }
            } finally {
                commentRows.close();
                mediaRows.close();
                searchRows.close();
                linkRows.close();
            }
        }
    }

    /** Every post, in id order. */
    public static void readAll(Connection c, Platform platform, Consumer<Post> sink) throws SQLException {
        read(c, Long.MIN_VALUE, Long.MAX_VALUE, platform, sink);
    }

    /** One post, or null when there is none with that id. */
    public static Post load(Connection c, long id) throws SQLException {
        Post[] found = new Post[1];
        read(c, id, id, null, post -> found[0] = post);
        return found[0];
    }

    private static PreparedStatement query(Connection c, String sql, long from, long to, Platform platform) throws SQLException {
        PreparedStatement st = c.prepareStatement(sql);
        st.setLong(1, from);
        st.setLong(2, to);
        if (platform != null) {
            st.setString(3, platform.key());
        }
        return st;
    }

    private static Instant instant(String text) {
        return text == null ? null : Instant.parse(text);
    }

    private interface RowHandler {
        void accept(ResultSet row) throws SQLException;
    }

    /** A child-table result set ordered by post id, consumed in step with the posts. */
    private static final class Cursor {
        private final ResultSet rs;
        private boolean hasRow;

        Cursor(ResultSet rs) throws SQLException {
            this.rs = rs;
            this.hasRow = rs.next();
        }

        void each(long postId, RowHandler handler) throws SQLException {
            while (hasRow && rs.getLong(1) < postId) {
                hasRow = rs.next();
            }
            while (hasRow && rs.getLong(1) == postId) {
                handler.accept(rs);
                hasRow = rs.next();
            }
        }

        void close() throws SQLException {
            rs.close();
        }
    }
}
