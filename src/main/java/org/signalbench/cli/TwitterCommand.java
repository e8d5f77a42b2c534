package org.signalbench.cli;

import java.io.PrintWriter;
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
        subcommands = {TwitterCommand.Candidates.class, TwitterCommand.Code.class, TwitterCommand.Agreement.class,
                TwitterCommand.Evidence.class, TwitterCommand.CheckLinks.class, TwitterCommand.Results.class,
                TwitterCommand.PacketCommand.class, TwitterCommand.Reported.class})
public final class TwitterCommand implements Runnable {
    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing sub-command (candidates, code, agreement, evidence, results)");
    }

    /**
     * What every twitter subcommand shares: the workbench (which must exist), the link-review service, and standard
     * output flushed at the end.
     */
    abstract static class TwitterSubcommand implements Callable<Integer> {
        @Mixin
        WorkbenchOption workbench;

        @Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            LinkReviewService service = new LinkReviewService();
            try (Workbench wb = workbench.openExisting()) {
                int exit = work(service, wb, spec.commandLine().getOut());
                spec.commandLine().getOut().flush();
                return exit;
            }
        }

        /** The subcommand's work on the open workbench; returns the exit code. */
        abstract int work(LinkReviewService service, Workbench wb, PrintWriter out) throws Exception;

        /** Lists an import's problems on standard error, each after {@code label}. */
        void problems(String label, List<?> problems) {
            problems.forEach(p -> spec.commandLine().getErr().println(label + ": " + p));
        }

        /** A usage error of this subcommand (exit 2). */
        CommandLine.ParameterException usage(String message) {
            return new CommandLine.ParameterException(spec.commandLine(), message);
        }
    }

    /** {@code twitter candidates}: the funnel's first steps over a retrieval, stored as a review. */
    @Command(name = "candidates", mixinStandardHelpOptions = true,
            description = {"Keeps the retrieved tweets with a link or contact details, collapses retweets and identical "
                    + "copies into candidates, groups them by registrable domain and account, and stores them as a new review.",
                    "Lines naming no tweet of the workbench are reported on standard error; the rest goes on."})
    public static final class Candidates extends TwitterSubcommand {
        static final class Input {
            @Option(names = "--ids", paramLabel = "FILE.csv", required = true,
                    description = "A CSV of tweet ids (column external_id, else the first column).")
            Path ids;

            @Option(names = "--from-retrieval", paramLabel = "RUN", required = true,
                    description = "The tweets topic round RUN retrieves (`topics retrieve`): first or second theme a signal theme.")
            Long fromRetrieval;
        }

        @ArgGroup(exclusive = true, multiplicity = "1")
        Input input;

        @Option(names = "--planted", description = "Only rows with a seller_type (the study sample's truth.csv: the selling tweets as planted).")
        boolean planted;

        @Option(names = "--json", description = "Print the funnel as JSON.")
        boolean json;

        @Override
        int work(LinkReviewService service, Workbench wb, PrintWriter o) throws Exception {
            LinkReviewService.Retrieval retrieval = input.fromRetrieval != null
                    ? LinkReviewService.fromTopics(new org.signalbench.app.TopicsService(org.signalbench.app.Settings.load())
                            .retrieve(wb, input.fromRetrieval))
                    : service.readIds(wb, input.ids, planted);
            problems("skipped", retrieval.problems());
            LinkReviewService.Candidates result = service.candidates(wb, retrieval.source(), retrieval.postIds());
            JsonOrText.print(o, json, () -> funnelJson(result), () -> {
                CandidateFunnel.Result f = result.funnel();
                o.printf("review:                 %d (%s)%n", result.reviewId(), result.source());
                o.printf("retrieved:              %d%n", f.retrieved());
                o.printf("with links or contacts: %d (links %d, contact details only %d)%n", f.withLinksOrContacts(),
                        f.withLinks(), f.withContactsOnly());
                o.printf("unique candidates:      %d (retweets %d and identical copies %d collapsed)%n", f.unique(),
                        f.retweets(), f.identicalCopies());
                o.printf("domains:                %d%n", f.byDomain().size());
                o.printf("accounts:               %d%n", f.byAccount().size());
            });
            return 0;
        }
    }

    /** {@code twitter code import|export}: coders' and the expert's answers for the candidates, as CSV. */
    @Command(name = "code", mixinStandardHelpOptions = true,
            description = {"A coder's answers to the link-review codebook (resources/codebook/link-review.json) in or out as CSV: "
                    + "external_id and one column per question. `export` of a new coder writes the blank form.",
                    "Usage: twitter code import --db DB --coder NAME [--expert] FILE.csv | twitter code export --db DB --coder NAME --out FILE.csv"})
    public static final class Code extends TwitterSubcommand {
        @CommandLine.Parameters(index = "0", paramLabel = "import|export")
        String action;

        @CommandLine.Parameters(index = "1", arity = "0..1", paramLabel = "FILE.csv")
        Path file;

        @Option(names = "--coder", required = true, paramLabel = "NAME", description = "The coder (or, with --expert, the expert).")
        String coder;

        @Option(names = "--expert", description = "The file holds the expert's final answers (with a reason column).")
        boolean expert;

        @Option(names = "--out", paramLabel = "FILE.csv", description = "Where export writes.")
        Path out;

        @Override
        int work(LinkReviewService service, Workbench wb, PrintWriter o) throws Exception {
            switch (action) {
                case "import" -> {
                    if (file == null) {
                        throw usage("code import needs FILE.csv");
                    }
                    var result = service.importAnswers(wb, file, coder,
                            expert ? org.signalbench.domain.Role.EXPERT : org.signalbench.domain.Role.CODER);
                    problems("rejected", result.problems());
                    o.printf("answers added: %d, unchanged: %d, lines rejected: %d%n",
                            result.added(), result.unchanged(), result.problems().size());
                }
                case "export" -> {
                    if (out == null) {
                        throw usage("code export needs --out FILE.csv");
                    }
                    o.println("written: " + service.exportAnswers(wb, coder, out));
                }
                default -> throw usage("code takes import or export, not '" + action + "'");
            }
            return 0;
        }
    }

    /** {@code twitter agreement}: kappa per question of the link-review codebook. */
    @Command(name = "agreement", mixinStandardHelpOptions = true,
            description = "Agreement of the two coders with the most candidates in common, per link-review question: "
                    + "observed agreement, Cohen's kappa with its 95% CI, Krippendorff's alpha.")
    public static final class Agreement extends TwitterSubcommand {
        @Option(names = "--json", description = "Print as JSON.")
        boolean json;

        @Override
        int work(LinkReviewService service, Workbench wb, PrintWriter o) throws Exception {
            List<Map<String, Object>> rows = new java.util.ArrayList<>();
            for (var q : service.agreement(wb)) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("question", q.question());
                m.put("coders", List.of(q.first().name(), q.second().name()));
                m.put("items", q.agreement().items());
                m.put("observedAgreement", JsonOrText.finiteOrNull(q.agreement().observedAgreement()));
                m.put("cohenKappa", JsonOrText.finiteOrNull(q.agreement().cohenKappa()));
                m.put("kappaCi95", java.util.Arrays.asList(JsonOrText.finiteOrNull(q.agreement().kappaLow()), JsonOrText.finiteOrNull(q.agreement().kappaHigh())));
                m.put("krippendorffAlpha", JsonOrText.finiteOrNull(q.agreement().krippendorffAlpha()));
                rows.add(m);
            }
            JsonOrText.print(o, json, () -> rows, () -> {
                o.printf("%-16s %6s %9s %7s%n", "question", "items", "observed", "kappa");
                rows.forEach(m -> o.printf("%-16s %6s %9s %7s%n", m.get("question"), m.get("items"),
                        fmt(m.get("observedAgreement")), fmt(m.get("cohenKappa"))));
            });
            return 0;
        }
    }

    /** {@code twitter evidence import FILE.csv}: link evidence (or a LegitScript list) from CSV. */
    @Command(name = "evidence", mixinStandardHelpOptions = true,
            description = "Link evidence records: `import FILE.csv` (columns url and any of final_url, http_status, liveness, "
                    + "checked_at, title, domain, registrar, registrant_country, domain_created, ip_address, ip_country, "
                    + "legitscript, notes); `list` prints them.")
    public static final class Evidence extends TwitterSubcommand {
        @CommandLine.Parameters(index = "0", paramLabel = "import|list")
        String action;

        @CommandLine.Parameters(index = "1", arity = "0..1", paramLabel = "FILE.csv")
        Path file;

        @Option(names = "--json", description = "Print as JSON.")
        boolean json;

        @Override
        int work(LinkReviewService service, Workbench wb, PrintWriter o) throws Exception {
            if ("import".equals(action)) {
                if (file == null) {
                    throw usage("evidence import needs FILE.csv");
                }
                var result = service.importEvidence(wb, file);
                problems("rejected", result.problems());
                o.printf("records stored: %d, lines rejected: %d%n", result.records(), result.problems().size());
            } else if ("list".equals(action)) {
                var all = service.evidence(wb).values();
                JsonOrText.print(o, json, () -> all, () -> all.forEach(e -> o.printf("%-60s %-5s %-21s %s%n", e.url(), e.httpStatus(),
                        e.liveness(), e.legitScript())));
            } else {
                throw usage("evidence takes import or list, not '" + action + "'");
            }
            return 0;
        }
    }

    /** {@code twitter check-links --contact-sites}: visits the candidates' links (off unless asked). */
    @Command(name = "check-links", mixinStandardHelpOptions = true,
            description = {"CONTACTS THE SITES: visits each link of the latest review (redirects followed and recorded, "
                    + "time-outs, a size cap), stores status, liveness, title, the final host's IP address and a hashed page "
                    + "snapshot in the data folder's evidence/; with --rdap also asks RDAP for registration data and the IP "
                    + "address's country; with --screenshots takes a PNG of each page that answered (JavaScript off unless "
                    + "--javascript). Does nothing without --contact-sites."})
    public static final class CheckLinks extends TwitterSubcommand {
        @Option(names = "--contact-sites", description = "Required: you agree that the sites (and RDAP) are contacted.")
        boolean contactSites;

        @Option(names = "--rdap", arity = "0..1", fallbackValue = org.signalbench.links.Rdap.DEFAULT_BASE, paramLabel = "BASE",
                description = "Also look up registration data by RDAP (default service: ${FALLBACK-VALUE}).")
        String rdap;

        @Option(names = "--timeout", defaultValue = "20", paramLabel = "SECONDS", description = "Per request (default ${DEFAULT-VALUE}).")
        int timeout;

        @Option(names = "--max-bytes", defaultValue = "2097152", paramLabel = "N", description = "Body size cap (default ${DEFAULT-VALUE}).")
        int maxBytes;

        @Option(names = "--screenshots", description = "Also take a screenshot of each page that answered, with an off-screen JavaFX "
                + "WebView (loads the page again, with its images and style sheets). Needs a display: on a machine without one, "
                + "run under xvfb-run, or use the app's Link review tab.")
        boolean screenshots;

        @Option(names = "--javascript", description = "Let pages run their JavaScript for the screenshots (off by default).")
        boolean javaScript;

        @Option(names = "--viewport", defaultValue = "1280x900", paramLabel = "WxH", description = "Screenshot size (default ${DEFAULT-VALUE}).")
        String viewport;

        /** Made from the options before the workbench opens (nothing is contacted when they are wrong). */
        private org.signalbench.links.LinkChecker.Options checkOptions;
        private org.signalbench.links.Rdap lookup;
        private LinkReviewService.Screenshots shots;

        @Override
        public Integer call() throws Exception {
            if (!contactSites) {
                spec.commandLine().getErr().println("error: check-links contacts the sites of the candidates' links; "
                        + "add --contact-sites to agree (nothing was contacted)");
                return SignalBenchCommand.EXIT_USAGE;
            }
            var defaults = org.signalbench.links.LinkChecker.Options.defaults();
            checkOptions = new org.signalbench.links.LinkChecker.Options(defaults.connectTimeout(),
                    java.time.Duration.ofSeconds(timeout), defaults.maxHops(), maxBytes, defaults.userAgent());
            lookup = rdap == null ? null : new org.signalbench.links.Rdap(rdap, java.time.Duration.ofSeconds(timeout));
            shots = null;
            if (screenshots) {
                var size = viewport.toLowerCase(java.util.Locale.ROOT).split("x");
                org.signalbench.links.PageScreenshots.Options options;
                try {
                    options = new org.signalbench.links.PageScreenshots.Options(Integer.parseInt(size[0].strip()),
                            Integer.parseInt(size[size.length - 1].strip()), java.time.Duration.ofSeconds(timeout), javaScript,
                            defaults.userAgent());
                } catch (RuntimeException e) {
                    throw usage("--viewport " + viewport + ": "
                            + (e instanceof NumberFormatException ? "expected WIDTHxHEIGHT, e.g. 1280x900" : e.getMessage()));
                }
                StringBuilder why = new StringBuilder();
                var engine = org.signalbench.links.PageScreenshots.find(why);
                if (engine.isEmpty()) {
                    spec.commandLine().getErr().println("error: cannot take screenshots here (" + why + "). The off-screen "
                            + "browser needs the JavaFX toolkit and a display: run under xvfb-run (Debian package xvfb), "
                            + "leave out --screenshots, or use the app's Link review tab (nothing was contacted)");
                    return SignalBenchCommand.EXIT_FAILURE;
                }
                shots = new LinkReviewService.Screenshots(engine.get(), options);
            }
            return super.call();
        }

        @Override
        int work(LinkReviewService service, Workbench wb, PrintWriter o) throws Exception {
            var checker = new org.signalbench.links.LinkChecker(checkOptions, LinkReviewService.evidenceFolder(wb),
                    java.time.Clock.systemUTC());
            var report = service.checkLinks(wb, checker, lookup, shots, new StderrProgress(spec.commandLine().getErr()));
            problems("note", report.problems());
            o.printf("links checked: %d (live %d, dead %d, redirected elsewhere %d)%s%n",
                    report.links(), report.live(), report.dead(), report.redirectedElsewhere(),
                    screenshots ? ", screenshots " + report.screenshots() : "");
            return 0;
        }
    }

    /** {@code twitter packet}: report packets per agency (HTML, PDF, CSV). */
    @Command(name = "packet", mixinStandardHelpOptions = true,
            description = {"Writes a report packet per agency (resources/reporting/agency-forms.json): packet-<agency>.html "
                    + "and .pdf with one page per site, and packet.csv with a row per site per agency. Handles, phone numbers "
                    + "and e-mail addresses are masked unless --no-mask. Submits nothing: copy the fields into the agency's form, "
                    + "then record it with `twitter reported`."})
    public static final class PacketCommand extends TwitterSubcommand {
        @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder for the packet files.")
        Path out;

        @Option(names = "--sites", split = ",", paramLabel = "DOMAIN,...",
                description = "Registrable domains to report (default: every live online-pharmacy site).")
        List<String> sites;

        @Option(names = "--agencies", split = ",", defaultValue = "fda,dea", paramLabel = "KEY,...",
                description = "Agencies (default: ${DEFAULT-VALUE}).")
        List<String> agencies;

        @Option(names = "--no-mask", description = "Show handles, phone numbers and e-mail addresses unmasked (for the agency only).")
        boolean noMask;

        @Override
        int work(LinkReviewService service, Workbench wb, PrintWriter o) throws Exception {
            List<String> domains = sites == null ? service.livePharmacySites(wb) : sites;
            if (domains.isEmpty()) {
                spec.commandLine().getErr().println("error: no sites to report (no live online-pharmacy site is coded yet; name them with --sites)");
                return SignalBenchCommand.EXIT_FAILURE;
            }
            var packet = service.writePacket(wb, domains, agencies, out, !noMask);
            packet.files().forEach((f, sha) -> o.printf("%s  %s%n", sha, f));
            o.printf("sites: %d (%s)%s%n", domains.size(), String.join(", ", domains), noMask ? "; UNMASKED" : "");
            return 0;
        }
    }

    /** {@code twitter reported}: records a report to an agency, or lists the reports. */
    @Command(name = "reported", mixinStandardHelpOptions = true,
            description = "Records that a site was reported: --domain D --agency fda|dea [--reference REF] [--at TIME]; "
                    + "with no --domain lists the recorded reports.")
    public static final class Reported extends TwitterSubcommand {
        @Option(names = "--domain", paramLabel = "DOMAIN")
        String domain;

        @Option(names = "--agency", paramLabel = "KEY")
        String agency;

        @Option(names = "--reference", paramLabel = "REF", description = "The reference the agency gave.")
        String reference;

        @Option(names = "--at", paramLabel = "TIME", description = "When it was reported (ISO-8601; default now).")
        String at;

        @Option(names = "--json", description = "Print as JSON.")
        boolean json;

        @Override
        int work(LinkReviewService service, Workbench wb, PrintWriter o) throws Exception {
            if (domain != null) {
                if (agency == null) {
                    throw usage("--domain needs --agency");
                }
                service.recordReport(wb, domain, agency, at == null ? java.time.Instant.now() : java.time.Instant.parse(at),
                        reference, null);
            }
            var reports = service.reports(wb);
            JsonOrText.print(o, json, () -> reports, () -> reports.forEach(r -> o.printf("%-28s %-4s %s %s%n", r.domain(), r.agency(),
                    r.reportedAt(), r.reference() == null ? "(no reference yet)" : r.reference())));
            return 0;
        }
    }

    /** {@code twitter results}: the study's figures from coded data. */
    @Command(name = "results", mixinStandardHelpOptions = true,
            description = "The study's figures for the latest review, counted from the final coded answers and the link "
                    + "evidence: retrieved and its share, with links, unique, live, accounts, seller types, LegitScript "
                    + "classes among live pharmacy tweets, registrant countries, the accounts (likely automated ones flagged).")
    public static final class Results extends TwitterSubcommand {
        @Option(names = "--json", description = "Print as JSON.")
        boolean json;

        @Override
        int work(LinkReviewService service, Workbench wb, PrintWriter o) throws Exception {
            var c = service.compareWithStudy(wb);
            JsonOrText.print(o, json, () -> resultsJson(c), () -> o.print(org.signalbench.links.ResultsTable.text(c.rows(), c.study())));
            return 0;
        }
    }

    /** The figures as they always were (every field of LinkReviewResults.Figures at the top), the study's under {@code study}. */
    static Map<String, Object> resultsJson(LinkReviewService.Comparison c) {
        Map<String, Object> out = new LinkedHashMap<>(new com.fasterxml.jackson.databind.ObjectMapper().convertValue(c.figures(),
                new com.fasterxml.jackson.core.type.TypeReference<Map<String, Object>>() { }));
        Map<String, Object> study = new LinkedHashMap<>();
        study.put("source", c.study().source());
        study.put("figures", c.study().figures());
        out.put("study", study);
        return out;
    }

    private static String fmt(Object x) {
        return x == null ? "-" : String.format(java.util.Locale.ROOT, "%.4f", (Double) x);
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
