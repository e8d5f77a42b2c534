package org.signalbench.ui.importing;

import java.nio.file.Path;
import java.util.List;
import org.signalbench.importing.CsvOptions;
import org.signalbench.importing.ImportReport;
import org.signalbench.jobs.JobContext;
import org.signalbench.store.Workbench;

/** Imports files and folders into a workbench; the app's seam to the importer. Runs on a background thread. */
@FunctionalInterface
public interface PostImporter {
    ImportReport run(Workbench workbench, List<Path> sources, JobContext job) throws Exception;

    /**
     * Imports with the CSV import dialog's options (columns, delimiter, encoding, time format, drop
     * retweets). An importer that takes no options refuses anything but the defaults.
     */
    default ImportReport run(Workbench workbench, List<Path> sources, CsvOptions csv, JobContext job) throws Exception {
        if (csv == null || csv.equals(CsvOptions.DEFAULT)) {
            return run(workbench, sources, job);
        }
        throw new UnsupportedOperationException("this importer takes no CSV options");
    }

    /** Stands in while this build has no importer: every import fails with a clear message. */
    PostImporter UNAVAILABLE = (workbench, sources, job) -> {
        throw new UnsupportedOperationException("the importer is not part of this build yet");
    };
}
