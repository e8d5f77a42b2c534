package org.signalbench.ui.common;

import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.concurrent.Task;

/**
 * Runs a piece of background work and hands its outcome to the FX thread:
 * {@code Tasks.create(() -> work).onSuccess(r -> ...).onError(e -> ...).andFinally(() -> ...).runOn(executor)}.
 * The work runs on the executor; every callback runs on the FX thread.
 */
public final class Tasks {
    private static final System.Logger LOG = System.getLogger(Tasks.class.getName());

    private Tasks() {
    }

    /** Work that gives nothing back. */
    @FunctionalInterface
    public interface Work {
        void run() throws Exception;
    }

    public static <T> Builder<T> create(Callable<T> work) {
        return new Builder<>(work);
    }

    public static Builder<Void> create(Work work) {
        return new Builder<>(() -> {
            work.run();
            return null;
        });
    }

    public static final class Builder<T> {
        private final Callable<T> work;
        private Consumer<T> onSuccess = result -> { };
        private Consumer<Throwable> onError = error -> LOG.log(System.Logger.Level.ERROR, "background work failed", error);
        private Runnable andFinally = () -> { };

        private Builder(Callable<T> work) {
            this.work = Objects.requireNonNull(work);
        }

        public Builder<T> onSuccess(Consumer<T> onSuccess) {
            this.onSuccess = Objects.requireNonNull(onSuccess);
            return this;
        }

        public Builder<T> onError(Consumer<Throwable> onError) {
            this.onError = Objects.requireNonNull(onError);
            return this;
        }

        public Builder<T> andFinally(Runnable andFinally) {
            this.andFinally = Objects.requireNonNull(andFinally);
            return this;
        }

        public Task<T> runOn(Executor executor) {
            Task<T> task = new Task<>() {
                @Override
                protected T call() throws Exception {
                    return work.call();
                }
            };
            task.setOnSucceeded(event -> {
                try {
                    onSuccess.accept(task.getValue());
                } finally {
                    andFinally.run();
                }
            });
            task.setOnFailed(event -> {
                try {
                    onError.accept(task.getException());
                } finally {
                    andFinally.run();
                }
            });
            task.setOnCancelled(event -> andFinally.run());
            executor.execute(task);
            return task;
        }
    }
}
