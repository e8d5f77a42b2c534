package org.signalbench.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.signalbench.app.FindingsService;
import org.signalbench.app.Services;
import org.signalbench.app.Settings;
import org.signalbench.findings.DrugHashtagTable;
import org.signalbench.findings.DrugLexicon;
import org.signalbench.store.Workbench;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code hashtags}: the drug-hashtag breakdown of the final dealer posts (the study's Table 2). */
@Command(name = "hashtags", mixinStandardHelpOptions = true,
        description = "Drug hashtags in the final dealer posts, per hashtag and per drug group (the study's Table 2).")
public final class HashtagsCommand implements Callable<Integer> {
    @Mixin
    WorkbenchOption workbench;

    @Option(names = "--lexicon", paramLabel = "FILE",
            description = "Drug groups and hashtags (JSON, as resources/lexicons/drug-hashtags.json); default: the shipped or edited lexicon.")
    Path lexicon;

    @Option(names = "--json", description = "Print {\"n\": N, \"groups\": [...]} as JSON.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Settings settings = Services.load().settings();
        DrugLexicon drugs = lexicon == null ? settings.lexicons().drugHashtags() : DrugLexicon.load(lexicon);
        DrugHashtagTable table;
        try (Workbench wb = workbench.openExisting()) {
            table = FindingsService.compute(wb, settings.lexicons().withDrugHashtags(drugs), settings.codebook()).drugHashtagCounts();
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            Json.print(out, table);
        } else {
            printText(out, table);
        }
        return 0;
    }

    /** Laid out like the study's Table 2: drug, hashtag, posts n (%), a Total row per drug. */
    static void printText(PrintWriter out, DrugHashtagTable t) {
        out.printf(Locale.ROOT, "Table 2. Drug hashtags in dealer posts (N = %,d)%n", t.n());
        String rule = "-".repeat(46);
        out.println(rule);
        out.printf(Locale.ROOT, "%-12s %-18s %14s%n", "Drug", "Hashtag", "Posts, n (%)");
        out.println(rule);
        for (var g : t.groups()) {
            String drug = g.drug();
            for (var h : g.hashtags()) {
                out.printf(Locale.ROOT, "%-12s %-18s %14s%n", drug, h.hashtag(), cell(h.posts(), h.percent()));
                drug = "";
            }
            out.printf(Locale.ROOT, "%-12s %-18s %14s%n", drug, "Total", cell(g.total().posts(), g.total().percent()));
        }
        out.println(rule);
        out.println("Total: posts with any of the drug's hashtags (a union, not a sum).");
    }

    private static String cell(int posts, double percent) {
        return String.format(Locale.ROOT, "%,d (%.1f)", posts, percent);
    }
}
