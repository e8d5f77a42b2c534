package org.signalbench.importing;

import org.signalbench.domain.PostDraft;

/**
 * Decides at import which posts to leave out (for example tweets without the study's keywords, or
 * not in English). A post left out is counted in the report's {@code skipped} under the kind the
 * filter names; it is not a refusal.
 */
@FunctionalInterface
public interface ImportFilter {
    /** Keeps everything. */
    ImportFilter NONE = draft -> null;

    /** Why the draft is left out (the kind it is counted under), or null to import it. */
    String leaveOut(PostDraft draft);
}
