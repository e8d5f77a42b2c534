package org.signalbench.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class UnitProgressTest {
    private record Report(long done, long total, String message) {
    }

    @Test
    void mapsAUnitsOwnProgressInsideItsStepsNeverBackwardsNorIntoTheNextUnit() {
        List<Report> seen = new ArrayList<>();
        boolean[] cancel = {false};
        JobContext whole = new JobContext() {
            @Override
            public void progress(long done, long total, String message) {
                seen.add(new Report(done, total, message));
            }

            @Override
            public boolean isCancelled() {
                return cancel[0];
            }
        };
        JobContext unit = UnitProgress.within(whole, 1, 3, 1000, "training lstm");
        unit.progress(1, 4, "epoch 1");      // a quarter of unit 1: step 1000 + 250
        unit.progress(0, 4, "epoch 1");      // a trainer starting again must not move the bar back
        unit.progress(40, 40, "epoch 10");   // finished: stops one step short of unit 2
        unit.progress(5, 0, "");             // no total: stays, message is the unit's name

        assertEquals(new Report(1250, 3000, "training lstm, epoch 1"), seen.get(0));
        assertEquals(new Report(1250, 3000, "training lstm, epoch 1"), seen.get(1));
        assertEquals(new Report(1999, 3000, "training lstm, epoch 10"), seen.get(2));
        assertEquals(new Report(1999, 3000, "training lstm"), seen.get(3));
        assertTrue(!unit.isCancelled());
        cancel[0] = true;
        assertTrue(unit.isCancelled(), "cancelling is the whole job's");
    }
}
