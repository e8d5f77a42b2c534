package org.signalbench.app;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.signalbench.domain.Coder;
import org.signalbench.domain.Post;
import org.signalbench.domain.QueueFilter;
import org.signalbench.domain.Role;
import org.signalbench.labels.Codebook;
import org.signalbench.labels.LabelStore;
import org.signalbench.labels.Progress;
import org.signalbench.labels.SavedAnswer;
import org.signalbench.store.LinkReviews;
import org.signalbench.store.PostQuery;
import org.signalbench.store.Session;
import org.signalbench.store.Workbench;

/**
 * One person's annotation session as a use case: signed in by name and role (created when new),
 * over a connection of its own held until {@link #close()}. A coder's queue, progress, answers,
 * saves and undos, and the posts to show. One session serves one thread at a time (the Annotate
 * view runs it on its serial executor); its statements are prepared once for the keystroke path.
 *
 * <p>What is coded is a {@link Study}: the posts with the Instagram codebook, or the candidates of
 * the workbench's latest link review with the link-review codebook. Either way the answers go
 * through {@link LabelStore#saveAnswer} into the {@code label} table, where {@code twitter code
 * import} puts a coder file's answers and where {@code twitter agreement} reads them.
 */
public final class AnnotationSession implements AutoCloseable {
    /** What the sign-in form offers: the names already in the workbench, the collection searches, the score models, whether it has a link review. */
    public record Choices(List<Coder> coders, List<String> collections, List<String> scoreModels, boolean linkReview) {
    }

    /** What a coder's queue holds. */
    public enum Study {
        /** Every post, coded with the Instagram codebook. */
        POSTS("Posts"),
        /** The candidates of the latest link review (Twitter study), coded with the link-review codebook. */
        LINK_REVIEW("Link review");

        private final String label;

        Study(String label) {
            this.label = label;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    private final Session session;
    private final LabelStore store;
    private final PostQuery posts;
    private final Coder coder;
    private final Study study;
    private final Codebook codebook;

    private AnnotationSession(Session session, LabelStore store, PostQuery posts, Coder coder, Study study) {
        this.session = session;
        this.store = store;
        this.posts = posts;
        this.coder = coder;
        this.study = study;
        this.codebook = store.codebook();
    }

    /** Reads the sign-in choices over a connection of its own. */
    public static Choices choices(Workbench workbench, Codebook codebook) {
        try (Session s = workbench.openSession()) {
            return s.unchecked(() -> {
                try (LabelStore store = new LabelStore(s, codebook)) {
                    PostQuery query = new PostQuery(s.connection());
                    return new Choices(store.coders(), query.collectionSearches(), query.scoreModels(),
                            new LinkReviews(s).latestReview().isPresent());
                }
            });
        }
    }

    /** Signs in as {@code name} with {@code role} (created when new; refused when the name has the other role). */
    public static AnnotationSession open(Workbench workbench, Codebook codebook, String name, Role role) {
        return open(workbench, codebook, name, role, Study.POSTS);
    }

    /**
     * Signs in to code {@code study} with {@code codebook} (the link review's codebook for
     * {@link Study#LINK_REVIEW}); refused for the link review when the workbench has none.
     */
    public static AnnotationSession open(Workbench workbench, Codebook codebook, String name, Role role, Study study) {
        Session s = workbench.openSession();
        try {
            if (study == Study.LINK_REVIEW && new LinkReviews(s).latestReview().isEmpty()) {
                throw new IllegalStateException("this workbench has no link review yet: `twitter candidates` makes one");
            }
            LabelStore store = s.unchecked(() -> new LabelStore(s, codebook));
            Coder coder = s.unchecked(() -> store.coder(name, role));
            return new AnnotationSession(s, store, new PostQuery(s.connection()), coder, study);
        } catch (RuntimeException e) {
            s.close();
            throw e;
        }
    }

    public Coder coder() {
        return coder;
    }

    public Study study() {
        return study;
    }

    /** The codebook the answers are checked against. */
    public Codebook codebook() {
        return codebook;
    }

    /**
     * The coder's queue under {@code filter}: post ids, unanswered first. For the link review: its
     * candidates in review order, those without this coder's answer to the progress question first
     * (the filter does not apply).
     */
    public List<Long> queue(QueueFilter filter) {
        if (study == Study.LINK_REVIEW) {
            List<Long> open = new ArrayList<>();
            List<Long> done = new ArrayList<>();
            for (long id : candidates()) {
                (answered(id) ? done : open).add(id);
            }
            open.addAll(done);
            return open;
        }
        return session.unchecked(() -> store.queue(coder.id(), filter));
    }

    /** The coder's progress on the queue under {@code filter}. */
    public Progress progress(QueueFilter filter) {
        if (study == Study.LINK_REVIEW) {
            List<Long> ids = candidates();
            return new Progress((int) ids.stream().filter(this::answered).count(), ids.size());
        }
        return session.unchecked(() -> store.progress(coder.id(), filter));
    }

    private List<Long> candidates() {
        LinkReviews reviews = new LinkReviews(session);
        long review = reviews.latestReview().orElseThrow(() -> new IllegalStateException("the link review is gone")).id();
        return reviews.candidates(review).stream().map(LinkReviews.CandidateRow::postId).toList();
    }

    /** Whether the coder has answered the progress question of the post (blind: their own answers only). */
    private boolean answered(long postId) {
        String value = answersOf(postId).get(codebook.progressQuestion());
        return value != null && !value.isEmpty();
    }

    /** The coder's own latest answers to a post. */
    public Map<String, String> answersOf(long postId) {
        return session.unchecked(() -> store.answersOf(coder.id(), postId));
    }

    /** Saves an answer (and the note when not null); committed on return. */
    public SavedAnswer save(long postId, String question, String value, String note) {
        return session.unchecked(() -> store.saveAnswer(coder.id(), postId, question, value, note));
    }

    /** Takes back a save. */
    public SavedAnswer undo(SavedAnswer saved) {
        return session.unchecked(() -> store.undo(saved));
    }

    /** The post with its comments and media; empty if it is no longer in the workbench. */
    public Optional<Post> post(long postId) {
        return session.unchecked(() -> posts.load(postId));
    }

    @Override
    public void close() {
        try {
            session.unchecked(() -> {
                store.close();
                return null;
            });
        } finally {
            session.close();
        }
    }
}
