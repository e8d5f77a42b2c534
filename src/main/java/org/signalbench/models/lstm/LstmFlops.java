package org.signalbench.models.lstm;

/**
 * Floating-point operations the network needs per post per training epoch, counting a multiply
 * and an add as two and training as three times the forward pass (forward, gradient with respect
 * to the inputs, gradient with respect to the weights). Only matrix products are counted; gate
 * nonlinearities, the embedding lookup and the optimiser are small beside them. The text block
 * is counted over the full window, as if every post filled it (docs/lstm.md).
 */
public final class LstmFlops {
    private LstmFlops() {
    }

    /** Forward multiply-adds ×2 of one post. */
    public static double forwardPerPost(LstmConfig c) {
        double flops = 0;
        long e = c.embeddingSize();
        long d = c.blockDenseSize();
        int blocks = 0;
        if (c.blocks().usesText()) {
            long h = c.lstmSize();
            flops += 2.0 * 4 * (e + h) * h * c.textWindow(); // four gates, input and recurrent weights, every step
            flops += 2.0 * h * d;                            // Dense 1
            blocks++;
        }
        if (c.blocks().usesHashtags()) {
            flops += 2.0 * e * c.hashtagWindow() * d;        // Dense 2 over the flattened embeddings
            blocks++;
        }
        flops += 2.0 * blocks * d * c.mergedDenseSize();     // Dense 3
        flops += 2.0 * c.mergedDenseSize();                  // Dense 4
        return flops;
    }

    public static double trainingPerPost(LstmConfig c) {
        return 3 * forwardPerPost(c);
    }
}
