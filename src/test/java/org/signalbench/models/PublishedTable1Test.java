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
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.signalbench.store.DataLocations;

/**
 * The shipped copy of the Instagram study's Table 1 is complete in shape and holds the article's 48
 * numbers: Li J, Xu Q, Shah N, Mackey TK, J Med Internet Res 2019;21(6):e13803, Table 1
 * ("Performance for each model based on variations of text and hashtag use"; percent, columns
 * Decision tree, Random forest, Support vector machine, Study model).
 */
class PublishedTable1Test {
    private static final List<String> VARIANTS = List.of("with-hashtags", "hashtags-only", "no-hashtags");
    private static final List<String> MODELS = List.of("lstm", "dt", "rf", "svm");
    private static final List<String> MEASURES = List.of("precision", "recall", "f1", "auc");

    /**
     * The article's Table 1 as printed (percent), typed from the article, not read from the shipped
     * file: per variant, rows precision, recall, F1 score, area under the curve; columns DT, RF,
     * SVM, study model (LSTM).
     */
    private static final Map<String, double[][]> ARTICLE = Map.of(
            "with-hashtags", new double[][] {
                    {95.05, 96.00, 96.86, 94.81},
                    {82.15, 86.08, 81.21, 91.42},
                    {88.13, 90.77, 88.35, 93.09},
                    {96.67, 96.85, 97.18, 98.12}},
            "hashtags-only", new double[][] {
                    {86.22, 94.14, 95.39, 89.60},
                    {86.50, 87.13, 84.24, 88.89},
                    {86.36, 90.50, 89.47, 89.24},
                    {95.95, 95.23, 95.43, 94.32}},
            "no-hashtags", new double[][] {
                    {88.49, 97.07, 97.80, 93.60},
                    {93.08, 91.31, 89.32, 98.31},
                    {90.73, 94.11, 93.37, 95.90},
                    {95.56, 94.85, 93.49, 99.12}});
    /** The article's column order. */
    private static final List<String> ARTICLE_MODELS = List.of("dt", "rf", "svm", "lstm");

    @Test
    void all48CellsAreTheArticlesPercentagesAsFractions() {
        PublishedValues shipped = PublishedValues.load();
        assertEquals("", shipped.problem());
        int checked = 0;
        for (var entry : ARTICLE.entrySet()) {
            for (int m = 0; m < MEASURES.size(); m++) {
                for (int c = 0; c < ARTICLE_MODELS.size(); c++) {
                    String cell = entry.getKey() + "/" + ARTICLE_MODELS.get(c) + "/" + MEASURES.get(m);
                    OptionalDouble v = shipped.value(entry.getKey(), ARTICLE_MODELS.get(c), MEASURES.get(m));
                    assertTrue(v.isPresent(), cell + " is empty");
                    assertEquals(entry.getValue()[m][c] / 100, v.getAsDouble(), 1e-9, cell);
                    checked++;
                }
            }
        }
        assertEquals(48, checked);
    }

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
