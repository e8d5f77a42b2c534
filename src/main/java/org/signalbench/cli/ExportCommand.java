package org.signalbench.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.signalbench.app.LabelExportService;
import org.signalbench.app.Services;
import org.signalbench.domain.Platform;
import org.signalbench.exporting.PostExporter;
import org.signalbench.store.Session;
import org.signalbench.store.Workbench;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code export}: the workbench's posts as a bundle or CSV, with their media copied beside it; or its
 * labels (final labels, every coder's answers, agreement) as CSV with a codebook and R/Stata/SPSS scripts.
 */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Write the workbench's posts as a bundle (JSON Lines) or CSV (media are copied into <out>-media/), "
                + "or its labels as CSV for R, Stata or SPSS:",
                "  final-labels   one row per post: platform, external_id, dealer (yes/no; empty while disputed or uncoded), "
                        + "dealer_source (agreed/settled/disputed/uncoded), a value and source column per other question, "
                        + "the caption and the text variants",
                "  coder-answers  every coder's answers beside the expert's decision and the final label",
                "  agreement      agreement per pair of coders and question, and Fleiss' kappa over all coders",
                "final-labels and coder-answers also write <out>-codebook.csv and <out>.R, <out>.do and <out>.sps "
                        + "that read the table with its labels (docs/export.md)."})
public final class ExportCommand implements Callable<Integer> {
    @Mixin
    WorkbenchOption workbench;

    @Option(names = "--format", required = true, paramLabel = "FORMAT",
            description = "bundle, csv (the posts), final-labels, coder-answers or agreement (the labels)")
    String format;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "File to write.")
    Path out;

    @Option(names = "--platform", paramLabel = "instagram|twitter", converter = PlatformConverter.class,
            description = "Only posts of this platform.")
    Platform platform;

    @Option(names = "--no-media", description = "Do not copy media files.")
    boolean noMedia;

    @Option(names = "--raw", description = "CSV: write cells as collected; by default a cell starting with = + - @ tab or CR gets a leading ' so spreadsheets do not run it (that ' stays when the file is imported again: for a file to import into a workbench, use --raw or --format bundle).")
    boolean raw;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        var labels = LabelExportService.Kind.fromKey(format);
        PostExporter.Format posts = null;
        if (labels.isEmpty()) {
            try {
                posts = PostExporter.Format.fromKey(format);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--format: expected bundle, csv, final-labels, "
                        + "coder-answers or agreement, not '" + format + "'");
            }
        }
        try (Workbench wb = workbench.openExisting()) {
            if (labels.isPresent()) {
                LabelExportService.Written written = Services.load().labelExports().export(wb, labels.get(), out, raw);
                var err = spec.commandLine().getErr();
                err.printf("exported %,d rows (%s) to %s%n", written.rows(), labels.get().key(), written.file());
                written.companions().forEach(f -> err.printf("  with %s%n", f));
                return 0;
            }
            long n = new PostExporter(out, !noMedia, raw).export(Session.over(wb.connection()), posts, platform);
            spec.commandLine().getErr().printf("exported %,d posts to %s%n", n, out.toAbsolutePath());
        }
        return 0;
    }

}
