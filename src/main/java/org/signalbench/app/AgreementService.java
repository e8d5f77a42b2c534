package org.signalbench.app;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.signalbench.agreement.AgreementReport;
import org.signalbench.agreement.BatchAgreement;
import org.signalbench.agreement.MultiCoderAgreement;
import org.signalbench.domain.Coder;
import org.signalbench.labels.Codebook;
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
}
