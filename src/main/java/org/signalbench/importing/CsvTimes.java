package org.signalbench.importing;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;

/**
 * Reads a CSV file's {@code posted_at} cells: with a {@link DateTimeFormatter} pattern when one is
 * given, else ISO-8601 (an instant, a time with an offset, or a local time with {@code T} or a
 * space) or epoch seconds. Times without a zone are taken in the given zone (UTC by default).
 */
public final class CsvTimes {
    /** ISO local date-time with {@code T} or a space between date and time ({@code 2018-07-19 14:03:11}). */
    private static final DateTimeFormatter LOCAL = new DateTimeFormatterBuilder().parseCaseInsensitive()
            .append(DateTimeFormatter.ISO_LOCAL_DATE).optionalStart().appendLiteral('T').optionalEnd()
            .optionalStart().appendLiteral(' ').optionalEnd().append(DateTimeFormatter.ISO_LOCAL_TIME)
            .toFormatter(Locale.ROOT);

    private final String pattern;
    private final DateTimeFormatter formatter;
    private final ZoneId zone;

    /** @param pattern a java.time pattern, or null for ISO-8601 and epoch seconds */
    public CsvTimes(String pattern, ZoneId zone) {
        this.pattern = pattern;
        this.formatter = pattern == null ? null : formatter(pattern);
        this.zone = zone;
    }

    /** The pattern as a formatter (English month names, strict about dates such as 31 February). */
    static DateTimeFormatter formatter(String pattern) {
        try {
            return new DateTimeFormatterBuilder().parseCaseInsensitive().appendPattern(pattern)
                    .toFormatter(Locale.ENGLISH).withResolverStyle(ResolverStyle.SMART);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the time format '" + pattern + "' is not a java.time pattern: "
                    + e.getMessage());
        }
    }

    /**
     * The instant a cell names.
     *
     * @throws IllegalArgumentException saying what was expected, for a cell that is not such a time
     */
    public Instant parse(String value) {
        String text = value.trim();
        if (formatter != null) {
            try {
                return resolve(formatter.parse(text));
            } catch (DateTimeException e) {
                throw new IllegalArgumentException("posted_at '" + value + "' does not match the time format '"
                        + pattern + "'");
            }
        }
        if (text.matches("-?\\d{1,15}")) {
            try {
                return JsonInput.epochSeconds(Long.parseLong(text), "posted_at");
            } catch (BadInputException e) {
                throw new IllegalArgumentException(e.getMessage());
            }
        }
        try {
            return OffsetDateTime.parse(text.replace(' ', 'T')).toInstant();
        } catch (DateTimeParseException notWithOffset) {
            try {
                return LocalDateTime.parse(text, LOCAL).atZone(zone).toInstant();
            } catch (DateTimeParseException notLocal) {
                throw new IllegalArgumentException("posted_at '" + value + "' is neither an ISO-8601 time "
                        + "(2018-07-19T14:03:11Z, 2018-07-19 14:03:11) nor epoch seconds; give its pattern with "
                        + "--time-format (for example 'dd.MM.yyyy HH:mm')");
            }
        }
    }

    /** A parsed time as an instant: its own zone or offset when it has one, else this zone; a date alone is its midnight. */
    private Instant resolve(TemporalAccessor parsed) {
        if (parsed.isSupported(ChronoField.INSTANT_SECONDS)) {
            return Instant.from(parsed);
        }
        LocalDate date = LocalDate.from(parsed);
        LocalDateTime time = parsed.isSupported(ChronoField.HOUR_OF_DAY)
                ? LocalDateTime.from(parsed) : date.atStartOfDay();
        return ZonedDateTime.of(time, zone).toInstant();
    }
}
