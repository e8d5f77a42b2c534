package org.signalbench.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.signalbench.domain.Comment;
import org.signalbench.domain.MediaFile;
import org.signalbench.domain.Platform;
import org.signalbench.domain.PostDraft;

/**
 * Writes post drafts into a workbench, a chunk per transaction, with whole posts only.
 *
 * <p>A draft whose (platform, external id) is new becomes a post with its comments, media,
 * collection searches and links. A draft the workbench already holds (from an earlier import, or
 * earlier in the same one) is a duplicate: only its searches and media are added to the stored
 * post. If anything in a chunk fails, the chunk is rolled back and written again post by post, so
 * only the failing post is refused and no post is ever left half written.
 */
public final class PostWriter implements AutoCloseable {
    public enum Status { NEW, DUPLICATE, FAILED }

    /** What became of one draft; {@code failure} is the database's reason when FAILED. */
    public record Outcome(Status status, long postId, String failure) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Connection connection;
    private final String importedAt;
    private final PreparedStatement insertPost;
    private final PreparedStatement findPosts;
    private final PreparedStatement insertComment;
    private final PreparedStatement insertMedia;
    /** Media inside the workbench's folder are stored relative to it (null: an in-memory database). */
    private final MediaFolder mediaFolder;
    private final PreparedStatement nextMediaPosition;
    private final PreparedStatement insertCollection;
    private final PreparedStatement insertLink;
    private final TweetWriter tweets;
    private boolean childRowsPending;

    public PostWriter(Connection connection, Instant importedAt) throws SQLException {
        this.connection = connection;
        this.importedAt = importedAt.truncatedTo(ChronoUnit.SECONDS).toString();
        insertPost = connection.prepareStatement("INSERT INTO post (platform, external_id, author, author_id, "
                + "posted_at, caption, url, source_file, imported_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) "
                + "ON CONFLICT (platform, external_id) DO NOTHING");
        findPosts = connection.prepareStatement("SELECT external_id, id FROM post WHERE platform = ? "
                + "AND external_id IN (SELECT value FROM json_each(?))");
        insertComment = connection.prepareStatement(
                "INSERT INTO post_comment (post_id, position, author, text, commented_at) VALUES (?, ?, ?, ?, ?)");
        insertMedia = connection.prepareStatement("INSERT INTO post_media (post_id, position, path, kind) "
                + "VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING");
        nextMediaPosition = connection.prepareStatement(
                "SELECT COALESCE(MAX(position) + 1, 0) FROM post_media WHERE post_id = ?");
        insertCollection = connection.prepareStatement(
                "INSERT INTO post_collection (post_id, search) VALUES (?, ?) ON CONFLICT DO NOTHING");
        insertLink = connection.prepareStatement(
                "INSERT INTO post_link (post_id, url) VALUES (?, ?) ON CONFLICT DO NOTHING");
        tweets = new TweetWriter(connection);
        mediaFolder = MediaFolder.of(connection);
    }

    /** A writer on {@code session}'s connection, for imports stamped {@code importedAt}. */
    public static PostWriter on(Session session, Instant importedAt) {
        return session.call(c -> new PostWriter(c, importedAt));
    }

    /** {@link #write}, its database errors unchecked ({@link EnvironmentFault} for faults of the machine). */
    public List<Outcome> store(List<PostDraft> drafts) {
        try {
            return write(drafts);
        } catch (SQLException e) {
            throw EnvironmentFault.unchecked(e);
        }
    }

    /**
     * Writes the drafts in one transaction (post by post if that fails); one outcome per draft, in
     * order. Only a fault of a post itself (a constraint, a bad value) makes it FAILED: an
     * {@link EnvironmentFault} (a lock held too long, a full disk, a damaged file) rolls the chunk
     * back and is thrown, so no valid post is ever reported as refused.
     */
    public List<Outcome> write(List<PostDraft> drafts) throws SQLException {
        try {
            return writeInChunkOrOneByOne(drafts);
        } catch (SQLException | RuntimeException e) {
            EnvironmentFault.throwIfEnvironment(e);
            throw e;
        }
    }

    private List<Outcome> writeInChunkOrOneByOne(List<PostDraft> drafts) throws SQLException {
        Transactions.beginImmediate(connection);
        Throwable first = null;
        try {
            try {
                List<Outcome> outcomes = writeAll(drafts);
                flushChildRows();
                connection.commit();
                return outcomes;
            } catch (SQLException chunkFailed) {
                rollback(chunkFailed);
                EnvironmentFault.throwIfEnvironment(chunkFailed);
            }
            List<Outcome> outcomes = new ArrayList<>(drafts.size());
            for (PostDraft draft : drafts) {
                try {
                    Outcome outcome = writeAll(List.of(draft)).get(0);
                    flushChildRows();
                    connection.commit();
                    outcomes.add(outcome);
                } catch (SQLException postFailed) {
                    rollback(postFailed);
                    EnvironmentFault.throwIfEnvironment(postFailed);
                    outcomes.add(new Outcome(Status.FAILED, 0, postFailed.getMessage()));
                }
            }
            return outcomes;
        } catch (SQLException | RuntimeException | Error e) {
            first = e;
            throw e;
        } finally {
            Transactions.endKeeping(connection, first);
        }
    }

    /** Rolls back the failed work; a failure of the rollback itself is kept on {@code failure}. */
    private void rollback(SQLException failure) throws SQLException {
        Transactions.rollbackKeeping(connection, failure);
        insertPost.clearBatch();
        insertComment.clearBatch();
        insertCollection.clearBatch();
        insertLink.clearBatch();
        tweets.clear();
        childRowsPending = false;
    }

    /**
     * Inserts the drafts' post rows in one batch (a conflict on platform and external id inserts
     * nothing, so its update count is 0), looks up all their ids in one query per platform, then
     * adds the child rows of new posts and merges duplicates.
     */
    private List<Outcome> writeAll(List<PostDraft> drafts) throws SQLException {
        for (PostDraft draft : drafts) {
            insertPost.setString(1, draft.platform().key());
            insertPost.setString(2, draft.externalId());
            setNullable(insertPost, 3, draft.author());
            setNullable(insertPost, 4, draft.authorId());
            setNullable(insertPost, 5, draft.postedAt() == null ? null : draft.postedAt().toString());
            insertPost.setString(6, draft.caption());
            setNullable(insertPost, 7, draft.url());
            setNullable(insertPost, 8, draft.sourceFile());
            insertPost.setString(9, importedAt);
            insertPost.addBatch();
        }
        int[] inserted;
        try {
            inserted = insertPost.executeBatch();
        } finally {
            insertPost.clearBatch();
        }
        Map<Platform, Map<String, Long>> ids = ids(drafts);
        List<Outcome> outcomes = new ArrayList<>(drafts.size());
        for (int i = 0; i < drafts.size(); i++) {
            PostDraft draft = drafts.get(i);
            Long id = ids.get(draft.platform()).get(draft.externalId());
            if (id == null) {
                throw new SQLException("post " + draft.platform().key() + "/" + draft.externalId() + " neither inserted nor found");
            }
            if (inserted[i] > 0 || tweets.fillInIdOnly(id, draft)) {
                // A tweet first known by id only counts as new when its text arrives.
                writeChildren(id, draft);
                outcomes.add(new Outcome(Status.NEW, id, null));
            } else {
                mergeDuplicate(id, draft);
                outcomes.add(new Outcome(Status.DUPLICATE, id, null));
            }
        }
        return outcomes;
    }

    /** The stored ids of the drafts' posts, per platform and external id. */
    private Map<Platform, Map<String, Long>> ids(List<PostDraft> drafts) throws SQLException {
        Map<Platform, List<String>> wanted = new EnumMap<>(Platform.class);
        for (PostDraft draft : drafts) {
            wanted.computeIfAbsent(draft.platform(), p -> new ArrayList<>()).add(draft.externalId());
        }
        Map<Platform, Map<String, Long>> ids = new EnumMap<>(Platform.class);
        for (Map.Entry<Platform, List<String>> entry : wanted.entrySet()) {
            Map<String, Long> byExternalId = new HashMap<>(entry.getValue().size() * 2);
            findPosts.setString(1, entry.getKey().key());
            try {
                // The ids travel as one JSON array parameter, never as SQL text.
                findPosts.setString(2, JSON.writeValueAsString(entry.getValue()));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
            try (ResultSet rs = findPosts.executeQuery()) {
                while (rs.next()) {
                    byExternalId.put(rs.getString(1), rs.getLong(2));
                }
            }
            ids.put(entry.getKey(), byExternalId);
        }
        return ids;
    }

    private void writeChildren(long postId, PostDraft draft) throws SQLException {
        int position = 0;
        for (Comment comment : draft.comments()) {
            insertComment.setLong(1, postId);
            insertComment.setInt(2, position++);
            setNullable(insertComment, 3, comment.author());
            insertComment.setString(4, comment.text());
            setNullable(insertComment, 5, comment.at() == null ? null : comment.at().toString());
            insertComment.addBatch();
        }
        position = 0;
        for (MediaFile media : distinct(draft.media())) {
            // Media rows go one by one: their count is small and a duplicate path must not take a position.
            insertMedia(postId, position, media);
            position++;
        }
        addCollections(postId, draft.collectedUnder());
        for (String link : draft.links()) {
            insertLink.setLong(1, postId);
            insertLink.setString(2, link);
            insertLink.addBatch();
        }
        tweets.add(postId, draft);
        childRowsPending = true;
    }

    private void mergeDuplicate(long postId, PostDraft draft) throws SQLException {
        addCollections(postId, draft.collectedUnder());
        childRowsPending = true;
        if (draft.media().isEmpty()) {
            return;
        }
        int position;
        nextMediaPosition.setLong(1, postId);
        try (ResultSet rs = nextMediaPosition.executeQuery()) {
            rs.next();
            position = rs.getInt(1);
        }
        for (MediaFile media : distinct(draft.media())) {
            if (insertMedia(postId, position, media)) {
                position++;
            }
        }
    }

    private boolean insertMedia(long postId, int position, MediaFile media) throws SQLException {
        insertMedia.setLong(1, postId);
        insertMedia.setInt(2, position);
        insertMedia.setString(3, MediaFolder.stored(mediaFolder, media.path()));
        insertMedia.setString(4, media.kind().key());
        return insertMedia.executeUpdate() > 0;
    }

    private static List<MediaFile> distinct(List<MediaFile> media) {
        Set<String> seen = new LinkedHashSet<>();
        List<MediaFile> distinct = new ArrayList<>(media.size());
        for (MediaFile file : media) {
            if (seen.add(file.path().toString())) {
                distinct.add(file);
            }
        }
        return distinct;
    }

    private void addCollections(long postId, Set<String> searches) throws SQLException {
        for (String search : searches) {
            insertCollection.setLong(1, postId);
            insertCollection.setString(2, search);
            insertCollection.addBatch();
        }
    }

    private void flushChildRows() throws SQLException {
        if (childRowsPending) {
            insertComment.executeBatch();
            insertCollection.executeBatch();
            insertLink.executeBatch();
            tweets.flush();
            childRowsPending = false;
        }
    }

    private static void setNullable(PreparedStatement statement, int index, String value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.VARCHAR);
        } else {
            statement.setString(index, value);
        }
    }

    /** {@link #close}, its database errors as {@link StoreException}. */
    public void release() {
        try {
            close();
        } catch (SQLException e) {
            throw new StoreException(e);
        }
    }

    @Override
    public void close() throws SQLException {
        for (PreparedStatement statement : List.of(insertPost, findPosts, insertComment, insertMedia,
                nextMediaPosition, insertCollection, insertLink)) {
            statement.close();
        }
        tweets.close();
    }
}
