package org.signalbench.importing;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Parses JSON source text and reads typed fields out of it. Every failure becomes a
 * {@link BadInputException} whose reason names the field and what was found instead.
 */
final class JsonInput {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    /**
     * For reading a document from a stream: its strings may be as long as the document (whose size
     * {@link SourceText#open} limits), not only Jackson's default 20 million characters.
     */
    private static final ObjectMapper STREAMING = new ObjectMapper(com.fasterxml.jackson.core.JsonFactory.builder()
            .streamReadConstraints(com.fasterxml.jackson.core.StreamReadConstraints.builder()
                    .maxStringLength(Integer.MAX_VALUE).build()).build());
    /** For reading the elements of an array one by one: no string longer than one element may be ({@link #MAX_LINE_BYTES}). */
    private static final ObjectMapper ELEMENTS = new ObjectMapper(com.fasterxml.jackson.core.JsonFactory.builder()
            .streamReadConstraints(com.fasterxml.jackson.core.StreamReadConstraints.builder()
                    .maxStringLength(16 << 20).build()).build()); // MAX_LINE_BYTES

    /** Receives the JSON values of a file with the line each starts at. */
    interface ValueHandler {
        void value(int line, JsonNode node);

        void reject(int line, String reason);
    }

    private JsonInput() {
    }

    /** Parses one JSON document; {@code firstLine} is the line the text starts at (for messages). */
    static JsonNode parse(String text, int firstLine) throws BadInputException {
        try {
            JsonNode node = MAPPER.readTree(text);
            if (node == null || node.isMissingNode()) {
                throw new BadInputException(firstLine, "empty: no JSON value");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new BadInputException(firstLine + lineOffset(e), describe(e));
        }
    }

    private static final java.util.regex.Pattern SOURCE_EXCERPT = java.util.regex.Pattern.compile(
            "\\s*\\(?(?:for \\w+ starting at |start marker at |at )?\\[Source: [^\\]]*\\]\\)?");

    /** Why text is not JSON, in one line without Jackson's source excerpt. */
    static String describe(JsonProcessingException e) {
        if (e instanceof JsonEOFException) {
            return "truncated JSON: the text ends before the value is complete";
        }
        String message = e.getOriginalMessage();
        int cut = message.indexOf('\n');
        message = cut < 0 ? message : message.substring(0, cut);
        // Jackson names the input and quotes it ("[Source: REDACTED ...; line: 1, column: 2]"): the file and line are ours to give
        message = SOURCE_EXCERPT.matcher(message).replaceAll("").strip();
        JsonLocation at = e.getLocation();
        return "not valid JSON: " + message
                + (at != null && at.getColumnNr() > 0 ? " (column " + at.getColumnNr() + ")" : "");
    }

    private static int lineOffset(JsonProcessingException e) {
        JsonLocation at = e.getLocation();
        return at != null && at.getLineNr() > 0 ? at.getLineNr() - 1 : 0;
    }

    /**
     * Reads the JSON values of a file as a stream, never the whole file at once: a JSON array (each
     * element is a value, at the line it starts on, and one over {@link #MAX_LINE_BYTES} is rejected
     * and skipped), JSON Lines (one value per line; a bad line is rejected and the next one read), or
     * a single document spread over several lines (read up to {@link SourceText#maxFileBytes()}).
     * {@code progress} hears how far through the file on disk reading has come.
     */
    static void forEachValue(Path file, ValueHandler handler, java.util.function.DoubleConsumer progress)
            throws IOException, BadInputException {
        byte[] head = SourceText.readHead(file, FIRST_LINE_PEEK);
        int start = SourceText.contentStart(head);
        int first = firstNonBlank(head, start);
        if (first < 0) {
            throw new BadInputException("empty file: no JSON value");
        }
        if (head[first] == '[') {
            readArray(file, handler, progress);
            return;
        }
        boolean wholeFileInHead = head.length < FIRST_LINE_PEEK;
        List<int[]> nonBlank = splitLines(head, start).stream()
                .filter(l -> !isBlank(head, l[1], l[2]) && (l[2] < head.length || wholeFileInHead)).limit(2).toList();
        if (!nonBlank.isEmpty() && parsesAlone(head, nonBlank.get(0))) {
            forEachLineValue(file, handler, progress);
            return;
        }
        // The first line is not a value of its own: one document written over many lines, or JSON Lines
        // whose first line is broken (then the second line is a value of its own).
        JsonNode document;
        try {
            document = readDocument(file);
        } catch (BadInputException notOneDocument) {
            if (nonBlank.size() > 1 && parsesAlone(head, nonBlank.get(1))) {
                forEachLineValue(file, handler, progress);
                return;
            }
            throw notOneDocument;
        }
        handler.value(nonBlank.isEmpty() ? 1 : nonBlank.get(0)[0], document);
        progress.accept(1.0);
    }

    /**
     * One JSON document, parsed from the file as a stream of strict UTF-8 text (no copy of the file in
     * memory), up to {@link SourceText#maxFileBytes()}; anything after the value is an error.
     */
    static JsonNode readDocument(Path file) throws IOException, BadInputException {
        try (SourceText.StrictReader in = SourceText.open(file, SourceText.maxFileBytes());
             JsonParser parser = STREAMING.createParser(in)) {
            if (parser.nextToken() == null) {
                throw new BadInputException("empty file: no JSON value");
            }
            JsonNode node = parser.readValueAsTree();
            if (parser.nextToken() != null) {
                throw new BadInputException(parser.currentTokenLocation().getLineNr(),
                        "not valid JSON: more text after the end of the JSON value");
            }
            return node;
        } catch (SourceText.Refused e) {
            throw e.reason();
        } catch (JsonProcessingException e) {
            throw new BadInputException(lineOffset(e) + 1, describe(e));
        }
    }

    static boolean parsesAlone(byte[] bytes, int[] line) {
        try {
            MAPPER.readTree(bytes, line[1], line[2] - line[1]);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void readArray(Path file, ValueHandler handler, java.util.function.DoubleConsumer progress)
            throws IOException, BadInputException {
        int values = 0;
        int line = 1;
        try (SourceText.StrictReader in = SourceText.open(file, Long.MAX_VALUE);
             JsonParser parser = ELEMENTS.createParser(in)) {
            parser.nextToken(); // [
            while (true) {
                JsonToken token;
                try {
                    token = parser.nextToken();
                    if (token == JsonToken.END_ARRAY) {
                        break;
                    }
                    if (token == null) {
                        throw new BadInputException(parser.currentLocation().getLineNr(),
                                "truncated JSON: the array is not closed; the rest of the file is skipped");
                    }
                    line = parser.currentTokenLocation().getLineNr();
                    long[] length = new long[1];
                    JsonNode node = readCapped(parser, length);
                    if (node == null) {
                        handler.reject(line, "the value is " + SourceText.size(length[0]) + " long, over the limit of "
                                + SourceText.size(MAX_LINE_BYTES) + "; not read");
                    } else {
                        handler.value(line, node);
                    }
                    if (++values % PROGRESS_VALUES == 0) {
                        progress.accept(in.fractionRead());
                    }
                } catch (SourceText.Refused e) {
                    throw e;
                } catch (com.fasterxml.jackson.core.exc.StreamConstraintsException e) {
                    throw new BadInputException(line, "the value holds a text over the limit of " + SourceText.size(MAX_LINE_BYTES)
                            + "; the rest of the file is skipped");
                } catch (JsonProcessingException e) {
                    int at = e.getLocation() != null && e.getLocation().getLineNr() > 0 ? e.getLocation().getLineNr() : line;
                    throw new BadInputException(at, describe(e) + "; the rest of the file is skipped");
                }
            }
            JsonToken after = parser.nextToken();
            if (after != null) {
                throw new BadInputException(parser.currentTokenLocation().getLineNr(),
                        "not valid JSON: more text after the closing ]");
            }
            progress.accept(1.0);
        } catch (SourceText.Refused e) {
            BadInputException reason = e.reason();
            throw values == 0 ? reason : new BadInputException(reason.line(), reason.getMessage() + "; the rest of the file is skipped");
        } catch (JsonProcessingException e) {
            throw new BadInputException(e.getLocation() == null ? null : e.getLocation().getLineNr(), describe(e));
        }
    }

    /** How often (in values of an array) a streamed file reports how far through it the reader is. */
    private static final int PROGRESS_VALUES = 1_000;

    /**
     * The value the parser is at, or null when it takes more than {@link #MAX_LINE_BYTES} characters:
     * then it is read to its end without being kept and {@code length[0]} is its length. A value is
     * copied token by token, so an overlong one never sits in memory whole.
     */
    private static JsonNode readCapped(JsonParser parser, long[] length) throws IOException {
        JsonToken token = parser.currentToken();
        if (!token.isStructStart()) {
            return parser.readValueAsTree(); // a scalar: Jackson's string length limit holds it
        }
        long start = parser.currentTokenLocation().getCharOffset();
        com.fasterxml.jackson.databind.util.TokenBuffer kept = new com.fasterxml.jackson.databind.util.TokenBuffer(parser);
        int depth = 0;
        while (true) {
            if (token.isStructStart()) {
                depth++;
            } else if (token.isStructEnd()) {
                depth--;
            }
            if (kept != null) {
                kept.copyCurrentEvent(parser);
                if (parser.currentLocation().getCharOffset() - start > MAX_LINE_BYTES) {
                    kept.close();
                    kept = null; // over the limit: read on to its end, keeping nothing
                }
            }
            if (depth == 0) {
                break;
            }
            token = parser.nextToken();
            if (token == null) {
                throw new com.fasterxml.jackson.core.io.JsonEOFException(parser, null, "the value is not complete");
            }
        }
        if (kept == null) {
            length[0] = parser.currentLocation().getCharOffset() - start;
            return null;
        }
        try (JsonParser replay = kept.asParser(parser.getCodec())) {
            replay.nextToken();
            return replay.readValueAsTree();
        }
    }

    /**
     * The longest line of a line-per-value file (JSON Lines, a bundle) that is parsed: 16 MiB, far
     * over any real post (a 100,000-character caption of 4-byte characters is 400 kB).
     */
    static final int MAX_LINE_BYTES = 16 << 20;

    /** How much of a JSON file is read to see whether its first line is a value of its own. */
    private static final int FIRST_LINE_PEEK = 1 << 20;

    /** Streams JSON Lines: each line a value, a bad or overlong line rejected, one line in memory at a time. */
    static void forEachLineValue(Path file, ValueHandler handler, java.util.function.DoubleConsumer progress)
            throws IOException, BadInputException {
        SourceLines.forEach(file, new SourceLines.Handler() {
            @Override
            public void line(int number, byte[] bytes, int length) {
                if (isBlank(bytes, 0, length)) {
                    return;
                }
                try {
                    handler.value(number, parse(SourceText.decode(bytes, 0, length, number), number));
                } catch (BadInputException e) {
                    handler.reject(number, e.getMessage());
                }
            }

            @Override
            public void tooLong(int number, long length) {
                handler.reject(number, JsonInput.tooLong(length));
            }

            @Override
            public void readUpTo(double fraction) {
                progress.accept(fraction);
            }
        });
    }

    /** The reason a line of {@code length} bytes, over {@link #MAX_LINE_BYTES}, is not read. */
    static String tooLong(long length) {
        return "the line is " + SourceText.size(length) + " long, over the limit of " + SourceText.size(MAX_LINE_BYTES) + "; not read";
    }

    /** Lines as {lineNumber, from, to} with the line end (and a CR before it) excluded. */
    static List<int[]> splitLines(byte[] bytes, int start) {
        List<int[]> lines = new ArrayList<>();
        int lineNumber = 1;
        int from = start;
        for (int i = start; i <= bytes.length; i++) {
            if (i == bytes.length || bytes[i] == '\n') {
                int to = i > from && bytes[i - 1] == '\r' ? i - 1 : i;
                if (i < bytes.length || to > from) {
                    lines.add(new int[] {lineNumber, from, to});
                }
                lineNumber++;
                from = i + 1;
            }
        }
        return lines;
    }

    static boolean isBlank(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            byte b = bytes[i];
            if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
                return false;
            }
        }
        return true;
    }

    static int firstNonBlank(byte[] bytes, int from) {
        for (int i = from; i < bytes.length; i++) {
            byte b = bytes[i];
            if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
                return i;
            }
        }
        return -1;
    }

    // ---- typed fields -------------------------------------------------------------------------

    /** "string", "number", "array", … for messages. */
    static String typeOf(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return "nothing";
        }
        return switch (node.getNodeType()) {
            case STRING -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case ARRAY -> "an array";
            case OBJECT -> "an object";
            case NULL -> "null";
            default -> node.getNodeType().name().toLowerCase(Locale.ROOT);
        };
    }

    private static JsonNode field(JsonNode parent, String name) {
        JsonNode value = parent == null ? null : parent.get(name);
        return value == null || value.isNull() ? null : value;
    }

    static BadInputException wrongType(String path, String expected, JsonNode found) {
        return new BadInputException("field '" + path + "' must be " + expected + ", found " + typeOf(found));
    }

    /** A string field, or null when absent or null. */
    static String optText(JsonNode parent, String name, String path) throws BadInputException {
        JsonNode value = field(parent, name);
        if (value == null) {
            return null;
        }
        if (!value.isTextual()) {
            throw wrongType(path, "a string", value);
        }
        return value.textValue();
    }

    static String reqText(JsonNode parent, String name, String path) throws BadInputException {
        String value = optText(parent, name, path);
        if (value == null || value.isBlank()) {
            throw new BadInputException("missing field '" + path + "'");
        }
        return value;
    }

    /** An id that platforms write as a string but older tools sometimes as a whole number. */
    static String optId(JsonNode parent, String name, String path) throws BadInputException {
        JsonNode value = field(parent, name);
        if (value == null) {
            return null;
        }
        if (value.isTextual()) {
            return value.textValue();
        }
        if (value.isIntegralNumber()) {
            return value.bigIntegerValue().toString();
        }
        throw wrongType(path, "a string or a whole number", value);
    }

    /** A whole-number field, or null when absent. */
    static Long optLong(JsonNode parent, String name, String path) throws BadInputException {
        JsonNode value = field(parent, name);
        if (value == null) {
            return null;
        }
        if (!value.isIntegralNumber() || !value.canConvertToLong()) {
            throw wrongType(path, "a whole number", value);
        }
        return value.longValue();
    }

    /** Earliest and latest epoch second accepted as a time (1970 to 9999), so a broken number is named, not crashed on. */
    private static final long LATEST_EPOCH_SECOND = 253_402_300_799L;

    /** A whole-number field of epoch seconds as an instant, or null when absent. */
    static Instant optEpochSeconds(JsonNode parent, String name, String path) throws BadInputException {
        Long seconds = optLong(parent, name, path);
        if (seconds == null) {
            return null;
        }
        return epochSeconds(seconds, "field '" + path + "'");
    }

    static Instant epochSeconds(long seconds, String what) throws BadInputException {
        if (seconds < 0 || seconds > LATEST_EPOCH_SECOND) {
            throw new BadInputException(what + " is " + seconds + ", not a time in epoch seconds between 1970 and 9999");
        }
        return Instant.ofEpochSecond(seconds);
    }

    static JsonNode optObject(JsonNode parent, String name, String path) throws BadInputException {
        JsonNode value = field(parent, name);
        if (value != null && !value.isObject()) {
            throw wrongType(path, "an object", value);
        }
        return value;
    }

    static JsonNode optArray(JsonNode parent, String name, String path) throws BadInputException {
        JsonNode value = field(parent, name);
        if (value != null && !value.isArray()) {
            throw wrongType(path, "an array", value);
        }
        return value;
    }

    /** An array of strings, empty when absent. */
    static List<String> textList(JsonNode parent, String name, String path) throws BadInputException {
        JsonNode array = optArray(parent, name, path);
        List<String> values = new ArrayList<>();
        if (array != null) {
            for (int i = 0; i < array.size(); i++) {
                JsonNode item = array.get(i);
                if (!item.isTextual()) {
                    throw wrongType(path + "[" + i + "]", "a string", item);
                }
                values.add(item.textValue());
            }
        }
        return values;
    }

    /** Element {@code i} of {@code array}, which must be an object; {@code at} is its path for the message. */
    static JsonNode objectAt(JsonNode array, int i, String at) throws BadInputException {
        JsonNode item = array.get(i);
        if (!item.isObject()) {
            throw wrongType(at, "an object", item);
        }
        return item;
    }

    /** The {@code field} strings of the objects in an array (e.g. urls[].expanded_url). */
    static List<String> textsOfObjects(JsonNode array, String field, String path) throws BadInputException {
        List<String> values = new ArrayList<>();
        if (array == null) {
            return values;
        }
        for (int i = 0; i < array.size(); i++) {
            JsonNode item = objectAt(array, i, path + "[" + i + "]");
            String value = optText(item, field, path + "[" + i + "]." + field);
            if (value != null && !value.isBlank()) {
                values.add(value);
            }
        }
        return values;
    }

    static ObjectMapper mapper() {
        return MAPPER;
    }
}
