package org.signalbench.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.signalbench.testing.TestWorkbenches;

/** Migration V9 (link review) on a workbench made with schema 6, and the repository's round trips. */
class LinkReviewsMigrationTest {
    @TempDir
    Path dir;

    @Test
    void aSchema6WorkbenchGainsTheLinkReviewTablesAndKeepsItsTweets() throws Exception {
        Path file = dir.resolve("old.sqlite");
        Workbench.migrate(file, "6");
        try (Connection old = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            TestWorkbenches.insertPost(old, "twitter", "9001", "rx_deals_1", "buy oxycodone online https://t.co/x");
            assertEquals(0, TestWorkbenches.scalar(old, "SELECT count(*) FROM sqlite_master WHERE name = 'link_evidence'"));
        }
        try (Workbench wb = Workbench.open(file); Session s = wb.openSession()) {
            assertEquals(1, TestWorkbenches.scalar(wb.connection(), "SELECT count(*) FROM post WHERE external_id = '9001'"));
            LinkReviews reviews = new LinkReviews(s);
            long postId = reviews.postIds(List.of("9001")).get("9001");
            long review = reviews.saveReview("ids:test.csv", 1, List.of(new LinkReviews.CandidateRow(postId, "9001",
                    "https://www.rxbargainmeds.test/", "rxbargainmeds.test", "rx_deals_1", "", Map.of())));
            assertEquals(1, reviews.candidates(review).size());
            reviews.saveEvidence(List.of(new LinkReviews.EvidenceRow("https://www.rxbargainmeds.test/", null, null, null, null,
                    "live", null, null, null, null, null, null, "rxbargainmeds.test", null, null, null, null, null, "rogue", null, "hand")));
            assertEquals("rogue", reviews.evidence().get("https://www.rxbargainmeds.test/").legitScript());
            // the table refuses a class LegitScript does not have
            assertThrows(StoreException.class, () -> reviews.saveEvidence(List.of(new LinkReviews.EvidenceRow("https://x.test/",
                    null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                    "shady", null, "hand"))));
            reviews.saveReport(new LinkReviews.ReportRow("rxbargainmeds.test", "fda", "2017-12-08T09:00:00Z", null, null));
            reviews.saveReport(new LinkReviews.ReportRow("rxbargainmeds.test", "fda", "2017-12-08T09:00:00Z", "FDA-1", null));
            assertEquals(List.of(new LinkReviews.ReportRow("rxbargainmeds.test", "fda", "2017-12-08T09:00:00Z", "FDA-1", null)),
                    reviews.reports());
        }
    }
}
