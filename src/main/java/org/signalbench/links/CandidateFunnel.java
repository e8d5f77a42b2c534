package org.signalbench.links;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.signalbench.findings.ContactPatterns;
import org.signalbench.store.LinkReviews.TweetRow;

/**
 * The first steps of the study's funnel: of the retrieved tweets, keep those with a link or
 * contact details (by the editable contact patterns), and collapse retweets and identical copies
 * (the same normalised text and the same links) into one candidate that remembers its copies. The
 * candidate is the earliest tweet of its group; a retweet joins the tweet it retweets, or, when that
 * was not retrieved, the other retweets of it. Links to Twitter itself (a quoted status) are no
 * outside link.
 */
public final class CandidateFunnel {
    /** One candidate: the tweet standing for its group, its link's registrable domain, its contact channels and copies. */
    public record Candidate(long postId, String externalId, String account, String accountId, String postedAt,
                            String text, String url, String domain, Set<String> contacts, Map<Long, String> copies) {
        /** The candidate's own tweet and every copy. */
        public int tweets() {
            return 1 + copies.size();
        }
    }

    /** The funnel's counts and its candidates, grouped by domain and by account. */
    public record Result(int retrieved, int withLinksOrContacts, int withLinks, int withContactsOnly, int retweets,
                         int identicalCopies, List<Candidate> candidates, Map<String, List<Long>> byDomain,
                         Map<String, List<Long>> byAccount) {
        public int unique() {
            return candidates.size();
        }
    }

    public static final String RETWEET = "retweet";
    public static final String IDENTICAL_COPY = "identical-copy";

    private static final Pattern RT_PREFIX = Pattern.compile("^RT @[A-Za-z0-9_]+:\\s*");
    private static final Pattern URL = Pattern.compile("(?i)\\bhttps?://\\S+");
    private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}#@$%]+");
    private static final Set<String> TWITTER_HOSTS = Set.of("twitter.com", "x.com", "t.co");

    private final ContactPatterns contacts;

    public CandidateFunnel(ContactPatterns contacts) {
        this.contacts = contacts;
    }

    /** Text as copies share it: without "RT @name:", links, case, punctuation and a cut-off ellipsis. */
    public static String normalise(String text) {
        if (text == null) {
            return "";
        }
        String s = RT_PREFIX.matcher(text.strip()).replaceFirst("");
        s = URL.matcher(s).replaceAll(" ");
        s = s.replace("…", " ").toLowerCase(Locale.ROOT);
        return NOT_WORD.matcher(s).replaceAll(" ").strip();
    }

    /** The tweet's links to sites outside Twitter. */
    static List<String> outsideLinks(TweetRow t) {
        List<String> links = new ArrayList<>();
        for (String u : t.urls()) {
            String domain = Domains.registrable(u);
            if (domain != null && !TWITTER_HOSTS.contains(domain)) {
                links.add(u);
            }
        }
        return links;
    }

    public Result run(List<TweetRow> retrieved) {
        List<TweetRow> kept = new ArrayList<>();
        int withLinks = 0;
        int contactsOnly = 0;
        Map<Long, Set<String>> channels = new HashMap<>();
        Map<Long, List<String>> links = new HashMap<>();
        for (TweetRow t : retrieved) {
            List<String> outside = outsideLinks(t);
            Set<String> found = contacts.detect(RT_PREFIX.matcher(t.caption() == null ? "" : t.caption()).replaceFirst(""));
            if (outside.isEmpty() && found.isEmpty()) {
                continue;
            }
            if (outside.isEmpty()) {
                contactsOnly++;
            } else {
                withLinks++;
            }
            kept.add(t);
            channels.put(t.postId(), found);
            links.put(t.postId(), outside);
        }
        // originals first (in time order), so a retweet finds the tweet it retweets
        kept.sort(Comparator.comparing((TweetRow t) -> t.retweetOf() != null)
                .thenComparing(t -> t.postedAt() == null ? "" : t.postedAt()).thenComparingLong(TweetRow::postId));
        Map<String, Builder> byKey = new HashMap<>();
        Map<String, Builder> byExternalId = new HashMap<>();
        List<Builder> groups = new ArrayList<>();
        int retweets = 0;
        int copies = 0;
        for (TweetRow t : kept) {
            String key = normalise(t.caption()) + "\u0000" + String.join("\u0001", links.get(t.postId()).stream().sorted().toList());
            Builder group = t.retweetOf() == null ? null : byExternalId.get(t.retweetOf());
            if (group == null) {
                group = byKey.get(key);
            }
            if (group == null) {
                group = new Builder(t, links.get(t.postId()), channels.get(t.postId()));
                groups.add(group);
                byKey.put(key, group);
                byExternalId.put(t.externalId(), group);
                if (t.retweetOf() != null) {
                    byExternalId.putIfAbsent(t.retweetOf(), group);
                }
                continue;
            }
            String kind = t.retweetOf() != null ? RETWEET : IDENTICAL_COPY;
            if (kind.equals(RETWEET)) {
                retweets++;
            } else {
                copies++;
            }
            group.copies.put(t.postId(), kind);
            group.contacts.addAll(channels.get(t.postId()));
            byExternalId.putIfAbsent(t.externalId(), group);
        }
        List<Candidate> candidates = groups.stream().map(Builder::build)
                .sorted(Comparator.comparingLong(Candidate::postId)).toList();
        Map<String, List<Long>> byDomain = new TreeMap<>();
        Map<String, List<Long>> byAccount = new TreeMap<>();
        for (Candidate c : candidates) {
            byDomain.computeIfAbsent(c.domain() == null ? "(contact details only)" : c.domain(), k -> new ArrayList<>()).add(c.postId());
            byAccount.computeIfAbsent(c.account() == null ? "(unknown)" : c.account(), k -> new ArrayList<>()).add(c.postId());
        }
        return new Result(retrieved.size(), kept.size(), withLinks, contactsOnly, retweets, copies, candidates, byDomain, byAccount);
    }

    /** A group while it is collected. */
    private static final class Builder {
        final TweetRow first;
        final String url;
        final Set<String> contacts;
        final Map<Long, String> copies = new LinkedHashMap<>();

        Builder(TweetRow first, List<String> links, Set<String> contacts) {
            this.first = first;
            this.url = links.isEmpty() ? null : links.get(0);
            this.contacts = new java.util.LinkedHashSet<>(contacts);
        }

        Candidate build() {
            Map<Long, String> sorted = new TreeMap<>(copies);
            return new Candidate(first.postId(), first.externalId(), first.author(), first.accountId(), first.postedAt(),
                    first.caption(), url, Domains.registrable(url), java.util.Collections.unmodifiableSet(new java.util.LinkedHashSet<>(contacts)), java.util.Collections.unmodifiableMap(sorted));
        }
    }
}
