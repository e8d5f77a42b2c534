package org.signalbench.store;

import java.time.Instant;
import java.util.Optional;

/**
 * The process working on something stored (an import): its pid, host and start time, so a record
 * left behind by a killed process can be told from one whose process still works on it.
 */
public record ProcessOwner(long pid, String host, String started) {
    private static final ProcessOwner CURRENT = new ProcessOwner(ProcessHandle.current().pid(), hostName(),
            startOf(ProcessHandle.current()));

    /** This process. */
    public static ProcessOwner current() {
        return CURRENT;
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
        String processStarted = startOf(process.get());
        return started != null && processStarted != null && !started.equals(processStarted);
    }

    private static String startOf(ProcessHandle process) {
        return process.info().startInstant().map(Instant::toString).orElse(null);
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
