package org.signalbench.ui.annotate;

import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.Executor;

/**
 * Runs tasks one after another, in order, on the app's one background executor. A
 * {@link org.signalbench.labels.LabelStore} serves one connection on one thread at a time; this
 * gives a coding session that without a thread of its own (the pattern of {@link Executor}'s javadoc).
 */
public final class SerialExecutor implements Executor {
    private final Executor executor;
    private final Queue<Runnable> tasks = new ArrayDeque<>();
    private Runnable active;

    public SerialExecutor(Executor executor) {
        this.executor = executor;
    }

    @Override
    public synchronized void execute(Runnable task) {
        tasks.add(() -> {
            try {
                task.run();
            } finally {
                scheduleNext();
            }
        });
        if (active == null) {
            scheduleNext();
        }
    }

    private synchronized void scheduleNext() {
        active = tasks.poll();
        if (active != null) {
            executor.execute(active);
        }
    }
}
