package org.signalbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.signalbench.testing.CliRun;

/** {@code bench lstm}: the JSON shape the issue fixes, and usage errors (the laptop preset only, no timed loop). */
class LstmBenchCommandTest {

    @Test
    void printsMatmulRateAndEachPresetsSpeedAsJson() throws Exception {
        CliRun run = CliRun.of("bench", "lstm", "--json", "--presets", "laptop", "--seconds", "0", "--batch", "4",
                "--implementation", "stock");
        assertEquals(0, run.exit(), run.err());
        JsonNode json = new ObjectMapper().readTree(run.out());
        double matmul = json.get("matmulGflops").asDouble();
        assertTrue(matmul > 0, run.out());
        assertEquals((json.get("matmulGflopsBefore").asDouble() + json.get("matmulGflopsAfter").asDouble()) / 2, matmul,
                1e-9);
        JsonNode preset = json.get("presets").get(0);
        assertEquals(1, json.get("presets").size());
        assertEquals("laptop", preset.get("preset").asText());
        assertEquals("stock", preset.get("implementation").asText());
        assertEquals(4, preset.get("batchSize").asInt());
        assertTrue(preset.get("postsPerSecond").asDouble() > 0);
        assertEquals(preset.get("gflops").asDouble() / matmul, preset.get("shareOfMatmul").asDouble(), 1e-12);
    }

    @Test
    void unknownImplementationOrEmptyBatchIsBadUsage() {
        CliRun unknown = CliRun.of("bench", "lstm", "--implementation", "cudnn");
        assertEquals(2, unknown.exit());
        assertTrue(unknown.err().contains("unknown LSTM implementation 'cudnn'"), unknown.err());
        CliRun empty = CliRun.of("bench", "lstm", "--batch", "0");
        assertEquals(2, empty.exit());
        assertTrue(empty.err().contains("--batch must be at least 1"), empty.err());
    }
}
