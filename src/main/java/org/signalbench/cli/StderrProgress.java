package org.signalbench.cli;

import java.io.PrintWriter;
import java.util.Locale;
import org.signalbench.jobs.JobContext;

/**
 * Progress of a command's job as "[done/total] message" lines on standard error, one line per new
 * message (an LSTM reports every batch with its epoch's message; one line an epoch is enough);
 * never cancelled. Counts are divided by {@code stepsPerUnit}, for jobs that count in sub-steps
 * (cross-validation counts 1/1000 of a fold unit).
 */
final class StderrProgress implements JobContext {
    private final PrintWriter err;
    private final long stepsPerUnit;
    private String last;

    StderrProgress(PrintWriter err) {
        this(err, 1);
    }

    StderrProgress(PrintWriter err, long stepsPerUnit) {
        this.err = err;
        this.stepsPerUnit = stepsPerUnit;
    }

    @Override
    public void progress(long done, long total, String message) {
        if (message == null || message.equals(last)) {
            return;
        }
        last = message;
        err.printf(Locale.ROOT, "[%d/%d] %s%n", done / stepsPerUnit, total / stepsPerUnit, message);
        err.flush();
    }

    @Override
    public boolean isCancelled() {
        return false;
    }
}
