package org.signalbench.store;

import java.time.Instant;
import java.util.Optional;

/**
 * The process working on something stored (an import, a cross-validation run): its pid, host and
 * start time, so a record left behind by a killed process can be told from one whose process still
 * works on it. {@code started} is null when the system does not tell.
 */
public record ProcessOwner(long pid, String host, Instant started) {
    private static final ProcessOwner CURRENT = new ProcessOwner(ProcessHandle.current().pid(), hostName(),
            startOf(ProcessHandle.current()));

    /** This process. */
    public static ProcessOwner current() {
        return CURRENT;
    }

    /** The owner as stored: {@code started} is an ISO-8601 instant or null. */
    static ProcessOwner stored(long pid, String host, String started) {
        try {
            return new ProcessOwner(pid, host, started == null ? null : Instant.parse(started));
        } catch (java.time.format.DateTimeParseException e) {
            return new ProcessOwner(pid, host, null); // an unreadable time: judged by pid and host alone
        }
    }

    /** The start time as stored (ISO-8601), or null. */
    String startedText() {
        return started == null ? null : started.toString();
    }

    /**
     * True when the process is known to be gone: same host, and no live process with that pid and
     * start time. A process on another host is taken to be alive (it cannot be checked from here).
     */
    public boolean gone() {
        if (!host.equals(CURRENT.host) || equals(CURRENT)) {
            return false;
        }
        Optional<ProcessHandle> process = ProcessHandle.of(pid);
        if (process.isEmpty() || !process.get().isAlive()) {
            return true;
        }
        Instant processStarted = startOf(process.get());
        return started != null && processStarted != null && !started.equals(processStarted);
    }

    private static Instant startOf(ProcessHandle process) {
        return process.info().startInstant().orElse(null);
    }

    private static String hostName() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            String env = System.getenv("HOSTNAME");
            return env == null || env.isBlank() ? "localhost" : env;
        }
    }
}
