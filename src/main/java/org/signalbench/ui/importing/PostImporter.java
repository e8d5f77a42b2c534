package org.signalbench.ui.importing;

import java.nio.file.Path;
import java.util.List;
import org.signalbench.importing.ImportReport;
import org.signalbench.jobs.JobContext;
import org.signalbench.store.Workbench;

/** Imports files and folders into a workbench; the app's seam to the importer. Runs on a background thread. */
@FunctionalInterface
public interface PostImporter {
    ImportReport run(Workbench workbench, List<Path> sources, JobContext job) throws Exception;

    /** Stands in while this build has no importer: every import fails with a clear message. */
    PostImporter UNAVAILABLE = (workbench, sources, job) -> {
        throw new UnsupportedOperationException("the importer is not part of this build yet");
    };
}
