package org.signalbench.jobs;

/**
 * Progress of work made of whole units (fold units of a cross-validation, the steps of training a
 * final model) whose units report progress of their own (an LSTM's batches). Each unit counts
 * {@code stepsPerUnit} steps, so a bar over the whole moves inside a unit and never backwards.
 */
public final class UnitProgress {
    private UnitProgress() {
    }

    /**
     * The context unit {@code unit} (0-based) of {@code units} sees: its done/total maps into the
     * unit's own steps (at most up to the step before the next unit, never back), its messages get
     * {@code name} in front, and cancelling is the whole job's.
     */
    public static JobContext within(JobContext whole, long unit, long units, long stepsPerUnit, String name) {
        return new JobContext() {
            private long reached = unit * stepsPerUnit;

            @Override
            public void progress(long done, long total, String message) {
                long inside = total <= 0 ? 0 : Math.min(stepsPerUnit - 1, Math.max(0, done * stepsPerUnit / total));
                reached = Math.max(reached, unit * stepsPerUnit + inside);
                whole.progress(reached, units * stepsPerUnit,
                        message == null || message.isEmpty() ? name : name + ", " + message);
            }

            @Override
            public boolean isCancelled() {
                return whole.isCancelled();
            }
        };
    }
}
