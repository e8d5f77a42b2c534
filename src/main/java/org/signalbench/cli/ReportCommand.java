package org.signalbench.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.Callable;
import org.signalbench.app.FindingsService;
import org.signalbench.app.ReportService;
import org.signalbench.app.Services;
import org.signalbench.findings.Findings;
import org.signalbench.findings.HtmlReport;
import org.signalbench.store.Workbench;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code report}: the findings, agreement, model results and the link review as one self-contained HTML file. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"Writes ONE self-contained HTML file: the findings (all tables and charts), agreement between coders, "
                + "the latest finished cross-validation run beside the published Table 1, and the Twitter study's link "
                + "review when the workbench has one. Masked unless --no-mask."})
public final class ReportCommand implements Callable<Integer> {
    @Mixin
    WorkbenchOption workbench;

    @Option(names = "--out", paramLabel = "FILE.html", required = true, description = "The HTML file to write.")
    Path out;

    @Option(names = "--no-mask", description = "Show account names, handles, phone numbers and e-mail addresses as collected.")
    boolean noMask;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        String generated = ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'"));
        String html;
        try (Workbench wb = workbench.openExisting()) {
            Services services = Services.load();
            Findings findings = FindingsService.compute(wb, services.settings());
            html = new ReportService(services.agreement()).render(wb, noMask ? findings : findings.masked(),
                    new HtmlReport.Info(workbench.path().getFileName().toString(), generated, !noMask));
        }
        Path parent = out.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        org.signalbench.exporting.SafeOutputFile.writeString(out, workbench.path(), html);
        spec.commandLine().getErr().println("wrote " + out);
        return 0;
    }
}
