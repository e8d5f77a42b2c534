package org.signalbench.ui;

import org.signalbench.app.Services;
import org.signalbench.ui.importing.PostImporter;
import org.signalbench.ui.preprocessing.CorpusExplainer;
import org.signalbench.ui.preprocessing.PostExplainer;

/**
 * The app's links to the importer and the preprocessing. One place to wire them, so the rest of
 * the UI only sees the {@link PostImporter} and {@link PostExplainer} seams.
 */
final class Integrations {
    private Integrations() {
    }

    /** The importer detects each file's format itself. */
    static PostImporter importer(Services services) {
        return (workbench, sources, job) -> services.importing().run(workbench, sources, null, job);
    }

    static PostExplainer.Factory explainers(Services services) {
        return CorpusExplainer.factory(services.corpus());
    }
}
