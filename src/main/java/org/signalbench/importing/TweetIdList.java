package org.signalbench.importing;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.BiConsumer;
import java.util.regex.Pattern;

/**
 * ID-only Twitter datasets (the form many published datasets take, since tweets may be shared only
 * as ids): a .txt or .csv file with one tweet id per line, optionally under a header
 * ({@code id}, {@code tweet_id}, {@code id_str} or {@code status_id}) and nothing else on a line,
 * and JSON Lines lines that hold just an id. Such tweets are imported as "text unavailable".
 */
final class TweetIdList {
    /** A tweet id: a snowflake or an older sequential id, 1 to 20 digits. */
    private static final Pattern ID = Pattern.compile("[0-9]{1,20}");
    private static final List<String> HEADERS = List.of("id", "tweet_id", "id_str", "status_id", "tweet id");
    /** How many lines detection splits off at most (it stops at the first line with content). */
    private static final int DETECT_LINES = 50;

    private TweetIdList() {
    }

    /** .txt and .csv files go to the Twitter reader only when {@link #looksLikeIdList} said so. */
    static boolean isIdListName(Path file) {
        String name = SourceText.plainName(file);
        return name.endsWith(".txt") || name.endsWith(".csv");
    }

    /** The id when a JSON value is just an id (a whole number, or a string of digits), else null. */
    static String bareId(JsonNode node) {
        if (node.isIntegralNumber() && node.bigIntegerValue().signum() > 0) {
            return node.bigIntegerValue().toString();
        }
        if (node.isTextual() && ID.matcher(node.textValue().strip()).matches()) {
            return node.textValue().strip();
        }
        return null;
    }

    /**
     * True when a file starts as a list of ids: its first non-blank line (after a known header) is
     * an id. Later lines that are not ids are refused one by one when the file is read.
     */
    static boolean looksLikeIdList(byte[] head) {
        String text = new String(head, StandardCharsets.UTF_8);
        boolean headerSeen = false;
        for (String line : text.split("\r?\n", DETECT_LINES)) {
            String cell = unquote(line.strip());
            if (cell.isEmpty()) {
                continue;
            }
            if (!headerSeen && HEADERS.contains(cell.toLowerCase(Locale.ROOT))) {
                headerSeen = true;
                continue;
            }
            return ID.matcher(cell).matches();
        }
        return false;
    }

    /**
     * Reads every line of an id list as a stream: each id to {@code accept}, each line that is not an id
     * (or is over {@link JsonInput#MAX_LINE_BYTES}) to {@code reject}.
     */
    static void read(Path file, BiConsumer<Integer, String> accept, BiConsumer<Integer, String> reject,
                     java.util.function.DoubleConsumer progress) throws java.io.IOException, BadInputException {
        boolean[] first = {true};
        SourceLines.forEach(file, new SourceLines.Handler() {
            @Override
            public void line(int number, byte[] bytes, int length) throws BadInputException {
                String cell = unquote(SourceText.decode(bytes, 0, length, number).strip());
                if (cell.isEmpty()) {
                    return;
                }
                if (first[0] && HEADERS.contains(cell.toLowerCase(Locale.ROOT))) {
                    first[0] = false;
                    return;
                }
                first[0] = false;
                if (ID.matcher(cell).matches()) {
                    accept.accept(number, cell);
                } else {
                    reject.accept(number, "not a tweet id (1 to 20 digits): '" + abbreviate(cell) + "'");
                }
            }

            @Override
            public void tooLong(int number, long length) {
                first[0] = false;
                reject.accept(number, JsonInput.tooLong(length));
            }

            @Override
            public void readUpTo(double fraction) {
                progress.accept(fraction);
            }
        });
    }

    /** One cell: an id list has one column (a CSV with more columns is a posts file). */
    private static String unquote(String cell) {
        return cell.length() >= 2 && cell.startsWith("\"") && cell.endsWith("\"") ? cell.substring(1, cell.length() - 1).strip() : cell;
    }

    private static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "…";
    }
}
