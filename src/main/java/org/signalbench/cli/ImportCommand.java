package org.signalbench.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.signalbench.app.Services;
import org.signalbench.importing.ImportFormat;
import org.signalbench.importing.ImportReport;
import org.signalbench.importing.Rejection;
import org.signalbench.jobs.JobContext;
import org.signalbench.store.Workbench;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine;

/** {@code import}: takes posts and coder files into a workbench and reports what it refused. */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = {"Imports posts (Instaloader tree, Twitter JSON, CSV, bundle) and coder files.",
                "Folders are searched; each file's format is detected unless --format is given.",
                "Exit 0 when the import ran (even with rejections), 1 when a source is missing or the "
                        + "workbench cannot be opened, 2 for bad usage."})
public final class ImportCommand implements Callable<Integer> {
    private static final List<ImportFormat> FORCEABLE = List.of(
            ImportFormat.INSTALOADER, ImportFormat.TWITTER, ImportFormat.CSV, ImportFormat.BUNDLE);

    @Mixin
    WorkbenchOption workbench;

    @Option(names = "--format", paramLabel = "FORMAT",
            description = "Read every data file as this format: instaloader, twitter, csv or bundle.")
    String format;

    @Option(names = "--json", description = "Print the summary as JSON.")
    boolean json;

    @Parameters(arity = "1..*", paramLabel = "DIR_OR_FILE", description = "Files or folders to import.")
    List<Path> sources = new ArrayList<>();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        ImportFormat forced = forcedFormat();
        var err = spec.commandLine().getErr();
        for (Path source : sources) {
            if (!Files.exists(source)) {
                err.println("error: no such file or folder: " + source);
                return SignalBenchCommand.EXIT_FAILURE;
            }
        }
        Workbench opened;
        try {
            opened = workbench.open();
        } catch (Exception e) {
            err.println("error: cannot open the workbench " + workbench.path() + ": " + e.getMessage());
            return SignalBenchCommand.EXIT_FAILURE;
        }
        ImportReport report;
        try (Workbench wb = opened) {
            report = Services.load().importing().run(wb, sources, forced, JobContext.NONE);
        }
        print(report);
        return 0;
    }

    private ImportFormat forcedFormat() {
        if (format == null) {
            return null;
        }
        try {
            ImportFormat forced = ImportFormat.fromKey(format);
            if (FORCEABLE.contains(forced)) {
                return forced;
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        throw new CommandLine.ParameterException(spec.commandLine(),
                "unknown --format '" + format + "' (expected instaloader, twitter, csv or bundle)");
    }

    private void print(ImportReport report) {
        var out = spec.commandLine().getOut();
        if (json) {
            // A Rejection record serializes as {"file", "line", "reason"}, line null for a whole file.
            List<Rejection> rejected = report.rejected();
            Map<String, Object> summary = new LinkedHashMap<>();
            summary.put("imported", report.imported());
            summary.put("duplicates", report.duplicates());
            summary.put("labels", report.labels());
            summary.put("rejected", rejected);
            Json.print(out, summary);
            return;
        }
        out.printf("imported:   %d%n", report.imported());
        out.printf("duplicates: %d%n", report.duplicates());
        out.printf("labels:     %d%n", report.labels());
        out.printf("rejected:   %d%n", report.rejected().size());
        for (Rejection r : report.rejected()) {
            out.println("  " + r);
        }
        out.flush();
    }
}
