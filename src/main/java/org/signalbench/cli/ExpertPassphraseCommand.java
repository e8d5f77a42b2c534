package org.signalbench.cli;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.Callable;
import org.signalbench.app.AccessService;
import org.signalbench.store.Workbench;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code expert-passphrase}: sets the expert passphrase of a workbench that has none, read from the
 * console (typed twice, not shown) or from the first line of standard input; never from an
 * argument, which would land in the shell's history.
 */
@Command(name = "expert-passphrase", mixinStandardHelpOptions = true,
        description = {"Sets the expert passphrase of a workbench that has none (at least " + AccessService.MIN_LENGTH
                + " characters), typed twice at the console, or the first line of standard input when it is piped.",
                "Refused (exit 1) when the workbench has one already: it is set once. It keeps a coder from signing in "
                        + "as the expert by mistake; it does not stop someone who has the workbench file (docs/roles.md)."})
public final class ExpertPassphraseCommand implements Callable<Integer> {
    @Mixin
    WorkbenchOption workbench;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        AccessService access = new AccessService();
        try (Workbench wb = workbench.openExisting()) {
            if (access.hasExpertPassphrase(wb)) {
                throw new IllegalStateException(workbench.path() + " has an expert passphrase already; it is set once.");
            }
            char[] passphrase = read();
            try {
                access.setExpertPassphrase(wb, passphrase);
            } finally {
                AccessService.wipe(passphrase);
            }
        }
        spec.commandLine().getErr().println("expert passphrase set for " + workbench.path());
        return 0;
    }

    /** The passphrase: twice at an interactive console, else the first line of standard input. */
    private static char[] read() throws IOException {
        Console console = System.console();
        if (console != null) {
            char[] first = console.readPassword("Expert passphrase (at least %d characters): ", AccessService.MIN_LENGTH);
            char[] again = console.readPassword("The same again: ");
            try {
                if (first == null || !Arrays.equals(first, again)) {
                    AccessService.wipe(first);
                    throw new IllegalArgumentException("the two passphrases differ; nothing was set.");
                }
                return first;
            } finally {
                AccessService.wipe(again);
            }
        }
        // Not closed: it is the process's standard input.
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line = in.readLine();
        if (line == null || line.isEmpty()) {
            throw new IllegalArgumentException("no passphrase on standard input; nothing was set.");
        }
        return line.toCharArray();
    }
}
