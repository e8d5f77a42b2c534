package org.signalbench.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.signalbench.store.DataLocations;

/** The shipped copy of the Instagram study's Table 1 is complete in shape and holds only fractions. */
class PublishedTable1Test {
    private static final List<String> VARIANTS = List.of("with-hashtags", "hashtags-only", "no-hashtags");
    private static final List<String> MODELS = List.of("lstm", "dt", "rf", "svm");
    private static final List<String> MEASURES = List.of("precision", "recall", "f1", "auc");

    @Test
    void everyVariantAndModelOnceWithMeasuresBetweenZeroAndOne() throws IOException {
        JsonNode table;
        try (InputStream in = DataLocations.openResource("published/instagram-table1.json")) {
            table = new ObjectMapper().readTree(in);
        }
        assertFalse(table.path("source").asText().isBlank(), "source is missing");
        assertTrue(table.path("note").isTextual(), "note is missing");

        JsonNode rows = table.path("rows");
        assertEquals(VARIANTS.size() * MODELS.size(), rows.size(), "rows");
        Set<String> seen = new HashSet<>();
        for (JsonNode row : rows) {
            String variant = row.path("variant").asText();
            String model = row.path("model").asText();
            assertTrue(VARIANTS.contains(variant), "unknown variant " + variant);
            assertTrue(MODELS.contains(model), "unknown model " + model);
            assertTrue(seen.add(variant + "/" + model), "twice: " + variant + "/" + model);
            for (String measure : MEASURES) {
                JsonNode value = row.get(measure);
                String cell = variant + "/" + model + "/" + measure;
                assertTrue(value != null, "missing " + cell + " (null is allowed, absence is not)");
                if (!value.isNull()) {
                    assertTrue(value.isNumber(), cell + " is not a number");
                    double x = value.asDouble();
                    assertTrue(x >= 0 && x <= 1, cell + " = " + x + " is not a fraction 0..1");
                }
            }
        }
    }
}
