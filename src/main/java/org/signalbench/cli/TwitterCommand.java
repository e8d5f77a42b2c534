package org.signalbench.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.signalbench.app.LinkReviewService;
import org.signalbench.links.CandidateFunnel;
import org.signalbench.store.Workbench;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code twitter ...}: the Twitter study's link review, from retrieved signal tweets to sellers (docs/link-review.md). */
@Command(name = "twitter", mixinStandardHelpOptions = true,
        description = "The Twitter study's link review: candidates, coding, link evidence, results.",
        subcommands = {TwitterCommand.Candidates.class})
public final class TwitterCommand implements Runnable {
    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing sub-command (candidates)");
    }

    /** {@code twitter candidates}: the funnel's first steps over a retrieval, stored as a review. */
    @Command(name = "candidates", mixinStandardHelpOptions = true,
            description = {"Keeps the retrieved tweets with a link or contact details, collapses retweets and identical "
                    + "copies into candidates, groups them by registrable domain and account, and stores them as a new review.",
                    "Lines naming no tweet of the workbench are reported on standard error; the rest goes on."})
    public static final class Candidates implements Callable<Integer> {
        @Mixin
        WorkbenchOption workbench;

        static final class Input {
            @Option(names = "--ids", paramLabel = "FILE.csv", required = true,
                    description = "A CSV of tweet ids (column external_id, else the first column).")
            Path ids;
        }

        @ArgGroup(exclusive = true, multiplicity = "1")
        Input input;

        @Option(names = "--planted", description = "Only rows with a seller_type (the study sample's truth.csv: the selling tweets as planted).")
        boolean planted;

        @Option(names = "--json", description = "Print the funnel as JSON.")
        boolean json;

        @Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            LinkReviewService service = new LinkReviewService();
            try (Workbench wb = workbench.openExisting()) {
                LinkReviewService.Retrieval retrieval = service.readIds(wb, input.ids, planted);
                retrieval.problems().forEach(p -> spec.commandLine().getErr().println("skipped: " + p));
                LinkReviewService.Candidates result = service.candidates(wb, retrieval.source(), retrieval.postIds());
                Map<String, Object> out = funnelJson(result);
                if (json) {
                    Json.print(spec.commandLine().getOut(), out);
                } else {
                    var o = spec.commandLine().getOut();
                    CandidateFunnel.Result f = result.funnel();
                    o.printf("review:                 %d (%s)%n", result.reviewId(), result.source());
                    o.printf("retrieved:              %d%n", f.retrieved());
                    o.printf("with links or contacts: %d (links %d, contact details only %d)%n", f.withLinksOrContacts(),
                            f.withLinks(), f.withContactsOnly());
                    o.printf("unique candidates:      %d (retweets %d and identical copies %d collapsed)%n", f.unique(),
                            f.retweets(), f.identicalCopies());
                    o.printf("domains:                %d%n", f.byDomain().size());
                    o.printf("accounts:               %d%n", f.byAccount().size());
                    o.flush();
                }
            }
            return 0;
        }
    }

    static Map<String, Object> funnelJson(LinkReviewService.Candidates result) {
        CandidateFunnel.Result f = result.funnel();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("review", result.reviewId());
        out.put("source", result.source());
        out.put("retrieved", f.retrieved());
        out.put("withLinksOrContacts", f.withLinksOrContacts());
        out.put("withLinks", f.withLinks());
        out.put("withContactsOnly", f.withContactsOnly());
        out.put("retweetsCollapsed", f.retweets());
        out.put("identicalCopiesCollapsed", f.identicalCopies());
        out.put("unique", f.unique());
        Map<String, Integer> domains = new LinkedHashMap<>();
        f.byDomain().forEach((d, ids) -> domains.put(d, ids.size()));
        out.put("candidatesByDomain", domains);
        Map<String, Integer> accounts = new LinkedHashMap<>();
        f.byAccount().forEach((a, ids) -> accounts.put(a, ids.size()));
        out.put("candidatesByAccount", accounts);
        List<Map<String, Object>> candidates = f.candidates().stream().map(c -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("externalId", c.externalId());
            m.put("account", c.account());
            m.put("url", c.url());
            m.put("domain", c.domain());
            m.put("contacts", c.contacts());
            m.put("copies", c.copies().size());
            return m;
        }).toList();
        out.put("candidates", candidates);
        return out;
    }
}
