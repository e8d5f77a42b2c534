package org.signalbench.app;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.signalbench.domain.AuditEntry;
import org.signalbench.domain.Decision;
import org.signalbench.domain.Post;
import org.signalbench.labels.Codebook;
import org.signalbench.labels.Disagreement;
import org.signalbench.labels.LabelStore;
import org.signalbench.store.PostQuery;
import org.signalbench.store.Session;
import org.signalbench.store.Workbench;

/**
 * Adjudication as a use case: an expert's list of disagreements, one post's history, and settling
 * it. Each call has a connection of its own. The disagreements are those on the posts' codebook and
 * on the link review's (its candidates are coded in Annotate and by {@code twitter code import});
 * a decision is checked against, and stamped with, the codebook its question belongs to.
 */
public final class AdjudicationService {
    /** A disagreement's post (empty when it is gone) and its history of answers and decisions. */
    public record Selected(Optional<Post> post, List<AuditEntry> history) {
    }

    private final Codebook codebook;
    private final Codebook linkReview;

    /** Over {@code codebook} (the posts') and the link review's editable codebook. */
    public AdjudicationService(Codebook codebook) {
        this(codebook, Codebook.load(LinkReviewService.CODEBOOK));
    }

    public AdjudicationService(Codebook codebook, Codebook linkReview) {
        this.codebook = codebook;
        this.linkReview = linkReview;
    }

    /** The posts' codebook. */
    public Codebook codebook() {
        return codebook;
    }

    /** The codebook a disagreement's questions belong to: the link review's for a candidate, else the posts'. */
    public Codebook codebookFor(Disagreement d) {
        return d != null && d.questions().stream().anyMatch(q -> linkReview.question(q).isPresent()
                && codebook.question(q).isEmpty()) ? linkReview : codebook;
    }

    private Codebook codebookOf(String question) {
        return codebook.question(question).isEmpty() && linkReview.question(question).isPresent() ? linkReview : codebook;
    }

    /** The posts where coders' latest answers differ. Experts only. */
    public List<Disagreement> disagreements(Workbench workbench, long expertId) {
        try (Session s = workbench.openSession()) {
            return s.unchecked(() -> {
                List<Disagreement> all = new ArrayList<>();
                try (LabelStore store = new LabelStore(s, codebook)) {
                    all.addAll(store.disagreements(expertId));
                }
                try (LabelStore store = new LabelStore(s, linkReview)) {
                    all.addAll(store.disagreements(expertId));
                }
                all.sort(Comparator.comparingLong(Disagreement::postId));
                return all;
            });
        }
    }

    /** The post and its history, for the expert. */
    public Selected selected(Workbench workbench, long expertId, long postId) {
        try (Session s = workbench.openSession()) {
            return s.unchecked(() -> {
                try (LabelStore store = new LabelStore(s, codebook)) {
                    return new Selected(new PostQuery(s.connection()).load(postId), store.history(expertId, postId));
                }
            });
        }
    }

    /** Records the expert's final answer with the reason; committed on return. */
    public Decision settle(Workbench workbench, long expertId, long postId, String question, String value, String reason) {
        try (Session s = workbench.openSession()) {
            return s.unchecked(() -> {
                try (LabelStore store = new LabelStore(s, codebookOf(question))) {
                    return store.settle(expertId, postId, question, value, reason);
                }
            });
        }
    }
}
