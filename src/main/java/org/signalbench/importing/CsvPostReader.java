package org.signalbench.importing;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.signalbench.domain.MediaFile;
import org.signalbench.domain.Platform;
import org.signalbench.domain.PostDraft;

/** Reads the documented CSV columns (docs/formats/csv.md), one post per record. */
final class CsvPostReader implements PostFileReader {
    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().get();

    @Override
    public void read(Path file, DraftSink sink) throws IOException, BadInputException {
        String text = SourceText.decodeFile(SourceText.readBytes(file));
        Path folder = file.toAbsolutePath().getParent();
        String source = file.toAbsolutePath().toString();
        try (CSVParser parser = CSVParser.parse(new StringReader(text), FORMAT)) {
            Iterator<CSVRecord> records = parser.iterator();
            CSVRecord header;
            try {
                if (!records.hasNext()) {
                    throw new BadInputException("empty file: no header row");
                }
                header = records.next();
            } catch (UncheckedIOException e) { // a broken quote in the header row: the file cannot be read
                throw new BadInputException(1, "not valid CSV in the header row: " + e.getCause().getMessage());
            }
            Map<String, Integer> columns = new HashMap<>();
            for (int i = 0; i < header.size(); i++) {
                columns.putIfAbsent(header.get(i).trim().toLowerCase(Locale.ROOT), i);
            }
            for (String required : List.of("platform", "external_id")) {
                if (!columns.containsKey(required)) {
                    throw new BadInputException(1, "the header row has no '" + required + "' column (found: "
                            + String.join(", ", header.toList()) + ")");
                }
            }
            long nextLine = parser.getCurrentLineNumber() + 1;
            while (true) {
                CSVRecord record;
                try {
                    if (!records.hasNext()) {
                        break;
                    }
                    record = records.next();
                } catch (UncheckedIOException e) {
                    throw new BadInputException((int) nextLine, "not valid CSV: " + e.getCause().getMessage()
                            + "; the rest of the file is skipped");
                }
                int line = (int) nextLine;
                nextLine = parser.getCurrentLineNumber() + 1;
                if (record.size() == 1 && record.get(0).isBlank()) {
                    continue;
                }
                if (record.size() != header.size()) {
                    sink.reject(line, fieldCount(record.size(), header.size()));
                    continue;
                }
                try {
                    sink.accept(draft(record, columns, folder, source, line, sink), line);
                } catch (BadInputException e) {
                    sink.reject(line, e.getMessage());
                }
            }
        }
    }

    private static PostDraft draft(CSVRecord record, Map<String, Integer> columns, Path folder, String source,
                                   int line, DraftSink sink) throws BadInputException {
        String platformKey = cell(record, columns, "platform");
        if (platformKey == null) {
            throw new BadInputException("missing platform");
        }
        Platform platform;
        try {
            platform = Platform.fromKey(platformKey);
        } catch (IllegalArgumentException e) {
            throw new BadInputException(e.getMessage());
        }
        String id = cell(record, columns, "external_id");
        if (id == null) {
            throw new BadInputException("missing external_id");
        }
        Instant postedAt = time(cell(record, columns, "posted_at"));
        String caption = rawCell(record, columns, "caption");
        Set<String> searches = new LinkedHashSet<>();
        String collected = cell(record, columns, "collected_under");
        if (collected != null) {
            for (String search : collected.split("[;|]")) {
                if (!search.isBlank()) {
                    searches.add(search.trim());
                }
            }
        }
        List<String> links = new ArrayList<>();
        String linkCell = cell(record, columns, "links");
        if (linkCell != null) {
            links.addAll(Arrays.asList(linkCell.trim().split("\\s+")));
        }
        List<MediaFile> media = new ArrayList<>();
        String mediaCell = cell(record, columns, "media");
        if (mediaCell != null) {
            for (String written : mediaCell.split(";")) {
                if (written.isBlank()) {
                    continue;
                }
                try {
                    media.add(MediaPaths.resolve(folder, written.trim()));
                } catch (BadInputException e) {
                    sink.reject(line, e.getMessage());
                }
            }
        }
        return new PostDraft(platform, id, cell(record, columns, "author"), cell(record, columns, "author_id"),
                postedAt, caption, List.of(), media, searches, links, cell(record, columns, "url"), source);
    }

    /** Why a row with too many or too few fields is refused (its cells cannot be matched to columns). */
    static String fieldCount(int found, int expected) {
        return "the row has " + found + (found == 1 ? " field" : " fields") + " but the header has " + expected
                + (found > expected ? " (an unquoted comma in a cell?)" : " (cells missing)");
    }

    private static Instant time(String value) throws BadInputException {
        if (value == null) {
            return null;
        }
        if (value.matches("-?\\d{1,15}")) {
            return JsonInput.epochSeconds(Long.parseLong(value), "posted_at");
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new BadInputException("posted_at '" + value + "' is neither an ISO-8601 instant "
                    + "(2018-07-19T14:03:11Z) nor epoch seconds");
        }
    }

    /** A cell as written (captions keep their spaces), or null when the column or value is absent. */
    private static String rawCell(CSVRecord record, Map<String, Integer> columns, String name) {
        Integer index = columns.get(name);
        return index == null || index >= record.size() ? null : record.get(index);
    }

    /** A trimmed cell, or null when absent or blank. */
    private static String cell(CSVRecord record, Map<String, Integer> columns, String name) {
        String value = rawCell(record, columns, name);
        return value == null || value.isBlank() ? null : value.trim();
    }
}
