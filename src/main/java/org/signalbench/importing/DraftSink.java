package org.signalbench.importing;

import org.signalbench.domain.PostDraft;

/** Where a reader hands the posts it read and the records it refused. Lines are 1-based or null. */
interface DraftSink {
    void accept(PostDraft draft, Integer line);

    void reject(Integer line, String reason);

    /**
     * A record the reader skipped on purpose because it is not a post and nothing is wrong with it
     * (a stream's {@code delete} or {@code limit} notice); {@code kind} names what it was.
     */
    default void skip(Integer line, String kind) {
    }

    /** How far through its file the reader is (0 to 1), so a large file shows progress while it is read. */
    default void readUpTo(double fraction) {
    }
}
