package org.signalbench.jobs;

/** The work of a job: runs on a background thread, reports to and checks its {@link JobContext}. */
@FunctionalInterface
public interface JobWork<T> {
    T run(JobContext context) throws Exception;
}
