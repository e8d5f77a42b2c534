package org.signalbench.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.signalbench.app.Services;
import org.signalbench.domain.Coder;
import org.signalbench.domain.Role;
import org.signalbench.importing.CoderFileImport;
import org.signalbench.importing.LabelCsvImport;
import org.signalbench.importing.Rejection;
import org.signalbench.labels.Codebook;
import org.signalbench.labels.CoderFileExport;
import org.signalbench.labels.LabelStore;
import org.signalbench.store.Session;
import org.signalbench.store.Workbench;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

/** {@code labels}: a coder's answers in and out of a workbench (coder files, CSV). */
@Command(name = "labels", mixinStandardHelpOptions = true,
        description = "Import or export one coder's answers.",
        subcommands = {LabelsCommand.ImportLabels.class, LabelsCommand.ExportLabels.class})
public final class LabelsCommand {

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = {"Import a coder file (JSON) or a CSV of dealer answers (external_id,label[,platform]; label 1/0 or yes/no).",
                    "For a coder file --coder is optional and, when given, must name the file's coder; for CSV it is required.",
                    "Exit 0 when the file was read (bad lines are listed), 1 when it was refused whole, 2 for bad usage."})
    static final class ImportLabels extends AnswersImport {
        @Option(names = "--coder", paramLabel = "NAME", description = "The coder whose answers these are.")
        String coder;

        @Parameters(paramLabel = "FILE", description = "A coder file (.json) or a CSV file.")
        Path file;

        @Override
        Path file() {
            return file;
        }

        @Override
        int importFile() throws Exception {
            boolean csv = file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv");
            if (csv) {
                if (coder == null || coder.isBlank()) {
                    throw new CommandLine.ParameterException(spec.commandLine(), "a CSV file needs --coder NAME");
                }
                return importCsv(coder, Role.CODER);
            }
            List<Rejection> rejected = new ArrayList<>();
            List<CoderFileImport.Conflict> conflicts = new ArrayList<>();
            int added;
            try (Workbench wb = workbench.open()) {
                added = CoderFileImport.importFile(Session.over(wb.connection()), Services.load().settings().codebook(), file, coder, rejected::add, conflicts::add);
            }
            return report(spec, json, added, 0, rejected, conflicts);
        }
    }

    /**
     * What {@code labels import} and {@code adjudicate import} share: the workbench (created when missing), a file that
     * must exist, the CSV import of dealer answers, and the summary.
     */
    abstract static class AnswersImport implements Callable<Integer> {
        @Mixin
        WorkbenchOption workbench;

        @Option(names = "--json", description = "Print the summary as JSON.")
        boolean json;

        @Spec
        CommandLine.Model.CommandSpec spec;

        /** The file to import. */
        abstract Path file();

        /** Imports {@link #file()}, which exists; returns the exit code. */
        abstract int importFile() throws Exception;

        @Override
        public Integer call() throws Exception {
            if (!Files.isRegularFile(file())) {
                spec.commandLine().getErr().println("error: no such file: " + file());
                return SignalBenchCommand.EXIT_FAILURE;
            }
            return importFile();
        }

        /** Imports {@link #file()} as a CSV of dealer answers by {@code coder} in {@code role}, and reports it. */
        int importCsv(String coder, Role role) throws Exception {
            List<Rejection> rejected = new ArrayList<>();
            LabelCsvImport.Result r;
            try (Workbench wb = workbench.open()) {
                r = LabelCsvImport.importFile(Session.over(wb.connection()), Services.load().settings().codebook(), file(), coder, role, rejected::add);
            }
            return report(spec, json, r.added(), r.unchanged(), rejected, List.of());
        }
    }

    /** Prints what an import took, refused and found in conflict; exit 1 when the file was refused whole. */
    static int report(CommandLine.Model.CommandSpec spec, boolean json, int added, int unchanged,
                      List<Rejection> rejected, List<CoderFileImport.Conflict> conflicts) {
        PrintWriter out = spec.commandLine().getOut();
        boolean refused = rejected.stream().anyMatch(r -> r.line() == null);
        if (json) {
            Map<String, Object> summary = new LinkedHashMap<>();
            summary.put("added", added);
            summary.put("unchanged", unchanged);
            summary.put("rejected", rejected); // each record serializes as {"file", "line", "reason"}
            summary.put("conflicts", conflicts.stream().map(c -> {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("platform", c.platform());
                m.put("externalId", c.externalId());
                m.put("question", c.question());
                m.put("kept", c.keptValue());
                m.put("keptAt", c.keptAt());
                m.put("overruled", c.overruled());
                return m;
            }).toList());
            Json.print(out, summary);
        } else {
            out.printf("added:     %d%n", added);
            out.printf("unchanged: %d%n", unchanged);
            out.printf("rejected:  %d%n", rejected.size());
            rejected.forEach(r -> out.println("  " + r));
            out.printf("conflicts: %d (the newest answer counts)%n", conflicts.size());
            conflicts.forEach(c -> out.println("  " + c));
            out.flush();
        }
        if (refused) {
            rejected.stream().filter(r -> r.line() == null).forEach(r -> spec.commandLine().getErr().println("error: " + r));
            return SignalBenchCommand.EXIT_FAILURE;
        }
        return 0;
    }

    @Command(name = "export", mixinStandardHelpOptions = true,
            description = {"Write one coder's (or the expert's) latest answers as a coder file with a corpus fingerprint.",
                    "A FILE ending in .csv gets the dealer answers only, as the CSV `labels import` reads "
                            + "(external_id,label,platform)."})
    static final class ExportLabels implements Callable<Integer> {
        @Mixin
        WorkbenchOption workbench;

        @Option(names = "--coder", required = true, paramLabel = "NAME", description = "Whose answers to write.")
        String coder;

        @Option(names = "--out", required = true, paramLabel = "FILE", description = "Coder file to write (.json), or a dealer CSV (.csv).")
        Path out;

        @Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            try (Workbench wb = workbench.openExisting()) {
                Codebook codebook = Services.load().settings().codebook();
                Optional<Coder> found;
                try (LabelStore store = new LabelStore(Session.over(wb.connection()), codebook)) {
                    found = store.findCoder(coder);
                }
                if (found.isEmpty()) {
                    spec.commandLine().getErr().println("error: no coder '" + coder + "' in " + workbench.path());
                    return SignalBenchCommand.EXIT_FAILURE;
                }
                if (out.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".csv")) {
                    var table = org.signalbench.exporting.LabelTables.dealerAnswersOf(org.signalbench.store.Session.over(wb.connection()),
                            found.get().id(), found.get().role());
                    org.signalbench.exporting.SafeOutputFile.write(out, wb.file(), stream -> {
                        var w = new java.io.OutputStreamWriter(stream, java.nio.charset.StandardCharsets.UTF_8);
                        table.writeCsv(w, true);
                        w.flush();
                    });
                    spec.commandLine().getErr().printf("wrote %,d dealer answers of %s to %s (CSV: the dealer question only; "
                            + "a .json coder file holds every question)%n", table.rows().size(), coder, out.toAbsolutePath());
                    return 0;
                }
                int entries = CoderFileExport.write(Session.over(wb.connection()), found.get(), codebook, out);
                spec.commandLine().getErr().printf("wrote %,d answers of %s to %s%n", entries, coder, out.toAbsolutePath());
            }
            return 0;
        }
    }
}
