package org.signalbench.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.signalbench.domain.Comment;
import org.signalbench.domain.MediaFile;
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

    private final Connection connection;
    private final String importedAt;
    private final PreparedStatement insertPost;
    private final PreparedStatement findPost;
    private final PreparedStatement insertComment;
    private final PreparedStatement insertMedia;
    private final PreparedStatement nextMediaPosition;
    private final PreparedStatement insertCollection;
    private final PreparedStatement insertLink;
    private boolean childRowsPending;

    public PostWriter(Connection connection, Instant importedAt) throws SQLException {
        this.connection = connection;
        this.importedAt = importedAt.truncatedTo(ChronoUnit.SECONDS).toString();
        insertPost = connection.prepareStatement("INSERT INTO post (platform, external_id, author, author_id, "
                + "posted_at, caption, url, source_file, imported_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) "
                + "ON CONFLICT (platform, external_id) DO NOTHING RETURNING id");
        findPost = connection.prepareStatement("SELECT id FROM post WHERE platform = ? AND external_id = ?");
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
    }

    /** Writes the drafts in one transaction (post by post if that fails); one outcome per draft, in order. */
    public List<Outcome> write(List<PostDraft> drafts) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try {
            List<Outcome> outcomes = new ArrayList<>(drafts.size());
            try {
                for (PostDraft draft : drafts) {
                    outcomes.add(writeOne(draft));
                }
                flushChildRows();
                connection.commit();
                return outcomes;
            } catch (SQLException chunkFailed) {
                rollback();
            }
            outcomes.clear();
            for (PostDraft draft : drafts) {
                try {
                    Outcome outcome = writeOne(draft);
                    flushChildRows();
                    connection.commit();
                    outcomes.add(outcome);
                } catch (SQLException postFailed) {
                    rollback();
                    outcomes.add(new Outcome(Status.FAILED, 0, postFailed.getMessage()));
                }
            }
            return outcomes;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    private void rollback() throws SQLException {
        connection.rollback();
        insertComment.clearBatch();
        insertCollection.clearBatch();
        insertLink.clearBatch();
        childRowsPending = false;
    }

    private Outcome writeOne(PostDraft draft) throws SQLException {
        String platform = draft.platform().key();
        insertPost.setString(1, platform);
        insertPost.setString(2, draft.externalId());
        setNullable(insertPost, 3, draft.author());
        setNullable(insertPost, 4, draft.authorId());
        setNullable(insertPost, 5, draft.postedAt() == null ? null : draft.postedAt().toString());
        insertPost.setString(6, draft.caption());
        setNullable(insertPost, 7, draft.url());
        setNullable(insertPost, 8, draft.sourceFile());
        insertPost.setString(9, importedAt);
        Long newId = null;
        try (ResultSet rs = insertPost.executeQuery()) {
            if (rs.next()) {
                newId = rs.getLong(1);
            }
        }
        if (newId != null) {
            writeChildren(newId, draft);
            return new Outcome(Status.NEW, newId, null);
        }
        long id = existingId(platform, draft.externalId());
        mergeDuplicate(id, draft);
        return new Outcome(Status.DUPLICATE, id, null);
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
        insertMedia.setString(3, media.path().toString());
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

    private long existingId(String platform, String externalId) throws SQLException {
        findPost.setString(1, platform);
        findPost.setString(2, externalId);
        try (ResultSet rs = findPost.executeQuery()) {
            if (!rs.next()) {
                throw new SQLException("post " + platform + "/" + externalId + " neither inserted nor found");
            }
            return rs.getLong(1);
        }
    }

    private void flushChildRows() throws SQLException {
        if (childRowsPending) {
            insertComment.executeBatch();
            insertCollection.executeBatch();
            insertLink.executeBatch();
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

    @Override
    public void close() throws SQLException {
        for (PreparedStatement statement : List.of(insertPost, findPost, insertComment, insertMedia,
                nextMediaPosition, insertCollection, insertLink)) {
            statement.close();
        }
    }
}
