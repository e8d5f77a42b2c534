package org.signalbench.links;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The link review's results as rows for people: each figure counted on the workbench beside the
 * study's (from {@link StudyFigures}), in the order of the funnel. The command line prints these
 * rows and the Link review tab shows them, so both say the same thing in the same words.
 */
public final class ResultsTable {
    /** One figure: what it is, SignalBench's value, the study's ("–" when it gives none), and the sentence quoted. */
    public record Row(String key, String figure, String measured, String study, String quote) {
    }

    /** What the seller types and LegitScript classes are called in the rows. */
    private static final Map<String, String> NAMES = Map.of("online-pharmacy", "online pharmacy",
            "individual-seller", "individual seller", "marketing-affiliate", "marketing affiliate",
            "darknet", "darknet or other", "not-listed", "not listed", "not-checked", "not checked");

    /** LegitScript's classes from the worst, then the two of ours: the order of their rows. */
    private static final List<String> LEGITSCRIPT_ORDER = List.of("rogue", "unapproved", "unverified", "legitimate",
            "not-listed", "not-checked");

    private ResultsTable() {
    }

    /**
     * The rows for {@code f}; {@code kappas} (question to Cohen's kappa, may be empty) fills the
     * agreement row.
     */
    public static List<Row> rows(LinkReviewResults.Figures f, StudyFigures study, Map<String, Double> kappas) {
        List<Row> rows = new ArrayList<>();
        Rows r = new Rows(rows, study);
        r.add("workbenchTweets", "tweets in the workbench", count(f.workbenchTweets()));
        r.add("retrieved", "retrieved (signal themes)", count(f.retrieved()) + " (" + percent(f.share(), 2) + " of all)",
                study.figure("retrieved").map(g -> plain(g) + study.figure("share").map(x -> " (" + percent(x.value(), 2) + " of all)")
                        .orElse("")).orElse(null));
        r.add("withLinksOrContacts", "with links or contact details",
                count(f.withLinksOrContacts()) + " (" + percent(share(f.withLinksOrContacts(), f.retrieved()), 1) + " of retrieved)");
        r.add("withLinks", "with links", count(f.withLinks()) + " (" + percent(share(f.withLinks(), f.retrieved()), 1) + " of retrieved)",
                ofTotal("withLinks", "retrieved", study, false, 1, " of retrieved"));
        r.add("unique", "unique (retweets and identical copies collapsed)", count(f.unique()));
        r.add("coded", "coded (final answers) / false positives", count(f.coded()) + " / " + count(f.falsePositives()));
        r.add("live", "live tweets", count(f.live()));
        r.add("liveAccounts", "accounts behind live tweets", count(f.liveAccounts()));
        r.add("liveAccountFollowers", "followers of those accounts", count(f.liveAccountFollowers()));
        List<LinkReviewResults.Account> automated = f.accounts().stream().filter(LinkReviewResults.Account::likelyAutomated).toList();
        r.add("likelyAutomated", "likely automated accounts", automated.isEmpty() ? "0" : automated.size() + " ("
                + automated.stream().map(a -> "@" + a.handle() + ", " + count(Math.round(a.tweetsPerYear())) + " tweets a year")
                .collect(Collectors.joining("; ")) + ")");
        for (var e : f.liveByType().entrySet()) {
            Double s = f.liveShareByType().get(e.getKey());
            r.add("liveByType." + e.getKey(), "live: " + name(e.getKey()),
                    e.getValue() + " (" + percent(s == null ? 0 : s, 0) + ")", ofTotal("liveByType." + e.getKey(), "live", study, false, 0, ""));
        }
        r.add("livePharmacySites", "live online-pharmacy sites", count(f.livePharmacySites()));
        int pharmacyTweets = f.liveByType().getOrDefault(LinkReviewResults.PHARMACY, 0);
        Set<String> found = new LinkedHashSet<>(f.legitScriptAmongLivePharmacyTweets().keySet());
        study.figures().stream().map(StudyFigures.Figure::key).filter(k -> k.startsWith("legitScriptAmongLivePharmacyTweets."))
                .map(k -> k.substring(k.indexOf('.') + 1)).forEach(found::add);
        List<String> classes = found.stream().sorted(java.util.Comparator.comparingInt(c -> LEGITSCRIPT_ORDER.indexOf(c) < 0
                ? LEGITSCRIPT_ORDER.size() : LEGITSCRIPT_ORDER.indexOf(c))).toList();
        for (String c : classes) {
            int n = f.legitScriptAmongLivePharmacyTweets().getOrDefault(c, 0);
            String key = "legitScriptAmongLivePharmacyTweets." + c;
            r.add(key, "LegitScript among live pharmacy tweets: " + name(c), n + " of " + pharmacyTweets
                    + " (" + percent(share(n, pharmacyTweets), 0) + ")", ofTotal(key, "liveByType." + LinkReviewResults.PHARMACY, study, true, 0, ""));
        }
        r.add("registrantCountriesOfLivePharmacySites", "registrant countries of live pharmacy sites",
                countries(f.registrantCountriesOfLivePharmacySites()));
        r.add("ipCountriesOfLivePharmacySites", "IP address countries of live pharmacy sites",
                countries(f.ipCountriesOfLivePharmacySites()));
        r.add("kappa", "agreement of the two coders (Cohen's kappa)", kappas.isEmpty() ? "–" : kappas.entrySet().stream()
                .map(e -> e.getKey().replace('_', ' ') + " " + String.format(Locale.ROOT, "%.2f", e.getValue()))
                .collect(Collectors.joining(", ")));
        return rows;
    }

    /** The rows as an aligned plain-text table with a header, for a terminal. */
    public static String text(List<Row> rows, StudyFigures study) {
        int w1 = Math.max("figure".length(), rows.stream().mapToInt(x -> x.figure().length()).max().orElse(0));
        int w2 = Math.max("SignalBench".length(), rows.stream().mapToInt(x -> x.measured().length()).max().orElse(0));
        StringBuilder out = new StringBuilder();
        String format = "%-" + w1 + "s  %-" + w2 + "s  %s%n";
        out.append(String.format(Locale.ROOT, format, "figure", "SignalBench", "study"));
        out.append(String.format(Locale.ROOT, format, "-".repeat(w1), "-".repeat(w2), "-".repeat(5)));
        rows.forEach(x -> out.append(String.format(Locale.ROOT, format, x.figure(), x.measured(), x.study())));
        out.append(String.format(Locale.ROOT, "%nstudy: %s%n", study.source()));
        return out.toString();
    }

    /** Collects rows, each with the study's figure of its key beside it. */
    private record Rows(List<Row> rows, StudyFigures study) {
        void add(String key, String figure, String measured) {
            add(key, figure, measured, null);
        }

        void add(String key, String figure, String measured, String studyText) {
            var given = study.figure(key);
            String s = studyText != null ? studyText : given.map(ResultsTable::plain).orElse("–");
            rows.add(new Row(key, figure, measured, s, given.map(StudyFigures.Figure::quote).orElse(null)));
        }
    }

    /** The study's figure as it said it: its words when it gave them, else the number. */
    private static String plain(StudyFigures.Figure g) {
        if (g.text() != null) {
            return g.text();
        }
        if (g.value() == null) {
            return "–";
        }
        double v = g.value();
        if (v == Math.rint(v) && Math.abs(v) >= 1) {
            return count((long) v);
        }
        return v < 1 && v > 0 && g.key().equals("share") ? percent(v, 2) : String.format(Locale.ROOT, "%s", v);
    }

    /**
     * A count of the study with its share of the study's {@code totalKey} ("15 (44%)", with {@code of}
     * "6 of 15 (40%)"), or the study's words when it gave words.
     */
    private static String ofTotal(String key, String totalKey, StudyFigures study, boolean of, int decimals, String suffix) {
        var given = study.figure(key);
        if (given.isEmpty()) {
            return "–";
        }
        if (given.get().text() != null || given.get().value() == null) {
            return plain(given.get());
        }
        double total = study.figure(totalKey).map(StudyFigures.Figure::value).orElse(0.0);
        long n = Math.round(given.get().value());
        if (total <= 0) {
            return count(n);
        }
        return count(n) + (of ? " of " + count(Math.round(total)) : "") + " (" + percent(n / total, decimals) + suffix + ")";
    }

    private static String countries(Map<String, Integer> counts) {
        if (counts.isEmpty()) {
            return "–";
        }
        return counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()
                        .thenComparing(Map.Entry.comparingByKey()))
                .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "));
    }

    private static String name(String key) {
        return NAMES.getOrDefault(key, key);
    }

    private static double share(long part, long whole) {
        return whole == 0 ? 0 : (double) part / whole;
    }

    private static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    private static String percent(double share, int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f%%", 100 * share);
    }
}
