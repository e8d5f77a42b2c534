package org.signalbench.importing;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
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

/**
 * Reads a posts CSV file (docs/formats/csv.md) as a stream, one post per record, with the columns,
 * delimiter, encoding and time format of its {@link CsvOptions}: one record in memory at a time,
 * and a record over {@link #maxRecordChars()} skipped to the end of its line and reported.
 */
final class CsvPostReader implements PostFileReader {
    /** The system property that lowers the record cap (tests). */
    static final String MAX_RECORD_CHARS_PROPERTY = "signalbench.import.maxCsvRecordChars";
    /**
     * Values of a {@code retweet} cell that mark a retweet (also Excel's TRUE in German, French,
     * Spanish, Italian and Dutch); a number other than 0 (the retweeted tweet's id) does too, and
     * anything else marks an original.
     */
    private static final Set<String> RETWEET_MARKS = Set.of("true", "yes", "y", "t", "x", "rt", "wahr", "ja",
            "vrai", "oui", "verdadero", "sí", "si", "vero", "waar");

    private final CsvOptions options;
    private final CsvTimes times;

    CsvPostReader(CsvOptions options) {
        this.options = options == null ? CsvOptions.DEFAULT : options;
        this.times = new CsvTimes(this.options.timeFormat(), this.options.timeZone());
    }

    /** The longest record read, in characters: as long as the longest JSON line the other readers take (16 Mi). */
    static int maxRecordChars() {
        int configured = Integer.getInteger(MAX_RECORD_CHARS_PROPERTY, 0);
        return configured > 0 ? configured : JsonInput.MAX_LINE_BYTES;
    }

    /** The encoding and delimiter a file is read with: the options', else detected from its start. */
    record Dialect(Charset encoding, char delimiter, int bomBytes) {
    }

    /** Detects what {@code options} leave open, from the first {@link CsvSniffer#SNIFF_BYTES} bytes of the file. */
    static Dialect dialect(Path file, CsvOptions options) throws IOException, BadInputException {
        byte[] head;
        try (InputStream in = open(file, null)) {
            head = CsvSniffer.head(in);
        } catch (IOException e) {
            throw xzOrIo(e);
        }
        Charset encoding = options.encoding() != null ? options.encoding() : CsvSniffer.encoding(head);
        char delimiter = options.delimiter() != null ? options.delimiter()
                : CsvSniffer.delimiter(CsvSniffer.text(head, encoding));
        return new Dialect(encoding, delimiter, CsvSniffer.bomLength(head, encoding));
    }

    /** A stream of the file's (decompressed) bytes; {@code counted}, when given, counts the bytes read on disk. */
    static InputStream open(Path file, SourceText.CountingInput counted) throws IOException, BadInputException {
        if (!Files.isRegularFile(file)) {
            throw new BadInputException(SourceText.notRegular(file));
        }
        InputStream raw = Files.newInputStream(file);
        if (counted != null) {
            raw = counted.over(raw);
        }
        InputStream buffered = new BufferedInputStream(raw, 1 << 16);
        try {
            return SourceText.isXz(file) ? SourceText.xz(buffered) : buffered;
        } catch (IOException e) {
            buffered.close();
            throw xzOrIo(e);
        }
    }

    /** A damaged .xz stream as bad input; other read failures as they are. */
    private static BadInputException xzOrIo(IOException e) throws IOException {
        if (e instanceof org.tukaani.xz.MemoryLimitException memory) {
            return new BadInputException(SourceText.xzMemory(memory));
        }
        if (e instanceof EOFException) {
            return new BadInputException("corrupt .xz file: the compressed data ends too early");
        }
        if (e instanceof org.tukaani.xz.XZIOException) {
            return new BadInputException("corrupt .xz file: " + e.getMessage());
        }
        throw e;
    }

    @Override
    public void read(Path file, DraftSink sink) throws IOException, BadInputException {
        Dialect dialect = dialect(file, options);
        Path folder = file.toAbsolutePath().getParent();
        String source = file.toAbsolutePath().toString();
        long size = Math.max(1, Files.size(file));
        SourceText.CountingInput counted = new SourceText.CountingInput();
        CSVFormat format = CSVFormat.RFC4180.builder().setDelimiter(dialect.delimiter()).get();
        try (InputStream in = open(file, counted)) {
            in.skipNBytes(dialect.bomBytes());
            Reader decoded = new StrictReader(in, dialect.encoding());
            Records records = new Records(new CappedReader(decoded, maxRecordChars()), format, dialect.encoding());
            CsvRow headerRow = records.next();
            if (headerRow == null) {
                throw new BadInputException("empty file: no header row");
            }
            List<String> header = headerRow.cells();
            Map<String, Integer> columns = CsvColumns.resolve(header, options);
            CsvRow row;
            long rows = 0;
            while ((row = records.next(sink)) != null) {
                if (++rows % 256 == 0) {
                    sink.readUpTo(Math.min(1.0, (double) counted.count / size));
                }
                List<String> cells = row.cells();
                if (cells.size() == 1 && cells.get(0).isBlank()) {
                    continue;
                }
                if (cells.size() != header.size()) {
                    sink.reject(row.line(), fieldCount(cells.size(), header.size(), dialect.delimiter()));
                    continue;
                }
                if (options.dropRetweets() && markedRetweet(cells, columns)) {
                    sink.skip(row.line(), ImportFilter.RETWEET);
                    continue;
                }
                try {
                    sink.accept(draft(cells, columns, folder, source, row.line(), sink), row.line());
                } catch (BadInputException e) {
                    sink.reject(row.line(), e.getMessage());
                }
            }
        }
    }

    /** A record's cells and the line it starts on. */
    record CsvRow(List<String> cells, int line) {
    }

    /**
     * The records of a stream, with their line numbers. A record over the cap is reported, skipped
     * to the end of its line, and reading goes on with a fresh parser from the next line.
     */
    static final class Records {
        private final CappedReader reader;
        private final CSVFormat format;
        private final Charset encoding;
        private CSVParser parser;
        private Iterator<CSVRecord> iterator;
        private long base; // lines before the current parser's first
        private long nextLine = 1;

        Records(CappedReader reader, CSVFormat format, Charset encoding) throws IOException {
            this.reader = reader;
            this.format = format;
            this.encoding = encoding;
            restart();
        }

        private void restart() throws IOException {
            parser = CSVParser.parse(reader, format);
            iterator = parser.iterator();
            nextLine = base + 1;
        }

        /** The next record, or null at the end; an over-long header refuses the file. */
        CsvRow next() throws IOException, BadInputException {
            return next(null);
        }

        /** The next record, or null at the end; over-long records are rejected to {@code sink}. */
        CsvRow next(DraftSink sink) throws IOException, BadInputException {
            while (true) {
                CSVRecord record;
                try {
                    if (!iterator.hasNext()) {
                        return null;
                    }
                    record = iterator.next();
                } catch (UncheckedIOException e) {
                    IOException cause = e.getCause();
                    int line = (int) nextLine;
                    if (cause instanceof RecordTooLong tooLong) {
                        String reason = String.format(Locale.ROOT, "a record over %,d characters (an unclosed quote, or "
                                + "not a CSV file?); skipped to the end of its line", tooLong.limit);
                        if (sink == null) {
                            throw new BadInputException(line, reason.replace("; skipped to the end of its line",
                                    " in the header row"));
                        }
                        sink.reject(line, reason);
                        reader.skipLine();
                        base = reader.lines;
                        restart();
                        continue;
                    }
                    if (cause instanceof CharacterCodingException) {
                        throw new BadInputException(line, cause.getMessage() + "; the rest of the file is skipped "
                                + "(give the file's encoding, for example --encoding windows-1252)");
                    }
                    if (cause instanceof org.tukaani.xz.XZIOException || cause instanceof EOFException) {
                        throw xzOrIo(cause).atLine(line);
                    }
                    if (cause instanceof org.apache.commons.csv.CSVException) {
                        throw new BadInputException(line, "not valid CSV: " + cause.getMessage()
                                + "; the rest of the file is skipped");
                    }
                    throw cause; // the disk, not the file's content
                } catch (IllegalStateException e) {
                    throw new BadInputException((int) nextLine, "not valid CSV: " + e.getMessage()
                            + "; the rest of the file is skipped");
                }
                int line = (int) nextLine;
                nextLine = base + parser.getCurrentLineNumber() + 1;
                reader.recordDone();
                return new CsvRow(record.toList(), line);
            }
        }
    }

    /**
     * Decodes bytes strictly: the characters before a byte that is not text in the encoding are
     * handed on first, so the error comes with the record it is in, not a buffer earlier.
     */
    static final class StrictReader extends Reader {
        private final InputStream in;
        private final Charset encoding;
        private final CharsetDecoder decoder;
        private final ByteBuffer bytes = ByteBuffer.allocate(1 << 16).flip();
        private boolean eof;
        private boolean flushed;
        private CharacterCodingException pending;

        StrictReader(InputStream in, Charset encoding) {
            this.in = in;
            this.encoding = encoding;
            this.decoder = encoding.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT);
        }

        @Override
        public int read(char[] buffer, int offset, int length) throws IOException {
            if (length == 0) {
                return 0;
            }
            CharBuffer out = CharBuffer.wrap(buffer, offset, length);
            while (out.position() == offset) {
                if (pending != null) {
                    throw pending;
                }
                if (flushed) {
                    return -1;
                }
                CoderResult result = decoder.decode(bytes, out, eof);
                if (result.isError()) {
                    pending = new BadBytes(String.format(Locale.ROOT, "byte 0x%02X is not %s text",
                            bytes.get(bytes.position()) & 0xFF, encoding.name()));
                } else if (result.isOverflow()) {
                    break;
                } else if (eof) {
                    decoder.flush(out);
                    flushed = true;
                } else {
                    bytes.compact();
                    int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
                    if (n < 0) {
                        eof = true;
                    } else {
                        bytes.position(bytes.position() + n);
                    }
                    bytes.flip();
                }
            }
            return out.position() - offset;
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }

    /** A byte that is not text in the file's encoding. */
    static final class BadBytes extends CharacterCodingException {
        private static final long serialVersionUID = 1L;
        private final String reason;

        BadBytes(String reason) {
            this.reason = reason;
        }

        @Override
        public String getMessage() {
            return reason;
        }
    }

    /** Why a record is over the cap. */
    static final class RecordTooLong extends IOException {
        private static final long serialVersionUID = 1L;
        final int limit;

        RecordTooLong(int limit) {
            super("a record over " + limit + " characters");
            this.limit = limit;
        }
    }

    /**
     * Hands characters on while the record being read stays under the cap (its count is reset by
     * {@link #recordDone()}); counts line ends, and can skip the rest of a line without keeping it.
     */
    static final class CappedReader extends Reader {
        private final Reader in;
        private final int cap;
        /** Characters handed on since the last finished record (the parser reads at most a buffer ahead). */
        private long sinceRecord;
        /** Line ends handed on or skipped. */
        long lines;

        CappedReader(Reader in, int cap) {
            this.in = in;
            this.cap = cap;
        }

        @Override
        public int read(char[] buffer, int offset, int length) throws IOException {
            if (sinceRecord > cap) {
                throw new RecordTooLong(cap);
            }
            int n = in.read(buffer, offset, length);
            for (int i = offset; i < offset + n; i++) {
                if (buffer[i] == '\n') {
                    lines++;
                }
            }
            if (n > 0) {
                sinceRecord += n;
            }
            return n;
        }

        void recordDone() {
            sinceRecord = 0;
        }

        /** Discards characters up to and including the next line end. */
        void skipLine() throws IOException {
            int c;
            while ((c = in.read()) >= 0) {
                if (c == '\n') {
                    lines++;
                    break;
                }
            }
            sinceRecord = 0;
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }

    /** Whether the row's mapped {@code retweet} cell says it is a retweet (true, yes, 1, an id; see {@link #RETWEET_MARKS}). */
    private static boolean markedRetweet(List<String> cells, Map<String, Integer> columns) {
        Integer at = columns.get("retweet");
        if (at == null) {
            return false;
        }
        String value = cells.get(at).trim().toLowerCase(Locale.ROOT);
        return RETWEET_MARKS.contains(value) || value.matches("\\d+") && !value.matches("0+");
    }

    private PostDraft draft(List<String> cells, Map<String, Integer> columns, Path folder, String source,
                            int line, DraftSink sink) throws BadInputException {
        String platformKey = cell(cells, columns, "platform");
        Platform platform = options.platform();
        if (platformKey != null) {
            try {
                platform = Platform.fromKey(platformKey);
            } catch (IllegalArgumentException e) {
                throw new BadInputException(e.getMessage());
            }
        } else if (platform == null) {
            throw new BadInputException("missing platform");
        }
        String id = cell(cells, columns, "external_id");
        if (id == null) {
            throw new BadInputException("missing external_id");
        }
        Instant postedAt = null;
        String time = cell(cells, columns, "posted_at");
        if (time != null) {
            try {
                postedAt = times.parse(time);
            } catch (IllegalArgumentException e) {
                throw new BadInputException(e.getMessage());
            }
        }
        String caption = rawCell(cells, columns, "caption");
        Set<String> searches = new LinkedHashSet<>();
        String collected = cell(cells, columns, "collected_under");
        if (collected != null) {
            for (String search : collected.split("[;|]")) {
                if (!search.isBlank()) {
                    searches.add(search.trim());
                }
            }
        }
        List<String> links = new ArrayList<>();
        String linkCell = cell(cells, columns, "links");
        if (linkCell != null) {
            links.addAll(Arrays.asList(linkCell.trim().split("\\s+")));
        }
        List<MediaFile> media = new ArrayList<>();
        String mediaCell = cell(cells, columns, "media");
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
        return new PostDraft(platform, id, cell(cells, columns, "author"), cell(cells, columns, "author_id"),
                postedAt, caption, List.of(), media, searches, links, cell(cells, columns, "url"), source);
    }

    /** Why a row with too many or too few fields is refused (its cells cannot be matched to columns). */
    static String fieldCount(int found, int expected) {
        return fieldCount(found, expected, ',');
    }

    /** The same for a file whose cells are separated by {@code delimiter}. */
    static String fieldCount(int found, int expected, char delimiter) {
        String name = delimiter == ',' ? "comma" : delimiter == ';' ? "semicolon" : delimiter == '\t' ? "tab" : "'|'";
        return "the row has " + found + (found == 1 ? " field" : " fields") + " but the header has " + expected
                + (found > expected ? " (an unquoted " + name + " in a cell?)" : " (cells missing)");
    }

    /** A cell as written (captions keep their spaces), or null when the field has no column. */
    private static String rawCell(List<String> cells, Map<String, Integer> columns, String field) {
        Integer index = columns.get(field);
        return index == null || index >= cells.size() ? null : cells.get(index);
    }

    /** A trimmed cell, or null when absent or blank. */
    private static String cell(List<String> cells, Map<String, Integer> columns, String field) {
        String value = rawCell(cells, columns, field);
        return value == null || value.isBlank() ? null : value.trim();
    }
}
