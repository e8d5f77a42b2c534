package org.signalbench.models.lstm;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.MultiDataSet;
import org.signalbench.jobs.CancelledException;
import org.signalbench.jobs.JobContext;

/**
 * Trains the study's LSTM. Each epoch visits the training posts in a fresh seeded order, in
 * batches; after each epoch the validation loss decides, by the published rule
 * ({@link PublishedEarlyStopping}), whether to go on, and the weights of the best epoch are kept.
 * Without validation posts it trains for the epoch cap and keeps the last weights. Checks for
 * cancellation before every batch and then throws {@link CancelledException}.
 */
public final class LstmTrainer {
    private final LstmConfig config;
    private Consumer<LstmEpoch> epochListener = epoch -> { };

    public LstmTrainer(LstmConfig config) {
        this.config = config;
    }

    /** Called after every epoch, on the training thread (a live loss chart listens here). */
    public LstmTrainer onEpoch(Consumer<LstmEpoch> listener) {
        this.epochListener = listener;
        return this;
    }

    /**
     * @param labels           1 for a dealer post, 0 otherwise; one per training post
     * @param validation       posts for early stopping (may be empty)
     * @param validationLabels one per validation post
     */
    public LstmModel train(List<LstmSequence> train, int[] labels, List<LstmSequence> validation,
                           int[] validationLabels, JobContext context) {
        checkLabels("training", train, labels);
        checkLabels("validation", validation, validationLabels);
        if (train.isEmpty()) {
            throw new IllegalArgumentException("no training posts");
        }
        ComputationGraph network = LstmNetwork.build(config);
        Random shuffle = new Random(config.seed());
        PublishedEarlyStopping stopping = new PublishedEarlyStopping(config.patience());
        List<LstmEpoch> history = new ArrayList<>();
        INDArray bestParams = null;
        int batchesPerEpoch = (train.size() + config.batchSize() - 1) / config.batchSize();
        long totalBatches = (long) batchesPerEpoch * config.maxEpochs();
        int[] order = new int[train.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        for (int epoch = 1; epoch <= config.maxEpochs(); epoch++) {
            long start = System.nanoTime();
            shuffleInPlace(order, shuffle);
            double lossSum = 0;
            for (int b = 0; b < batchesPerEpoch; b++) {
                if (context.isCancelled()) {
                    throw new CancelledException();
                }
                int from = b * config.batchSize();
                int to = Math.min(train.size(), from + config.batchSize());
                List<LstmSequence> posts = new ArrayList<>(to - from);
                int[] batchLabels = new int[to - from];
                for (int i = from; i < to; i++) {
                    posts.add(train.get(order[i]));
                    batchLabels[i - from] = labels[order[i]];
                }
                network.fit(dataSet(posts, batchLabels, 0, batchLabels.length));
                lossSum += network.score() * (to - from);
                context.progress((long) (epoch - 1) * batchesPerEpoch + b + 1, totalBatches,
                        "LSTM epoch " + epoch + ", batch " + (b + 1) + " of " + batchesPerEpoch);
            }
            double trainLoss = lossSum / train.size();
            boolean stop = false;
            boolean best = true;
            double validationLoss = Double.NaN;
            if (!validation.isEmpty()) {
                validationLoss = loss(network, validation, validationLabels);
                stop = stopping.record(validationLoss);
                best = stopping.latestIsBest();
            }
            if (best) {
                bestParams = network.params().dup();
            }
            LstmEpoch done = new LstmEpoch(epoch, trainLoss, validationLoss, best, (System.nanoTime() - start) / 1e9);
            history.add(done);
            epochListener.accept(done);
            context.progress((long) epoch * batchesPerEpoch, totalBatches, String.format(java.util.Locale.ROOT,
                    "LSTM epoch %d: training loss %.4f, validation loss %.4f", epoch, trainLoss, validationLoss));
            if (stop) {
                break;
            }
        }
        network.setParams(bestParams);
        List<LstmEpoch> marked = new ArrayList<>(history.size());
        int bestEpoch = validation.isEmpty() ? history.size() : stopping.bestEpoch();
        for (LstmEpoch e : history) {
            marked.add(new LstmEpoch(e.epoch(), e.trainLoss(), e.validationLoss(), e.epoch() == bestEpoch, e.seconds()));
        }
        return new LstmModel(network, config, marked);
    }

    /** Mean binary cross-entropy over the posts, without dropout. */
    private double loss(ComputationGraph network, List<LstmSequence> posts, int[] labels) {
        double sum = 0;
        int step = Math.max(config.batchSize(), 256);
        for (int from = 0; from < posts.size(); from += step) {
            int to = Math.min(posts.size(), from + step);
            sum += network.score(dataSet(posts.subList(from, to), labels, from, to), false) * (to - from);
        }
        return sum / posts.size();
    }

    private MultiDataSet dataSet(List<LstmSequence> posts, int[] labels, int from, int to) {
        LstmInputs inputs = LstmInputs.encode(posts, config);
        return new MultiDataSet(inputs.features(), new INDArray[] {LstmInputs.labels(labels, from, to)},
                inputs.masks(), null);
    }

    private static void shuffleInPlace(int[] order, Random random) {
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
    }

    private static void checkLabels(String what, List<LstmSequence> posts, int[] labels) {
        if (posts.size() != labels.length) {
            throw new IllegalArgumentException(what + ": " + posts.size() + " posts but " + labels.length + " labels");
        }
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] != 0 && labels[i] != 1) {
                throw new IllegalArgumentException(what + " post " + posts.get(i).postId() + ": label " + labels[i]
                        + " is neither 0 nor 1");
            }
        }
    }
}
