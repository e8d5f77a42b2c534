package org.signalbench.jobs;

/**
 * What a long-running piece of work (import, training, cross-validation) sees of the job that runs
 * it: a way to report progress and a way to learn that the user asked to stop. Work checks
 * {@link #isCancelled()} between whole units (a file, a batch, a fold) and stops cleanly.
 */
public interface JobContext {

    /** Reports that {@code done} of {@code total} units of work are finished. */
    void progress(long done, long total, String message);

    boolean isCancelled();

    /** A context that reports nowhere and is never cancelled, for the command line and tests. */
    JobContext NONE = new JobContext() {
        @Override
        public void progress(long done, long total, String message) {
        }

        @Override
        public boolean isCancelled() {
            return false;
        }
    };
}
