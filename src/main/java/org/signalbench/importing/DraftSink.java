package org.signalbench.importing;

import org.signalbench.domain.PostDraft;

/** Where a reader hands the posts it read and the records it refused. Lines are 1-based or null. */
interface DraftSink {
    void accept(PostDraft draft, Integer line);

    void reject(Integer line, String reason);

    /** How far through its file the reader is (0 to 1), so a large file shows progress while it is read. */
    default void readUpTo(double fraction) {
    }
}
