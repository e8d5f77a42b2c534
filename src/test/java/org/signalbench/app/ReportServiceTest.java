package org.signalbench.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.signalbench.agreement.PairAgreement;
import org.signalbench.domain.Role;
import org.signalbench.findings.Findings;
import org.signalbench.findings.HtmlReport;
import org.signalbench.findings.Masking;
import org.signalbench.labels.LabelStore;
import org.signalbench.models.BinaryMetrics;
import org.signalbench.models.CvConfig;
import org.signalbench.models.FoldResult;
import org.signalbench.models.Folds;
import org.signalbench.models.PublishedValues;
import org.signalbench.models.RunStatus;
import org.signalbench.models.RunStore;
import org.signalbench.models.RunSummary;
import org.signalbench.models.Scored;
import org.signalbench.preprocess.Variant;
import org.signalbench.store.Session;
import org.signalbench.store.Workbench;
import org.signalbench.testing.Labelling;
import org.signalbench.testing.TestWorkbenches;

/**
 * The report's agreement, model-results and Twitter sections, parsed back from the HTML: every
 * figure is the one the services give, markup in names is escaped, handles are masked by default,
 * and an empty workbench says there is nothing to show.
 */
class ReportServiceTest {
    /** A coder name with markup: it must come out as text. */
    static final String TRICKY_CODER = "coder <b>&amp; co";

    @TempDir
    Path dir;

    @Test
    void anEmptyWorkbenchSaysThereIsNothingToShowAndHasNoTwitterSection() throws Exception {
        try (Workbench wb = TestWorkbenches.open(dir)) {
            Document doc = report(wb, true);
            assertEquals("No agreement to show: no two coders have answered the same post yet.",
                    doc.getElementById("agreement").nextElementSiblings().select("p.empty").first().text());
            assertTrue(doc.select("p.empty").eachText().stream().anyMatch(t -> t.startsWith("No model results to show")),
                    doc.select("p.empty").eachText().toString());
            assertNull(doc.getElementById("twitter"));
        }
    }

    @Test
    void agreementAndModelFiguresAreTheServicesOwn() throws Exception {
        try (Workbench wb = TestWorkbenches.open(dir)) {
            Connection c = wb.connection();
            long[] posts = new long[6];
            for (int i = 0; i < posts.length; i++) {
                posts[i] = TestWorkbenches.insertPost(c, "instagram", "p" + i, "acct" + i, "caption " + i);
            }
            try (LabelStore store = Labelling.labelStore(c)) {
                long a = store.coder(TRICKY_CODER, Role.CODER).id();
                long b = store.coder("coder_b", Role.CODER).id();
                String[] first = {"yes", "yes", "no", "no", "yes", "no"};
                String[] second = {"yes", "no", "no", "no", "yes", "no"};
                for (int i = 0; i < posts.length; i++) {
                    store.saveAnswer(a, posts[i], "dealer", first[i], null);
                    store.saveAnswer(b, posts[i], "dealer", second[i], null);
                }
            }
            RunStore runs = new RunStore(Session.over(c));
            CvConfig config = new CvConfig(List.of(Variant.NO_HASHTAGS), List.of("dt", "svm"), Map.of(), 2, 7, Folds.Scheme.STRATIFIED);
            runs.create("older-run", config, "fp-old", 10, Map.of(), Map.of());
            runs.setStatus("older-run", RunStatus.FINISHED, 1);
            runs.create("run-2", config, "fingerprint-2", 42, Map.of(), Map.of("tribuo", "4.3.2"));
            for (String model : config.models()) {
                for (int f = 0; f < 2; f++) {
                    // each post in one fold
                    List<Scored> scored = List.of(new Scored(posts[3 * f], 0.9, true), new Scored(posts[3 * f + 1], 0.6, f == 0),
                            new Scored(posts[3 * f + 2], 0.2, model.equals("dt")));
                    List<Boolean> dealer = List.of(true, true, false);
                    runs.saveFold("run-2", new FoldResult("no-hashtags", model, f, 3, 3, BinaryMetrics.of(scored, dealer),
                            0.75 + 0.1 * f, 0.1, 0.1), scored, dealer);
                }
            }
            runs.setStatus("run-2", RunStatus.FINISHED, 3);
            runs.create("run-3", config, "fp-running", 10, Map.of(), Map.of()); // still running: not reported

            AgreementService agreement = Services.load().agreement();
            var row = agreement.overview(wb).pairs().stream().filter(p -> p.row().question().equals("dealer"))
                    .findFirst().orElseThrow().row();
            PairAgreement pair = row.agreement();
            Document doc = report(wb, true);

            Element dealer = table(doc, "agreement-agreement-dealer");
            List<String> cells = dealer.select("tbody tr").first().select("td").eachText();
            assertEquals(List.of(row.first().name() + " – " + row.second().name(), String.valueOf(pair.items()),
                    f3(pair.observedAgreement()), f3(pair.cohenKappa()), "[" + f3(pair.kappaLow()) + ", " + f3(pair.kappaHigh()) + "]",
                    f3(pair.krippendorffAlpha())), cells);
            assertEquals(6, pair.items());
            assertTrue(doc.html().contains("coder &lt;b&gt;&amp;amp; co"), "the coder's name is escaped");
            assertTrue(doc.select("b").stream().noneMatch(b -> b.text().contains("co")), "no markup from a name");

            String provenance = doc.getElementById("model-results").nextElementSibling().text();
            assertTrue(provenance.startsWith("Run run-2, finished "), provenance);
            assertTrue(provenance.contains("corpus fingerprint fingerprint-2, dictionary 42 words"), provenance);
            List<RunSummary.Row> rows = Services.load().crossValidation().rows(wb, "run-2");
            PublishedValues published = PublishedValues.load();
            Element table1 = table(doc, "model-results-table1");
            List<Element> lines = table1.select("tbody tr");
            assertEquals(rows.size() * 4, lines.size());
            for (RunSummary.Row r : rows) {
                Element f1 = lines.stream().filter(l -> l.select("td").eachText().subList(0, 3)
                        .equals(List.of(r.variant(), r.model(), "f1"))).findFirst().orElseThrow();
                List<String> td = f1.select("td").eachText();
                assertEquals(f3(r.f1()) + " ± " + f3(r.f1Sd()), td.get(3));
                double paper = published.value(r.variant(), r.model(), "f1").orElseThrow();
                assertEquals(f3(paper), td.get(4));
                assertEquals(String.format(Locale.ROOT, "%+.3f", r.f1() - paper), td.get(5));
            }

            // without published values every published cell and difference is "—"
            Findings findings = FindingsService.compute(wb, Services.load().settings());
            Document none = Jsoup.parse(new ReportService(agreement, PublishedValues::none, LinkReviewService::new).render(wb,
                    findings.masked(), new HtmlReport.Info("study.sqlite", "now", true)));
            for (Element line : table(none, "model-results-table1").select("tbody tr")) {
                assertEquals(List.of("—", "—"), line.select("td").eachText().subList(4, 6));
            }
        }
    }

    @Test
    void theTwitterSectionShowsTheFunnelAndResultsMaskedByDefault() throws Exception {
        try (Workbench wb = TestWorkbenches.open(dir)) {
            Connection c = wb.connection();
            long a = TestWorkbenches.insertPost(c, "twitter", "101", "rx_deals_1", "buy oxycodone online no prescription https://t.co/a");
            link(c, a, "https://www.rxbargainmeds.test/oxycodone");
            TestWorkbenches.insertPost(c, "twitter", "102", "plug_7", "percs for sale, mail me at plug7@example.com");
            long d = TestWorkbenches.insertPost(c, "twitter", "103", "guide_2", "where to buy percocet https://t.co/b");
            link(c, d, "https://guide.blogsite.test/");
            TestWorkbenches.insertPost(c, "twitter", "104", "someone", "my back hurts");
            LinkReviewService service = new LinkReviewService();
            var retrieval = service.readIds(wb, write("ids.csv", "external_id\n101\n102\n103\n104\n"), false);
            service.candidates(wb, retrieval.source(), retrieval.postIds());
            String answers = "external_id,false_positive,seller_type,link_status\n"
                    + "101,no,online-pharmacy,live\n102,no,individual-seller,live\n103,no,marketing-affiliate,dead\n";
            service.importAnswers(wb, write("a.csv", answers), "coder-a", Role.CODER);
            service.importAnswers(wb, write("b.csv", answers), "coder-b", Role.CODER);
            var figures = service.results(wb);

            Document masked = report(wb, true);
            assertNotNull(masked.getElementById("twitter"));
            List<String> funnel = table(masked, "twitter-funnel").select("tbody tr").eachText();
            assertTrue(funnel.contains("Retrieved " + figures.retrieved() + " 100.0"), funnel.toString());
            assertTrue(funnel.contains("Unique candidates (retweets and identical copies collapsed) " + figures.unique()), funnel.toString());
            assertTrue(funnel.stream().anyMatch(l -> l.startsWith("Live selling tweets " + figures.live() + " ")), funnel.toString());
            assertEquals(2, figures.live());
            List<String> types = table(masked, "twitter-seller-types").select("tbody tr").eachText();
            assertTrue(types.contains("online-pharmacy 1 50.0"), types.toString());
            assertTrue(types.contains("individual-seller 1 50.0"), types.toString());
            String accounts = table(masked, "twitter-accounts").text();
            assertFalse(masked.html().contains("rx_deals_1"), "handles are masked by default");
            assertTrue(accounts.contains(Masking.maskAccount("rx_deals_1")), accounts);
            List<String> kappa = table(masked, "twitter-review-agreement").select("tbody tr").eachText();
            assertTrue(kappa.stream().anyMatch(l -> l.startsWith("seller_type coder-a – coder-b 3 1.000")), kappa.toString());

            Document plain = report(wb, false);
            assertTrue(table(plain, "twitter-accounts").text().contains("rx_deals_1"));
        }
    }

    private static Document report(Workbench wb, boolean mask) {
        Findings findings = FindingsService.compute(wb, Services.load().settings());
        String html = new ReportService(Services.load().agreement()).render(wb, mask ? findings.masked() : findings,
                new HtmlReport.Info("study.sqlite", "2026-12-05 12:00 UTC", mask));
        return Jsoup.parse(html);
    }

    /** The table right after the heading with this id (and its note, when there is one). */
    private static Element table(Document doc, String headingId) {
        Element heading = doc.getElementById(headingId);
        assertNotNull(heading, headingId + " in " + doc.select("h3").eachAttr("id"));
        Element next = heading.nextElementSibling();
        while (next != null && !next.tagName().equals("table")) {
            next = next.nextElementSibling();
        }
        assertNotNull(next, "a table after " + headingId);
        return next;
    }

    private static String f3(double x) {
        return String.format(Locale.ROOT, "%.3f", x);
    }

    private static void link(Connection c, long postId, String url) throws Exception {
        try (PreparedStatement st = c.prepareStatement("INSERT INTO tweet_url (post_id, position, expanded_url) VALUES (?, 0, ?)")) {
            st.setLong(1, postId);
            st.setString(2, url);
            st.executeUpdate();
        }
    }

    private Path write(String name, String text) throws Exception {
        return Files.writeString(dir.resolve(name), text);
    }
}
