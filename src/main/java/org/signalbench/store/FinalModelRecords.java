package org.signalbench.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The repository of final models and their scores: the one writer of {@code final_model} and
 * {@code post_score}. It stores rows as given; {@code models.FinalModels} trains, saves and scores.
 */
public final class FinalModelRecords {
    /** One {@code final_model} row; maps as JSON text, {@code trainedAt} ISO-8601 UTC text (as in the model file). */
    public record FinalModelRow(String id, String model, String variant, String hyperparametersJson, String file,
                                String corpusFingerprint, int trainingPosts, int dealerPosts, double threshold, long seed,
                                String libraryVersionsJson, String trainedAt, double seconds) {
    }

    /** One post's score under a final model. */
    public record ScoreRow(long postId, double score) {
    }

    private final Session session;

    public FinalModelRecords(Session session) {
        this.session = session;
    }

    public void insert(FinalModelRow m) {
        session.call(c -> {
            try (PreparedStatement st = c.prepareStatement("INSERT INTO final_model (id, model, variant, hyperparameters, file, "
                    + "corpus_fingerprint, training_posts, dealer_posts, threshold, seed, library_versions, trained_at, seconds) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                st.setString(1, m.id());
                st.setString(2, m.model());
                st.setString(3, m.variant());
                st.setString(4, m.hyperparametersJson());
                st.setString(5, m.file());
                st.setString(6, m.corpusFingerprint());
                st.setInt(7, m.trainingPosts());
                st.setInt(8, m.dealerPosts());
                st.setDouble(9, m.threshold());
                st.setLong(10, m.seed());
                st.setString(11, m.libraryVersionsJson());
                st.setString(12, m.trainedAt());
                st.setDouble(13, m.seconds());
                return st.executeUpdate();
            }
        });
    }

    /** Every recorded final model, newest first. */
    public List<FinalModelRow> all() {
        return select("", null);
    }

    public Optional<FinalModelRow> find(String id) {
        return select(" WHERE id = ?", id).stream().findFirst();
    }

    private List<FinalModelRow> select(String where, String id) {
        return session.call(c -> {
            List<FinalModelRow> list = new ArrayList<>();
            try (PreparedStatement st = c.prepareStatement("SELECT id, model, variant, hyperparameters, file, corpus_fingerprint, "
                    + "training_posts, dealer_posts, threshold, seed, library_versions, trained_at, seconds FROM final_model"
                    + where + " ORDER BY trained_at DESC, id")) {
                if (id != null) {
                    st.setString(1, id);
                }
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        list.add(new FinalModelRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                                rs.getString(5), rs.getString(6), rs.getInt(7), rs.getInt(8), rs.getDouble(9), rs.getLong(10),
                                rs.getString(11), rs.getString(12), rs.getDouble(13)));
                    }
                }
            }
            return list;
        });
    }

    /** Removes a final model's record and its scores, in one transaction. */
    public void delete(String id) {
        session.inTransaction(c -> {
            for (String sql : List.of("DELETE FROM post_score WHERE model = ?", "DELETE FROM final_model WHERE id = ?")) {
                try (PreparedStatement st = c.prepareStatement(sql)) {
                    st.setString(1, id);
                    st.executeUpdate();
                }
            }
            return null;
        });
    }

    /** Replaces a model's scores, in one transaction. */
    public void replaceScores(String modelId, List<ScoreRow> scores) {
        session.inTransaction(c -> {
            try (PreparedStatement st = c.prepareStatement("DELETE FROM post_score WHERE model = ?")) {
                st.setString(1, modelId);
                st.executeUpdate();
            }
            try (PreparedStatement st = c.prepareStatement("INSERT INTO post_score (post_id, model, score) VALUES (?, ?, ?)")) {
                for (ScoreRow s : scores) {
                    st.setLong(1, s.postId());
                    st.setString(2, modelId);
                    st.setDouble(3, s.score());
                    st.addBatch();
                }
                st.executeBatch();
            }
            return null;
        });
    }
}
