package org.signalbench;

import java.nio.file.Files;
import java.nio.file.Path;
import org.signalbench.cli.SignalBenchCommand;
import org.signalbench.models.lstm.NativeThreads;

/**
 * Entry point of {@code signalbench.jar} and of the installed launchers: with no arguments it opens
 * the app, with a workbench file (how a desktop opens an associated {@code .sqlite} file) it opens the
 * app on that file, with a command it runs the command line. It does not extend {@code Application},
 * so JavaFX runs from the class path. JVM settings (heap, start-up) are in the installers' launcher
 * configuration (installers/build.sh); the native libraries' thread count comes from {@link NativeThreads}.
 */
public final class Launcher {
    private Launcher() {
    }

    public static void main(String[] args) {
        NativeThreads.setBeforeNativeLibrariesLoad();
        if (args.length == 0 || (args.length == 2 && args[0].equals("--db"))) {
            org.signalbench.ui.SignalBenchApp.launchApp(args);
            return;
        }
        if (isWorkbenchFile(args)) {
            org.signalbench.ui.SignalBenchApp.launchApp(new String[] {"--db", args[0]});
            return;
        }
        System.exit(SignalBenchCommand.execute(args));
    }

    /** One argument naming an existing {@code .sqlite} file, as a file manager passes it. */
    static boolean isWorkbenchFile(String[] args) {
        return args.length == 1 && args[0].toLowerCase(java.util.Locale.ROOT).endsWith(".sqlite")
                && Files.isRegularFile(Path.of(args[0]));
    }
}
