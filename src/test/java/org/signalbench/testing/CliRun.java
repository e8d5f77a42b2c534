package org.signalbench.testing;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.signalbench.cli.SignalBenchCommand;

/** One in-process run of the command line, with what it printed on each stream. */
public record CliRun(int exit, String out, String err) {

    public static CliRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = SignalBenchCommand.commandLine(new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
        return new CliRun(exit, out.toString(), err.toString());
    }
}
