package org.signalbench.models.lstm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.signalbench.models.Example;

/** {@code bench lstm-memory}'s run: every fold trains exactly the epochs asked for, and each epoch's memory is read. */
class LstmMemoryRunTest {
    private static List<Example> corpus() {
        Random random = new Random(3);
        List<Example> examples = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            boolean dealer = i % 4 == 0;
            List<String> tokens = new ArrayList<>();
            List<Integer> indices = new ArrayList<>();
            tokens.add(dealer ? "plug" : "sunset");
            indices.add(dealer ? 1 : 2);
            for (int t = 0; t < 3; t++) {
                int w = 3 + random.nextInt(10);
                tokens.add("w" + w);
                indices.add(w);
            }
            examples.add(new Example(i, tokens, indices.stream().mapToInt(Integer::intValue).toArray(), dealer));
        }
        return examples;
    }

    @Test
    void everyFoldRunsExactlyTheEpochsAskedAndReadsMemoryAfterEach() {
        List<LstmMemoryRun.Reading> seen = new ArrayList<>();
        Map<String, String> small = Map.of("embeddingSize", "4", "lstmSize", "4", "blockDenseSize", "4", "mergedDenseSize", "4",
                "learningRate", "0.05");
        List<LstmMemoryRun.Reading> readings = LstmMemoryRun.run(corpus(), 13, 3, 2, 6, small, 1, seen::add);
        assertEquals(readings, seen, "each reading is also given as it comes");
        assertEquals(12, readings.size());
        long peak = 0;
        for (int i = 0; i < readings.size(); i++) {
            LstmMemoryRun.Reading r = readings.get(i);
            assertEquals(i / 6 + 1, r.fold());
            assertEquals(i % 6 + 1, r.epoch());
            if (LstmMemoryRun.kb("VmHWM") > 0) { // Linux
                assertTrue(r.peakKb() >= peak && r.peakKb() >= r.residentKb() && r.residentKb() > 0, r.toString());
                peak = r.peakKb();
            }
        }
        assertThrows(IllegalArgumentException.class, () -> LstmMemoryRun.run(corpus(), 13, 3, 4, 1, small, 1, r -> { }));
    }
}
