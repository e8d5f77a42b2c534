package org.signalbench.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class JobTest {
    final ExecutorService executor = Executors.newSingleThreadExecutor();
    final JobManager manager = new JobManager(executor);

    @AfterEach
    void stop() {
        executor.shutdownNow();
    }

    /** A clock the test moves by hand. */
    static final class ManualClock extends Clock {
        Instant now = Instant.parse("2024-01-01T00:00:00Z");

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void timeLeftExtrapolatesThePaceSoFar() throws Exception {
        ManualClock clock = new ManualClock();
        Job job = new Job("import", clock);
        CountDownLatch reported = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        SubmittedJob<String> submitted = manager.submit(job, ctx -> {
            clock.now = clock.now.plusSeconds(10);
            ctx.progress(25, 100, "file 25 of 100");
            reported.countDown();
            release.await();
            return "ok";
        });
        assertTrue(reported.await(5, TimeUnit.SECONDS));
        assertEquals(JobStatus.RUNNING, job.status());
        assertEquals(0.25, job.fraction(), 1e-9);
        assertEquals(Duration.ofSeconds(30), job.timeLeft().orElseThrow());
        assertEquals("file 25 of 100", job.message());
        release.countDown();
        assertEquals("ok", submitted.result().get(5, TimeUnit.SECONDS));
        assertEquals(JobStatus.DONE, job.status());
        assertEquals(1.0, job.fraction());
        assertTrue(job.timeLeft().isEmpty());
    }

    @Test
    void cancelledRunningWorkEndsCancelled() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        SubmittedJob<Integer> submitted = manager.submit("loop", ctx -> {
            started.countDown();
            int units = 0;
            while (!ctx.isCancelled()) {
                ctx.progress(++units, 1_000_000, null);
                Thread.sleep(1);
            }
            throw new CancelledException();
        });
        assertTrue(started.await(5, TimeUnit.SECONDS));
        submitted.job().cancel();
        ExecutionException e = assertThrows(ExecutionException.class, () -> submitted.result().get(5, TimeUnit.SECONDS));
        assertTrue(e.getCause() instanceof CancelledException);
        assertEquals(JobStatus.CANCELLED, submitted.job().status());
    }

    @Test
    void workThatReturnsAfterCancelKeepsItsResultAndEndsCancelled() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        SubmittedJob<String> submitted = manager.submit("partial", ctx -> {
            started.countDown();
            while (!ctx.isCancelled()) {
                Thread.sleep(1);
            }
            return "partial result";
        });
        assertTrue(started.await(5, TimeUnit.SECONDS));
        submitted.job().cancel();
        assertEquals("partial result", submitted.result().get(5, TimeUnit.SECONDS));
        assertEquals(JobStatus.CANCELLED, submitted.job().status());
    }

    @Test
    void waitingJobCancelledBeforeItRunsNeverRuns() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        manager.submit("blocker", ctx -> {
            release.await();
            return null;
        });
        boolean[] ran = {false};
        SubmittedJob<Object> waiting = manager.submit("waiting", ctx -> {
            ran[0] = true;
            return null;
        });
        assertEquals(JobStatus.WAITING, waiting.job().status());
        waiting.job().cancel();
        assertEquals(JobStatus.CANCELLED, waiting.job().status());
        release.countDown();
        assertThrows(ExecutionException.class, () -> waiting.result().get(5, TimeUnit.SECONDS));
        assertFalse(ran[0]);
        assertEquals(2, manager.jobs().size());
    }

    @Test
    void failingWorkEndsFailedWithItsMessage() {
        SubmittedJob<Object> submitted = manager.submit("broken", ctx -> {
            throw new IllegalStateException("disk full");
        });
        assertThrows(ExecutionException.class, () -> submitted.result().get(5, TimeUnit.SECONDS));
        assertEquals(JobStatus.FAILED, submitted.job().status());
        assertEquals("disk full", submitted.job().error());
    }
}
