package org.signalbench.app;

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

/** Adjudication as a use case: an expert's list of disagreements, one post's history, and settling it. Each call has a connection of its own. */
public final class AdjudicationService {
    /** A disagreement's post (empty when it is gone) and its history of answers and decisions. */
    public record Selected(Optional<Post> post, List<AuditEntry> history) {
    }

    private final Codebook codebook;

    public AdjudicationService(Codebook codebook) {
        this.codebook = codebook;
    }

    public Codebook codebook() {
        return codebook;
    }

    /** The posts where coders' latest answers differ. Experts only. */
    public List<Disagreement> disagreements(Workbench workbench, long expertId) {
        try (Session s = workbench.openSession()) {
            return s.unchecked(() -> {
                try (LabelStore store = new LabelStore(s, codebook)) {
                    return store.disagreements(expertId);
                }
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
                try (LabelStore store = new LabelStore(s, codebook)) {
                    return store.settle(expertId, postId, question, value, reason);
                }
            });
        }
    }
}
