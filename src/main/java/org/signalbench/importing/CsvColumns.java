package org.signalbench.importing;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Which column of a CSV file holds which SignalBench field: the mapping given, else a column named
 * like the field, else a column with one of the field's common other names (docs/formats/csv.md).
 */
public final class CsvColumns {
    /** Other names tools give a field's column, tried in this order after the field's own name. */
    static final Map<String, List<String>> ALIASES = Map.ofEntries(
            Map.entry("external_id", List.of("id", "post_id", "tweet_id", "id_str", "shortcode")),
            Map.entry("caption", List.of("text", "full_text", "tweet", "content", "body", "message")),
            Map.entry("author", List.of("username", "screen_name", "user", "handle", "user_screen_name")),
            Map.entry("author_id", List.of("user_id", "user_id_str")),
            Map.entry("posted_at", List.of("created_at", "created", "timestamp", "date", "time", "datetime")),
            Map.entry("collected_under", List.of("search", "query", "hashtag")),
            Map.entry("url", List.of("link", "permalink", "tweet_url")),
            Map.entry("links", List.of("urls", "expanded_urls")),
            Map.entry("media", List.of("images", "photos")),
            Map.entry("retweet", List.of("is_retweet", "retweeted_status_id", "retweet_of", "retweeted")));

    private CsvColumns() {
    }

    /**
     * The column name each field is read from, for a file with this header: the given mapping
     * (kept even when the header lacks it, so the refusal can name it), else a match by name or
     * alias. Fields with no column, or mapped to {@link CsvOptions#NO_COLUMN}, are absent.
     */
    public static Map<String, String> suggest(List<String> header, Map<String, String> mapping) {
        Map<String, String> byLowerName = new HashMap<>();
        for (String column : header) {
            byLowerName.putIfAbsent(column.trim().toLowerCase(Locale.ROOT), column.trim());
        }
        Map<String, String> chosen = new LinkedHashMap<>();
        for (String field : CsvOptions.FIELDS) {
            String given = mapping.get(field);
            if (given != null) {
                if (!given.equals(CsvOptions.NO_COLUMN)) {
                    chosen.put(field, given);
                }
                continue;
            }
            String found = byLowerName.get(field);
            for (String alias : ALIASES.getOrDefault(field, List.of())) {
                if (found == null) {
                    found = byLowerName.get(alias);
                }
            }
            if (found != null) {
                chosen.put(field, found);
            }
        }
        return chosen;
    }

    /**
     * Field → cell index for a file with {@code header}.
     *
     * @throws BadInputException at line 1 naming the field a given column is missing for, or a
     *                           required field without a column, and listing the columns found
     */
    static Map<String, Integer> resolve(List<String> header, CsvOptions options) throws BadInputException {
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            index.putIfAbsent(header.get(i).trim().toLowerCase(Locale.ROOT), i);
        }
        Map<String, Integer> fields = new HashMap<>();
        for (Map.Entry<String, String> e : suggest(header, options.mapping()).entrySet()) {
            Integer at = index.get(e.getValue().toLowerCase(Locale.ROOT));
            if (at == null) {
                throw new BadInputException(1, "no column '" + e.getValue() + "' for the field '" + e.getKey()
                        + "' (columns found: " + found(header) + ")");
            }
            fields.put(e.getKey(), at);
        }
        for (String required : CsvOptions.REQUIRED) {
            if (!fields.containsKey(required) && !(required.equals("platform") && options.platform() != null)) {
                String how = required.equals("platform")
                        ? "choose its column (--map platform=COLUMN) or one platform for every row (--platform twitter)"
                        : "choose its column (--map " + required + "=COLUMN)";
                throw new BadInputException(1, "no column for the field '" + required + "': " + how
                        + " (columns found: " + found(header) + ")");
            }
        }
        return fields;
    }

    private static String found(List<String> header) {
        return header.isEmpty() ? "none" : String.join(", ", header.stream().map(String::trim).toList());
    }
}
