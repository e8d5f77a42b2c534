package org.signalbench.models;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.function.Supplier;
import org.signalbench.store.DataLocations;

/**
 * The study's published Table 1, shown beside a run's figures: read from the editable resource
 * {@value #RESOURCE} ({"source": "...", "rows": [{"variant", "model", "precision", "recall", "f1",
 * "auc"}]}, fractions 0–1, null where the paper gives no value). A missing file gives no values
 * (every cell shows "—"); an unreadable one gives no values and a {@link #problem()} naming it.
 */
public final class PublishedValues {
    public static final String RESOURCE = "published/instagram-table1.json";
    /** The measures of Table 1, as the JSON names them. */
    public static final String[] MEASURES = {"precision", "recall", "f1", "auc"};

    private final String source;
    private final String problem;
    private final Map<String, Double> values;

    private PublishedValues(String source, String problem, Map<String, Double> values) {
        this.source = source;
        this.problem = problem;
        this.values = values;
    }

    public static PublishedValues none() {
        return new PublishedValues("", "", Map.of());
    }

    /** The values shipped with SignalBench, or the user's edited copy of them. */
    public static PublishedValues load() {
        return read(() -> DataLocations.openResource(RESOURCE), RESOURCE);
    }

    /** Reads the values from {@code open}; {@code name} names the file in messages. */
    public static PublishedValues read(Supplier<InputStream> open, String name) {
        InputStream in;
        try {
            in = open.get();
        } catch (UncheckedIOException missing) {
            return none();
        }
        try (InputStream stream = in) {
            JsonNode root = new ObjectMapper().readTree(stream);
            JsonNode rows = root == null ? null : root.get("rows");
            if (rows == null || !rows.isArray()) {
                return new PublishedValues("", name + ": no \"rows\" list", Map.of());
            }
            Map<String, Double> values = new LinkedHashMap<>();
            for (int i = 0; i < rows.size(); i++) {
                JsonNode row = rows.get(i);
                String variant = row.path("variant").asText("");
                String model = row.path("model").asText("");
                if (variant.isEmpty() || model.isEmpty()) {
                    return new PublishedValues("", name + ": row " + (i + 1) + " has no variant or model", Map.of());
                }
                for (String measure : MEASURES) {
                    JsonNode v = row.get(measure);
                    if (v != null && v.isNumber()) {
                        values.put(key(variant, model, measure), v.doubleValue());
                    } else if (v != null && !v.isNull()) {
                        return new PublishedValues("", name + ": row " + (i + 1) + ", " + measure + " is not a number or null",
                                Map.of());
                    }
                }
            }
            return new PublishedValues(root.path("source").asText(""), "", values);
        } catch (IOException e) {
            return new PublishedValues("", name + " is unreadable: " + e.getMessage(), Map.of());
        }
    }

    private static String key(String variant, String model, String measure) {
        return variant + "/" + model + "/" + measure;
    }

    /** The published value, or empty when the paper gives none (or there is no file). */
    public OptionalDouble value(String variant, String model, String measure) {
        Double v = values.get(key(variant, model, measure));
        return v == null ? OptionalDouble.empty() : OptionalDouble.of(v);
    }

    /** Whether there is no value at all (no file, or every cell null). */
    public boolean isEmpty() {
        return values.isEmpty();
    }

    /** Where the values come from (the paper), or empty. */
    public String source() {
        return source;
    }

    /** Why the file could not be read, or empty. */
    public String problem() {
        return problem;
    }
}
