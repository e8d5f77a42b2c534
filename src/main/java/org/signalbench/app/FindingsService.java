package org.signalbench.app;

import org.signalbench.findings.Findings;
import org.signalbench.findings.Lexicons;
import org.signalbench.labels.Codebook;
import org.signalbench.store.Session;
import org.signalbench.store.Workbench;

/** Findings as a use case: every findings table of a workbench under the given lexicons, over a connection of its own. */
public final class FindingsService {
    private FindingsService() {
    }

    /** The findings under the settings' lexicons and codebook. */
    public static Findings compute(Workbench workbench, Settings settings) {
        return compute(workbench, settings.lexicons(), settings.codebook());
    }

    /** The findings under these lexicons (the app's edited drug hashtags, say) and codebook. */
    public static Findings compute(Workbench workbench, Lexicons lexicons, Codebook codebook) {
        try (Session s = workbench.openSession()) {
            return Findings.compute(s, lexicons, codebook);
        }
    }
}
