package org.signalbench.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.signalbench.app.Services;
import org.signalbench.filters.EnglishFilter;
import org.signalbench.filters.KeywordFilter;
import org.signalbench.importing.CsvOptions;
import org.signalbench.importing.ImportFilter;
import org.signalbench.importing.ImportFormat;
import org.signalbench.importing.ImportReport;
import org.signalbench.importing.ImportStoppedException;
import org.signalbench.importing.CoderFileImport;
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
                "Exit 0 when the import ran (even with rejections), 1 when a source is missing, the "
                        + "workbench cannot be opened or a coder file was refused whole (as labels import), 2 for bad usage."})
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

    @Option(names = "--keywords", paramLabel = "study|FILE", arity = "0..1", fallbackValue = "study",
            description = "Import only posts whose text has one of these keywords: 'study' (the default when the "
                    + "option has no value) for the Twitter study's list (resources/lexicons/twitter-keywords.json), "
                    + "or a file (.json like that one, or one keyword per line). Tweets known by id only are kept.")
    String keywords;

    @Option(names = "--english-only", description = "Import only English posts: a tweet's lang field decides, "
            + "else a simple heuristic (docs/formats/twitter.md). Tweets known by id only are kept.")
    boolean englishOnly;

    @Option(names = "--drop-retweets", description = "Leave out retweets (counted as skipped): tweets marked as "
            + "retweets, posts whose text starts with 'RT @', CSV rows whose retweet column is true, yes, 1 or an id.")
    boolean dropRetweets;

    @Option(names = "--map", paramLabel = "FIELD=COLUMN[,…]", description = "CSV: which column holds which field, "
            + "for example caption=text,external_id=id,posted_at=created_at. Fields: external_id, platform, caption, "
            + "author, author_id, posted_at, collected_under, url, links, media, retweet. Unmapped fields are read "
            + "from a column of their own name or a common alias (docs/formats/csv.md).")
    String map;

    @Option(names = "--delimiter", paramLabel = "auto|,|;|tab|pipe", defaultValue = "auto",
            description = "CSV: the cell separator: , ; tab or pipe ('|'); default: ${DEFAULT-VALUE}, detected from "
                    + "the first rows.")
    String delimiter;

    @Option(names = "--encoding", paramLabel = "auto|UTF-8|windows-1252|ISO-8859-1", defaultValue = "auto",
            description = "CSV: the character encoding (default: ${DEFAULT-VALUE}: a byte-order mark, else UTF-8 "
                    + "when the start of the file is valid UTF-8, else detected).")
    String encoding;

    @Option(names = "--time-format", paramLabel = "PATTERN", description = "CSV: the java.time pattern of posted_at, "
            + "for example 'yyyy-MM-dd HH:mm:ss' or 'dd.MM.yyyy HH:mm'. Default: ISO-8601 (with T or a space) or "
            + "epoch seconds.")
    String timeFormat;

    @Option(names = "--time-zone", paramLabel = "ZONE", defaultValue = "UTC", description = "CSV: the zone of times "
            + "that carry none (default: ${DEFAULT-VALUE}; for example Europe/Berlin or +02:00).")
    String timeZone;

    @Option(names = "--platform", paramLabel = "instagram|twitter", converter = PlatformConverter.class,
            description = "CSV: the platform of every row, for a file without a platform column.")
    org.signalbench.domain.Platform platform;

    @Parameters(arity = "1..*", paramLabel = "DIR_OR_FILE", description = "Files or folders to import.")
    List<Path> sources = new ArrayList<>();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        ImportFormat forced = forcedFormat();
        ImportFilter filter = filter();
        CsvOptions csv = csvOptions();
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
            err.println("error: cannot open the workbench " + workbench.path() + ": "
                    + org.signalbench.store.EnvironmentFault.messageOf(e));
            return SignalBenchCommand.EXIT_FAILURE;
        }
        ImportReport report;
        try (Workbench wb = opened) {
            report = Services.load().importing().run(wb, sources, forced, JobContext.NONE, filter, csv);
        } catch (ImportStoppedException stopped) {
            // What was stored before the stop is kept: say so, then why it stopped.
            print(stopped.storedBeforeStop());
            err.println("error: " + stopped.getMessage());
            return SignalBenchCommand.EXIT_FAILURE;
        }
        print(report);
        // A coder file refused whole (another corpus, another format) fails the command as `labels import` does:
        // exit 1 with "error: FILE: reason" on standard error.
        List<Rejection> refusedCoderFiles = report.rejected().stream()
                .filter(r -> r.line() == null && CoderFileImport.isCoderFile(Path.of(r.file()))).toList();
        if (!refusedCoderFiles.isEmpty()) {
            refusedCoderFiles.forEach(r -> err.println("error: " + r));
            return SignalBenchCommand.EXIT_FAILURE;
        }
        if (report.imported() + report.duplicates() + report.labels() == 0 && report.rejected().isEmpty() && !report.cancelled()) {
            // Nothing read and nothing refused: the sources hold no file SignalBench recognises.
            err.println("error: nothing to import in " + String.join(", ", sources.stream().map(Path::toString).toList())
                    + ": no file of a known format was found. SignalBench reads Instaloader folders (*.json, *.json.xz), "
                    + "Twitter API JSON, posts CSV (*.csv), bundles (*.jsonl) and coder files (docs/formats/).");
            return SignalBenchCommand.EXIT_FAILURE;
        }
        return 0;
    }

    /** The posts --keywords and --english-only leave out, with the kind they are counted under. */
    private ImportFilter filter() {
        KeywordFilter keywordFilter;
        try {
            keywordFilter = keywords == null ? null
                    : keywords.equals("study") ? KeywordFilter.studyDefault() : KeywordFilter.fromFile(Path.of(keywords));
        } catch (RuntimeException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--keywords: " + e.getMessage());
        }
        EnglishFilter english = englishOnly ? new EnglishFilter() : null;
        if (keywordFilter == null && english == null) {
            return ImportFilter.NONE;
        }
        return draft -> {
            if (draft.tweet() != null && !draft.tweet().textAvailable()) {
                return null; // nothing to judge until the text is there
            }
            if (keywordFilter != null && !keywordFilter.matches(draft.caption())) {
                return "no keyword";
            }
            if (english != null && !english.isEnglish(draft.tweet() == null ? null : draft.tweet().lang(), draft.caption())) {
                return "not English";
            }
            return null;
        };
    }

    /** The CSV options from --map, --delimiter, --encoding, --time-format, --time-zone, --platform and --drop-retweets. */
    private CsvOptions csvOptions() {
        String option = "--map";
        try {
            java.util.Map<String, String> mapping = CsvOptions.parseMapping(map);
            option = "--delimiter";
            Character separator = CsvOptions.parseDelimiter(delimiter);
            option = "--encoding";
            java.nio.charset.Charset charset = CsvOptions.parseEncoding(encoding);
            option = "--time-zone";
            java.time.ZoneId zone = CsvOptions.parseZone(timeZone);
            option = "--time-format";
            new org.signalbench.importing.CsvTimes(timeFormat, zone);
            option = "--map";
            return new CsvOptions(mapping, separator, charset, timeFormat, zone, platform, dropRetweets);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), option + ": " + e.getMessage());
        }
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
            summary.put("skipped", report.skipped());
            summary.put("rejected", rejected);
            Json.print(out, summary);
            return;
        }
        out.printf("imported:   %d%n", report.imported());
        out.printf("duplicates: %d%n", report.duplicates());
        out.printf("labels:     %d%n", report.labels());
        if (!report.skipped().isEmpty()) {
            out.printf("skipped:    %s%n", report.skipped()); // stream notices, not posts: nothing wrong
        }
        out.printf("rejected:   %d%n", report.rejected().size());
        for (Rejection r : report.rejected()) {
            out.println("  " + r);
        }
        out.flush();
    }
}
