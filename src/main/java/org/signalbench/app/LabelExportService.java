package org.signalbench.app;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.signalbench.exporting.LabelTable;
import org.signalbench.exporting.LabelTables;
import org.signalbench.exporting.SafeOutputFile;
import org.signalbench.exporting.StatsScripts;
import org.signalbench.labels.Codebook;
import org.signalbench.store.Session;
import org.signalbench.store.Workbench;

/**
 * Labels out of the app as a use case, the same for {@code export --format final-labels|coder-answers|agreement}
 * and the app's File menu: the table as CSV, and beside it the codebook CSV and the R, Stata and
 * SPSS scripts that read the table with its labels (docs/export.md).
 */
public final class LabelExportService {
    /** What to export. */
    public enum Kind {
        /** One row per post with its final label for every question, how it was reached, and the text variants. */
        FINAL_LABELS("final-labels"),
        /** Every coder's answers beside the expert's decision and the final label. */
        CODER_ANSWERS("coder-answers"),
        /** Agreement per pair of coders and question, and over all coders. */
        AGREEMENT("agreement");

        private final String key;

        Kind(String key) {
            this.key = key;
        }

        public String key() {
            return key;
        }

        /** The kind named {@code key} ("final-labels"), or empty. */
        public static java.util.Optional<Kind> fromKey(String key) {
            for (Kind k : values()) {
                if (k.key.equals(key.trim().toLowerCase(Locale.ROOT))) {
                    return java.util.Optional.of(k);
                }
            }
            return java.util.Optional.empty();
        }
    }

    /** What an export wrote: the table's file and rows, and the files beside it. */
    public record Written(Kind kind, Path file, int rows, List<Path> companions) {
    }

    private final WorkbenchCorpus corpus;
    private final Codebook codebook;

    public LabelExportService(WorkbenchCorpus corpus, Codebook codebook) {
        this.corpus = corpus;
        this.codebook = codebook;
    }

    /**
     * Builds the table of {@code kind} over a session of its own and writes it (and its companions) to
     * {@code out} through {@link SafeOutputFile} (never onto the workbench or another database; each
     * file complete or absent).
     *
     * @param raw write cells as they are; by default a cell a spreadsheet would run as a formula gets a leading {@code '}
     */
    public Written export(Workbench workbench, Kind kind, Path out, boolean raw) throws IOException {
        Path target = out.toAbsolutePath().normalize();
        String name = target.getFileName().toString();
        String base = name.replaceFirst("\\.[^.]+$", "");
        Path codebookFile = target.resolveSibling(base + "-codebook.csv");
        Path r = target.resolveSibling(base + ".R");
        Path stata = target.resolveSibling(base + ".do");
        Path spss = target.resolveSibling(base + ".sps");
        // Every file is checked before any is written: a refused companion leaves no table behind either.
        for (Path p : List.of(target, codebookFile, r, stata, spss)) {
            SafeOutputFile.check(p, workbench.file());
        }
        LabelTable table;
        try (Session s = workbench.openSession()) {
            table = switch (kind) {
                case FINAL_LABELS -> LabelTables.finalLabels(s, codebook, corpus.preprocessed(workbench, s));
                case CODER_ANSWERS -> LabelTables.coderAnswers(s, codebook);
                case AGREEMENT -> LabelTables.agreement(s, codebook);
            };
        }
        Path wb = workbench.file();
        writeText(target, wb, w -> table.writeCsv(w, raw));
        List<Path> companions = new ArrayList<>();
        if (kind != Kind.AGREEMENT) {
            writeText(codebookFile, wb, w -> w.write(StatsScripts.codebookCsv(table, codebook)));
            companions.add(codebookFile);
            writeText(r, wb, w -> w.write(StatsScripts.r(table, codebook, name)));
            writeText(stata, wb, w -> w.write(StatsScripts.stata(table, codebook, name)));
            writeText(spss, wb, w -> w.write(StatsScripts.spss(table, codebook, name)));
            companions.addAll(List.of(r, stata, spss));
        }
        return new Written(kind, target, table.rows().size(), companions);
    }

    private interface TextBody {
        void write(Writer out) throws IOException;
    }

    private static void writeText(Path target, Path workbench, TextBody body) throws IOException {
        SafeOutputFile.write(target, workbench, stream -> {
            Writer w = new OutputStreamWriter(stream, StandardCharsets.UTF_8);
            body.write(w);
            w.flush();
        });
    }
}
