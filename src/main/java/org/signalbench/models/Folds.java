package org.signalbench.models;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Splits examples into k folds. Stratified (the default): the dealer and the other examples are
 * shuffled separately with the seed and dealt round-robin into the folds, dealers first, so every
 * fold holds nearly the same share of dealer posts (fold sizes differ by at most one per class).
 * Plain: all examples shuffled with the seed and dealt round-robin. The same examples in the same
 * order with the same seed always give the same folds.
 */
public final class Folds {
    public enum Scheme {
        STRATIFIED, SHUFFLED
    }

    private Folds() {
    }

    /** The fold (0..k-1) of each example, parallel to {@code examples}. */
    public static int[] assign(List<Example> examples, int k, long seed, Scheme scheme) {
        if (k < 2) {
            throw new IllegalArgumentException("need at least 2 folds, got " + k);
        }
        if (examples.size() < k) {
            throw new IllegalArgumentException(examples.size() + " labelled texts cannot fill " + k + " folds");
        }
        Random random = new Random(seed);
        int[] fold = new int[examples.size()];
        List<List<Integer>> groups = new ArrayList<>();
        if (scheme == Scheme.STRATIFIED) {
            List<Integer> dealers = new ArrayList<>();
            List<Integer> others = new ArrayList<>();
            for (int i = 0; i < examples.size(); i++) {
                (examples.get(i).dealer() ? dealers : others).add(i);
            }
            groups.add(dealers);
            groups.add(others);
        } else {
            List<Integer> all = new ArrayList<>();
            for (int i = 0; i < examples.size(); i++) {
                all.add(i);
            }
            groups.add(all);
        }
        int next = 0;
        for (List<Integer> group : groups) {
            java.util.Collections.shuffle(group, random);
            for (int index : group) {
                fold[index] = next;
                next = (next + 1) % k;
            }
        }
        return fold;
    }
}
