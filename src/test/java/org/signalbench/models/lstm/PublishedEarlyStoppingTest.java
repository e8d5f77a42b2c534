package org.signalbench.models.lstm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PublishedEarlyStoppingTest {

    /** Feeds losses and returns the epoch (from 1) at which the rule said stop, or 0. */
    private static int stopEpoch(PublishedEarlyStopping rule, double... losses) {
        for (double loss : losses) {
            if (rule.record(loss)) {
                return rule.epochs();
            }
        }
        return 0;
    }

    @Test
    void stopsWhenTheLatestLossExceedsEachOfTheFourBefore() {
        PublishedEarlyStopping rule = new PublishedEarlyStopping(4);
        assertEquals(7, stopEpoch(rule, 1.0, 0.8, 0.7, 0.75, 0.72, 0.71, 0.9, 0.3));
        assertEquals(3, rule.bestEpoch());
        assertEquals(0.7, rule.bestLoss());
    }

    @Test
    void largerThanOnlySomeOfTheFourIsNotEnough() {
        // each rise stays below one of the four losses before it
        PublishedEarlyStopping rule = new PublishedEarlyStopping(4);
        assertEquals(0, stopEpoch(rule, 0.9, 0.5, 0.6, 0.7, 0.8, 0.55, 0.65, 0.75, 0.58));
        assertEquals(2, rule.bestEpoch());
    }

    @Test
    void needsFourEarlierLossesBeforeItCanStop() {
        PublishedEarlyStopping rule = new PublishedEarlyStopping(4);
        assertFalse(rule.record(0.1));
        assertFalse(rule.record(0.2));
        assertFalse(rule.record(0.3));
        assertFalse(rule.record(0.4));
        assertTrue(rule.record(0.5));
        assertEquals(1, rule.bestEpoch());
    }

    @Test
    void equalLossIsNotLargerAndTheEarliestBestIsKept() {
        PublishedEarlyStopping rule = new PublishedEarlyStopping(2);
        assertEquals(0, stopEpoch(rule, 0.5, 0.5, 0.5, 0.5));
        assertEquals(1, rule.bestEpoch());
        assertFalse(rule.latestIsBest());
    }

    @Test
    void aNanLossCountsAsLarger() {
        PublishedEarlyStopping rule = new PublishedEarlyStopping(2);
        assertEquals(3, stopEpoch(rule, 0.5, 0.4, Double.NaN));
        assertEquals(2, rule.bestEpoch());
    }

    @Test
    void patienceBelowOneIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new PublishedEarlyStopping(0));
    }
}
