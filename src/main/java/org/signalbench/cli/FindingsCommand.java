package org.signalbench.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.signalbench.app.FindingsService;
import org.signalbench.app.Services;
import org.signalbench.findings.Charts;
import org.signalbench.findings.Findings;
import org.signalbench.findings.Table;
import org.signalbench.findings.TableFormat;
import org.signalbench.store.Workbench;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code findings}: every findings table (or, with --discover, the hashtags to search next). */
@Command(name = "findings", mixinStandardHelpOptions = true,
        description = {"All findings tables over the final dealer posts: drug hashtags, hashtag categories, contact channels, "
                + "exchanges, accounts, image categories, weekly timeline, hashtag discovery.",
                "Account names, handles, phone numbers and e-mail addresses are masked unless --no-mask is given."})
public final class FindingsCommand implements Callable<Integer> {
    @Mixin
    WorkbenchOption workbench;

    @Option(names = "--json", description = "Print every table as JSON.")
    boolean json;

    @Option(names = "--format", paramLabel = "csv|markdown", converter = FormatConverter.class,
            description = "Table format (default: markdown).")
    TableFormat format = TableFormat.MARKDOWN;

    @Option(names = "--out", paramLabel = "DIR|FILE",
            description = "Write one file per table into DIR (created when missing); with --json or --discover, write that FILE.")
    Path out;

    @Option(names = "--charts", paramLabel = "DIR",
            description = "Also write every findings chart into DIR (created when missing) as NAME.svg and NAME.png "
                    + "(the PNG at twice the SVG's size); alone, only the charts are written.")
    Path charts;

    @Option(names = "--discover", description = "Only the hashtags to search in the next collection loop, one per line, best first.")
    boolean discover;

    @Option(names = "--raw", description = "CSV: write cells as collected; by default a cell starting with = + - @ tab or CR gets a leading ' so spreadsheets do not run it.")
    boolean raw;

    @Option(names = "--no-mask", description = "Show account names, handles, phone numbers and e-mail addresses as collected.")
    boolean noMask;

    @Spec
    CommandSpec spec;

    static final class FormatConverter implements ITypeConverter<TableFormat> {
        @Override
        public TableFormat convert(String value) {
            return TableFormat.parse(value);
        }
    }

    @Override
    public Integer call() throws Exception {
        Findings findings;
        try (Workbench wb = workbench.openExisting()) {
            findings = FindingsService.compute(wb, Services.load().settings());
        }
        if (!noMask) {
            findings = findings.masked();
        }
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        if (charts != null && !discover) {
            List<Path> files = Charts.write(findings, charts, workbench.path());
            stderr.printf("wrote %d charts (SVG and PNG) to %s%n", files.size() / 2, charts);
            if (out == null && !json) {
                return 0;
            }
        }
        if (discover) {
            String list = String.join("\n", findings.discoveredHashtags()) + (findings.discoveredHashtags().isEmpty() ? "" : "\n");
            if (out == null) {
                stdout.print(list);
                stdout.flush();
            } else {
                createParent(out);
                org.signalbench.exporting.SafeOutputFile.writeString(out, workbench.path(), list);
                stderr.printf("wrote %d hashtags to %s%n", findings.discoveredHashtags().size(), out);
            }
            return 0;
        }
        if (json) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("n", findings.n());
            doc.put("masked", !noMask);
            doc.put("tables", findings.tables());
            if (out == null) {
                Json.print(stdout, doc);
            } else {
                createParent(out);
                org.signalbench.exporting.SafeOutputFile.writeString(out, workbench.path(), Json.mapper().writeValueAsString(doc) + "\n");
                stderr.println("wrote " + out);
            }
            return 0;
        }
        if (out == null) {
            for (Table t : findings.tables()) {
                if (format == TableFormat.CSV) {
                    stdout.println("# " + t.title());
                }
                stdout.print(format.render(t, raw));
                if (format == TableFormat.CSV) {
                    stdout.println();
                }
            }
            stdout.flush();
            return 0;
        }
        // the tables are staged and moved into the folder when all are written: a failed run adds none
        try (var staged = org.signalbench.exporting.SafeOutputFile.stageFolder(out, workbench.path())) {
            for (Table t : findings.tables()) {
                String name = t.key() + "." + format.extension();
                org.signalbench.exporting.SafeOutputFile.writeString(staged.path().resolve(name), workbench.path(),
                        format.render(t, raw));
            }
            staged.publish();
        }
        for (Table t : findings.tables()) {
            stderr.println("wrote " + out.resolve(t.key() + "." + format.extension()));
        }
        return 0;
    }

    private static void createParent(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
    }
}
