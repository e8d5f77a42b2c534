package org.signalbench.labels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.signalbench.testing.TestWorkbenches.insertPost;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.signalbench.store.Session;
import org.signalbench.store.Workbench;
import org.signalbench.testing.TestWorkbenches;

class FinalLabelsTest {
    @TempDir
    Path dir;

    static long coder(Connection c, String name, String role) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("INSERT INTO coder (name, role, created_at) VALUES (?, ?, '2018-10-01T00:00:00Z') RETURNING id")) {
            st.setString(1, name);
            st.setString(2, role);
            var rs = st.executeQuery();
            rs.next();
            return rs.getLong(1);
        }
    }

    static void label(Connection c, long coder, long post, String value, String at) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("INSERT INTO label (coder_id, post_id, question, value, labeled_at) VALUES (?, ?, 'dealer', ?, ?)")) {
            st.setLong(1, coder);
            st.setLong(2, post);
            st.setString(3, value);
            st.setString(4, at);
            st.executeUpdate();
        }
    }

    @Test
    void latestAnswerCountsAndTheExpertSettlesDisagreements() throws Exception {
        try (Workbench wb = TestWorkbenches.open(dir)) {
            Connection c = wb.connection();
            long a = coder(c, "coder-a", "coder");
            long b = coder(c, "coder-b", "coder");
            long expert = coder(c, "expert-1", "expert");
            long agreed = insertPost(c, "instagram", "P1", "u1", "");
            long changedMind = insertPost(c, "instagram", "P2", "u2", "");
            long disputed = insertPost(c, "instagram", "P3", "u3", "");
            long settled = insertPost(c, "instagram", "P4", "u4", "");
            long single = insertPost(c, "instagram", "P5", "u5", "");
            label(c, a, agreed, "yes", "2018-11-01T10:00:00Z");
            label(c, b, agreed, "yes", "2018-11-01T10:00:00Z");
            // coder-b first said no, later yes: the later answer counts, so they agree.
            label(c, a, changedMind, "yes", "2018-11-01T10:00:00Z");
            label(c, b, changedMind, "no", "2018-11-01T10:00:00Z");
            label(c, b, changedMind, "yes", "2018-11-02T10:00:00Z");
            label(c, a, disputed, "yes", "2018-11-01T10:00:00Z");
            label(c, b, disputed, "no", "2018-11-01T10:00:00Z");
            label(c, a, settled, "no", "2018-11-01T10:00:00Z");
            label(c, b, settled, "yes", "2018-11-01T10:00:00Z");
            label(c, a, single, "no", "2018-11-01T10:00:00Z");
            try (PreparedStatement st = c.prepareStatement("INSERT INTO adjudication (expert_id, post_id, question, value, reason, decided_at) VALUES (?, ?, 'dealer', ?, 'x', ?)")) {
                for (Object[] row : new Object[][] {{settled, "no", "2018-11-05T00:00:00Z"}, {settled, "yes", "2018-11-06T00:00:00Z"}}) {
                    st.setLong(1, expert);
                    st.setLong(2, (Long) row[0]);
                    st.setString(3, (String) row[1]);
                    st.setString(4, (String) row[2]);
                    st.executeUpdate();
                }
            }

            Map<Long, FinalLabel> finals = FinalLabels.of(Session.over(c), "dealer");
            assertEquals(new FinalLabel(agreed, "dealer", "yes", FinalLabel.Status.AGREED), finals.get(agreed));
            assertEquals(new FinalLabel(changedMind, "dealer", "yes", FinalLabel.Status.AGREED), finals.get(changedMind));
            assertEquals(new FinalLabel(disputed, "dealer", null, FinalLabel.Status.DISPUTED), finals.get(disputed));
            assertEquals(new FinalLabel(settled, "dealer", "yes", FinalLabel.Status.SETTLED), finals.get(settled));
            assertEquals(new FinalLabel(single, "dealer", "no", FinalLabel.Status.SINGLE_CODER), finals.get(single));
            assertEquals(5, finals.size());
        }
    }
}
