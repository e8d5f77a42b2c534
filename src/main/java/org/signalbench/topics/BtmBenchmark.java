package org.signalbench.topics;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** Measures the BTM sampler's speed (biterm samples per second) and sum_b inference time, for {@code bench topics}. */
public final class BtmBenchmark {
    private BtmBenchmark() {
    }

    /** Speed of one sampler configuration: sweeps timed after one untimed warm-up sweep. */
    public record SamplerSpeed(int threads, int biterms, int sweeps, double seconds, double bitermsPerSecond,
                               double cpuSeconds) {
        /**
         * Biterms per second of CPU time given to the sampling threads: on a shared machine the rate a
         * core would reach unshared (wall-clock rate when nothing else runs).
         */
        public double bitermsPerCpuSecond() {
            return (double) biterms * sweeps / cpuSeconds;
        }

        /** Seconds per sweep. */
        public double secondsPerIteration() {
            return seconds / sweeps;
        }
    }

    /** Biterms of {@code corpus} with the default 15-word window. */
    public static int biterms(TopicCorpus corpus) {
        return (int) Biterms.count(corpus, BtmTrainer.DEFAULT_WINDOW);
    }

    public static SamplerSpeed samplerSpeed(TopicCorpus corpus, int k, int sweeps, int threads, long seed) {
        TopicParams params = TopicParams.of(k, sweeps).withThreads(threads);
        Biterms biterms = Biterms.of(corpus, BtmTrainer.DEFAULT_WINDOW);
        BtmSampler sampler = BtmTrainer.sampler(corpus, biterms, params, seed);
        ExecutorService pool = threads > 1 ? Executors.newFixedThreadPool(threads - 1) : null;
        try {
            sampler.sweep(pool);
            ThreadMXBean bean = ManagementFactory.getThreadMXBean();
            long cpuStart = processCpuNanos(bean);
            long start = System.nanoTime();
            for (int i = 0; i < sweeps; i++) {
                sampler.sweep(pool);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            double cpu = (processCpuNanos(bean) - cpuStart) / 1e9;
            return new SamplerSpeed(threads, biterms.size(), sweeps, seconds, (double) biterms.size() * sweeps / seconds, cpu);
        } finally {
            if (pool != null) {
                pool.shutdownNow();
            }
        }
    }

    /** CPU time of every live thread of this JVM (the sampler's threads are the busy ones while it runs). */
    private static long processCpuNanos(ThreadMXBean bean) {
        long total = 0;
        for (long id : bean.getAllThreadIds()) {
            long t = bean.getThreadCpuTime(id);
            if (t > 0) {
                total += t;
            }
        }
        return total;
    }

    /** Seconds to infer p(z|d) by sum_b for every document of {@code corpus} with a model of {@code k} topics. */
    public static double sumBInferenceSeconds(TopicCorpus corpus, int k, int sweeps, long seed) {
        TopicParams params = TopicParams.of(k, sweeps);
        Biterms biterms = Biterms.of(corpus, BtmTrainer.DEFAULT_WINDOW);
        BtmSampler sampler = BtmTrainer.sampler(corpus, biterms, params, seed);
        for (int i = 0; i < sweeps; i++) {
            sampler.sweep(null);
        }
        BtmModel model = new BtmModel(k, corpus.vocabularySize(), BtmTrainer.DEFAULT_WINDOW, sampler.topicProportions(),
                sampler.wordTopicWordMajor());
        double[] out = new double[k];
        double[] scratch = new double[k];
        long start = System.nanoTime();
        double checksum = 0;
        for (int[] doc : corpus.documents()) {
            model.infer(doc, out, scratch);
            checksum += out[0];
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        if (Double.isNaN(checksum)) {
            throw new IllegalStateException("inference produced NaN");
        }
        return seconds;
    }
}
