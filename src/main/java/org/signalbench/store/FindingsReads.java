package org.signalbench.store;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** The reads behind the findings tables: every post's text facts, every comment, the collection searches. */
public final class FindingsReads {
    /** A post's id, platform, author, posting time (ISO-8601 text) and caption. */
    public record PostText(long id, String platform, String author, String postedAt, String caption) {
    }

    /** A comment's post, author and text. */
    public record CommentText(long postId, String author, String text) {
    }

    private FindingsReads() {
    }

    /** Hands every post to {@code sink}, in id order. */
    public static void forEachPost(Session session, Consumer<PostText> sink) {
        session.call(c -> {
            try (var st = c.prepareStatement("SELECT id, platform, author, posted_at, caption FROM post ORDER BY id");
                 var rs = st.executeQuery()) {
                while (rs.next()) {
                    sink.accept(new PostText(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)));
                }
            }
            return null;
        });
    }

    /** Hands every comment to {@code sink}, by post, in the post's order. */
    public static void forEachComment(Session session, Consumer<CommentText> sink) {
        session.call(c -> {
            try (var st = c.prepareStatement("SELECT post_id, author, text FROM post_comment ORDER BY post_id, position");
                 var rs = st.executeQuery()) {
                while (rs.next()) {
                    sink.accept(new CommentText(rs.getLong(1), rs.getString(2), rs.getString(3)));
                }
            }
            return null;
        });
    }

    /** Every search posts were collected under, once each. */
    public static List<String> searches(Session session) {
        return session.call(c -> {
            List<String> searches = new ArrayList<>();
            try (var st = c.prepareStatement("SELECT DISTINCT search FROM post_collection"); var rs = st.executeQuery()) {
                while (rs.next()) {
                    searches.add(rs.getString(1));
                }
            }
            return searches;
        });
    }
}
