package org.signalbench.models.lstm;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
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
    private boolean bucketing = true;

    public LstmTrainer(LstmConfig config) {
        this.config = config;
    }

    /** Called after every epoch, on the training thread (a live loss chart listens here). */
    public LstmTrainer onEpoch(Consumer<LstmEpoch> listener) {
        this.epochListener = listener;
        return this;
    }

    /**
     * Whether batches group posts of similar text length (default: yes). Off, each epoch is one
     * seeded shuffle cut into batches, as in Keras. Either way every training post is trained on
     * once per epoch; bucketing only saves the padded steps of mixed-length batches.
     */
    public LstmTrainer bucketing(boolean on) {
        this.bucketing = on;
        return this;
    }

    /**
     * @param labels           1 for a dealer post, 0 otherwise; one per training post
     * @param validation       posts for early stopping (may be empty)
     * @param validationLabels one per validation post
     */
    public LstmModel train(List<LstmSequence> givenTrain, int[] labels, List<LstmSequence> givenValidation,
                           int[] validationLabels, JobContext context) {
        checkLabels("training", givenTrain, labels);
        checkLabels("validation", givenValidation, validationLabels);
        if (givenTrain.isEmpty()) {
            throw new IllegalArgumentException("no training posts");
        }
        // the vocabulary comes from the posts trained on only: validation stands for unseen posts
        LstmVocabulary vocabulary = config.minWordCount() > 0 ? LstmVocabulary.fit(givenTrain, config.minWordCount()) : null;
        List<LstmSequence> train = vocabulary == null ? givenTrain : vocabulary.apply(givenTrain);
        List<LstmSequence> validation = vocabulary == null ? givenValidation : vocabulary.apply(givenValidation);
        int[] lengthOrder = LstmInputs.byTextLength(validation);
        List<LstmSequence> validationByLength = new ArrayList<>(validation.size());
        int[] validationLabelsByLength = new int[validation.size()];
        for (int i = 0; i < lengthOrder.length; i++) {
            validationByLength.add(validation.get(lengthOrder[i]));
            validationLabelsByLength[i] = validationLabels[lengthOrder[i]];
        }
        ComputationGraph network = LstmNetwork.build(config);
        Random shuffle = new Random(config.seed());
        PublishedEarlyStopping stopping = new PublishedEarlyStopping(config.patience());
        List<LstmEpoch> history = new ArrayList<>();
        INDArray bestParams = null;
        int batchesPerEpoch = (train.size() + config.batchSize() - 1) / config.batchSize();
        long totalBatches = (long) batchesPerEpoch * config.maxEpochs();
        int[] lengths = bucketing && config.blocks().usesText() ? textLengths(train) : null;
        for (int epoch = 1; epoch <= config.maxEpochs(); epoch++) {
            long start = System.nanoTime();
            List<int[]> batches = batches(train.size(), config.batchSize(), lengths, shuffle);
            double lossSum = 0;
            for (int b = 0; b < batches.size(); b++) {
                if (context.isCancelled()) {
                    throw new CancelledException();
                }
                int[] batch = batches.get(b);
                List<LstmSequence> posts = new ArrayList<>(batch.length);
                int[] batchLabels = new int[batch.length];
                for (int i = 0; i < batch.length; i++) {
                    posts.add(train.get(batch[i]));
                    batchLabels[i] = labels[batch[i]];
                }
                network.fit(dataSet(posts, batchLabels, 0, batchLabels.length));
                lossSum += network.score() * batch.length;
                context.progress((long) (epoch - 1) * batchesPerEpoch + b + 1, totalBatches, "epoch " + epoch);
            }
            double trainLoss = lossSum / train.size();
            boolean stop = false;
            boolean best = true;
            double validationLoss = Double.NaN;
            if (!validation.isEmpty()) {
                validationLoss = loss(network, validationByLength, validationLabelsByLength);
                stop = stopping.record(validationLoss);
                best = stopping.latestIsBest();
            }
            if (best) {
                if (bestParams != null) {
                    bestParams.close(); // off-heap: freed now, not whenever the garbage collector gets to it
                }
                bestParams = network.params().dup();
            }
            releaseGarbageArrays();
            LstmEpoch done = new LstmEpoch(epoch, trainLoss, validationLoss, best, (System.nanoTime() - start) / 1e9);
            history.add(done);
            epochListener.accept(done);
            context.progress((long) epoch * batchesPerEpoch, totalBatches, String.format(java.util.Locale.ROOT,
                    "epoch %d: training loss %.4f, validation loss %.4f, %.1f s", epoch, trainLoss, validationLoss,
                    done.seconds()));
            if (stop) {
                break;
            }
        }
        network.setParams(bestParams); // copies into the network's own parameter array
        bestParams.close();
        List<LstmEpoch> marked = new ArrayList<>(history.size());
        int bestEpoch = validation.isEmpty() ? history.size() : stopping.bestEpoch();
        for (LstmEpoch e : history) {
            marked.add(new LstmEpoch(e.epoch(), e.trainLoss(), e.validationLoss(), e.epoch() == bestEpoch, e.seconds()));
        }
        return new LstmModel(network, config, marked, vocabulary);
    }

    /**
     * Frees the native buffers of the epoch's discarded arrays. ND4J frees an array's off-heap
     * buffer only once the garbage collector has found its Java object unreachable; the objects are
     * small, so with a large heap (a quarter of the RAM by default) old ones wait for a rare full
     * collection while the heap grows: a cross-validation's resident memory then grew with every
     * epoch (about 150 MB an epoch on the sample, 9.9 GB after 20). A full collection at the end of
     * each epoch (a fraction of a second against an epoch's seconds) frees them and lets the heap
     * shrink back, so memory stays flat across epochs and folds (docs/lstm.md, "Memory").
     */
    static void releaseGarbageArrays() {
        org.nd4j.linalg.factory.Nd4j.getMemoryManager().invokeGc();
    }

    /**
     * Mean binary cross-entropy over the posts, without dropout. {@code posts} and {@code labels}
     * come in text-length order (see {@link #train}) so each chunk stops at about its own length.
     */
    private double loss(ComputationGraph network, List<LstmSequence> posts, int[] labels) {
        double sum = 0;
        int step = Math.max(config.batchSize(), LstmModel.SCORING_BATCH);
        for (int from = 0; from < posts.size(); from += step) {
            int to = Math.min(posts.size(), from + step);
            sum += network.score(dataSet(posts.subList(from, to), labels, from, to), false) * (to - from);
        }
        return sum / posts.size();
    }

    /**
     * The batches of one epoch, as indices into the training posts; every post is in exactly one
     * batch. Without {@code lengths} (no bucketing): one seeded shuffle cut into batches. With
     * them (bucketing): the posts are shuffled, then stably sorted by length, so each length keeps
     * a fresh random order; consecutive runs of {@code batchSize} become batches of similar length,
     * and the order of the batches is shuffled. A batch is padded only to its own longest text,
     * so posts of similar length waste few padded steps.
     */
    static List<int[]> batches(int posts, int batchSize, int[] lengths, Random random) {
        Integer[] order = new Integer[posts];
        for (int i = 0; i < posts; i++) {
            order[i] = i;
        }
        Collections.shuffle(Arrays.asList(order), random);
        if (lengths != null) {
            Arrays.sort(order, Comparator.comparingInt(i -> lengths[i]));
        }
        List<int[]> batches = new ArrayList<>((posts + batchSize - 1) / batchSize);
        for (int from = 0; from < posts; from += batchSize) {
            int[] batch = new int[Math.min(batchSize, posts - from)];
            for (int i = 0; i < batch.length; i++) {
                batch[i] = order[from + i];
            }
            batches.add(batch);
        }
        if (lengths != null) {
            Collections.shuffle(batches, random);
        }
        return batches;
    }

    /** Words each post contributes to the text block (cut at the window, at least one step). */
    private int[] textLengths(List<LstmSequence> posts) {
        int[] lengths = new int[posts.size()];
        for (int i = 0; i < lengths.length; i++) {
            lengths[i] = Math.max(1, Math.min(config.textWindow(), posts.get(i).text().length));
        }
        return lengths;
    }

    private MultiDataSet dataSet(List<LstmSequence> posts, int[] labels, int from, int to) {
        LstmInputs inputs = LstmInputs.encode(posts, config);
        return new MultiDataSet(inputs.features(), new INDArray[] {LstmInputs.labels(labels, from, to)},
                inputs.masks(), null);
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
