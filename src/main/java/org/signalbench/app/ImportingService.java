package org.signalbench.app;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.signalbench.importing.CsvOptions;
import org.signalbench.importing.CsvPreview;
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
        return run(workbench, sources, format, job, filter, CsvOptions.DEFAULT);
    }

    /**
     * The same, reading CSV files with {@code csv} (the command line's {@code --map}, {@code --delimiter},
     * … and the CSV import dialog give the same options); {@code csv.dropRetweets()} applies to every format.
     */
    public ImportReport run(Workbench workbench, List<Path> sources, ImportFormat format, JobContext job,
                            ImportFilter filter, CsvOptions csv) throws Exception {
        try {
            return new ImportService(workbench, codebook).run(sources, format, job, filter, csv);
        } finally {
            corpus.invalidate();
        }
    }

    /**
     * The first {@code rows} records of a CSV file as an import with {@code options} would read them,
     * with the encoding, delimiter and columns it would use; for the CSV import dialog.
     *
     * @throws IllegalArgumentException when the file cannot be read as CSV (the reason as message)
     */
    public static CsvPreview previewCsv(Path file, CsvOptions options, int rows) throws IOException {
        return CsvPreview.of(file, options, rows);
    }

    /** The workbench's imports that stopped before their end (killed, or stopped by a full disk or a lock), oldest first. */
    public static List<InterruptedImport> interrupted(Workbench workbench) {
        try (Session session = workbench.openSession()) {
            return new InterruptedImports(session).list();
        }
    }
}
