package org.signalbench.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.signalbench.domain.MediaCheck;
import org.signalbench.domain.MissingMedia;
import org.signalbench.store.MediaFolder;
import org.signalbench.store.Workbench;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code media check} and {@code media adopt}: the workbench's media files, missing ones listed, old ones copied in. */
@Command(name = "media", mixinStandardHelpOptions = true,
        description = "The media files of a workbench: imports copy them into <workbench>-data/media/ beside the workbench file.",
        subcommands = {MediaCommand.Check.class, MediaCommand.Adopt.class})
public final class MediaCommand {
    /** {@code media check}: lists every media file a post names that is not on disk. */
    @Command(name = "check", mixinStandardHelpOptions = true,
            description = "Lists the media files the posts name that are missing (exit code 1 when any is).")
    public static final class Check implements Callable<Integer> {
        @Mixin
        WorkbenchOption workbench;

        @Option(names = "--json", description = "Print the result as JSON.")
        boolean json;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            MediaCheck check;
            try (Workbench wb = workbench.openExisting()) {
                check = MediaFolder.check(wb.connection());
            }
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                Json.print(out, check);
            } else {
                for (MissingMedia m : check.missing()) {
                    out.printf("missing: %s %s image %d: %s%n", m.platform(), m.externalId(), m.position() + 1, m.expectedAt());
                }
                out.printf("%,d media files, %,d missing%n", check.media(), check.missing().size());
            }
            return check.missing().isEmpty() ? 0 : SignalBenchCommand.EXIT_FAILURE;
        }
    }

    /** {@code media adopt}: copies media stored outside the workbench's folder (older imports) into its media folder. */
    @Command(name = "adopt", mixinStandardHelpOptions = true,
            description = "Copies the media files that older imports left in the imported folders into <workbench>-data/media/ "
                    + "and points the posts at the copies, so moving or cleaning those folders breaks nothing.")
    public static final class Adopt implements Callable<Integer> {
        @Mixin
        WorkbenchOption workbench;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            MediaFolder.Adopted adopted;
            try (Workbench wb = workbench.openExisting()) {
                adopted = MediaFolder.adopt(wb.connection());
            }
            spec.commandLine().getOut().printf("%,d media files copied into the workbench's media folder, %,d already there, "
                    + "%,d missing (media check lists them)%n", adopted.copied(), adopted.alreadyInside(), adopted.missing());
            return 0;
        }
    }
}
