package org.signalbench.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/**
 * Writes posts straight into a workbench with plain prepared INSERTs, so read-side and UI tests
 * do not depend on the importer.
 */
public final class TestPosts {
    private final Connection connection;

    public TestPosts(Connection connection) {
        this.connection = connection;
    }

    public record TestComment(String author, String text) {
    }

    /** Inserts one post and returns its id. */
    public long insert(String platform, String externalId, String author, String postedAt, String caption,
                       List<String> collectedUnder, List<TestComment> comments, List<String> mediaPaths,
                       List<String> links) throws SQLException {
        long id;
        try (PreparedStatement st = connection.prepareStatement(
                "INSERT INTO post (platform, external_id, author, posted_at, caption, url, source_file, imported_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id")) {
            st.setString(1, platform);
            st.setString(2, externalId);
            st.setString(3, author);
            st.setString(4, postedAt);
            st.setString(5, caption);
            st.setString(6, "https://www.instagram.com/p/" + externalId + "/");
            st.setString(7, "test/" + externalId + ".json");
            st.setString(8, Instant.now().toString());
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                id = rs.getLong(1);
            }
        }
        for (String search : collectedUnder) {
            insertRow("INSERT INTO post_collection (post_id, search) VALUES (?, ?)", id, search);
        }
        int position = 0;
        for (TestComment comment : comments) {
            try (PreparedStatement st = connection.prepareStatement(
                    "INSERT INTO post_comment (post_id, position, author, text, commented_at) VALUES (?, ?, ?, ?, ?)")) {
                st.setLong(1, id);
                st.setInt(2, position++);
                st.setString(3, comment.author());
                st.setString(4, comment.text());
                st.setString(5, postedAt);
                st.executeUpdate();
            }
        }
        position = 0;
        for (String path : mediaPaths) {
            try (PreparedStatement st = connection.prepareStatement(
                    "INSERT INTO post_media (post_id, position, path, kind) VALUES (?, ?, ?, 'image')")) {
                st.setLong(1, id);
                st.setInt(2, position++);
                st.setString(3, path);
                st.executeUpdate();
            }
        }
        for (String link : links) {
            insertRow("INSERT INTO post_link (post_id, url) VALUES (?, ?)", id, link);
        }
        return id;
    }

    /** Inserts a post with only a caption and collection searches. */
    public long insert(String platform, String externalId, String author, String postedAt, String caption,
                       String... collectedUnder) throws SQLException {
        return insert(platform, externalId, author, postedAt, caption, List.of(collectedUnder), List.of(), List.of(),
                List.of());
    }

    private void insertRow(String sql, long id, String value) throws SQLException {
        try (PreparedStatement st = connection.prepareStatement(sql)) {
            st.setLong(1, id);
            st.setString(2, value);
            st.executeUpdate();
        }
    }
}
