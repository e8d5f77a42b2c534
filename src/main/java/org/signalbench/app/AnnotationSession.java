package org.signalbench.app;

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
import org.signalbench.store.PostQuery;
import org.signalbench.store.Session;
import org.signalbench.store.Workbench;

/**
 * One person's annotation session as a use case: signed in by name and role (created when new),
 * over a connection of its own held until {@link #close()}. A coder's queue, progress, answers,
 * saves and undos, and the posts to show. One session serves one thread at a time (the Annotate
 * view runs it on its serial executor); its statements are prepared once for the keystroke path.
 */
public final class AnnotationSession implements AutoCloseable {
    /** What the sign-in form offers: the names already in the workbench, the collection searches, the score models. */
    public record Choices(List<Coder> coders, List<String> collections, List<String> scoreModels) {
    }

    private final Session session;
    private final LabelStore store;
    private final PostQuery posts;
    private final Coder coder;

    private AnnotationSession(Session session, LabelStore store, PostQuery posts, Coder coder) {
        this.session = session;
        this.store = store;
        this.posts = posts;
        this.coder = coder;
    }

    /** Reads the sign-in choices over a connection of its own. */
    public static Choices choices(Workbench workbench, Codebook codebook) {
        try (Session s = workbench.openSession()) {
            return s.unchecked(() -> {
                try (LabelStore store = new LabelStore(s, codebook)) {
                    PostQuery query = new PostQuery(s.connection());
                    return new Choices(store.coders(), query.collectionSearches(), query.scoreModels());
                }
            });
        }
    }

    /** Signs in as {@code name} with {@code role} (created when new; refused when the name has the other role). */
    public static AnnotationSession open(Workbench workbench, Codebook codebook, String name, Role role) {
        Session s = workbench.openSession();
        try {
            LabelStore store = s.unchecked(() -> new LabelStore(s, codebook));
            Coder coder = s.unchecked(() -> store.coder(name, role));
            return new AnnotationSession(s, store, new PostQuery(s.connection()), coder);
        } catch (RuntimeException e) {
            s.close();
            throw e;
        }
    }

    public Coder coder() {
        return coder;
    }

    /** The coder's queue under {@code filter}: post ids, unanswered first. */
    public List<Long> queue(QueueFilter filter) {
        return session.unchecked(() -> store.queue(coder.id(), filter));
    }

    /** The coder's progress on the queue under {@code filter}. */
    public Progress progress(QueueFilter filter) {
        return session.unchecked(() -> store.progress(coder.id(), filter));
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
