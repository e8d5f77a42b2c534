package org.signalbench.models.lstm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LstmBenchmarkTest {

    @Test
    void trainingSpeedCountsPostsAndOperationsByTheFormula() {
        LstmConfig tiny = LstmConfig.laptop().withSizes(8, 8, 8, 8).withTraining(0.2, 1e-4, 4, 1, 4);
        LstmBenchmark.PresetSpeed speed = LstmBenchmark.trainingSpeed(tiny, LstmImplementation.FUSED, 0, 1);
        assertEquals("laptop", speed.preset());
        assertEquals(8, speed.posts()); // at least two timed batches of 4
        assertEquals(speed.posts() / speed.seconds(), speed.postsPerSecond(), 1e-9);
        double flops = LstmFlops.trainingPerPost(tiny);
        assertEquals(flops / 1e9, speed.gflopPerPost(), 1e-12);
        assertEquals(speed.postsPerSecond() * flops / 1e9, speed.gflops(), 1e-9);
    }

    @Test
    void matrixMultiplyRateIsPositive() {
        double gflops = LstmBenchmark.matmulGflops(64, 0.05);
        assertTrue(gflops > 0.01 && gflops < 10_000, "GFLOP/s " + gflops);
    }
}
