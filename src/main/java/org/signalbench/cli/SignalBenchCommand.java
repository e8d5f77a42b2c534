package org.signalbench.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The command line: {@code java -jar signalbench.jar COMMAND --db PATH [--json]}. Results go to
 * standard output, messages to standard error. Exit codes (picocli defaults): 0 success, 1 failure, 2 bad usage.
 */
@Command(name = "signalbench",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Offline workbench for studying illicit drug selling on social media.%n"
                + "With no command, opens the app.",
        subcommands = {
                CommandLine.HelpCommand.class,
                ImportCommand.class,
                SampleCommand.class,
                StatsCommand.class,
                ExportCommand.class,
                PreprocessCommand.class,
                BenchCommand.class,
                AgreementCommand.class,
                LabelsCommand.class,
                AdjudicateCommand.class,
                HashtagsCommand.class,
                FindingsCommand.class,
                ReportCommand.class,
                CvCommand.class,
                TrainCommand.class, ScoreCommand.class, RunsCommand.class,
                TopicsCommand.class,
                TwitterCommand.class,
                MediaCommand.class,
                ExpertPassphraseCommand.class,
        })
public final class SignalBenchCommand implements Runnable {
    public static final int EXIT_FAILURE = 1;
    public static final int EXIT_USAGE = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing command");
    }

    /** Runs the command line and returns the exit code. */
    public static int execute(String... args) {
        return commandLine(new PrintWriter(System.out, true), new PrintWriter(System.err, true)).execute(args);
    }

    /** A configured command line writing to the given streams (tests capture them). */
    public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(new SignalBenchCommand());
        cli.setOut(out);
        cli.setErr(err);
        // Bad usage: the reason and where the help is, not the whole usage text (which buried the reason).
        cli.setParameterExceptionHandler((ex, args) -> {
            CommandLine failed = ex.getCommandLine();
            PrintWriter stderr = failed.getErr();
            if (failed.getCommand() instanceof SignalBenchCommand && "Missing command".equals(ex.getMessage())) {
                failed.usage(stderr);
                return EXIT_USAGE;
            }
            stderr.println("error: " + ex.getMessage());
            CommandLine.UnmatchedArgumentException.printSuggestions(ex, stderr);
            stderr.println("See '" + failed.getCommandSpec().qualifiedName() + " --help' for the options.");
            return EXIT_USAGE;
        });
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            // A locked, full or damaged workbench says what happened and what to do (store.EnvironmentFault).
            commandLine.getErr().println("error: " + org.signalbench.store.EnvironmentFault.messageOf(ex));
            if (Boolean.getBoolean("signalbench.debug")) {
                ex.printStackTrace(commandLine.getErr());
            }
            return EXIT_FAILURE;
        });
        return cli;
    }
}
