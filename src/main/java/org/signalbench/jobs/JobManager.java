package org.signalbench.jobs;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * Runs jobs on the one background executor it is given and keeps the list of jobs for the jobs
 * panel. Knows nothing of JavaFX.
 */
public final class JobManager {
    private final Executor executor;
    private final List<Job> jobs = new CopyOnWriteArrayList<>();
    private final List<Consumer<Job>> onSubmitted = new CopyOnWriteArrayList<>();

    public JobManager(Executor executor) {
        this.executor = executor;
    }

    public <T> SubmittedJob<T> submit(String name, JobWork<T> work) {
        return submit(new Job(name), work);
    }

    /** Runs {@code work} as {@code job}; the job must not have been submitted before. */
    public <T> SubmittedJob<T> submit(Job job, JobWork<T> work) {
        CompletableFuture<T> result = new CompletableFuture<>();
        jobs.add(job);
        onSubmitted.forEach(listener -> listener.accept(job));
        executor.execute(() -> {
            if (!job.start()) {
                result.completeExceptionally(new CancelledException());
                return;
            }
            try {
                T value = work.run(job);
                job.finish();
                result.complete(value);
            } catch (Throwable e) {
                job.fail(e);
                result.completeExceptionally(e);
            }
        });
        return new SubmittedJob<>(job, result);
    }

    /** All jobs submitted so far, oldest first. */
    public List<Job> jobs() {
        return List.copyOf(jobs);
    }

    public boolean anyUnfinished() {
        return jobs.stream().anyMatch(j -> !j.status().isFinished());
    }

    /** Calls {@code listener} with every job submitted from now on, on the submitting thread. */
    public void addSubmitListener(Consumer<Job> listener) {
        onSubmitted.add(listener);
    }
}
