package org.signalbench.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.signalbench.app.Services;
import org.signalbench.findings.DrugHashtagTable;
import org.signalbench.findings.WorkbenchStats;
import org.signalbench.store.Session;
import org.signalbench.store.Workbench;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code stats}: what the workbench holds and what its final labels say. */
@Command(name = "stats", mixinStandardHelpOptions = true,
        description = "Posts, accounts, coders and labels per platform, and the dealer-post figures of the final labels.")
public final class StatsCommand implements Callable<Integer> {
    @Mixin
    WorkbenchOption workbench;

    @Option(names = "--json", description = "Print the figures as JSON.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        WorkbenchStats.Report report;
        try (Workbench wb = workbench.openExisting()) {
            report = WorkbenchStats.compute(Session.over(wb.connection()), Services.load().settings().lexicons().drugHashtags());
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            Json.print(out, report);
        } else {
            printText(out, report);
        }
        return 0;
    }

    private static void printText(PrintWriter out, WorkbenchStats.Report r) {
        out.printf("posts %,d   accounts %,d   coders %d   labels %,d   expert decisions %,d%n",
                r.posts(), r.accounts(), r.coders(), r.labels(), r.adjudications());
        for (var p : r.platforms()) {
            out.printf("  %-10s %,7d posts  %,6d accounts  %s to %s  %,d with media  %,d comments%n",
                    p.platform(), p.posts(), p.accounts(), p.firstPost(), p.lastPost(), p.postsWithMedia(), p.comments());
        }
        var q = r.dealerQuestion();
        out.printf("dealer question: %,d posts coded: %,d agreed, %,d single coder, %,d settled by the expert, %,d disputed%n",
                q.coded(), q.agreed(), q.singleCoder(), q.settled(), q.disputed());
        var d = r.dealers();
        out.printf("dealer posts %,d from %,d accounts; %d without hashtags; %d with an image%n",
                d.posts(), d.accounts(), d.withoutHashtags(), d.withImage());
        out.println("  contact channels: " + d.contactChannels());
        out.printf("  sell/buy exchange in comments: %d%n", d.sellBuyExchange());
        out.println("  image categories: " + d.imageCategories() + ", contact note: " + d.imageContactNote());
        DrugHashtagTable t = d.drugHashtags();
        out.printf("drug hashtags (N = %,d dealer posts)%n", t.n());
        for (var g : t.groups()) {
            for (var h : g.hashtags()) {
                out.printf("  %-10s %-16s %5d  %5.1f%%%n", g.drug(), h.hashtag(), h.posts(), h.percent());
            }
            out.printf("  %-10s %-16s %5d  %5.1f%%%n", g.drug(), "Total", g.total().posts(), g.total().percent());
        }
    }
}
