package org.signalbench.findings;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.signalbench.domain.Hashtags;
import org.signalbench.domain.QuestionId;
import org.signalbench.findings.Table.Kind;
import org.signalbench.labels.Codebook;
import org.signalbench.labels.FinalLabel;
import org.signalbench.labels.FinalLabels;
import org.signalbench.store.FindingsReads;
import org.signalbench.store.Session;

/**
 * Everything the study reports about the final-labelled dealer posts, as tables: the drug hashtags
 * (Table 2), hashtag categories, contact channels (coded and detected), sell/buy exchanges,
 * accounts, image categories, the weekly timeline and the hashtags to search next. Posts whose dealer
 * label is disputed count nowhere. See docs/findings.md for what each table counts.
 *
 * @param n                   dealer posts (final dealer label yes)
 * @param drugHashtagCounts   Table 2 as numbers (what {@code hashtags --json} prints)
 * @param discoveryCandidates the ranked hashtags behind {@link #discovery()}
 */
public record Findings(int n, DrugHashtagTable drugHashtagCounts, Table overview, Table drugHashtags,
                       Table hashtagCategories, Table contactChannels, Table exchanges, Table postsPerAccount,
                       Table topAccounts, Table imageCategories, Table timeline, Table discovery,
                       List<HashtagDiscovery.Candidate> discoveryCandidates) {

    /** A hashtag must be on this many dealer posts to be suggested. */
    public static final int DISCOVERY_MIN_DEALER_POSTS = 2;
    static final int TOP_ACCOUNTS = 10;
    private static final List<String> CHANNEL_ORDER = List.of("wickr", "telegram", "kik", "whatsapp", "phone", "email", "other");

    /** Every table, in report order. */
    public List<Table> tables() {
        return List.of(overview, drugHashtags, hashtagCategories, contactChannels, exchanges, postsPerAccount, topAccounts,
                imageCategories, timeline, discovery);
    }

    /** The same findings with account names, handles, phone numbers and e-mail addresses masked, in hashtags and the discovery list too. */
    public Findings masked() {
        return new Findings(n, drugHashtagCounts, overview.masked(), drugHashtags.masked(), hashtagCategories.masked(),
                contactChannels.masked(), exchanges.masked(), postsPerAccount.masked(), topAccounts.masked(),
                imageCategories.masked(), timeline.masked(), discovery.masked(),
                discoveryCandidates.stream().map(c -> new HashtagDiscovery.Candidate(Masking.maskText(c.hashtag()), c.keyword(),
                        c.dealerPosts(), c.labelledPosts(), c.specificity(), c.score())).toList());
    }

    /** The suggested searches, one hashtag (with #) per entry, best first. */
    public List<String> discoveredHashtags() {
        return discoveryCandidates.stream().map(HashtagDiscovery.Candidate::hashtag).toList();
    }

    private record PostRow(long id, String platform, String author, String postedAt, String caption) {
    }

    public static Findings compute(Session session, Lexicons lexicons, Codebook codebook) {
        Map<Long, FinalLabel> dealerLabels = FinalLabels.of(session, QuestionId.DEALER_KEY);
        Map<Long, Boolean> labelled = new HashMap<>(); // final dealer label: true = dealer post
        int disputed = 0;
        for (FinalLabel f : dealerLabels.values()) {
            if (f.isFinal()) {
                labelled.put(f.postId(), "yes".equals(f.value()));
            } else {
                disputed++;
            }
        }
        List<PostRow> dealers = new ArrayList<>();
        Map<Long, PostRow> labelledPosts = new HashMap<>();
        FindingsReads.forEachPost(session, row -> {
            Boolean dealer = labelled.get(row.id());
            if (dealer == null) {
                return;
            }
            PostRow p = new PostRow(row.id(), row.platform(), row.author(), row.postedAt(), row.caption());
            labelledPosts.put(p.id(), p);
            if (dealer) {
                dealers.add(p);
            }
        });
        Map<Long, List<ExchangePatterns.CommentText>> comments = new HashMap<>();
        FindingsReads.forEachComment(session, row -> {
            if (labelledPosts.containsKey(row.postId())) {
                comments.computeIfAbsent(row.postId(), k -> new ArrayList<>())
                        .add(new ExchangePatterns.CommentText(row.author(), row.text()));
            }
        });
        List<String> searches = FindingsReads.searches(session);
        Set<Long> dealerIds = new LinkedHashSet<>();
        dealers.forEach(p -> dealerIds.add(p.id()));
        int n = dealers.size();

        Map<Long, Set<String>> captionTagsById = new HashMap<>();
        labelledPosts.values().forEach(p -> captionTagsById.put(p.id(), Hashtags.of(p.caption())));
        List<Set<String>> captionTags = dealers.stream().map(p -> captionTagsById.get(p.id())).toList();
        DrugHashtagTable table2 = DrugHashtagTable.of(lexicons.drugHashtags(), captionTags);
        DrugHashtagTable categories = DrugHashtagTable.of(lexicons.hashtagCategories().asGroups(), captionTags);

        Map<String, Long> accounts = new LinkedHashMap<>();
        for (PostRow p : dealers) {
            accounts.merge(p.platform() + "\u0000" + (p.author() == null ? "" : p.author()), 1L, Long::sum);
        }
        long withoutHashtags = captionTags.stream().filter(Set::isEmpty).count();
        List<FinalLabel> imageCategories = finalAmong(session, "image_category", dealerIds);

        Table overview = Table.builder("overview", "Overview")
                .column("Figure", Kind.LABEL).column("Value", Kind.COUNT)
                .row("Posts with a final dealer label", (long) labelled.size())
                .row("Posts with a disputed dealer label (counted nowhere)", (long) disputed)
                .row("Dealer posts (N)", (long) n)
                .row("Dealer accounts", (long) accounts.size())
                .row("Dealer posts without caption hashtags", withoutHashtags)
                .row("Dealer posts with a coded image", (long) imageCategories.size())
                .note("Final labels: both coders agree, a single coder answered, or the expert settled the post.")
                .build();

        List<HashtagDiscovery.Candidate> candidates = HashtagDiscovery.rank(discoveryPosts(labelledPosts.values(), captionTagsById, labelled, comments),
                lexicons.drugKeywords(), searches, DISCOVERY_MIN_DEALER_POSTS);
        return new Findings(n, table2,
                overview,
                hashtagTable("drug-hashtags", "Drug hashtags in dealer posts (Table 2)", "Drug", table2),
                hashtagTable("hashtag-categories", "Hashtag categories in dealer posts", "Category", categories),
                channelsTable(session, codebook, lexicons.contactPatterns(), dealers, comments, dealerIds),
                exchangeTable(session, lexicons.exchangePatterns(), dealers, comments, dealerIds),
                postsPerAccountTable(accounts),
                topAccountsTable(accounts),
                imageTable(session, codebook, imageCategories, dealerIds),
                timelineTable(dealers),
                discoveryTable(candidates, searches.size()),
                candidates);
    }

    static Table hashtagTable(String key, String title, String groupColumn, DrugHashtagTable t) {
        Table.Builder b = Table.builder(key, title)
                .column(groupColumn, Kind.LABEL).column("Hashtag", Kind.LABEL)
                .column("Posts", Kind.COUNT).column("% of N", Kind.PERCENT);
        for (var g : t.groups()) {
            for (var h : g.hashtags()) {
                b.row(g.drug(), h.hashtag(), (long) h.posts(), h.percent());
            }
            b.row(g.drug(), "Total", (long) g.total().posts(), g.total().percent());
        }
        return b.note(String.format(Locale.ROOT,
                "N = %,d dealer posts; caption hashtags, case-insensitive, a post counts once per hashtag. "
                        + "Total: posts with any of the %s's hashtags (a union, not a sum).", t.n(), groupColumn.toLowerCase(Locale.ROOT)))
                .build();
    }

    private static Table channelsTable(Session c, Codebook codebook, ContactPatterns patterns, List<PostRow> dealers,
                                       Map<Long, List<ExchangePatterns.CommentText>> comments, Set<Long> dealerIds) {
        Map<Long, Set<String>> coded = new HashMap<>();
        for (FinalLabel f : finalAmong(c, "channels", dealerIds)) {
            coded.put(f.postId(), new LinkedHashSet<>(Codebook.choices(f.value())));
        }
        Map<Long, Set<String>> detected = new HashMap<>();
        for (PostRow p : dealers) {
            List<String> texts = new ArrayList<>();
            texts.add(p.caption());
            // the owner's own comments: dealers put contacts (and hashtags) in the first comment too
            for (var k : comments.getOrDefault(p.id(), List.of())) {
                if (p.author() != null && p.author().equalsIgnoreCase(k.author())) {
                    texts.add(k.text());
                }
            }
            detected.put(p.id(), patterns.detect(texts.toArray(String[]::new)));
        }
        List<String> channels = new ArrayList<>(CHANNEL_ORDER);
        codebook.question("channels").ifPresent(q -> q.values().forEach(v -> {
            if (!channels.contains(v.key())) {
                channels.add(v.key());
            }
        }));
        patterns.channelNames().forEach(ch -> {
            if (!channels.contains(ch)) {
                channels.add(ch);
            }
        });
        int n = dealers.size();
        Table.Builder b = Table.builder("contact-channels", "Contact channels in dealer posts: coded and detected")
                .column("Channel", Kind.LABEL)
                .column("Coded", Kind.COUNT).column("Coded %", Kind.PERCENT)
                .column("Detected", Kind.COUNT).column("Detected %", Kind.PERCENT)
                .column("Both", Kind.COUNT).column("Coded only", Kind.COUNT).column("Detected only", Kind.COUNT);
        for (String ch : channels) {
            long both = 0, codedOnly = 0, detectedOnly = 0;
            for (PostRow p : dealers) {
                boolean isCoded = coded.getOrDefault(p.id(), Set.of()).contains(ch);
                boolean isDetected = detected.get(p.id()).contains(ch);
                both += isCoded && isDetected ? 1 : 0;
                codedOnly += isCoded && !isDetected ? 1 : 0;
                detectedOnly += !isCoded && isDetected ? 1 : 0;
            }
            long codedCount = both + codedOnly;
            long detectedCount = both + detectedOnly;
            b.row(channelLabel(codebook, ch), codedCount, Table.percent(codedCount, n), detectedCount,
                    Table.percent(detectedCount, n), both, codedOnly, detectedOnly);
        }
        long codedNone = dealers.stream().filter(p -> coded.getOrDefault(p.id(), Set.of()).isEmpty()).count();
        long detectedNone = dealers.stream().filter(p -> detected.get(p.id()).isEmpty()).count();
        long bothNone = dealers.stream().filter(p -> coded.getOrDefault(p.id(), Set.of()).isEmpty() && detected.get(p.id()).isEmpty()).count();
        b.row("None named", codedNone, Table.percent(codedNone, n), detectedNone, Table.percent(detectedNone, n),
                bothNone, codedNone - bothNone, detectedNone - bothNone);
        return b.note(String.format(Locale.ROOT,
                "N = %,d dealer posts; a post may name several channels. Coded: the final 'channels' answer (%,d posts have one; "
                        + "a post without counts as none). Detected: patterns of lexicons/contact-patterns.json over the caption and "
                        + "the owner's own comments. Both / coded only / detected only: agreement per post.", n, coded.size()))
                .build();
    }

    private static String channelLabel(Codebook codebook, String channel) {
        return codebook.question("channels").flatMap(q -> q.values().stream().filter(v -> v.key().equals(channel)).findFirst())
                .map(Codebook.Value::label).orElse(channel);
    }

    private static Table exchangeTable(Session c, ExchangePatterns patterns, List<PostRow> dealers,
                                       Map<Long, List<ExchangePatterns.CommentText>> comments, Set<Long> dealerIds) {
        Set<Long> coded = new LinkedHashSet<>();
        for (FinalLabel f : finalAmong(c, "exchange", dealerIds)) {
            if ("yes".equals(f.value())) {
                coded.add(f.postId());
            }
        }
        long both = 0, detectedCount = 0;
        for (PostRow p : dealers) {
            if (patterns.detect(p.author(), comments.getOrDefault(p.id(), List.of()))) {
                detectedCount++;
                both += coded.contains(p.id()) ? 1 : 0;
            }
        }
        int n = dealers.size();
        return Table.builder("exchanges", "Sell/buy exchanges in the comments of dealer posts")
                .column("Measure", Kind.LABEL).column("Posts", Kind.COUNT).column("% of N", Kind.PERCENT)
                .row("Coded (final 'exchange' answer yes)", (long) coded.size(), Table.percent(coded.size(), n))
                .row("Detected in the comments", detectedCount, Table.percent(detectedCount, n))
                .row("Coded and detected", both, Table.percent(both, n))
                .row("Coded only", coded.size() - both, Table.percent(coded.size() - both, n))
                .row("Detected only", detectedCount - both, Table.percent(detectedCount - both, n))
                .note(String.format(Locale.ROOT, "N = %,d dealer posts. Detected: another account asks for goods, price or "
                        + "quantity and the post's owner answers in a later comment (lexicons/exchange-patterns.json).", n))
                .build();
    }

    private static Table postsPerAccountTable(Map<String, Long> accounts) {
        long[][] buckets = {{1, 1}, {2, 2}, {3, 3}, {4, 4}, {5, 5}, {6, 10}, {11, 20}, {21, Long.MAX_VALUE}};
        Table.Builder b = Table.builder("posts-per-account", "Dealer posts per account")
                .column("Posts per account", Kind.LABEL).column("Accounts", Kind.COUNT)
                .column("% of accounts", Kind.PERCENT).column("Dealer posts", Kind.COUNT);
        for (long[] r : buckets) {
            long count = accounts.values().stream().filter(v -> v >= r[0] && v <= r[1]).count();
            long posts = accounts.values().stream().filter(v -> v >= r[0] && v <= r[1]).mapToLong(Long::longValue).sum();
            String label = r[0] == r[1] ? String.valueOf(r[0]) : r[1] == Long.MAX_VALUE ? r[0] + " or more" : r[0] + "–" + r[1];
            b.row(label, count, Table.percent(count, accounts.size()), posts);
        }
        List<Long> sorted = accounts.values().stream().sorted().toList();
        double median = sorted.isEmpty() ? 0 : sorted.size() % 2 == 1 ? sorted.get(sorted.size() / 2)
                : (sorted.get(sorted.size() / 2 - 1) + sorted.get(sorted.size() / 2)) / 2.0;
        double mean = sorted.stream().mapToLong(Long::longValue).average().orElse(0);
        return b.note(String.format(Locale.ROOT, "%,d unique dealer accounts (platform and handle); posts per account: "
                        + "mean %.1f, median %s, most %d.", accounts.size(), mean,
                median == Math.rint(median) ? String.valueOf((long) median) : String.valueOf(median),
                sorted.isEmpty() ? 0 : sorted.get(sorted.size() - 1)))
                .build();
    }

    private static Table topAccountsTable(Map<String, Long> accounts) {
        Table.Builder b = Table.builder("top-accounts", "Dealer accounts with the most posts")
                .column("Account", Kind.ACCOUNT).column("Platform", Kind.LABEL).column("Dealer posts", Kind.COUNT);
        accounts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(TOP_ACCOUNTS)
                .forEach(e -> {
                    String[] parts = e.getKey().split("\u0000", 2);
                    b.row(parts[1], parts[0], e.getValue());
                });
        return b.note("The " + TOP_ACCOUNTS + " accounts with the most final dealer posts; names are masked in exports unless masking is off.")
                .build();
    }

    private static Table imageTable(Session c, Codebook codebook, List<FinalLabel> categories, Set<Long> dealerIds) {
        Map<String, Long> counts = new TreeMap<>();
        categories.forEach(f -> counts.merge(f.value(), 1L, Long::sum));
        long notes = finalAmong(c, "image_contact_note", dealerIds).stream().filter(f -> "yes".equals(f.value())).count();
        int base = categories.size();
        Table.Builder b = Table.builder("image-categories", "Image categories of dealer posts")
                .column("Category", Kind.LABEL).column("Posts", Kind.COUNT).column("% of coded images", Kind.PERCENT);
        List<String> keys = new ArrayList<>();
        codebook.question("image_category").ifPresent(q -> q.values().forEach(v -> keys.add(v.key())));
        counts.keySet().stream().filter(k -> !keys.contains(k)).forEach(keys::add);
        for (String k : keys) {
            String label = codebook.question("image_category").flatMap(q -> q.values().stream().filter(v -> v.key().equals(k)).findFirst())
                    .map(Codebook.Value::label).orElse(k);
            long v = counts.getOrDefault(k, 0L);
            b.row(label, v, Table.percent(v, base));
        }
        b.row("All dealer posts with a coded image", (long) base, Table.percent(base, base));
        b.row("Image shows a written contact note", notes, Table.percent(notes, base));
        return b.note(String.format(Locale.ROOT, "Final 'image_category' answers of the %,d dealer posts with a coded image; "
                + "the contact note is a separate question and overlaps the categories.", base)).build();
    }

    private static Table timelineTable(List<PostRow> dealers) {
        TreeMap<LocalDate, Long> perWeek = new TreeMap<>();
        long undated = 0;
        for (PostRow p : dealers) {
            LocalDate day = day(p.postedAt());
            if (day == null) {
                undated++;
            } else {
                perWeek.merge(day.with(DayOfWeek.MONDAY), 1L, Long::sum);
            }
        }
        Table.Builder b = Table.builder("timeline", "Dealer posts per week")
                .column("ISO week", Kind.LABEL).column("Week of", Kind.LABEL).column("Dealer posts", Kind.COUNT);
        if (!perWeek.isEmpty()) {
            for (LocalDate w = perWeek.firstKey(); !w.isAfter(perWeek.lastKey()); w = w.plusWeeks(1)) {
                b.row(String.format(Locale.ROOT, "%d-W%02d", w.get(IsoFields.WEEK_BASED_YEAR), w.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR)),
                        w.toString(), perWeek.getOrDefault(w, 0L));
            }
        }
        if (undated > 0) {
            b.row("no date", "", undated);
        }
        return b.note("Final dealer posts by the ISO week (Monday to Sunday, UTC) of their posting time; weeks without posts show 0.")
                .build();
    }

    private static LocalDate day(String postedAt) {
        if (postedAt == null || postedAt.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(postedAt).atZone(ZoneOffset.UTC).toLocalDate();
        } catch (DateTimeParseException e) {
            try {
                return LocalDate.parse(postedAt.substring(0, Math.min(10, postedAt.length())));
            } catch (DateTimeParseException e2) {
                return null;
            }
        }
    }

    private static List<HashtagDiscovery.LabelledPost> discoveryPosts(Collection<PostRow> posts, Map<Long, Set<String>> captionTags,
                                                                      Map<Long, Boolean> labelled,
                                                                      Map<Long, List<ExchangePatterns.CommentText>> comments) {
        List<HashtagDiscovery.LabelledPost> out = new ArrayList<>();
        for (PostRow p : posts) {
            // Instagram indexes a post under the hashtags of its caption and of its owner's comments
            Set<String> tags = new LinkedHashSet<>(captionTags.get(p.id()));
            for (var k : comments.getOrDefault(p.id(), List.of())) {
                if (p.author() != null && p.author().equalsIgnoreCase(k.author())) {
                    tags.addAll(Hashtags.of(k.text()));
                }
            }
            out.add(new HashtagDiscovery.LabelledPost(tags, labelled.get(p.id())));
        }
        return out;
    }

    private static Table discoveryTable(List<HashtagDiscovery.Candidate> ranked, int searches) {
        Table.Builder b = Table.builder("discovery", "Hashtags to search next")
                .column("Hashtag", Kind.LABEL).column("Drug keyword", Kind.LABEL).column("Dealer posts", Kind.COUNT)
                .column("Labelled posts", Kind.COUNT).column("Specificity %", Kind.PERCENT).column("Score", Kind.NUMBER);
        for (var r : ranked) {
            b.row(r.hashtag(), r.keyword(), (long) r.dealerPosts(), (long) r.labelledPosts(),
                    Math.round(r.specificity() * 1000) / 10.0, r.score());
        }
        return b.note(String.format(Locale.ROOT, "Hashtags on at least %d dealer posts (caption and the owner's comments) "
                + "that contain a drug keyword (lexicons/drug-keywords.json) and are none of the workbench's %d searches. "
                + "Specificity: dealer posts / final-labelled posts with the hashtag; score = dealer posts x specificity.",
                DISCOVERY_MIN_DEALER_POSTS, searches)).build();
    }

    private static List<FinalLabel> finalAmong(Session c, String question, Set<Long> postIds) {
        return FinalLabels.of(c, question).values().stream()
                .filter(f -> f.isFinal() && postIds.contains(f.postId()))
                .toList();
    }
}
