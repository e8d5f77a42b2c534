package org.signalbench.store;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The bulk reads behind the final labels: every coder answer to a question and the experts'
 * latest decisions. Reads only; {@code labels.LabelStore} is the one writer of these tables.
 */
public final class LabelReads {
    /** One label row of a coder (role {@code coder}); {@code at} is ISO-8601 UTC. */
    public record CoderAnswer(long postId, long coderId, String value, String at) {
    }

    private LabelReads() {
    }

    /** Every coder and expert, by name. */
    public static List<org.signalbench.domain.Coder> coders(Session session) {
        return session.call(c -> {
            List<org.signalbench.domain.Coder> rows = new ArrayList<>();
            try (var st = c.prepareStatement("SELECT id, name, role FROM coder ORDER BY name"); var rs = st.executeQuery()) {
                while (rs.next()) {
                    rows.add(new org.signalbench.domain.Coder(rs.getLong(1), rs.getString(2), org.signalbench.domain.Role.fromKey(rs.getString(3))));
                }
            }
            return rows;
        });
    }

    /** Every coder's label rows for {@code question}, by post id, then oldest first. */
    public static List<CoderAnswer> coderAnswers(Session session, String question) {
        return session.call(c -> {
            List<CoderAnswer> rows = new ArrayList<>();
            try (var st = c.prepareStatement(
                    "SELECT l.post_id, l.coder_id, l.value, l.labeled_at FROM label l JOIN coder k ON k.id = l.coder_id "
                            + "WHERE l.question = ? AND k.role = 'coder' ORDER BY l.post_id, l.labeled_at, l.id")) {
                st.setString(1, question);
                try (var rs = st.executeQuery()) {
                    while (rs.next()) {
                        rows.add(new CoderAnswer(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4)));
                    }
                }
            }
            return rows;
        });
    }

    /** The latest expert decision on {@code question} per post id. */
    public static Map<Long, String> latestDecisions(Session session, String question) {
        return session.call(c -> {
            Map<Long, String> decisions = new HashMap<>();
            try (var st = c.prepareStatement(
                    "SELECT post_id, value FROM adjudication WHERE question = ? ORDER BY decided_at, id")) {
                st.setString(1, question);
                try (var rs = st.executeQuery()) {
                    while (rs.next()) {
                        decisions.put(rs.getLong(1), rs.getString(2));
                    }
                }
            }
            return decisions;
        });
    }
}
