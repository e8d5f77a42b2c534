package org.signalbench.agreement;

import org.signalbench.testing.Labelling;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.signalbench.testing.TestWorkbenches.insertPost;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.signalbench.domain.Coder;
import org.signalbench.domain.Role;
import org.signalbench.labels.Codebook;
import org.signalbench.labels.LabelStore;
import org.signalbench.store.Session;
import org.signalbench.store.Workbench;
import org.signalbench.testing.TestWorkbenches;

class AgreementReportTest {
    @TempDir
    Path dir;

    private static void label(Connection c, Coder coder, long post, String question, String value, String at) throws Exception {
        try (PreparedStatement st = c.prepareStatement(
                "INSERT INTO label (coder_id, post_id, question, value, labeled_at) VALUES (?, ?, ?, ?, ?)")) {
            st.setLong(1, coder.id());
            st.setLong(2, post);
            st.setString(3, question);
            st.setString(4, value);
            st.setString(5, at);
            st.executeUpdate();
        }
    }

    @Test
    void batchesByIsoWeekOfTheLaterAnswerLatestAnswersAndChannelsAsStrings() throws Exception {
        try (Workbench wb = TestWorkbenches.open(dir); LabelStore store = Labelling.labelStore(wb.connection())) {
            Connection c = wb.connection();
            Coder a = store.coder("coder-a", Role.CODER);
            Coder b = store.coder("coder-b", Role.CODER);
            store.coder("expert", Role.EXPERT);
            // Week 43 of 2018 (Mon 22 Oct): four posts, all agreed.
            for (int i = 0; i < 4; i++) {
                long p = insertPost(c, "instagram", "W43-" + i, "u", "");
                label(c, a, p, "dealer", i == 0 ? "yes" : "no", "2018-10-22T09:00:00Z");
                label(c, b, p, "dealer", i == 0 ? "yes" : "no", "2018-10-23T09:00:00Z");
            }
            // Coded by A in week 43 but by B on Monday 29 Oct (week 44): counted in week 44, with drift.
            for (int i = 0; i < 4; i++) {
                long p = insertPost(c, "instagram", "W44-" + i, "u", "");
                label(c, a, p, "dealer", i < 2 ? "yes" : "no", "2018-10-28T23:00:00Z");
                label(c, b, p, "dealer", i == 0 || i == 2 ? "yes" : "no", "2018-10-29T00:30:00Z");
            }
            // A changed their mind on one week-43 post in week 45: the pair moves to week 45.
            long changed = insertPost(c, "instagram", "W45", "u", "");
            label(c, a, changed, "dealer", "no", "2018-10-22T10:00:00Z");
            label(c, b, changed, "dealer", "yes", "2018-10-22T11:00:00Z");
            label(c, a, changed, "dealer", "yes", "2018-11-05T10:00:00Z");
            label(c, a, changed, "channels", "kik,wickr", "2018-11-05T10:00:00Z");
            label(c, b, changed, "channels", "kik", "2018-11-05T10:00:00Z");

            AgreementReport report = new AgreementReport(Session.over(c), Codebook.load());
            List<BatchAgreement> weeks = report.byWeek(a, b, "dealer");
            assertEquals(List.of("2018-W43", "2018-W44", "2018-W45"), weeks.stream().map(BatchAgreement::batch).toList());
            assertEquals(4, weeks.get(0).agreement().items());
            assertEquals(1.0, weeks.get(0).agreement().cohenKappa(), 1e-12);
            assertEquals(0.5, weeks.get(1).agreement().observedAgreement(), 1e-12);
            assertEquals(1, weeks.get(2).agreement().items());
            PairAgreement dealer = report.pair(a, b, "dealer");
            assertEquals(9, dealer.items());
            assertEquals(List.of(inserted(c, "W44-1")), dealer.confusion().posts("yes", "no"));

            PairAgreement channels = report.pair(a, b, "channels");
            assertEquals(1, channels.items());
            assertEquals(1, channels.confusion().count("kik,wickr", "kik"));
            assertEquals(0.0, channels.observedAgreement());

            List<AgreementReport.PairRow> rows = report.everyPair();
            assertEquals(List.of("dealer", "channels"), rows.stream().map(AgreementReport.PairRow::question).toList());
            assertEquals(List.of(a, b), report.busiestPair("dealer").orElseThrow());
        }
    }

    private static long inserted(Connection c, String externalId) throws Exception {
        return TestWorkbenches.scalar(c, "SELECT id FROM post WHERE external_id = ?", externalId);
    }
}
