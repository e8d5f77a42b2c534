package org.signalbench.topics;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * The biterm topic model's collapsed Gibbs sampler (Yan et al. 2013, as the reference C++ code
 * samples it). Each biterm b = (w1, w2) takes topic z with probability proportional to
 * <pre>
 *   (n_z + alpha) * (n_w1|z + beta) * (n_w2|z + beta) / ((2 n_z + W beta) * (2 n_z + 1 + W beta))
 * </pre>
 * counts taken without b itself. With a background topic, topic 0's word distribution is fixed at
 * the corpus word frequencies and only its n_z counts.
 *
 * <p>Speed: counts are word-major ({@code nwz[w * K + z]}) so a biterm reads two contiguous rows;
 * the per-topic factor {@code (n_z + alpha) / denominators} is cached and refreshed only for the two
 * topics a sample changes; the inner loop allocates nothing and draws from an inlined SplitMix64.
 *
 * <p>Threads: the biterms are split into one contiguous block per partition; each partition samples
 * against its own copy of the counts and the copies are merged after every sweep (approximate
 * distributed LDA, Newman et al. 2009). One partition is the exact sequential sampler. A run is
 * repeatable for a given seed and partition count; its whole state at a sweep boundary is the topic
 * of every biterm plus one generator state per partition, which is what a checkpoint holds.
 */
final class BtmSampler {
    private static final long MAGIC = 0x42544d434b505431L; // "BTMCKPT1"

    final int k;
    final int w;
    final double alpha;
    final double beta;
    final boolean background;
    final Biterms biterms;
    final int[] z;
    final int[] nwz;
    final int[] nz;
    /** Background word distribution (corpus word frequencies), or null without a background topic. */
    final double[] backgroundWords;
    private final long[] rngStates;
    private final int[] partitionStart;
    private int sweepsDone;

    // Per-partition working memory, allocated once.
    private final int[][] localNwz;
    private final int[][] localNz;
    private final double[][] coef;
    private final double[][] cumulative;

    BtmSampler(Biterms biterms, int k, int w, double alpha, double beta, double[] backgroundWords, int partitions, long seed) {
        this.k = k;
        this.w = w;
        this.alpha = alpha;
        this.beta = beta;
        this.background = backgroundWords != null;
        this.backgroundWords = backgroundWords;
        this.biterms = biterms;
        int n = biterms.size();
        this.z = new int[n];
        this.nwz = new int[Math.multiplyExact(w, k)];
        this.nz = new int[k];
        this.rngStates = new long[partitions];
        this.partitionStart = new int[partitions + 1];
        for (int p = 0; p <= partitions; p++) {
            partitionStart[p] = (int) ((long) n * p / partitions);
        }
        for (int p = 0; p < partitions; p++) {
            rngStates[p] = SplitMix64.derive(seed, 1 + p);
        }
        SplitMix64 init = new SplitMix64(SplitMix64.derive(seed, 0));
        for (int b = 0; b < n; b++) {
            z[b] = init.nextInt(k);
        }
        rebuildCounts();
        localNwz = new int[partitions][];
        localNz = new int[partitions][];
        coef = new double[partitions][k];
        cumulative = new double[partitions][k];
        localNwz[0] = nwz;
        localNz[0] = nz;
        for (int p = 1; p < partitions; p++) {
            localNwz[p] = new int[nwz.length];
            localNz[p] = new int[k];
        }
    }

    int partitions() {
        return rngStates.length;
    }

    int sweepsDone() {
        return sweepsDone;
    }

    private void rebuildCounts() {
        java.util.Arrays.fill(nwz, 0);
        java.util.Arrays.fill(nz, 0);
        int[] first = biterms.first;
        int[] second = biterms.second;
        for (int b = 0; b < z.length; b++) {
            int t = z[b];
            nz[t]++;
            nwz[first[b] * k + t]++;
            nwz[second[b] * k + t]++;
        }
    }

    /** One Gibbs sweep over every biterm; partitions beyond the first run on {@code pool}. */
    void sweep(ExecutorService pool) {
        int parts = partitions();
        if (parts == 1) {
            rngStates[0] = sampleRange(0, z.length, nwz, nz, coef[0], cumulative[0], rngStates[0]);
        } else {
            for (int p = 1; p < parts; p++) {
                System.arraycopy(nwz, 0, localNwz[p], 0, nwz.length);
                System.arraycopy(nz, 0, localNz[p], 0, k);
            }
            int[] nwzBefore = nwz.clone();
            int[] nzBefore = nz.clone();
            List<Future<?>> running = new ArrayList<>();
            for (int p = 1; p < parts; p++) {
                int part = p;
                running.add(pool.submit(() -> {
                    rngStates[part] = sampleRange(partitionStart[part], partitionStart[part + 1], localNwz[part],
                            localNz[part], coef[part], cumulative[part], rngStates[part]);
                }));
            }
            rngStates[0] = sampleRange(0, partitionStart[1], nwz, nz, coef[0], cumulative[0], rngStates[0]);
            for (Future<?> f : running) {
                try {
                    f.get();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while sampling", e);
                } catch (ExecutionException e) {
                    throw new IllegalStateException("a sampling thread failed", e.getCause());
                }
            }
            // Global counts = partition 0's counts plus every other partition's changes.
            for (int p = 1; p < parts; p++) {
                int[] local = localNwz[p];
                for (int i = 0; i < nwz.length; i++) {
                    nwz[i] += local[i] - nwzBefore[i];
                }
                int[] localTopics = localNz[p];
                for (int t = 0; t < k; t++) {
                    nz[t] += localTopics[t] - nzBefore[t];
                }
            }
        }
        sweepsDone++;
    }

    /** Samples biterms [from, to) against the given counts; returns the generator's new state. */
    private long sampleRange(int from, int to, int[] counts, int[] topicCounts, double[] factor, double[] cum, long rng) {
        final int kk = k;
        final double b = beta;
        final double wBeta = w * beta;
        final int[] first = biterms.first;
        final int[] second = biterms.second;
        final int[] topics = z;
        final double[] bg = backgroundWords;
        for (int t = 0; t < kk; t++) {
            factor[t] = topicFactor(topicCounts[t], t);
        }
        for (int i = from; i < to; i++) {
            int row1 = first[i] * kk;
            int row2 = second[i] * kk;
            int old = topics[i];
            topicCounts[old]--;
            counts[row1 + old]--;
            counts[row2 + old]--;
            factor[old] = topicFactor(topicCounts[old], old);

            double total = fillCumulative(row1, row2, counts, factor, cum, kk, b, bg, first[i], second[i]);
            rng += SplitMix64.GOLDEN_GAMMA;
            double u = (SplitMix64.mix(rng) >>> 11) * 0x1.0p-53 * total;
            int t = 0;
            int last = kk - 1;
            while (t < last && cum[t] <= u) {
                t++;
            }
            topics[i] = t;
            topicCounts[t]++;
            counts[row1 + t]++;
            counts[row2 + t]++;
            factor[t] = topicFactor(topicCounts[t], t);
        }
        return rng;
    }

    /** The cached factor of topic t: (n_z + alpha) / denominators, or n_z + alpha for the background topic. */
    private double topicFactor(int count, int t) {
        if (background && t == 0) {
            return count + alpha;
        }
        double twice = 2.0 * count + w * beta;
        return (count + alpha) / (twice * (twice + 1));
    }

    /** Fills {@code cum} with the running sum of the unnormalised conditional over topics; returns the total. */
    private static double fillCumulative(int row1, int row2, int[] counts, double[] factor, double[] cum, int kk,
                                         double beta, double[] bg, int word1, int word2) {
        double total = 0;
        int start = 0;
        if (bg != null) {
            total = factor[0] * bg[word1] * bg[word2];
            cum[0] = total;
            start = 1;
        }
        for (int t = start; t < kk; t++) {
            total += factor[t] * (counts[row1 + t] + beta) * (counts[row2 + t] + beta);
            cum[t] = total;
        }
        return total;
    }

    /**
     * The conditional p(z | b, all other topics) the sampler would draw biterm {@code b} from, normalised,
     * computed through the same cached path as sampling (for tests). Leaves the state unchanged.
     */
    double[] conditional(int b) {
        int row1 = biterms.first[b] * k;
        int row2 = biterms.second[b] * k;
        int old = z[b];
        nz[old]--;
        nwz[row1 + old]--;
        nwz[row2 + old]--;
        double[] factor = new double[k];
        for (int t = 0; t < k; t++) {
            factor[t] = topicFactor(nz[t], t);
        }
        double[] cum = new double[k];
        double total = fillCumulative(row1, row2, nwz, factor, cum, k, beta, backgroundWords, biterms.first[b],
                biterms.second[b]);
        nz[old]++;
        nwz[row1 + old]++;
        nwz[row2 + old]++;
        double[] p = new double[k];
        for (int t = 0; t < k; t++) {
            p[t] = (cum[t] - (t == 0 ? 0 : cum[t - 1])) / total;
        }
        return p;
    }

    /** p(z) = (n_z + alpha) / (|B| + K alpha). */
    double[] topicProportions() {
        double[] p = new double[k];
        for (int t = 0; t < k; t++) {
            p[t] = (nz[t] + alpha) / (z.length + k * alpha);
        }
        return p;
    }

    /** p(w|z), word-major: {@code [w * K + z]}; the background topic's is the corpus word frequency. */
    double[] wordTopicWordMajor() {
        double[] phi = new double[nwz.length];
        for (int t = 0; t < k; t++) {
            double denominator = 2.0 * nz[t] + w * beta;
            for (int word = 0; word < w; word++) {
                phi[word * k + t] = background && t == 0 ? backgroundWords[word] : (nwz[word * k + t] + beta) / denominator;
            }
        }
        return phi;
    }

    /** Copies of the topic counts, for tests comparing states. */
    int[] topicAssignments() {
        return z.clone();
    }

    int[] wordTopicCounts() {
        return nwz.clone();
    }

    /**
     * Writes the state (sweeps done, generator states, every biterm's topic) with {@code fingerprint}
     * identifying corpus and hyperparameters; written beside the target and moved over it, so a crash
     * while writing leaves the previous checkpoint intact.
     */
    void save(Path file, String fingerprint) {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                    StandardOpenOption.WRITE)) {
                try (DataOutputStream header = new DataOutputStream(java.nio.channels.Channels.newOutputStream(ch))) {
                    header.writeLong(MAGIC);
                    header.writeUTF(fingerprint);
                    header.writeInt(sweepsDone);
                    header.writeInt(rngStates.length);
                    for (long s : rngStates) {
                        header.writeLong(s);
                    }
                    header.writeInt(z.length);
                    header.flush();
                    ByteBuffer buf = ByteBuffer.allocate(1 << 20);
                    for (int b = 0; b < z.length; b++) {
                        if (buf.remaining() < 4) {
                            buf.flip();
                            while (buf.hasRemaining()) {
                                ch.write(buf);
                            }
                            buf.clear();
                        }
                        buf.putInt(z[b]);
                    }
                    buf.flip();
                    while (buf.hasRemaining()) {
                        ch.write(buf);
                    }
                    ch.force(true);
                }
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the checkpoint " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Restores the state from {@code file}. Fails, naming the file and the reason, when the file is not
     * a checkpoint of this corpus and these hyperparameters.
     */
    void load(Path file, String fingerprint) {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ);
             DataInputStream in = new DataInputStream(new java.io.BufferedInputStream(
                     java.nio.channels.Channels.newInputStream(ch), 1 << 20))) {
            if (in.readLong() != MAGIC) {
                throw new IllegalStateException(file + " is not a BTM checkpoint");
            }
            String stored = in.readUTF();
            if (!stored.equals(fingerprint)) {
                throw new IllegalStateException(file + " is a checkpoint of another run (" + stored + "), not of this one ("
                        + fingerprint + ")");
            }
            int sweeps = in.readInt();
            int parts = in.readInt();
            if (parts != rngStates.length) {
                throw new IllegalStateException(file + " was written with " + parts + " partitions, this run has "
                        + rngStates.length);
            }
            long[] states = new long[parts];
            for (int p = 0; p < parts; p++) {
                states[p] = in.readLong();
            }
            int n = in.readInt();
            if (n != z.length) {
                throw new IllegalStateException(file + " holds " + n + " biterms, this corpus has " + z.length);
            }
            for (int b = 0; b < n; b++) {
                int t = in.readInt();
                if (t < 0 || t >= k) {
                    throw new IllegalStateException(file + ": biterm " + b + " has topic " + t + ", outside 0.." + (k - 1));
                }
                z[b] = t;
            }
            System.arraycopy(states, 0, rngStates, 0, parts);
            sweepsDone = sweeps;
            rebuildCounts();
        } catch (EOFException e) {
            throw new IllegalStateException(file + " is cut short: not a complete checkpoint", e);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the checkpoint " + file + ": " + e.getMessage(), e);
        }
    }
}
