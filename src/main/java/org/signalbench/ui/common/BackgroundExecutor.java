package org.signalbench.ui.common;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Makes the app's one background executor. Its threads are daemons so a closed window ends the
 * process even while a job still runs. Several threads, so that a long import never holds up the
 * short reads that keep the post table moving.
 */
public final class BackgroundExecutor {
    private BackgroundExecutor() {
    }

    public static ExecutorService create() {
        AtomicInteger count = new AtomicInteger();
        ThreadFactory threads = work -> {
            Thread thread = new Thread(work, "signalbench-background-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
        return Executors.newFixedThreadPool(4, threads);
    }
}
