package org.signalbench.importing;

import java.util.List;

/**
 * The outcome of one import.
 *
 * @param imported   posts new to the workbench
 * @param duplicates posts it already held (their collection searches and media are merged in)
 * @param labels     coder answers and expert decisions taken in from coder files
 * @param rejected   what was refused, per file and line
 * @param cancelled  true when the user stopped the import; what was imported before stays
 */
public record ImportReport(int imported, int duplicates, int labels, List<Rejection> rejected, boolean cancelled) {
    public ImportReport {
        rejected = List.copyOf(rejected);
    }
}
