package org.signalbench.links;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The results rows: each figure worded and formatted, beside the study's figure from the editable resource. */
class ResultsTableTest {
    static LinkReviewResults.Figures figures() {
        Map<String, Integer> byType = new LinkedHashMap<>();
        byType.put("online-pharmacy", 3);
        byType.put("individual-seller", 1);
        byType.put("marketing-affiliate", 0);
        byType.put("darknet", 0);
        Map<String, Double> shares = new LinkedHashMap<>();
        byType.forEach((t, n) -> shares.put(t, n / 4.0));
        return new LinkReviewResults.Figures(12_345, 40, 40 / 12_345.0, 30, 25, 12, 12, 2, 4, 3, byType, shares, 2,
                new TreeMap<>(Map.of("rogue", 1, "not-listed", 2)), new TreeMap<>(Map.of("US", 1, "unknown", 1)), 950,
                List.of(new LinkReviewResults.Account("bot_1", 2, 3, 500_000L, 10L, 123_456.4, true),
                        new LinkReviewResults.Account("human_2", 1, 1, 900L, 940L, 800.0, false)),
                new TreeMap<>(Map.of("NL", 2)));
    }

    @Test
    void eachFigureIsWordedAndStandsBesideTheStudys() {
        StudyFigures study = StudyFigures.load();
        Map<String, Double> kappas = new LinkedHashMap<>();
        kappas.put("seller_type", 0.9634);
        kappas.put("link_status", 0.9612);
        List<ResultsTable.Row> rows = ResultsTable.rows(figures(), study, kappas);
        Map<String, ResultsTable.Row> byKey = rows.stream().collect(Collectors.toMap(ResultsTable.Row::key, Function.identity()));
        assertEquals("12,345", byKey.get("workbenchTweets").measured());
        assertEquals("213,041", byKey.get("workbenchTweets").study());
        assertEquals("40 (0.32% of all)", byKey.get("retrieved").measured());
        assertEquals("692 (0.32% of all)", byKey.get("retrieved").study());
        assertEquals("25 (62.5% of retrieved)", byKey.get("withLinks").measured());
        assertEquals("476 (68.8% of retrieved)", byKey.get("withLinks").study());
        assertEquals("–", byKey.get("unique").study()); // the study gives no count after deduplication alone
        assertEquals("4", byKey.get("live").measured());
        assertEquals("34", byKey.get("live").study());
        assertEquals("3 (75%)", byKey.get("liveByType.online-pharmacy").measured());
        assertEquals("15 (44%)", byKey.get("liveByType.online-pharmacy").study());
        assertEquals("live: darknet or other", byKey.get("liveByType.darknet").figure());
        assertEquals("1 (3%)", byKey.get("liveByType.darknet").study());
        assertEquals("1 of 3 (33%)", byKey.get("legitScriptAmongLivePharmacyTweets.rogue").measured());
        assertEquals("6 of 15 (40%)", byKey.get("legitScriptAmongLivePharmacyTweets.rogue").study());
        assertEquals("2 of 3 (67%)", byKey.get("legitScriptAmongLivePharmacyTweets.not-listed").measured());
        assertEquals("US 1, unknown 1", byKey.get("registrantCountriesOfLivePharmacySites").measured());
        assertEquals("the majority in the United States", byKey.get("registrantCountriesOfLivePharmacySites").study());
        assertEquals("NL 2", byKey.get("ipCountriesOfLivePharmacySites").measured());
        assertEquals("1 (@bot_1, 123,456 tweets a year)", byKey.get("likelyAutomated").measured());
        assertEquals("1 (over 100,000 tweets a year)", byKey.get("likelyAutomated").study());
        assertEquals("seller type 0.96, link status 0.96", byKey.get("kappa").measured());
        assertEquals("0.94", byKey.get("kappa").study());
        assertTrue(byKey.get("live").quote().contains("34 unique"), byKey.get("live").quote());
        // LegitScript's classes from the worst
        assertEquals(List.of("legitScriptAmongLivePharmacyTweets.rogue", "legitScriptAmongLivePharmacyTweets.not-listed"),
                rows.stream().map(ResultsTable.Row::key).filter(k -> k.startsWith("legitScript")).toList());
        // in the funnel's order
        assertEquals(List.of("workbenchTweets", "retrieved", "withLinksOrContacts", "withLinks", "unique"),
                rows.stream().map(ResultsTable.Row::key).limit(5).toList());
    }

    @Test
    void theTextIsAnAlignedTableWithoutRawMaps() {
        StudyFigures study = StudyFigures.load();
        String text = ResultsTable.text(ResultsTable.rows(figures(), study, Map.of()), study);
        List<String> lines = text.lines().toList();
        assertTrue(lines.get(0).startsWith("figure "), lines.get(0));
        int column = lines.get(0).indexOf("SignalBench");
        assertTrue(lines.stream().filter(l -> l.startsWith("live: online pharmacy"))
                .allMatch(l -> l.substring(column).startsWith("3 (75%)") && l.endsWith("15 (44%)")), text);
        assertFalse(text.contains("{"), text);
        assertTrue(text.contains("study: Mackey T et al."), text);
    }
}
