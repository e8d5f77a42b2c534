package org.signalbench.importing;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The outcome of one import.
 *
 * @param imported   posts new to the workbench
 * @param duplicates posts it already held (their collection searches and media are merged in)
 * @param labels     coder answers and expert decisions taken in from coder files
 * @param rejected   what was refused, per file and line
 * @param cancelled  true when the user stopped the import; what was imported before stays
 * @param skipped    records skipped on purpose because they are not posts, per kind (a Twitter
 *                   stream's {@code delete} and {@code limit} notices), in name order
 */
public record ImportReport(int imported, int duplicates, int labels, List<Rejection> rejected, boolean cancelled,
                           Map<String, Integer> skipped) {
    public ImportReport {
        rejected = List.copyOf(rejected);
        skipped = Collections.unmodifiableMap(new TreeMap<>(skipped == null ? Map.of() : skipped));
    }

    /** A report with nothing skipped. */
    public ImportReport(int imported, int duplicates, int labels, List<Rejection> rejected, boolean cancelled) {
        this(imported, duplicates, labels, rejected, cancelled, Map.of());
    }
}
