package org.signalbench.models.lstm;

import java.util.ArrayList;
import java.util.List;

/**
 * The study's stopping rule: stop when the latest validation loss is larger than each of the
 * {@code patience} losses before it (4 in the paper). The best epoch is the one with the lowest
 * loss (the earliest of equals); its weights are the ones kept. A NaN loss counts as larger than
 * any number. Pure bookkeeping, no training.
 */
public final class PublishedEarlyStopping {
    private final int patience;
    private final List<Double> losses = new ArrayList<>();
    private int bestIndex = -1;

    public PublishedEarlyStopping(int patience) {
        if (patience < 1) {
            throw new IllegalArgumentException("patience must be at least 1, not " + patience);
        }
        this.patience = patience;
    }

    /** Records the validation loss of the next epoch; true when training should stop now. */
    public boolean record(double loss) {
        losses.add(loss);
        int latest = losses.size() - 1;
        if (bestIndex < 0 || isLarger(losses.get(bestIndex), loss)) {
            bestIndex = latest;
        }
        if (latest < patience) {
            return false;
        }
        for (int i = latest - patience; i < latest; i++) {
            if (!isLarger(loss, losses.get(i))) {
                return false;
            }
        }
        return true;
    }

    /** True if the latest recorded loss is the best so far (its weights should be kept). */
    public boolean latestIsBest() {
        return bestIndex == losses.size() - 1;
    }

    /** The best epoch, counted from 1; 0 before any loss is recorded. */
    public int bestEpoch() {
        return bestIndex + 1;
    }

    public double bestLoss() {
        return bestIndex < 0 ? Double.NaN : losses.get(bestIndex);
    }

    public int epochs() {
        return losses.size();
    }

    private static boolean isLarger(double a, double b) {
        if (Double.isNaN(a)) {
            return !Double.isNaN(b);
        }
        return !Double.isNaN(b) && a > b;
    }
}
