package org.signalbench.jobs;

import java.util.concurrent.CompletableFuture;

/**
 * A job handed to the {@link JobManager} and its result to come. The result completes normally
 * for a done job and for cancelled work that returned a partial result; it completes
 * exceptionally for failed work and with a {@link CancelledException} for work that was stopped
 * before it ran or that threw one.
 */
public record SubmittedJob<T>(Job job, CompletableFuture<T> result) {
}
