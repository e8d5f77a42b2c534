package org.signalbench.ui;

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

    static PostImporter importer() {
        return PostImporter.UNAVAILABLE;
    }

    static PostExplainer.Factory explainers() {
        return CorpusExplainer::build;
    }
}
