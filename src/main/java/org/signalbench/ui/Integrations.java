package org.signalbench.ui;

import java.nio.file.Path;
import java.util.List;
import org.signalbench.app.Services;
import org.signalbench.importing.CsvOptions;
import org.signalbench.importing.ImportFilter;
import org.signalbench.importing.ImportReport;
import org.signalbench.jobs.JobContext;
import org.signalbench.store.Workbench;
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

    /** The importer detects each file's format itself; CSV files are read with the CSV import dialog's options. */
    static PostImporter importer(Services services) {
        return new PostImporter() {
            @Override
            public ImportReport run(Workbench workbench, List<Path> sources, JobContext job) throws Exception {
                return services.importing().run(workbench, sources, null, job);
            }

            @Override
            public ImportReport run(Workbench workbench, List<Path> sources, CsvOptions csv, JobContext job)
                    throws Exception {
                return services.importing().run(workbench, sources, null, job, ImportFilter.NONE, csv);
            }
        };
    }

    static PostExplainer.Factory explainers(Services services) {
        return CorpusExplainer.factory(services.corpus());
    }
}
