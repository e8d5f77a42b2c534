package org.signalbench.ui;

import org.signalbench.importing.ImportService;
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
    static PostImporter importer() {
        return (workbench, sources, job) -> new ImportService(workbench).run(sources, null, job);
    }

    static PostExplainer.Factory explainers() {
        return CorpusExplainer::build;
    }
}
