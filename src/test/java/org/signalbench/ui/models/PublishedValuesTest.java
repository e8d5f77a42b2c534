package org.signalbench.ui.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.signalbench.models.PublishedValues;
import org.signalbench.models.RunSummary;

/** The published Table 1 beside a run: read from its JSON file, "—" where there is no value or no file. */
class PublishedValuesTest {
    private static PublishedValues read(String json) {
        return PublishedValues.read(() -> new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "table1.json");
    }

    @Test
    void readsFractionsAndNullsOfTheFile() {
        PublishedValues v = read(ModelsUiTest.PUBLISHED);
        Table1Grid grid = Table1Grid.of(List.of(new RunSummary.Row("with-hashtags", "svm", 3, 0.9, 0.8, 0.85, 0.95, 0.94,
                0.01, 0.02, 0.03, 0.04)), null, v);
        assertEquals("0.89", grid.lines().get(0).cells().get("svm").get(1), "as the paper gives it, no digits added");
        assertEquals("+0.010", grid.lines().get(0).cells().get("svm").get(2), "this run minus the paper");
        assertEquals("—", grid.lines().get(3).cells().get("svm").get(1), "the paper's AUC is pooled, not a fold mean");
        assertEquals("—", grid.lines().get(3).cells().get("svm").get(2));
        assertEquals("Fixture table", v.source());
        assertEquals("", v.problem());
        assertEquals(OptionalDouble.of(0.89), v.value("with-hashtags", "svm", "precision"));
        assertEquals(OptionalDouble.empty(), v.value("with-hashtags", "svm", "auc"), "null: the paper gives none");
        assertEquals(OptionalDouble.empty(), v.value("no-hashtags", "lstm", "f1"), "not in the file");
    }

    @Test
    void theShippedFileReads() {
        PublishedValues shipped = PublishedValues.load();
        assertEquals("", shipped.problem());
        assertTrue(shipped.source().contains("Instagram"), shipped.source());
    }

    @Test
    void aMissingFileGivesDashesAndAnUnreadableOneSaysWhy() {
        PublishedValues missing = PublishedValues.read(() -> {
            throw new UncheckedIOException(new IOException("resource not found: published/instagram-table1.json"));
        }, PublishedValues.RESOURCE);
        assertEquals("", missing.problem());
        Table1Grid grid = Table1Grid.of(List.of(new RunSummary.Row("with-hashtags", "svm", 3, 0.9, 0.8, 0.85, 0.95, 0.94,
                0.01, 0.02, 0.03, 0.04)), null, missing);
        assertEquals(List.of("0.900 ± 0.010", "—", "—"), grid.lines().get(0).cells().get("svm"));
        assertEquals(List.of("0.950 ± 0.040", "—", "—"), grid.lines().get(3).cells().get("svm"));
        assertEquals(List.of("0.940", "—", "—"), grid.lines().get(4).cells().get("svm"));

        PublishedValues broken = read("{\"rows\": [{\"variant\": \"with-hashtags\", \"model\": \"svm\", \"f1\": \"high\"}]}");
        assertEquals("table1.json: row 1, f1 is not a number or null", broken.problem());
        assertTrue(read("{not json").problem().startsWith("table1.json is unreadable"));
        assertEquals("table1.json: no \"rows\" list", read("{\"source\": \"x\"}").problem());
    }
}
