package org.signalbench.topics;

/**
 * A small, fast seeded random number generator (Steele, Lea and Flood's SplitMix64, the generator
 * behind {@link java.util.SplittableRandom}) whose whole state is one {@code long}, so a sampler
 * can checkpoint and resume it exactly.
 */
final class SplitMix64 {
    static final long GOLDEN_GAMMA = 0x9e3779b97f4a7c15L;

    long state;

    SplitMix64(long seed) {
        this.state = seed;
    }

    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    long nextLong() {
        state += GOLDEN_GAMMA;
        return mix(state);
    }

    /** Uniform in [0, 1). */
    double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    /** Uniform in [0, bound). */
    int nextInt(int bound) {
        return (int) (((nextLong() >>> 33) * bound) >>> 31);
    }

    /** A seed for stream {@code index} of {@code seed}: independent-looking streams from one user seed. */
    static long derive(long seed, long index) {
        return mix(seed * GOLDEN_GAMMA + mix(index + 0x632be59bd9b4e019L));
    }
}
