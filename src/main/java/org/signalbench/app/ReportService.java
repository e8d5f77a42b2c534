package org.signalbench.app;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import org.signalbench.agreement.PairAgreement;
import org.signalbench.findings.Findings;
import org.signalbench.findings.HtmlReport;
import org.signalbench.findings.Table;
import org.signalbench.links.LinkReviewResults;
import org.signalbench.models.PublishedValues;
import org.signalbench.models.RunStatus;
import org.signalbench.models.RunStore;
import org.signalbench.models.RunSummary;
import org.signalbench.store.LinkReviews;
import org.signalbench.store.Session;
import org.signalbench.store.Workbench;

/**
 * The HTML report as a use case, the same for {@code report} and the app's Findings view: the
 * findings, then agreement (from {@link AgreementService}), the latest finished cross-validation run
 * beside the published Table 1, and, when the workbench has a link review, the Twitter study's
 * funnel and results (from {@link LinkReviewService}). Nothing is recomputed here: every figure is
 * the services' own, only laid out as tables (and masked with the rest when asked).
 */
public final class ReportService {
    private static final java.time.format.DateTimeFormatter FINISHED =
            java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT).withZone(java.time.ZoneOffset.UTC);

    private final AgreementService agreement;
    private final java.util.function.Supplier<PublishedValues> published;
    private final java.util.function.Supplier<LinkReviewService> linkReview;

    /** @param published read at each report, so an edited copy of the published values counts at once */
    public ReportService(AgreementService agreement, java.util.function.Supplier<PublishedValues> published,
                         java.util.function.Supplier<LinkReviewService> linkReview) {
        this.agreement = agreement;
        this.published = published;
        this.linkReview = linkReview;
    }

    /** Over the settings' codebook, the shipped (or edited) published values and the link-review codebook. */
    public ReportService(AgreementService agreement) {
        this(agreement, PublishedValues::load, LinkReviewService::new);
    }

    /**
     * The whole report: {@code findings} as given (already masked or not), then the sections, masked
     * when {@code masked}.
     */
    public String render(Workbench workbench, Findings findings, HtmlReport.Info info) {
        List<HtmlReport.Section> sections = sections(workbench);
        if (info.masked()) {
            sections = sections.stream().map(HtmlReport.Section::masked).toList();
        }
        return HtmlReport.render(findings, info, sections);
    }

    /** The report's sections after the findings, unmasked. */
    public List<HtmlReport.Section> sections(Workbench workbench) {
        List<HtmlReport.Section> sections = new ArrayList<>();
        sections.add(agreementSection(agreement.overview(workbench)));
        sections.add(modelSection(workbench));
        HtmlReport.Section twitter = twitterSection(workbench);
        if (twitter != null) {
            sections.add(twitter);
        }
        return sections;
    }

    // ---- agreement ------------------------------------------------------------------------------

    static HtmlReport.Section agreementSection(AgreementService.Overview overview) {
        List<Table> tables = new ArrayList<>();
        List<String> questions = new ArrayList<>();
        overview.pairs().forEach(p -> {
            if (!questions.contains(p.row().question())) {
                questions.add(p.row().question());
            }
        });
        for (String question : questions) {
            Table.Builder t = Table.builder("agreement-" + question, "Question “" + question + "”")
                    .column("Coders", Table.Kind.LABEL)
                    .column("Items", Table.Kind.COUNT)
                    .column("Observed agreement", Table.Kind.NUMBER)
                    .column("Cohen's kappa", Table.Kind.NUMBER)
                    .column("95% CI", Table.Kind.LABEL)
                    .column("Krippendorff's alpha", Table.Kind.NUMBER);
            for (AgreementService.Pair p : overview.pairs()) {
                if (!p.row().question().equals(question)) {
                    continue;
                }
                PairAgreement a = p.row().agreement();
                t.row(p.row().first().name() + " – " + p.row().second().name(), a.items(), decimal(a.observedAgreement()),
                        decimal(a.cohenKappa()), "[" + decimal(a.kappaLow()) + ", " + decimal(a.kappaHigh()) + "]",
                        decimal(a.krippendorffAlpha()));
            }
            overview.fleiss().stream().filter(f -> f.question().equals(question) && f.coders().size() > 2).findFirst()
                    .ifPresent(f -> t.row("all " + f.coders().size() + " coders (Fleiss' kappa)", f.agreement().items(), "",
                            decimal(f.agreement().fleissKappa()), "", decimal(f.agreement().krippendorffAlpha())));
            tables.add(t.build());
        }
        return new HtmlReport.Section("agreement", "Agreement between coders",
                "Every pair of coders on every question both answered, over the posts both answered (docs/agreement.md). "
                        + "Figures as the Agreement view and the agreement command give them; 95% CI of kappa from its "
                        + "large-sample standard error.",
                tables, "No agreement to show: no two coders have answered the same post yet.");
    }

    // ---- model results --------------------------------------------------------------------------

    /** The newest finished run, or empty. */
    static java.util.Optional<RunStore.Run> latestFinished(Session session) {
        RunStore store = new RunStore(session);
        return session.unchecked(() -> store.all().stream().filter(r -> r.status() == RunStatus.FINISHED)
                .filter(r -> r.finishedAt() != null)
                .max(java.util.Comparator.comparing(RunStore.Run::finishedAt)));
    }

    private HtmlReport.Section modelSection(Workbench workbench) {
        try (Session session = workbench.openSession()) {
            var run = latestFinished(session);
            if (run.isEmpty()) {
                return new HtmlReport.Section("model-results", "Model results (Table 1)", "", List.of(),
                        "No model results to show: no cross-validation run has finished on this workbench "
                                + "(Models view, or the cv command).");
            }
            RunStore.Run r = run.get();
            List<RunSummary.Row> rows = session.unchecked(() -> RunSummary.rows(new RunStore(session), r.id()));
            return modelSection(r, rows, published.get());
        }
    }

    static HtmlReport.Section modelSection(RunStore.Run run, List<RunSummary.Row> rows, PublishedValues published) {
        Table.Builder t = Table.builder("table1", "Cross-validation figures beside the published Table 1")
                .column("Variant", Table.Kind.LABEL)
                .column("Model", Table.Kind.LABEL)
                .column("Measure", Table.Kind.LABEL)
                .column("This run (mean ± SD over folds)", Table.Kind.NUMBER)
                .column("Published", Table.Kind.NUMBER)
                .column("Difference", Table.Kind.NUMBER)
                .note("Difference = this run's mean minus the published value; “—” where the paper gives no value. "
                        + (published.source().isEmpty() ? "" : "Published values: " + published.source() + ". ")
                        + (published.problem().isEmpty() ? "" : "The published values could not be read: " + published.problem()));
        for (RunSummary.Row row : rows) {
            Map<String, double[]> measures = new java.util.LinkedHashMap<>();
            measures.put("precision", new double[] {row.precision(), row.precisionSd()});
            measures.put("recall", new double[] {row.recall(), row.recallSd()});
            measures.put("f1", new double[] {row.f1(), row.f1Sd()});
            measures.put("auc", new double[] {row.auc(), row.aucSd()});
            measures.forEach((measure, v) -> {
                OptionalDouble paper = published.value(row.variant(), row.model(), measure);
                t.row(row.variant(), row.model(), measure, decimal(v[0]) + " ± " + decimal(v[1]),
                        paper.isPresent() ? decimal(paper.getAsDouble()) : "—",
                        paper.isPresent() && !Double.isNaN(v[0]) ? signed(v[0] - paper.getAsDouble()) : "—");
            });
        }
        String provenance = String.format(Locale.ROOT,
                "Run %s, finished %s: %d-fold %s cross-validation, seed %d; models %s; variants %s; "
                        + "corpus fingerprint %s, dictionary %,d words; %.0f s of work. Versions: %s. "
                        + "`runs show %s` gives every fold and the hyperparameters.",
                run.id(), FINISHED.format(run.finishedAt()), run.config().folds(),
                run.config().scheme().name().toLowerCase(Locale.ROOT), run.config().seed(),
                String.join(", ", run.config().models()),
                String.join(", ", run.config().variants().stream().map(org.signalbench.preprocess.Variant::key).toList()),
                run.corpusFingerprint(), run.dictionarySize(), run.durationSeconds(),
                String.join(", ", run.libraryVersions().entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).toList()),
                run.id());
        return new HtmlReport.Section("model-results", "Model results (Table 1)", provenance, List.of(t.build()),
                "No model results to show.");
    }

    // ---- the Twitter study ----------------------------------------------------------------------

    /** The Twitter section, or null when the workbench has no link review. */
    private HtmlReport.Section twitterSection(Workbench workbench) {
        try (Session session = workbench.openSession()) {
            if (new LinkReviews(session).latestReview().isEmpty()) {
                return null;
            }
        }
        LinkReviewService service = linkReview.get();
        return twitterSection(service.overview(workbench), service.agreement(workbench));
    }

    static HtmlReport.Section twitterSection(LinkReviewService.Overview overview,
                                             List<LinkReviewService.QuestionAgreement> agreement) {
        LinkReviewResults.Figures f = overview.figures();
        List<Table> tables = new ArrayList<>();
        tables.add(Table.builder("funnel", "The candidate funnel")
                .column("Step", Table.Kind.LABEL).column("Tweets", Table.Kind.COUNT).column("Share (%)", Table.Kind.PERCENT)
                .row("Tweets in the workbench", (long) f.workbenchTweets(), null)
                .row("Retrieved", (long) f.retrieved(), Table.percent(f.retrieved(), f.workbenchTweets()))
                .row("With links or contact details", (long) f.withLinksOrContacts(), Table.percent(f.withLinksOrContacts(), f.retrieved()))
                .row("… of which with links", (long) f.withLinks(), Table.percent(f.withLinks(), f.withLinksOrContacts()))
                .row("Unique candidates (retweets and identical copies collapsed)", (long) f.unique(), null)
                .row("Coded (seller type answered)", (long) f.coded(), Table.percent(f.coded(), f.unique()))
                .row("False positives (not selling)", (long) f.falsePositives(), Table.percent(f.falsePositives(), f.unique()))
                .row("Live selling tweets", (long) f.live(), Table.percent(f.live(), f.unique()))
                .row("Accounts behind the live tweets", (long) f.liveAccounts(), null)
                .note("Counted by LinkReviewService from the final coded answers and the link evidence of the latest review "
                        + "(the figures of `twitter results`). Shares: retrieved of the workbench's tweets; with links or contact "
                        + "details of the retrieved; with links of those; coded, false positives and live of the unique candidates.")
                .build());
        Table.Builder types = Table.builder("seller-types", "Live tweets by seller type")
                .column("Seller type", Table.Kind.LABEL).column("Live tweets", Table.Kind.COUNT).column("Share (%)", Table.Kind.PERCENT);
        f.liveByType().forEach((type, n) -> types.row(type, (long) n, Table.percent(n, f.live())));
        tables.add(types.note(f.livePharmacySites() + " distinct live online-pharmacy sites.").build());
        Table.Builder legit = Table.builder("legitscript", "LegitScript classes among the live pharmacy tweets")
                .column("LegitScript", Table.Kind.LABEL).column("Tweets", Table.Kind.COUNT);
        f.legitScriptAmongLivePharmacyTweets().forEach((k, n) -> legit.row(k, (long) n));
        tables.add(legit.build());
        Table.Builder countries = Table.builder("registrant-countries", "Registrant countries of the live pharmacy sites")
                .column("Country", Table.Kind.LABEL).column("Sites", Table.Kind.COUNT);
        f.registrantCountriesOfLivePharmacySites().forEach((k, n) -> countries.row(k, (long) n));
        tables.add(countries.build());
        Table.Builder accounts = Table.builder("accounts", "Accounts behind the live tweets")
                .column("Account", Table.Kind.ACCOUNT).column("Signal tweets", Table.Kind.COUNT)
                .column("Tweets in the workbench", Table.Kind.COUNT).column("Followers", Table.Kind.COUNT)
                .column("Tweets a year", Table.Kind.COUNT).column("Likely automated", Table.Kind.LABEL)
                .note(String.format(Locale.ROOT, "%,d followers in all; an account posting at least %,.0f tweets a year and "
                        + "%.0f times the median rate is flagged as likely automated.", f.liveAccountFollowers(),
                        LinkReviewResults.AUTOMATED_MIN_PER_YEAR, LinkReviewResults.AUTOMATED_TIMES_MEDIAN));
        f.accounts().forEach(a -> accounts.row(a.handle(), (long) a.signalTweets(), (long) a.tweetsInWorkbench(), a.followers(),
                a.tweetsPerYear() == null ? null : Math.round(a.tweetsPerYear()), a.likelyAutomated() ? "yes" : ""));
        tables.add(accounts.build());
        Table.Builder sites = Table.builder("sites", "Sites of the latest review")
                .column("Domain", Table.Kind.TEXT).column("Seller type", Table.Kind.LABEL).column("Live", Table.Kind.LABEL)
                .column("LegitScript", Table.Kind.LABEL).column("Candidates", Table.Kind.COUNT);
        overview.sites().forEach(s -> sites.row(s.domain(), s.sellerType(), s.live() ? "yes" : "no", s.legitScript(), (long) s.candidates()));
        tables.add(sites.build());
        if (!agreement.isEmpty()) {
            Table.Builder kappa = Table.builder("review-agreement", "Agreement of the two coders on the candidates")
                    .column("Question", Table.Kind.LABEL).column("Coders", Table.Kind.LABEL).column("Items", Table.Kind.COUNT)
                    .column("Cohen's kappa", Table.Kind.NUMBER).column("Krippendorff's alpha", Table.Kind.NUMBER);
            agreement.forEach(q -> kappa.row(q.question(), q.first().name() + " – " + q.second().name(), q.agreement().items(),
                    decimal(q.agreement().cohenKappa()), decimal(q.agreement().krippendorffAlpha())));
            tables.add(kappa.build());
        }
        return new HtmlReport.Section("twitter", "Twitter study: from signal tweets to sellers",
                "The link review of this workbench (docs/link-review.md). " + String.format(Locale.ROOT,
                        "%,d of %,d tweets retrieved (%.2f%%).", f.retrieved(), f.workbenchTweets(), 100 * f.share()),
                tables, "No link review yet.");
    }

    /** Three decimals, or "—" for an undefined coefficient. */
    static String decimal(double x) {
        return Double.isNaN(x) || Double.isInfinite(x) ? "—" : String.format(Locale.ROOT, "%.3f", x);
    }

    private static String signed(double x) {
        return String.format(Locale.ROOT, "%+.3f", x);
    }
}
