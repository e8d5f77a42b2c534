package org.signalbench.importing;

import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.signalbench.domain.Platform;

/**
 * How posts CSV files are read: one parameter set for the command line ({@code import --map …}) and
 * the app's CSV import dialog, so both run the same import (docs/formats/csv.md).
 *
 * @param mapping      SignalBench field → the file's column that holds it (case-insensitive), or
 *                     {@link #NO_COLUMN} for a field not to read; a field not given here is taken from
 *                     a column of its own name or a known alias
 * @param delimiter    the cell separator, or null to detect it ({@code ,} {@code ;} tab {@code |})
 * @param encoding     the file's character encoding, or null to detect it
 * @param timeFormat   a {@link java.time.format.DateTimeFormatter} pattern for {@code posted_at}, or
 *                     null for ISO-8601 (with {@code T} or a space) and epoch seconds
 * @param timeZone     the zone of times that carry none (default UTC)
 * @param platform     the platform of rows when the file has no platform column, or null
 * @param dropRetweets leave out retweets (counted as skipped "retweet"); applies to every format
 *                     imported with these options, not only CSV
 */
public record CsvOptions(Map<String, String> mapping, Character delimiter, Charset encoding, String timeFormat,
                         ZoneId timeZone, Platform platform, boolean dropRetweets) {
    /** The fields a column can be mapped to, in the order the dialog shows them. */
    public static final List<String> FIELDS = List.of("external_id", "platform", "caption", "author", "author_id",
            "posted_at", "collected_under", "url", "links", "media", "retweet");
    /** The fields without which a row is not a post ({@code platform} may come from {@link #platform()} instead). */
    public static final List<String> REQUIRED = List.of("external_id", "platform");
    /** The separators offered and detected. */
    public static final List<Character> DELIMITERS = List.of(',', ';', '\t', '|');
    /** The encodings offered by name; any other encoding Java knows is accepted too. */
    public static final List<Charset> ENCODINGS = List.of(StandardCharsets.UTF_8, Charset.forName("windows-1252"),
            StandardCharsets.ISO_8859_1);

    /** A field mapped to this is not read, even when a column has its name ({@code --map author=}). */
    public static final String NO_COLUMN = "";

    /** Detect everything, map columns by name, UTC, keep retweets. */
    public static final CsvOptions DEFAULT = new CsvOptions(Map.of(), null, null, null, ZoneOffset.UTC, null, false);

    public CsvOptions {
        Map<String, String> normalised = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : (mapping == null ? Map.<String, String>of() : mapping).entrySet()) {
            String field = e.getKey().trim().toLowerCase(Locale.ROOT);
            if (!FIELDS.contains(field)) {
                throw new IllegalArgumentException("unknown field '" + e.getKey() + "' (expected one of "
                        + String.join(", ", FIELDS) + ")");
            }
            normalised.put(field, e.getValue() == null ? NO_COLUMN : e.getValue().trim());
        }
        mapping = java.util.Collections.unmodifiableMap(normalised);
        if (delimiter != null && !DELIMITERS.contains(delimiter)) {
            throw new IllegalArgumentException("unsupported delimiter " + delimiterName(delimiter)
                    + " (expected , ; tab or |)");
        }
        timeFormat = timeFormat == null || timeFormat.isBlank() ? null : timeFormat;
        timeZone = timeZone == null ? ZoneOffset.UTC : timeZone;
        if (timeFormat != null) {
            CsvTimes.formatter(timeFormat); // refuses a bad pattern now, not on every row
        }
    }

    /**
     * Parses {@code caption=text,external_id=id} (target field = source column; {@code author=}
     * for a field not to read). A column name with a comma cannot be given here; the dialog takes any name.
     */
    public static Map<String, String> parseMapping(String spec) {
        Map<String, String> mapping = new LinkedHashMap<>();
        if (spec == null || spec.isBlank()) {
            return mapping;
        }
        for (String pair : spec.split(",")) {
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("'" + pair.trim() + "' is not FIELD=COLUMN (for example caption=text)");
            }
            String field = pair.substring(0, eq).trim().toLowerCase(Locale.ROOT);
            if (mapping.put(field, pair.substring(eq + 1).trim()) != null) {
                throw new IllegalArgumentException("field '" + field + "' is mapped twice");
            }
        }
        return mapping;
    }

    /** {@code auto} (null), {@code ,}, {@code ;}, {@code tab} (or a tab character), {@code |} or {@code pipe}. */
    public static Character parseDelimiter(String text) {
        if (text == null || text.equalsIgnoreCase("auto")) {
            return null;
        }
        String t = text.equalsIgnoreCase("tab") || text.equals("\\t") ? "\t" : text.equalsIgnoreCase("pipe") ? "|" : text;
        if (t.length() != 1 || !DELIMITERS.contains(t.charAt(0))) {
            throw new IllegalArgumentException("unsupported delimiter '" + text + "' (expected , ; tab | pipe or auto)");
        }
        return t.charAt(0);
    }

    /** {@code auto} (null) or an encoding name Java knows ({@code UTF-8}, {@code windows-1252}, {@code ISO-8859-1}, …). */
    public static Charset parseEncoding(String name) {
        if (name == null || name.equalsIgnoreCase("auto")) {
            return null;
        }
        try {
            return Charset.forName(name.trim());
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw new IllegalArgumentException("unknown encoding '" + name + "' (expected UTF-8, windows-1252, "
                    + "ISO-8859-1 or auto)");
        }
    }

    /** A zone id ({@code UTC}, {@code Europe/Berlin}, {@code +02:00}). */
    public static ZoneId parseZone(String id) {
        try {
            return ZoneId.of(id.trim());
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("unknown time zone '" + id + "' (for example UTC, Europe/Berlin or +02:00)");
        }
    }

    /** How a delimiter is named to people: "," ";" "tab" "|". */
    public static String delimiterName(char delimiter) {
        return delimiter == '\t' ? "tab" : String.valueOf(delimiter);
    }

    public CsvOptions withMapping(Map<String, String> newMapping) {
        return new CsvOptions(newMapping, delimiter, encoding, timeFormat, timeZone, platform, dropRetweets);
    }

    public CsvOptions withDelimiter(Character newDelimiter) {
        return new CsvOptions(mapping, newDelimiter, encoding, timeFormat, timeZone, platform, dropRetweets);
    }

    public CsvOptions withEncoding(Charset newEncoding) {
        return new CsvOptions(mapping, delimiter, newEncoding, timeFormat, timeZone, platform, dropRetweets);
    }

    public CsvOptions withTime(String newFormat, ZoneId newZone) {
        return new CsvOptions(mapping, delimiter, encoding, newFormat, newZone, platform, dropRetweets);
    }

    public CsvOptions withPlatform(Platform newPlatform) {
        return new CsvOptions(mapping, delimiter, encoding, timeFormat, timeZone, newPlatform, dropRetweets);
    }

    public CsvOptions withDropRetweets(boolean drop) {
        return new CsvOptions(mapping, delimiter, encoding, timeFormat, timeZone, platform, drop);
    }
}
