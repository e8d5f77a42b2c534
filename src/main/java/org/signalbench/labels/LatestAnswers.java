package org.signalbench.labels;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Every coder's latest answer to one question, read in one pass: labels are append-only and the
 * latest row per coder, post and question counts; a latest row holding {@link LabelStore#RETRACTED}
 * means the coder has no answer. Only coders with role {@code coder} are read.
 */
public final class LatestAnswers {
    private LatestAnswers() {
    }

    /** A coder's answer and when it was given (ISO-8601 UTC). */
    public record Answer(String value, String at) {
    }

    /** Post id (ascending) to coder id (in first-answer order) to that coder's latest answer. */
    public static Map<Long, Map<Long, Answer>> of(Connection c, String question) throws SQLException {
        Map<Long, Map<Long, Answer>> answers = new TreeMap<>();
        // Oldest first, so a later answer by the same coder replaces an earlier one.
        try (PreparedStatement st = c.prepareStatement(
                "SELECT l.post_id, l.coder_id, l.value, l.labeled_at FROM label l JOIN coder k ON k.id = l.coder_id "
                        + "WHERE l.question = ? AND k.role = 'coder' ORDER BY l.post_id, l.labeled_at, l.id")) {
            st.setString(1, question);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    answers.computeIfAbsent(rs.getLong(1), k -> new LinkedHashMap<>())
                            .put(rs.getLong(2), new Answer(rs.getString(3), rs.getString(4)));
                }
            }
        }
        answers.values().forEach(byCoder -> byCoder.values().removeIf(a -> LabelStore.RETRACTED.equals(a.value())));
        answers.values().removeIf(Map::isEmpty);
        return answers;
    }
}
