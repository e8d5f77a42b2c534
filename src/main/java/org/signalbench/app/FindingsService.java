package org.signalbench.app;

import org.signalbench.findings.Findings;
import org.signalbench.findings.Lexicons;
import org.signalbench.store.Session;
import org.signalbench.store.Workbench;

/** Findings as a use case: every findings table of a workbench under the given lexicons, over a connection of its own. */
public final class FindingsService {
    private FindingsService() {
    }

    public static Findings compute(Workbench workbench, Lexicons lexicons) {
        try (Session s = workbench.openSession()) {
            return Findings.compute(s, lexicons);
        }
    }
}
