package org.signalbench.cli;

import java.io.PrintWriter;
import java.util.Locale;
import org.signalbench.jobs.JobContext;

/** Progress of a command's job as "[done/total] message" lines on standard error; never cancelled. */
final class StderrProgress implements JobContext {
    private final PrintWriter err;

    StderrProgress(PrintWriter err) {
        this.err = err;
    }

    @Override
    public void progress(long done, long total, String message) {
        err.printf(Locale.ROOT, "[%d/%d] %s%n", done, total, message);
        err.flush();
    }

    @Override
    public boolean isCancelled() {
        return false;
    }
}
