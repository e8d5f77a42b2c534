package org.signalbench.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.signalbench.store.RunTimings;

/** The run-time estimate: stored mean fold time × folds × variants per model; a model never run has none. */
class RunEstimatesTest {
    @Test
    void fromStoredFoldTimes() {
        Map<String, RunTimings.FoldTime> times = Map.of("dt", new RunTimings.FoldTime(30, 2.0), "svm", new RunTimings.FoldTime(30, 1.0));
        RunEstimates.Estimate e = RunEstimates.of(times, List.of("dt", "svm", "rf"), 3, 10);
        assertEquals(90.0, e.seconds(), 1e-9);
        assertEquals(List.of("rf"), e.unknown());
        assertEquals("Estimated time: about 2 min (from 60 folds of earlier runs on this workbench); no estimate yet for rf "
                + "(never run on this workbench)", e.text());
        assertEquals("no estimate yet for lstm (never run on this workbench)", RunEstimates.of(times, List.of("lstm"), 3, 10).text());
        assertEquals("40 s", RunEstimates.duration(40));
        assertEquals("1 h 40 min", RunEstimates.duration(6000));
    }
}
