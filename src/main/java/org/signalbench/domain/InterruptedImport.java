package org.signalbench.domain;

import java.nio.file.Path;
import java.util.List;

/**
 * An import that stopped before it finished (its process was killed, or a full disk or a lock
 * stopped it): when it started, the sources it was given, and how many posts it had stored.
 */
public record InterruptedImport(long id, String startedAt, List<Path> sources, int imported) {
    public InterruptedImport {
        sources = List.copyOf(sources);
    }
}
