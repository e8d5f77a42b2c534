package org.signalbench.jobs;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * One long-running piece of work as the user sees it: a name, a {@link JobStatus}, progress, an
 * estimate of the time left, and a way to cancel. The work itself receives the job as its
 * {@link JobContext}. Thread-safe: the work reports from its own thread, the UI reads from another.
 * Listeners are told on the reporting thread; the UI hands the news over to its own thread.
 */
public final class Job implements JobContext {
    private final String name;
    private final Clock clock;
    private final List<Consumer<Job>> listeners = new CopyOnWriteArrayList<>();

    private volatile JobStatus status = JobStatus.WAITING;
    private volatile boolean cancelRequested;
    private volatile String message = "";
    private volatile String error;
    private long done;
    private long total;
    private Instant startedAt;
    private Instant finishedAt;

    public Job(String name) {
        this(name, Clock.systemUTC());
    }

    public Job(String name, Clock clock) {
        this.name = name;
        this.clock = clock;
    }

    public String name() {
        return name;
    }

    public JobStatus status() {
        return status;
    }

    public String message() {
        return message;
    }

    /** Why the job failed, or null. */
    public String error() {
        return error;
    }

    public synchronized long done() {
        return done;
    }

    public synchronized long total() {
        return total;
    }

    /** Share of the work done, 0 to 1, or -1 while the total is unknown. */
    public synchronized double fraction() {
        if (status == JobStatus.DONE) {
            return 1;
        }
        return total <= 0 ? -1 : Math.min(1, (double) done / total);
    }

    /**
     * Time left, extrapolated from the pace so far; empty until there is a pace to go by (the job
     * runs, some units are done, the total is known).
     */
    public synchronized Optional<Duration> timeLeft() {
        if (status != JobStatus.RUNNING || startedAt == null || done <= 0 || total <= 0 || done >= total) {
            return Optional.empty();
        }
        long elapsedMillis = Duration.between(startedAt, clock.instant()).toMillis();
        return Optional.of(Duration.ofMillis(Math.round((double) elapsedMillis * (total - done) / done)));
    }

    /** How long the job ran (so far, if it still runs); zero while it waits. */
    public synchronized Duration elapsed() {
        if (startedAt == null) {
            return Duration.ZERO;
        }
        return Duration.between(startedAt, finishedAt != null ? finishedAt : clock.instant());
    }

    @Override
    public void progress(long done, long total, String message) {
        synchronized (this) {
            this.done = Math.max(0, done);
            this.total = total;
            if (message != null) {
                this.message = message;
            }
        }
        fireChanged();
    }

    @Override
    public boolean isCancelled() {
        return cancelRequested;
    }

    /**
     * Asks the job to stop. A waiting job ends at once as cancelled; a running one ends as
     * cancelled when its work next checks {@link #isCancelled()} and stops.
     */
    public void cancel() {
        boolean endedNow;
        synchronized (this) {
            if (status.isFinished()) {
                return;
            }
            cancelRequested = true;
            endedNow = status == JobStatus.WAITING;
            if (endedNow) {
                status = JobStatus.CANCELLED;
                finishedAt = clock.instant();
            }
        }
        fireChanged();
    }

    /** Moves a waiting job to running; false if it was cancelled while it waited. */
    boolean start() {
        synchronized (this) {
            if (status != JobStatus.WAITING) {
                return false;
            }
            status = JobStatus.RUNNING;
            startedAt = clock.instant();
        }
        fireChanged();
        return true;
    }

    /** Ends the job: done, or cancelled if the user asked to stop while it ran. */
    void finish() {
        end(cancelRequested ? JobStatus.CANCELLED : JobStatus.DONE, null);
    }

    void fail(Throwable cause) {
        if (cause instanceof CancelledException) {
            end(JobStatus.CANCELLED, null);
            return;
        }
        // A locked, full or damaged workbench says so and what to do, whatever layer it surfaced in.
        String text = cause.getMessage() == null && org.signalbench.store.EnvironmentFault.of(cause).isEmpty()
                ? cause.getClass().getSimpleName() : org.signalbench.store.EnvironmentFault.messageOf(cause);
        end(JobStatus.FAILED, text);
    }

    private void end(JobStatus finalStatus, String errorText) {
        synchronized (this) {
            if (status.isFinished()) {
                return;
            }
            status = finalStatus;
            error = errorText;
            finishedAt = clock.instant();
        }
        fireChanged();
    }

    /** Calls {@code listener} after every change, on the thread that made it. */
    public void addListener(Consumer<Job> listener) {
        listeners.add(listener);
    }

    public void removeListener(Consumer<Job> listener) {
        listeners.remove(listener);
    }

    private void fireChanged() {
        for (Consumer<Job> listener : listeners) {
            listener.accept(this);
        }
    }

    @Override
    public String toString() {
        return name + " [" + status + "]";
    }
}
