package org.signalbench.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.signalbench.domain.Platform;
import org.signalbench.exporting.PostExporter;
import org.signalbench.store.Session;
import org.signalbench.store.Workbench;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code export}: the workbench's posts as a bundle or CSV, with their media copied beside it. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Write the workbench's posts as a bundle (JSON Lines) or CSV; media are copied into <out>-media/.")
public final class ExportCommand implements Callable<Integer> {
    @Mixin
    WorkbenchOption workbench;

    @Option(names = "--format", required = true, paramLabel = "bundle|csv",
            converter = FormatConverter.class, description = "bundle or csv")
    PostExporter.Format format;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "File to write.")
    Path out;

    @Option(names = "--platform", paramLabel = "instagram|twitter", converter = PlatformConverter.class,
            description = "Only posts of this platform.")
    Platform platform;

    @Option(names = "--no-media", description = "Do not copy media files.")
    boolean noMedia;

    @Option(names = "--raw", description = "CSV: write cells as collected; by default a cell starting with = + - @ tab or CR gets a leading ' so spreadsheets do not run it.")
    boolean raw;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        try (Workbench wb = workbench.openExisting()) {
            long n = new PostExporter(out, !noMedia, raw).export(Session.over(wb.connection()), format, platform);
            spec.commandLine().getErr().printf("exported %,d posts to %s%n", n, out.toAbsolutePath());
        }
        return 0;
    }

    static final class FormatConverter implements picocli.CommandLine.ITypeConverter<PostExporter.Format> {
        @Override
        public PostExporter.Format convert(String value) {
            try {
                return PostExporter.Format.fromKey(value);
            } catch (IllegalArgumentException e) {
                throw new picocli.CommandLine.TypeConversionException("expected bundle or csv, not '" + value + "'");
            }
        }
    }

}
