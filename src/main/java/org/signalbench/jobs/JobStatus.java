package org.signalbench.jobs;

/** The life of a background job, as shown in the jobs panel. */
public enum JobStatus {
    WAITING, RUNNING, DONE, CANCELLED, FAILED;

    public boolean isFinished() {
        return this == DONE || this == CANCELLED || this == FAILED;
    }
}
