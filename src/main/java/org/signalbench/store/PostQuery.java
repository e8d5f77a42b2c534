package org.signalbench.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;
import org.signalbench.domain.Platform;
import org.signalbench.domain.Post;

/**
 * The read side of the post store: counts and pages of posts under a filter, and one post with
 * everything known about it. Pages carry only a short caption preview, so a table over 100,000
 * posts never holds all captions. Prepared statements only; the filter values are always bound.
 */
public final class PostQuery {
    /** Characters of the caption a page row carries. */
    public static final int PREVIEW_LENGTH = 600;

    // The WHERE clause is fixed text; each filter is switched on or off by a bound parameter. The
    // collection filter is an uncorrelated IN, which SQLite evaluates once per query, not per post.
    private static final String WHERE = """
             WHERE (? IS NULL OR p.caption LIKE ? ESCAPE '\\')
               AND (? IS NULL OR p.platform = ?)
               AND (? IS NULL OR p.id IN (SELECT c.post_id FROM post_collection c
                                         WHERE c.search = ? COLLATE NOCASE))
            """;
    private static final String COUNT = "SELECT count(*) FROM post p" + WHERE;
    private static final String PAGE = """
            SELECT p.id, p.platform, p.external_id, p.author, p.posted_at, substr(p.caption, 1, ?),
                   (SELECT group_concat(search, ' ') FROM
                       (SELECT c.search FROM post_collection c WHERE c.post_id = p.id ORDER BY c.search))
              FROM post p""" + WHERE + " ORDER BY p.posted_at, p.id LIMIT ? OFFSET ?";

    private final Connection connection;

    public PostQuery(Connection connection) {
        this.connection = connection;
    }

    /**
     * What to show. Blank or null parts are off.
     *
     * @param text       words the caption contains (case-insensitive for ASCII, taken literally: % and _ are not wildcards)
     * @param platform   only posts of this platform
     * @param collection only posts collected under this search, for example {@code #xanax} (case-insensitive)
     */
    public record Filter(String text, Platform platform, String collection) {
        public static final Filter ALL = new Filter(null, null, null);

        public Filter {
            text = blankToNull(text);
            collection = blankToNull(collection);
        }
    }

    /** One row of the post table. {@code collectedUnder} lists the searches, space-separated. */
    public record PostSummary(long id, Platform platform, String externalId, String author, Instant postedAt,
                              String collectedUnder, String captionPreview) {
    }

    public int count(Filter filter) throws SQLException {
        try (PreparedStatement st = connection.prepareStatement(COUNT)) {
            bindFilter(st, 1, filter);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    /** Posts {@code offset} to {@code offset + limit - 1} under the filter, ordered by time then id. */
    public List<PostSummary> page(Filter filter, int offset, int limit) throws SQLException {
        try (PreparedStatement st = connection.prepareStatement(PAGE)) {
            st.setInt(1, PREVIEW_LENGTH);
            int next = bindFilter(st, 2, filter);
            st.setInt(next, limit);
            st.setInt(next + 1, offset);
            List<PostSummary> rows = new ArrayList<>(limit);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    rows.add(new PostSummary(rs.getLong(1), Platform.fromKey(rs.getString(2)), rs.getString(3),
                            rs.getString(4), instant(rs.getString(5)), nullToEmpty(rs.getString(7)),
                            preview(rs.getString(6))));
                }
            }
            return rows;
        }
    }

    /** Every media file the posts name that is not on disk (moved, deleted), with how many media there are. */
    public org.signalbench.domain.MediaCheck mediaCheck() throws SQLException {
        return MediaFolder.check(connection);
    }

    /** The post with its comments, media, collection searches and links; empty if there is none. */
    public Optional<Post> load(long postId) throws SQLException {
        return Optional.ofNullable(PostReader.load(connection, postId));
    }

    /** The id of the post a platform knows by {@code externalId}; empty when the workbench has no such post. */
    public Optional<Long> idOf(Platform platform, String externalId) throws SQLException {
        try (PreparedStatement st = connection.prepareStatement("SELECT id FROM post WHERE platform = ? AND external_id = ?")) {
            st.setString(1, platform.key());
            st.setString(2, externalId);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
            }
        }
    }

    /** The caption of the post a platform (by its key) knows by {@code externalId}; empty when there is no such post. */
    public Optional<String> captionOf(String platformKey, String externalId) throws SQLException {
        try (PreparedStatement st = connection.prepareStatement("SELECT caption FROM post WHERE platform = ? AND external_id = ?")) {
            st.setString(1, platformKey);
            st.setString(2, externalId);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        }
    }

    /**
     * What the preprocessed corpus depends on in the database: the number of posts and the highest
     * post id. Posts are only ever added (an import never edits a stored caption), so any import that
     * changes the captions changes this.
     */
    public record CaptionsState(long posts, long maxId) {
    }

    /** A post's id and full caption. */
    public record Caption(long postId, String text) {
    }

    /** The current {@link CaptionsState}. */
    public CaptionsState captionsState() throws SQLException {
        try (PreparedStatement st = connection.prepareStatement("SELECT count(*), coalesce(max(id), 0) FROM post");
             ResultSet rs = st.executeQuery()) {
            rs.next();
            return new CaptionsState(rs.getLong(1), rs.getLong(2));
        }
    }

    /** The final models that have scored posts (the annotation queue can sort by their scores), by id. */
    public List<String> scoreModels() throws SQLException {
        List<String> models = new ArrayList<>();
        try (PreparedStatement st = connection.prepareStatement("SELECT DISTINCT model FROM post_score ORDER BY model");
             ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
                models.add(rs.getString(1));
            }
        }
        return models;
    }

    /** Every search posts were collected under, the most used first. */
    public List<String> collectionSearches() throws SQLException {
        String sql = "SELECT search FROM post_collection GROUP BY search ORDER BY count(*) DESC, search";
        List<String> searches = new ArrayList<>();
        try (PreparedStatement st = connection.prepareStatement(sql); ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
                searches.add(rs.getString(1));
            }
        }
        return searches;
    }

    /** Hands every post's id and full caption to {@code sink}, in id order, one row at a time. */
    public void forEachCaption(BiConsumer<Long, String> sink) throws SQLException {
        forEachCaption(null, sink);
    }

    /** The same, for the posts of one platform (all posts when null). */
    public void forEachCaption(Platform platform, BiConsumer<Long, String> sink) throws SQLException {
        try (PreparedStatement st = connection.prepareStatement(
                "SELECT id, caption FROM post WHERE (? IS NULL OR platform = ?) ORDER BY id")) {
            String key = platform == null ? null : platform.key();
            st.setString(1, key);
            st.setString(2, key);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    sink.accept(rs.getLong(1), rs.getString(2));
                }
            }
        }
    }

    private static int bindFilter(PreparedStatement st, int first, Filter filter) throws SQLException {
        String like = filter.text() == null ? null : "%" + escapeLike(filter.text()) + "%";
        String platform = filter.platform() == null ? null : filter.platform().key();
        st.setString(first, like);
        st.setString(first + 1, like);
        st.setString(first + 2, platform);
        st.setString(first + 3, platform);
        st.setString(first + 4, filter.collection());
        st.setString(first + 5, filter.collection());
        return first + 6;
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static String preview(String captionStart) {
        return captionStart == null ? "" : captionStart.replaceAll("\\s+", " ").strip();
    }

    private static Instant instant(String iso) {
        return iso == null || iso.isBlank() ? null : Instant.parse(iso);
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
