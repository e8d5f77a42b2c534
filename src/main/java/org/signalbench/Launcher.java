package org.signalbench;

import org.signalbench.cli.SignalBenchCommand;

/**
 * Entry point of {@code signalbench.jar}: with no arguments it opens the app, with a command it
 * runs the command line. It does not extend {@code Application}, so JavaFX runs from the class path.
 */
public final class Launcher {
    private Launcher() {
    }

    public static void main(String[] args) {
        if (args.length == 0 || (args.length == 2 && args[0].equals("--db"))) {
            org.signalbench.ui.SignalBenchApp.launchApp(args);
            return;
        }
        System.exit(SignalBenchCommand.execute(args));
    }
}
