package org.signalbench.links;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.signalbench.store.LinkReviews.AccountRow;
import org.signalbench.store.LinkReviews.CandidateRow;
import org.signalbench.store.LinkReviews.EvidenceRow;

/**
 * The study's figures from coded data: of a review's candidates, the ones the coders (or the
 * expert) found selling with a live link, by seller type; LegitScript classes among the live
 * pharmacy tweets; registrant and IP countries of the live pharmacy sites; the accounts behind the live
 * tweets. A candidate's link counts as live when its final {@code link_status} is {@code live}, or,
 * when nobody coded it, when its evidence says so; "redirected elsewhere" is not live. Nothing is
 * stated here: every figure is counted from the answers and records given.
 */
public final class LinkReviewResults {
    public static final String FALSE_POSITIVE = "false_positive";
    public static final String SELLER_TYPE = "seller_type";
    public static final String LINK_STATUS = "link_status";
    public static final String PHARMACY = "online-pharmacy";
    /** An account posting this many times the accounts' median rate (and at least {@link #AUTOMATED_MIN_PER_YEAR}) is flagged. */
    public static final double AUTOMATED_TIMES_MEDIAN = 10;
    public static final double AUTOMATED_MIN_PER_YEAR = 10_000;

    /** One account behind live tweets: its figures and whether it looks automated. */
    public record Account(String handle, int signalTweets, int tweetsInWorkbench, Long tweetCount, Long followers,
                          Double tweetsPerYear, boolean likelyAutomated) {
    }

    /** The figures. Shares are of the live tweets; {@code share} is retrieved of the workbench's tweets. */
    public record Figures(int workbenchTweets, int retrieved, double share, int withLinksOrContacts, int withLinks,
                          int unique, int coded, int falsePositives, int live, int liveAccounts,
                          Map<String, Integer> liveByType, Map<String, Double> liveShareByType, int livePharmacySites,
                          Map<String, Integer> legitScriptAmongLivePharmacyTweets,
                          Map<String, Integer> registrantCountriesOfLivePharmacySites, long liveAccountFollowers,
                          List<Account> accounts, Map<String, Integer> ipCountriesOfLivePharmacySites) {
    }

    private LinkReviewResults() {
    }

    /** The candidates the final answers call selling (not a false positive) with a live link, in post order. */
    public static List<CandidateRow> live(List<CandidateRow> candidates, Map<String, Map<Long, String>> answers,
                                          Map<String, EvidenceRow> evidence) {
        Map<Long, String> fp = answers.getOrDefault(FALSE_POSITIVE, Map.of());
        Map<Long, String> status = answers.getOrDefault(LINK_STATUS, Map.of());
        List<CandidateRow> live = new ArrayList<>();
        for (CandidateRow c : candidates) {
            if ("yes".equals(fp.get(c.postId()))) {
                continue;
            }
            String s = status.get(c.postId());
            if (s == null && c.url() != null && evidence.containsKey(c.url())) {
                s = evidence.get(c.url()).liveness();
            }
            if ("live".equals(s)) {
                live.add(c);
            }
        }
        return live;
    }

    public static Figures of(int workbenchTweets, int retrieved, List<CandidateRow> candidates,
                             Map<String, Map<Long, String>> answers, Map<String, EvidenceRow> evidence,
                             List<String> sellerTypes, List<AccountRow> accountRows) {
        int withAny = candidates.stream().mapToInt(c -> 1 + c.copies().size()).sum();
        int withLinks = candidates.stream().filter(c -> c.url() != null).mapToInt(c -> 1 + c.copies().size()).sum();
        Map<Long, String> types = answers.getOrDefault(SELLER_TYPE, Map.of());
        int coded = (int) candidates.stream().filter(c -> types.containsKey(c.postId())).count();
        int fps = (int) candidates.stream().filter(c -> "yes".equals(answers.getOrDefault(FALSE_POSITIVE, Map.of()).get(c.postId()))).count();
        List<CandidateRow> live = live(candidates, answers, evidence);
        Map<String, Integer> byType = new LinkedHashMap<>();
        sellerTypes.forEach(t -> byType.put(t, 0));
        Set<String> pharmacySites = new LinkedHashSet<>();
        Map<String, Integer> legit = new TreeMap<>();
        for (CandidateRow c : live) {
            String type = types.getOrDefault(c.postId(), "not coded");
            byType.merge(type, 1, Integer::sum);
            if (PHARMACY.equals(type)) {
                pharmacySites.add(c.domain());
                EvidenceRow e = c.url() == null ? null : evidence.get(c.url());
                legit.merge(e == null || e.legitScript() == null ? "not-checked" : e.legitScript(), 1, Integer::sum);
            }
        }
        Map<String, Double> shares = new LinkedHashMap<>();
        byType.forEach((t, n) -> shares.put(t, live.isEmpty() ? 0 : (double) n / live.size()));
        Map<String, Integer> countries = countriesOf(pharmacySites, evidence, EvidenceRow::registrantCountry);
        Map<String, Integer> ipCountries = countriesOf(pharmacySites, evidence, EvidenceRow::ipCountry);
        Set<String> handles = new LinkedHashSet<>();
        live.forEach(c -> handles.add(c.account()));
        List<Account> accounts = accounts(live, accountRows);
        long followers = accounts.stream().mapToLong(a -> a.followers() == null ? 0 : a.followers()).sum();
        return new Figures(workbenchTweets, retrieved, workbenchTweets == 0 ? 0 : (double) retrieved / workbenchTweets,
                withAny, withLinks, candidates.size(), coded, fps, live.size(), handles.size(), byType, shares,
                pharmacySites.size(), legit, countries, followers, accounts, ipCountries);
    }

    /** Per country, how many of the sites have it in their evidence (the first record that gives one); "unknown" for the others. */
    private static Map<String, Integer> countriesOf(Set<String> sites, Map<String, EvidenceRow> evidence,
                                                    java.util.function.Function<EvidenceRow, String> country) {
        Map<String, Integer> counts = new TreeMap<>();
        for (String site : sites) {
            String c = evidence.values().stream().filter(e -> site != null && site.equals(domainOf(e)))
                    .map(country).filter(x -> x != null && !x.isBlank()).findFirst().orElse("unknown");
            counts.merge(c, 1, Integer::sum);
        }
        return counts;
    }

    private static String domainOf(EvidenceRow e) {
        return e.domain() != null && !e.domain().isBlank() ? e.domain() : Domains.registrable(e.url());
    }

    /**
     * The accounts behind the given candidates: their own signal tweets (candidates and identical
     * copies), all their tweets in the workbench, tweets per year over the account's age when last
     * seen, followers; flagged when far above the others' median rate.
     */
    public static List<Account> accounts(List<CandidateRow> candidates, List<AccountRow> rows) {
        Map<String, Integer> signal = new LinkedHashMap<>();
        for (CandidateRow c : candidates) {
            int own = 1 + (int) c.copies().values().stream().filter(CandidateFunnel.IDENTICAL_COPY::equals).count();
            signal.merge(c.account() == null ? "(unknown)" : c.account(), own, Integer::sum);
        }
        Map<String, AccountRow> byHandle = new LinkedHashMap<>();
        rows.forEach(r -> byHandle.putIfAbsent(r.handle(), r));
        Map<String, Double> rate = new LinkedHashMap<>();
        signal.keySet().forEach(h -> rate.put(h, tweetsPerYear(byHandle.get(h))));
        double[] known = rate.values().stream().filter(r -> r != null).mapToDouble(Double::doubleValue).sorted().toArray();
        double median = known.length == 0 ? Double.NaN : known.length % 2 == 1 ? known[known.length / 2]
                : (known[known.length / 2 - 1] + known[known.length / 2]) / 2;
        List<Account> accounts = new ArrayList<>();
        signal.forEach((h, n) -> {
            AccountRow r = byHandle.get(h);
            Double perYear = rate.get(h);
            boolean automated = perYear != null && !Double.isNaN(median) && perYear >= AUTOMATED_MIN_PER_YEAR
                    && perYear >= AUTOMATED_TIMES_MEDIAN * median;
            accounts.add(new Account(h, n, r == null ? 0 : r.tweetsInWorkbench(), r == null ? null : r.tweetCount(),
                    r == null ? null : r.followers(), perYear, automated));
        });
        accounts.sort(Comparator.comparing((Account a) -> a.tweetsPerYear() == null ? -1 : a.tweetsPerYear()).reversed());
        return accounts;
    }

    /** Tweet count over the account's age (created to last seen), or null when either is unknown. */
    static Double tweetsPerYear(AccountRow r) {
        if (r == null || r.tweetCount() == null || r.createdAt() == null || r.seenAt() == null) {
            return null;
        }
        try {
            Duration age = Duration.between(Instant.parse(r.createdAt()), Instant.parse(r.seenAt()));
            double years = Math.max(age.toSeconds() / (365.25 * 86_400), 1.0 / 365.25);
            return r.tweetCount() / years;
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
