package org.signalbench.app;

import java.util.Optional;
import org.signalbench.domain.Post;
import org.signalbench.store.PostQuery;
import org.signalbench.store.Session;
import org.signalbench.store.Workbench;

/** Reads of the posts for the front ends, each over a connection of its own. */
public final class PostReads {
    /** A read against the post store. */
    @FunctionalInterface
    public interface Read<T> {
        T run(PostQuery query) throws Exception;
    }

    private PostReads() {
    }

    /** Runs {@code read} over a new connection to {@code workbench}, closed afterwards. */
    public static <T> T read(Workbench workbench, Read<T> read) throws Exception {
        try (Session s = workbench.openSession()) {
            return read.run(new PostQuery(s.connection()));
        }
    }

    /** How people name each of the posts ("instagram BlZHhNH_OUC"), by post id. */
    public static java.util.Map<Long, String> names(Workbench workbench, java.util.Collection<Long> ids) {
        try (Session s = workbench.openSession()) {
            return org.signalbench.store.ExportReads.names(s, ids);
        }
    }

    /** The post with its comments and media; empty if there is none. */
    public static Optional<Post> post(Workbench workbench, long postId) throws Exception {
        return read(workbench, q -> q.load(postId));
    }
}
