package org.signalbench.labels;

import org.signalbench.domain.QueueFilter;
import org.signalbench.domain.ScoreOrder;
import org.signalbench.testing.Labelling;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.signalbench.testing.TestWorkbenches.insertPost;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.signalbench.domain.Role;
import org.signalbench.store.Workbench;
import org.signalbench.testing.TestWorkbenches;

/** The queue follows a model's scores highest first or most uncertain first (closest to its threshold). */
class ScoreOrderTest {
    @TempDir
    Path dir;

    private static void score(Connection c, String model, long post, double score) throws Exception {
        try (PreparedStatement st = c.prepareStatement("INSERT INTO post_score (post_id, model, score) VALUES (?, ?, ?)")) {
            st.setLong(1, post);
            st.setString(2, model);
            st.setDouble(3, score);
            st.executeUpdate();
        }
    }

    @Test
    void mostUncertainFirstUsesTheFinalModelsThreshold() throws Exception {
        try (Workbench wb = TestWorkbenches.open(dir)) {
            Connection c = wb.connection();
            List<Long> p = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                p.add(insertPost(c, "instagram", "P" + i, "u" + i, "caption " + i));
            }
            // an SVM final model: decision values, threshold 0
            try (PreparedStatement st = c.prepareStatement("INSERT INTO final_model (id, model, variant, hyperparameters, file, "
                    + "corpus_fingerprint, training_posts, dealer_posts, threshold, seed, library_versions, trained_at, seconds) "
                    + "VALUES ('svm-1', 'svm', 'with-hashtags', '{}', '/m/svm-1.zip', 'f', 10, 4, 0.0, 1, '{}', "
                    + "'2026-11-23T12:00:00Z', 1.0)")) {
                st.executeUpdate();
            }
            double[] svm = {2.5, -0.1, 0.4, -1.7, 0.05}; // p5 has no score
            double[] probability = {0.97, 0.45, 0.62, 0.02, 0.51};
            for (int i = 0; i < 5; i++) {
                score(c, "svm-1", p.get(i), svm[i]);
                score(c, "lstm-unrecorded", p.get(i), probability[i]);
            }
            LabelStore store = Labelling.labelStore(c);
            long coder = store.coder("coder-a", Role.CODER).id();

            assertEquals(List.of(p.get(0), p.get(2), p.get(4), p.get(1), p.get(3), p.get(5)),
                    store.queue(coder, new QueueFilter(null, null, "svm-1")), "highest first, unscored last");
            assertEquals(List.of(p.get(4), p.get(1), p.get(2), p.get(3), p.get(0), p.get(5)),
                    store.queue(coder, new QueueFilter(null, null, "svm-1", ScoreOrder.MOST_UNCERTAIN_FIRST)),
                    "|score - 0|: 0.05, 0.1, 0.4, 1.7, 2.5; unscored last");
            assertEquals(List.of(p.get(4), p.get(1), p.get(2), p.get(0), p.get(3), p.get(5)),
                    store.queue(coder, new QueueFilter(null, null, "lstm-unrecorded", ScoreOrder.MOST_UNCERTAIN_FIRST)),
                    "|score - 0.5|: 0.01, 0.05, 0.12, 0.47, 0.48");

            // answered posts still go after the unanswered ones
            store.saveAnswer(coder, p.get(4), "dealer", "yes", null);
            assertEquals(List.of(p.get(1), p.get(2), p.get(3), p.get(0), p.get(5), p.get(4)),
                    store.queue(coder, new QueueFilter(null, null, "svm-1", ScoreOrder.MOST_UNCERTAIN_FIRST)));
            assertEquals(ScoreOrder.HIGHEST_FIRST, new QueueFilter(null, null, "svm-1", null).scoreOrder());
        }
    }
}
