package org.signalbench.app;

import java.nio.file.Path;
import java.util.List;
import org.signalbench.importing.ImportFilter;
import org.signalbench.importing.ImportFormat;
import org.signalbench.importing.ImportReport;
import org.signalbench.importing.ImportService;
import org.signalbench.jobs.JobContext;
import org.signalbench.labels.Codebook;
import org.signalbench.domain.InterruptedImport;
import org.signalbench.store.InterruptedImports;
import org.signalbench.store.Session;
import org.signalbench.store.Workbench;

/** Importing as a use case: runs the import and tells the corpus owner that the posts changed. */
public final class ImportingService {
    private final WorkbenchCorpus corpus;
    private final Codebook codebook;

    /** @param codebook the codebook coder files' answers are checked against */
    public ImportingService(WorkbenchCorpus corpus, Codebook codebook) {
        this.corpus = corpus;
        this.codebook = codebook;
    }

    /** Imports {@code sources} ({@code format} null: detected per file). */
    public ImportReport run(Workbench workbench, List<Path> sources, ImportFormat format, JobContext job) throws Exception {
        return run(workbench, sources, format, job, ImportFilter.NONE);
    }

    /** The same, leaving out the posts {@code filter} names (counted as skipped). */
    public ImportReport run(Workbench workbench, List<Path> sources, ImportFormat format, JobContext job,
                            ImportFilter filter) throws Exception {
        try {
            return new ImportService(workbench, codebook).run(sources, format, job, filter);
        } finally {
            corpus.invalidate();
        }
    }

    /** The workbench's imports that stopped before their end (killed, or stopped by a full disk or a lock), oldest first. */
    public static List<InterruptedImport> interrupted(Workbench workbench) {
        try (Session session = workbench.openSession()) {
            return new InterruptedImports(session).list();
        }
    }
}
