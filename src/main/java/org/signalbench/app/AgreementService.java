package org.signalbench.app;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.signalbench.agreement.AgreementReport;
import org.signalbench.agreement.BatchAgreement;
import org.signalbench.agreement.MultiCoderAgreement;
import org.signalbench.domain.Coder;
import org.signalbench.labels.Codebook;
import org.signalbench.store.LinkReviews;
import org.signalbench.store.Session;
import org.signalbench.store.Workbench;

/** Agreement as a use case: every pair of coders on every question (with the agreement per week) and Fleiss' kappa per question. */
public final class AgreementService {
    /** One pair's agreement on one question, and the same per week of labelling. */
    public record Pair(AgreementReport.PairRow row, List<BatchAgreement> byWeek) {
    }

    /** All coders' agreement on one question. */
    public record Fleiss(String question, List<Coder> coders, MultiCoderAgreement agreement) {
    }

    /** Everything the Agreement view shows. */
    public record Overview(List<Pair> pairs, List<Fleiss> fleiss) {
    }

    private final Codebook codebook;

    public AgreementService(Codebook codebook) {
        this.codebook = codebook;
    }

    public Codebook codebook() {
        return codebook;
    }

    /** Computes the overview over a connection of its own. */
    public Overview overview(Workbench workbench) {
        try (Session s = workbench.openSession()) {
            AgreementReport report = new AgreementReport(s, codebook);
            List<Pair> pairs = new ArrayList<>();
            for (AgreementReport.PairRow p : report.everyPair()) {
                pairs.add(new Pair(p, report.byWeek(p.first(), p.second(), p.question())));
            }
            List<Coder> coders = report.coders();
            List<Fleiss> fleiss = new ArrayList<>();
            for (Codebook.Question q : codebook.questions()) {
                Optional<MultiCoderAgreement> multi = report.fleiss(coders, q.key());
                multi.ifPresent(m -> fleiss.add(new Fleiss(q.key(), coders, m)));
            }
            return new Overview(pairs, fleiss);
        }
    }

    /**
     * The link review's agreement as the view shows it: the rows of {@code twitter agreement}
     * ({@link LinkReviewService#agreement}: per question, the two coders with the most candidates
     * in common), each with its weeks, and Fleiss' kappa per question when three or more coders exist.
     */
    public static Overview linkReview(Workbench workbench, LinkReviewService links) {
        List<LinkReviewService.QuestionAgreement> rows = links.agreement(workbench);
        try (Session s = workbench.openSession()) {
            AgreementReport report = new AgreementReport(s, links.codebook());
            List<Pair> pairs = new ArrayList<>();
            for (LinkReviewService.QuestionAgreement q : rows) {
                pairs.add(new Pair(new AgreementReport.PairRow(q.question(), q.first(), q.second(), q.agreement()),
                        report.byWeek(q.first(), q.second(), q.question())));
            }
            List<Coder> coders = report.coders();
            List<Fleiss> fleiss = new ArrayList<>();
            for (Codebook.Question q : links.codebook().questions()) {
                report.fleiss(coders, q.key()).ifPresent(m -> fleiss.add(new Fleiss(q.key(), coders, m)));
            }
            return new Overview(pairs, fleiss);
        }
    }

    /** The site (registrable domain) of each candidate of the latest link review that has a link: how the view names candidates. */
    public static Map<Long, String> candidateSites(Workbench workbench, LinkReviewService links) {
        Map<Long, String> sites = new HashMap<>();
        for (LinkReviews.CandidateRow c : links.latestCandidates(workbench)) {
            if (c.domain() != null) {
                sites.put(c.postId(), c.domain());
            }
        }
        return sites;
    }
}
