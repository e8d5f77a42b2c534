package org.signalbench.testing;

import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * Counts the fault-injection cases of a test class (each test method is one case) and prints how
 * many ran, passed, failed and were skipped when the class ends, so a build log shows the fault suite's
 * figures (docs/reliability.md). Register with {@code @ExtendWith(FaultCases.class)}.
 */
public final class FaultCases implements TestWatcher, AfterAllCallback {
    private static final ConcurrentHashMap<String, int[]> BY_CLASS = new ConcurrentHashMap<>();
    private static final AtomicInteger ALL_RUN = new AtomicInteger();
    private static final AtomicInteger ALL_PASSED = new AtomicInteger();

    private static int[] of(ExtensionContext context) {
        return BY_CLASS.computeIfAbsent(context.getRequiredTestClass().getSimpleName(), k -> new int[3]);
    }

    @Override
    public void testSuccessful(ExtensionContext context) {
        synchronized (BY_CLASS) {
            of(context)[0]++;
        }
        ALL_RUN.incrementAndGet();
        ALL_PASSED.incrementAndGet();
    }

    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        synchronized (BY_CLASS) {
            of(context)[1]++;
        }
        ALL_RUN.incrementAndGet();
    }

    @Override
    public void testAborted(ExtensionContext context, Throwable cause) {
        synchronized (BY_CLASS) {
            of(context)[2]++;
        }
    }

    @Override
    public void testDisabled(ExtensionContext context, Optional<String> reason) {
        testAborted(context, null);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        int[] counts;
        synchronized (BY_CLASS) {
            counts = of(context).clone();
        }
        System.out.printf(Locale.ROOT, "fault cases %-28s %2d run, %2d passed, %d failed, %d skipped "
                        + "(fault suite so far: %d run, %d passed)%n", context.getRequiredTestClass().getSimpleName(),
                counts[0] + counts[1], counts[0], counts[1], counts[2], ALL_RUN.get(), ALL_PASSED.get());
    }
}
