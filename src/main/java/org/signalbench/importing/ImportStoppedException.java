package org.signalbench.importing;

import java.util.Locale;
import org.signalbench.store.EnvironmentFault;

/**
 * An import stopped by an {@link EnvironmentFault} (a lock held too long, a full disk, a damaged
 * workbench): says what happened, what to do, and what was stored before the stop, which is kept.
 */
public final class ImportStoppedException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient ImportReport storedBeforeStop;

    ImportStoppedException(EnvironmentFault fault, ImportReport storedBeforeStop) {
        super(String.format(Locale.ROOT, "the import stopped: %s. Before the stop %,d new posts, %,d duplicates and %,d "
                + "answers were stored (kept); nothing was recorded as rejected because of this fault. Importing the same "
                + "files again completes the import", fault.getMessage(), storedBeforeStop.imported(),
                storedBeforeStop.duplicates(), storedBeforeStop.labels()), fault);
        this.storedBeforeStop = storedBeforeStop;
    }

    /** What the import stored before it stopped, with the input it rejected on the way. */
    public ImportReport storedBeforeStop() {
        return storedBeforeStop;
    }
}
