package org.signalbench.findings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.signalbench.store.Session;
import org.signalbench.store.Workbench;
import org.signalbench.testing.TestWorkbenches;

/** Every count of the findings over the hand-made corpus of {@link FindingsCorpus}. */
class FindingsTest {
    @TempDir
    Path dir;

    Findings f;

    @BeforeEach
    void compute() throws Exception {
        try (Workbench wb = TestWorkbenches.open(dir)) {
            FindingsCorpus.build(wb.connection(), dir);
            f = Findings.compute(Session.over(wb.connection()), FindingsCorpus.lexicons(), org.signalbench.testing.Labelling.CODEBOOK);
        }
    }

    private static List<Object> row(Object... cells) {
        return Arrays.asList(cells);
    }

    @Test
    void overviewCountsFinalDealerPostsOnly() {
        assertEquals(5, f.n());
        assertEquals(List.of(
                row("Posts with a final dealer label", 7L),
                row("Posts with a disputed dealer label (counted nowhere)", 1L),
                row("Dealer posts (N)", 5L),
                row("Dealer accounts", 3L),
                row("Dealer posts without caption hashtags", 1L),
                row("Dealer posts with a coded image", 3L)), f.overview().rows());
    }

    @Test
    void drugHashtagsCountPostsOncePerHashtagAndGroupsAsAUnion() {
        var t = f.drugHashtagCounts();
        assertEquals(5, t.n());
        var xanax = t.groups().get(0);
        // D1 writes #Xanax and #XANAX: one post; the disputed X1 and the non-dealer N1 carry #xanax too
        assertEquals(List.of(new DrugHashtagTable.HashtagRow("#xanax", 1, 20.0), new DrugHashtagTable.HashtagRow("#2mgxanax", 1, 20.0),
                new DrugHashtagTable.HashtagRow("#xanaxfamily", 3, 60.0)), xanax.hashtags());
        assertEquals(new DrugHashtagTable.Count(3, 60.0), xanax.total(), "D1, D2, D5: a union, not 1 + 1 + 3");
        var lsd = t.groups().get(1);
        assertEquals(List.of(new DrugHashtagTable.HashtagRow("#lsd25", 1, 20.0), new DrugHashtagTable.HashtagRow("#lsdtabs", 1, 20.0)), lsd.hashtags());
        assertEquals(new DrugHashtagTable.Count(1, 20.0), lsd.total(), "one post with both LSD hashtags");
        assertEquals(new DrugHashtagTable.Count(1, 20.0), t.groups().get(2).total());

        assertEquals(row("Xanax", "Total", 3L, 60.0), f.drugHashtags().rows().get(3));
        assertEquals(9, f.drugHashtags().rows().size());
    }

    @Test
    void hashtagCategoriesCountCaptionHashtags() {
        assertEquals(List.of(
                row("Drug names", "#xanax", 1L, 20.0),
                row("Drug names", "#mdma", 0L, 0.0), // only in D4's owner comment, not its caption
                row("Drug names", "Total", 1L, 20.0),
                row("Code words", "#percs", 2L, 40.0), // D1, D4; X1 is disputed, N1's #percs is a troll's comment
                row("Code words", "#oxy", 3L, 60.0),
                row("Code words", "Total", 3L, 60.0),
                row("Sale words", "#forsale", 0L, 0.0),
                row("Sale words", "Total", 0L, 0.0)), f.hashtagCategories().rows());
    }

    @Test
    void contactChannelsCodedAndDetectedSideBySide() {
        assertEquals(List.of("Channel", "Coded", "Coded %", "Detected", "Detected %", "Both", "Coded only", "Detected only"),
                f.contactChannels().columnNames());
        assertEquals(List.of(
                row("Wickr", 2L, 40.0, 1L, 20.0, 1L, 1L, 0L), // D4 coded wickr but its text has none
                row("Telegram", 0L, 0.0, 1L, 20.0, 0L, 0L, 1L), // D3's telegram @plug2, not coded
                row("Kik", 1L, 20.0, 1L, 20.0, 1L, 0L, 0L),
                row("WhatsApp", 1L, 20.0, 1L, 20.0, 1L, 0L, 0L),
                row("Phone", 2L, 40.0, 2L, 40.0, 2L, 0L, 0L), // D2, D5; D4's WhatsApp number is not a phone
                row("E-mail", 1L, 20.0, 1L, 20.0, 1L, 0L, 0L),
                row("Other", 0L, 0.0, 0L, 0.0, 0L, 0L, 0L),
                row("None named", 0L, 0.0, 0L, 0.0, 0L, 0L, 0L)), f.contactChannels().rows());
    }

    @Test
    void exchangesCodedAndDetected() {
        assertEquals(List.of(
                row("Coded (final 'exchange' answer yes)", 2L, 40.0), // D1, D3
                row("Detected in the comments", 2L, 40.0), // D1, D4
                row("Coded and detected", 1L, 20.0),
                row("Coded only", 1L, 20.0),
                row("Detected only", 1L, 20.0)), f.exchanges().rows());
    }

    @Test
    void accountsAndPostsPerAccount() {
        var rows = f.postsPerAccount().rows();
        assertEquals(row("1", 1L, 33.3, 1L), rows.get(0));
        assertEquals(row("2", 2L, 66.7, 4L), rows.get(1));
        assertEquals(0L, rows.stream().skip(2).mapToLong(r -> (Long) r.get(1)).sum());
        assertTrue(f.postsPerAccount().note().startsWith("3 unique dealer accounts"), f.postsPerAccount().note());
        assertTrue(f.postsPerAccount().note().contains("mean 1.7, median 2, most 2"), f.postsPerAccount().note());
        assertEquals(List.of(row("plug_one", "instagram", 2L), row("plug_two", "instagram", 2L), row("plug_three", "instagram", 1L)),
                f.topAccounts().rows());
    }

    @Test
    void imageCategoriesFromTheCoding() {
        assertEquals(List.of(
                row("Prescription drugs only", 1L, 33.3),
                row("Illicit drugs only", 1L, 33.3),
                row("Prescription and illicit drugs", 0L, 0.0),
                row("Unclassifiable suspected drug", 0L, 0.0),
                row("Unrelated", 1L, 33.3),
                row("All dealer posts with a coded image", 3L, 100.0),
                row("Image shows a written contact note", 1L, 33.3)), f.imageCategories().rows());
    }

    @Test
    void timelineCountsIsoWeeksIncludingEmptyOnes() {
        assertEquals(List.of(
                row("2018-W31", "2018-07-30", 4L), // D1 Wed, D3 Thu, D4 Fri, D5 Sat 23:30 UTC
                row("2018-W32", "2018-08-06", 0L),
                row("2018-W33", "2018-08-13", 1L)), f.timeline().rows());
    }

    @Test
    void discoveryRanksUnsearchedDrugHashtagsByScore() {
        var c = f.discoveryCandidates();
        // #oxy: D1, D2, D4 of 4 labelled (N1) -> 3 x 0.75; #mollyplug: D2 and D4's owner comment -> 2 x 1; #percs: D1, D4 -> 2 x 1.
        // Left out: #xanaxfamily (searched, as #XanaxFamily), #plugs (no drug keyword), single-post hashtags.
        assertEquals(List.of("#oxy", "#mollyplug", "#percs"), f.discoveredHashtags());
        assertEquals(new HashtagDiscovery.Candidate("#oxy", "oxy", 3, 4, 0.75, 2.25), c.get(0));
        assertEquals(new HashtagDiscovery.Candidate("#mollyplug", "molly", 2, 2, 1.0, 2.0), c.get(1));
        assertEquals(new HashtagDiscovery.Candidate("#percs", "perc", 2, 2, 1.0, 2.0), c.get(2));
        assertEquals(row("#oxy", "oxy", 3L, 4L, 75.0, 2.25), f.discovery().rows().get(0));
    }

    @Test
    void maskedFindingsHideAccountsButKeepCounts() {
        Findings m = f.masked();
        String all = m.tables().stream().map(TableFormat.MARKDOWN::render).reduce("", String::concat);
        assertFalse(all.contains("plug_one") || all.contains("plug_two") || all.contains("plug_three"), all);
        assertEquals(Masking.maskAccount("plug_one"), m.topAccounts().rows().get(0).get(0));
        assertEquals(f.contactChannels(), m.contactChannels());
        assertEquals(f.drugHashtags(), m.drugHashtags());
    }

    @Test
    void theHtmlReportIsSelfContainedAndHoldsEveryTable() {
        String html = HtmlReport.render(f.masked(), new HtmlReport.Info("study.sqlite", "2026-11-23 12:00 UTC", true));
        assertTrue(html.startsWith("<!DOCTYPE html>"));
        for (String external : List.of("http://", "https://", "<script", "<link", "@import", "url(", "<img", "<iframe")) {
            assertFalse(html.contains(external), "report refers to something outside itself: " + external);
        }
        for (Table t : f.tables()) {
            assertTrue(html.contains(">" + SvgCharts.escape(t.title()) + "</h2>"), t.title());
        }
        assertTrue(html.contains("study.sqlite") && html.contains("2026-11-23 12:00 UTC"));
        assertTrue(html.contains("Masked:"));
        assertTrue(html.contains("<td>2018-W33</td>"));
        assertTrue(html.contains("<td>#mollyplug</td>"));
        assertTrue(html.contains(Masking.maskAccount("plug_one")) && !html.contains("plug_one"));
        // charts: one per drug group, categories, channels, exchanges, images, accounts, timeline
        assertEquals(3 + 6, html.split("<svg ", -1).length - 1);
        assertEquals(Charts.of(f).size(), html.split("<svg ", -1).length - 1, "the report draws every exported chart");
        assertTrue(html.contains("<polyline"), "the timeline");

        String open = HtmlReport.render(f, new HtmlReport.Info("study.sqlite", "now", false));
        assertTrue(open.contains("Not masked") && open.contains("plug_one"));
    }
}
