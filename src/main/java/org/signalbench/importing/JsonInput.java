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
    /** For reading elements one by one from a stream, where more tokens after each one are expected. */
    private static final ObjectMapper STREAMING = new ObjectMapper();

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
     * Reads the JSON values of a file: a JSON array (each element is a value, at the line it starts
     * on), JSON Lines (one value per line; a bad line is rejected and the next one read), or a single
     * document spread over several lines.
     */
    static void forEachValue(byte[] bytes, ValueHandler handler) throws BadInputException {
        int start = SourceText.contentStart(bytes);
        int first = firstNonBlank(bytes, start);
        if (first < 0) {
            throw new BadInputException("empty file: no JSON value");
        }
        if (bytes[first] == '[') {
            readArray(SourceText.decode(bytes, start, bytes.length - start, null), handler);
            return;
        }
        List<int[]> lines = splitLines(bytes, start);
        List<int[]> nonBlank = lines.stream().filter(l -> !isBlank(bytes, l[1], l[2])).limit(2).toList();
        int[] firstLine = nonBlank.get(0);
        if (nonBlank.size() > 1 && !parsesAlone(bytes, firstLine)) {
            // The first line is not a value of its own: maybe one document written over many lines.
            String whole = SourceText.decode(bytes, start, bytes.length - start, null);
            try {
                JsonNode node = MAPPER.readTree(whole);
                handler.value(firstLine[0], node);
                return;
            } catch (JsonProcessingException notOneDocument) {
                if (!parsesAlone(bytes, nonBlank.get(1))) {
                    // Neither of the first two lines is a value: a broken document, reported once.
                    throw new BadInputException(lineOffset(notOneDocument) + 1, describe(notOneDocument));
                }
                // JSON Lines with a bad first line: each bad line is reported below.
            }
        }
        for (int[] line : lines) {
            if (isBlank(bytes, line[1], line[2])) {
                continue;
            }
            try {
                String text = SourceText.decode(bytes, line[1], line[2] - line[1], line[0]);
                handler.value(line[0], parse(text, line[0]));
            } catch (BadInputException e) {
                handler.reject(line[0], e.getMessage());
            }
        }
    }

    private static boolean parsesAlone(byte[] bytes, int[] line) {
        try {
            MAPPER.readTree(bytes, line[1], line[2] - line[1]);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void readArray(String text, ValueHandler handler) throws BadInputException {
        try (JsonParser parser = STREAMING.createParser(text)) {
            parser.nextToken(); // [
            int line = 1;
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
                    JsonNode node = parser.readValueAsTree();
                    handler.value(line, node);
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
        } catch (JsonProcessingException e) {
            throw new BadInputException(e.getLocation() == null ? null : e.getLocation().getLineNr(), describe(e));
        } catch (IOException e) {
            throw new BadInputException(e.getMessage());
        }
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
