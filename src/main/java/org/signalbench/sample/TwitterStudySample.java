package org.signalbench.sample;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.signalbench.exporting.SafeOutputFile;
import org.signalbench.jobs.CancelledException;
import org.signalbench.jobs.JobContext;
import org.signalbench.store.DataLocations;

/**
 * The built-in Twitter sample: 213,041 invented tweets at the Twitter study's scale (Mackey et al.
 * 2018), dated 2017-11-15 to 2017-12-05, as Twitter API v1.1 status objects, with the true theme
 * of every tweet and the plan of its selling tweets in a truth file, and a coder file that gives a
 * theme class for 2,000 random tweets (docs/sample-data.md, "The Twitter study sample").
 *
 * <p>It is generated on first use (a few seconds, with progress) rather than committed: the same
 * seed always gives the same bytes. Files in the folder:
 * <ul>
 *   <li>{@value #TWEETS_FILE}: the tweets, one v1.1 status per line, in time order;</li>
 *   <li>{@value #TRUTH_FILE}: per tweet its true theme, whether it is an original, a retweet or an
 *       identical copy (and of which tweet), and for selling tweets the intended seller type, link,
 *       link liveness, site and LegitScript class: the study's funnel as data;</li>
 *   <li>{@value #CODER_FILE}: {@code external_id,class} for {@value #CODED} random tweets, coded as a
 *       coder would (with a {@value #CODER_ERROR_PERCENT}% error rate, seeded);</li>
 *   <li>{@value #PLAN_FILE}: the intended figures; written last, so its presence marks a complete folder.</li>
 * </ul>
 */
public final class TwitterStudySample {
    public static final int TWEETS = 213_041;
    public static final long DEFAULT_SEED = 20_171_205L;
    /** Changes whenever the same seed would give different files. */
    public static final String GENERATOR = "twitter-study-1";
    public static final Instant START = Instant.parse("2017-11-15T00:00:00Z");
    /** Exclusive: the last tweet is on 2017-12-05. */
    public static final Instant END = Instant.parse("2017-12-06T00:00:00Z");
    public static final String TWEETS_FILE = "tweets.jsonl";
    public static final String TRUTH_FILE = "truth.csv";
    public static final String CODER_FILE = "coder-themes.csv";
    public static final String PLAN_FILE = "plan.json";
    public static final int CODED = 2_000;
    static final int CODER_ERROR_PERCENT = 2;

    /** The selling plan per seller type: live unique tweets, dead-link unique tweets, tweets with neither link nor contact. */
    record SellerPlan(String theme, String type, int live, int liveAccounts, int dead, int deadAccounts, int noLink) {
    }

    static final List<SellerPlan> SELLERS = List.of(
            new SellerPlan(TwitterThemes.PHARMACY, "online-pharmacy", 15, 7, 50, 20, 130),
            new SellerPlan(TwitterThemes.INDIVIDUAL, "individual-seller", 11, 9, 26, 15, 50),
            new SellerPlan(TwitterThemes.AFFILIATE, "marketing-affiliate", 7, 6, 20, 10, 36),
            new SellerPlan(TwitterThemes.DARKNET, "darknet", 1, 1, 0, 0, 0));
    /** Retweets and identical copies of the selling tweets with links, spread over them at random. */
    static final int SELLING_RETWEETS = 250;
    static final int SELLING_COPIES = 96;
    /** Tweets per live pharmacy site (15 tweets over 10 sites), and which sites LegitScript lists as rogue (6 of the 15 tweets). */
    private static final int[] PHARMACY_SITE_OF_LIVE_TWEET = {0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 6, 7, 8, 9};
    private static final Set<Integer> ROGUE_SITES = Set.of(0, 1, 5, 6);
    /** What the study's 23 accounts told their followers: about 1,800 followers in all. */
    static final int LIVE_ACCOUNT_FOLLOWERS = 1_800;
    /** Shares of the general corpus that are retweets, and (news only) identical copies. */
    private static final double RETWEET_SHARE = 0.30;
    private static final double NEWS_COPY_SHARE = 0.06;

    private static final DateTimeFormatter V1_TIME =
            DateTimeFormatter.ofPattern("EEE MMM dd HH:mm:ss Z yyyy", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final Pattern HASHTAG = Pattern.compile("#([A-Za-z0-9_]+)");
    private static final String TCO_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    /** What was written, counted from the generated tweets. */
    public record Summary(Path folder, int tweets, int fentanylTweets, int sellingTweets, int sellingWithLinks,
                          int liveUnique, int liveAccounts, int coded, double seconds) {
    }

    /** An account as its tweets show it. */
    private record Account(long id, String handle, String name, Instant createdAt, long followers, long statuses) {
    }

    /** One tweet while the corpus is built; ids are given once all tweets are in time order. */
    private static final class Tweet {
        long id;
        final long atMillis;
        final Account account;
        final String text;
        final String tco;
        final String url;
        final String theme;
        final String copyKind;
        final Tweet copyOf;
        String sellerType;
        Boolean live;
        String site;
        String legitScript;

        Tweet(long atMillis, Account account, String text, String tco, String url, String theme, String copyKind, Tweet copyOf) {
            this.atMillis = atMillis;
            this.account = account;
            this.text = text;
            this.tco = tco;
            this.url = url;
            this.theme = theme;
            this.copyKind = copyKind;
            this.copyOf = copyOf;
        }
    }

    private final long seed;
    private final Random random;
    private final Set<String> handles = new HashSet<>();
    private long nextAccountId = 2_000_000_000L;

    private TwitterStudySample(long seed) {
        this.seed = seed;
        this.random = new Random(seed);
    }

    /** Where the app keeps the generated sample: {@code <data directory>/samples/twitter-study}. */
    public static Path defaultFolder() {
        return DataLocations.dataDirectory().resolve("samples").resolve("twitter-study");
    }

    /** True when the folder holds a complete sample of this generator and seed. */
    public static boolean isComplete(Path folder, long seed) {
        Path plan = folder.resolve(PLAN_FILE);
        if (!Files.isRegularFile(plan)) {
            return false;
        }
        try {
            var node = new ObjectMapper().readTree(plan.toFile());
            return GENERATOR.equals(node.path("generator").asText()) && node.path("seed").asLong() == seed;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * The sample in {@code folder}, generated first when it is missing or incomplete; as a job's
     * work: {@code context -> TwitterStudySample.ensure(folder, seed, context)}. Generation
     * writes into a sibling folder and moves it into place, so a cancelled or failed run leaves
     * nothing half-written behind.
     */
    public static Path ensure(Path folder, long seed, JobContext job) throws IOException {
        if (isComplete(folder, seed)) {
            return folder;
        }
        // an incomplete folder (another seed, a run cut short) is replaced only once the new one is whole
        try (SafeOutputFile.StagedFolder staged = SafeOutputFile.stageFolder(folder, (Path) null)) {
            generate(staged.path(), seed, job);
            if (Files.exists(folder)) {
                deleteTree(folder);
            }
            staged.publish();
        }
        return folder;
    }

    /** Writes the sample's files into {@code out} (created when missing). */
    public static Summary generate(Path out, long seed, JobContext job) throws IOException {
        long started = System.nanoTime();
        JobContext context = job == null ? JobContext.NONE : job;
        Files.createDirectories(out);
        TwitterStudySample sample = new TwitterStudySample(seed);
        context.progress(0, 2L * TWEETS, "planning " + String.format(Locale.ROOT, "%,d", TWEETS) + " tweets");
        if (context.isCancelled()) {
            throw new CancelledException();
        }
        List<Tweet> tweets = sample.build(context);
        if (context.isCancelled()) {
            throw new CancelledException();
        }
        Summary counted = sample.write(out, tweets, context);
        LinkReviewSampleFiles.write(out, seed); // the link review's coded answers and evidence, derived from truth.csv
        return new Summary(out, counted.tweets(), counted.fentanylTweets(), counted.sellingTweets(),
                counted.sellingWithLinks(), counted.liveUnique(), counted.liveAccounts(), counted.coded(),
                (System.nanoTime() - started) / 1e9);
    }

    // ---- building the corpus --------------------------------------------------------------------

    /** Builds the tweets in time order; progress counts the first half of 2 x {@link #TWEETS} units. */
    private List<Tweet> build(JobContext job) {
        List<Account> people = new ArrayList<>();
        for (int i = 0; i < 80_000; i++) {
            people.add(person());
        }
        List<Account> news = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            news.add(newsAccount());
        }
        List<Tweet> tweets = new ArrayList<>(TWEETS);
        general(tweets, people, news, job);
        selling(tweets, people);
        if (tweets.size() != TWEETS) {
            throw new IllegalStateException("planned " + TWEETS + " tweets, built " + tweets.size());
        }
        tweets.sort(Comparator.comparingLong(t -> t.atMillis)); // stable: a copy made in the same millisecond stays after its original
        Set<Long> ids = new HashSet<>(TWEETS * 2);
        for (Tweet t : tweets) {
            long id;
            do {
                id = Ids.tweetId(Instant.ofEpochMilli(t.atMillis), random);
            } while (!ids.add(id));
            t.id = id;
        }
        return tweets;
    }

    private long randomMillis(long from, long to) {
        return from + (long) (random.nextDouble() * (to - from));
    }

    /** The non-selling themes, in time order, with retweets of earlier tweets and copied news headlines. */
    private void general(List<Tweet> tweets, List<Account> people, List<Account> news, JobContext job) {
        int total = TwitterThemes.GENERAL.stream().mapToInt(TwitterThemes.Theme::count).sum();
        int[] themeOf = new int[total];
        int k = 0;
        for (int t = 0; t < TwitterThemes.GENERAL.size(); t++) {
            for (int i = 0; i < TwitterThemes.GENERAL.get(t).count(); i++) {
                themeOf[k++] = t;
            }
        }
        for (int i = total - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = themeOf[i];
            themeOf[i] = themeOf[j];
            themeOf[j] = swap;
        }
        long[] times = new long[total];
        for (int i = 0; i < total; i++) {
            times[i] = randomMillis(START.toEpochMilli(), END.toEpochMilli());
        }
        Arrays.sort(times);
        List<List<Tweet>> originals = new ArrayList<>();
        for (int t = 0; t < TwitterThemes.GENERAL.size(); t++) {
            originals.add(new ArrayList<>());
        }
        for (int i = 0; i < total; i++) {
            if (i % 20_000 == 0) {
                if (job.isCancelled()) {
                    throw new CancelledException();
                }
                job.progress(i, 2L * TWEETS, String.format(Locale.ROOT, "making up tweets: %,d of %,d", i, TWEETS));
            }
            TwitterThemes.Theme theme = TwitterThemes.GENERAL.get(themeOf[i]);
            List<Tweet> earlier = originals.get(themeOf[i]);
            double u = random.nextDouble();
            if (!earlier.isEmpty() && u < RETWEET_SHARE) {
                Tweet original = recent(earlier);
                tweets.add(retweet(original, skewed(people), times[i]));
            } else if (theme.news() && !earlier.isEmpty() && u < RETWEET_SHARE + NEWS_COPY_SHARE) {
                Tweet original = recent(earlier);
                tweets.add(new Tweet(times[i], skewed(news), original.text, original.tco, original.url, theme.key(),
                        "identical-copy", original));
            } else {
                Account account = theme.news() && random.nextDouble() < 0.6 ? skewed(news) : skewed(people);
                String tco = theme.news() ? tco() : null;
                String url = tco == null ? null : "https://" + TwitterThemes.pick(List.of("news.example.com",
                        "daily.example.com", "wire.example.com", "health.example.com"), random) + "/2017/"
                        + theme.key() + "-" + (100_000 + random.nextInt(900_000));
                String text = TwitterThemes.fill(TwitterThemes.pick(theme.templates(), random), random, tco, null);
                Tweet original = new Tweet(times[i], account, text, tco, url, theme.key(), "original", null);
                earlier.add(original);
                tweets.add(original);
            }
        }
    }

    /** One of the latest tweets of a theme (people retweet what is recent). */
    private Tweet recent(List<Tweet> earlier) {
        int window = Math.min(earlier.size(), 2_000);
        return earlier.get(earlier.size() - 1 - random.nextInt(window));
    }

    /** An account drawn so that a few accounts tweet a lot and most tweet once or twice. */
    private <T> T skewed(List<T> pool) {
        double u = random.nextDouble();
        return pool.get((int) (pool.size() * u * u * u));
    }

    private Tweet retweet(Tweet original, Account by, long at) {
        return new Tweet(at, by, "RT @" + original.account.handle() + ": " + original.text, original.tco, original.url,
                original.theme, "retweet", original);
    }

    /** The selling tweets as planned: unique tweets with live or dead links, their retweets and copies, and link-less chatter. */
    private void selling(List<Tweet> tweets, List<Account> people) {
        long start = START.toEpochMilli();
        long end = END.toEpochMilli();
        long originalsUntil = start + (long) ((end - start) * 0.85);
        List<Tweet> withLinks = new ArrayList<>();
        Map<SellerPlan, List<Account>> liveByPlan = new LinkedHashMap<>();
        List<Account> allLive = new ArrayList<>();
        for (SellerPlan plan : SELLERS) {
            List<Account> live = new ArrayList<>();
            for (int i = 0; i < plan.liveAccounts(); i++) {
                live.add(seller(plan, allLive.isEmpty() && i == 0));
            }
            allLive.addAll(live);
            liveByPlan.put(plan, live);
        }
        int[] followers = spread(LIVE_ACCOUNT_FOLLOWERS, allLive.size());
        int next = 0;
        for (List<Account> live : liveByPlan.values()) {
            for (int i = 0; i < live.size(); i++) {
                Account a = live.get(i);
                live.set(i, new Account(a.id(), a.handle(), a.name(), a.createdAt(), followers[next++], a.statuses()));
            }
        }
        for (SellerPlan plan : SELLERS) {
            List<Account> live = liveByPlan.get(plan);
            List<Account> dead = new ArrayList<>();
            for (int i = 0; i < plan.deadAccounts(); i++) {
                dead.add(seller(plan, false));
            }
            for (int i = 0; i < plan.live(); i++) {
                withLinks.add(sellingTweet(plan, live.get(i % live.size()), randomMillis(start, originalsUntil), true, i));
            }
            for (int i = 0; i < plan.dead(); i++) {
                withLinks.add(sellingTweet(plan, dead.get(i % dead.size()), randomMillis(start, originalsUntil), false, i));
            }
            for (int i = 0; i < plan.noLink(); i++) {
                String text = TwitterThemes.fill(TwitterThemes.pick(TwitterThemes.SELLING_WITHOUT_LINK.get(plan.theme()), random),
                        random, null, null);
                Tweet t = new Tweet(randomMillis(start, end), skewed(people), text, null, null, plan.theme(), "original", null);
                t.sellerType = plan.type();
                tweets.add(t);
            }
        }
        tweets.addAll(withLinks);
        for (int i = 0; i < SELLING_RETWEETS + SELLING_COPIES; i++) {
            Tweet original = withLinks.get(random.nextInt(withLinks.size()));
            long at = randomMillis(original.atMillis + 1_000, end);
            Tweet copy = i < SELLING_RETWEETS ? retweet(original, skewed(people), at)
                    // an identical copy: the seller posts the same text and link again
                    : new Tweet(at, original.account, original.text, original.tco, original.url, original.theme,
                    "identical-copy", original);
            copy.sellerType = original.sellerType;
            copy.live = original.live;
            copy.site = original.site;
            copy.legitScript = original.legitScript;
            tweets.add(copy);
        }
    }

    private Tweet sellingTweet(SellerPlan plan, Account account, long at, boolean live, int index) {
        String slug = account.handle().replace('_', '-').toLowerCase(Locale.ROOT);
        String site;
        String url;
        String legit = null;
        switch (plan.type()) {
            case "online-pharmacy" -> {
                int siteNumber = live ? PHARMACY_SITE_OF_LIVE_TWEET[index] : index % 25;
                site = (live ? PHARMACY_LIVE_SITES : PHARMACY_DEAD_SITES).get(siteNumber);
                url = "https://www." + site + "/" + TwitterThemes.pick(List.of("oxycodone", "percocet", "hydrocodone",
                        "vicodin", "codeine", "oxycontin"), random) + "?aff=" + (100 + random.nextInt(900));
                legit = live && ROGUE_SITES.contains(siteNumber) ? "rogue" : "not-listed";
            }
            case "individual-seller" -> {
                // The seller's own page on a blog host, or an ad on a classifieds site.
                String host = TwitterThemes.pick(List.of("wordpress.test", "classifieds.example.com", "blog.example.com"), random);
                site = host.equals("classifieds.example.com") ? host : slug + "." + host;
                url = host.equals("classifieds.example.com") ? "https://classifieds.example.com/ad/" + (10_000 + random.nextInt(90_000))
                        : "https://" + site + "/";
            }
            case "marketing-affiliate" -> {
                site = slug + ".blogsite.test";
                url = "https://" + site + "/" + TwitterThemes.pick(List.of("buy-oxycodone-online", "cheap-percocet-guide",
                        "best-online-pharmacy", "order-vicodin-no-rx"), random) + ".html";
            }
            default -> {
                site = "community.example.com";
                url = "https://community.example.com/r/nightbazaar";
            }
        }
        String tco = tco();
        String contact = plan.type().equals("individual-seller") ? contact(account) : null;
        String text = TwitterThemes.fill(TwitterThemes.pick(TwitterThemes.SELLING.get(plan.theme()), random), random, tco, contact);
        Tweet t = new Tweet(at, account, text, tco, url, plan.theme(), "original", null);
        t.sellerType = plan.type();
        t.live = live;
        t.site = site;
        t.legitScript = legit;
        return t;
    }

    private static final List<String> PHARMACY_LIVE_SITES = List.of("rxbargainmeds.test", "pillsnoscript.test",
            "painreliefdirect.test", "cheapmeds-online.test", "usrx-express.test", "genericpillshop.test",
            "overnightrx.test", "medsworldwide.test", "quickscripts.test", "globalpharmadeals.test");
    private static final List<String> PHARMACY_DEAD_SITES;

    static {
        List<String> dead = new ArrayList<>();
        for (String a : List.of("best", "easy", "safe", "fast", "top")) {
            for (String b : List.of("rxstore", "medshop", "pillsdepot", "pharmacy24", "painmeds")) {
                dead.add(a + b + ".test");
            }
        }
        PHARMACY_DEAD_SITES = List.copyOf(dead);
    }

    /** An individual seller's contact: a 555-01xx phone (call, text or WhatsApp) or an example.com address. */
    private String contact(Account account) {
        String phone = TwitterThemes.pick(List.of("213", "310", "404", "646", "702", "917"), random) + "-555-01"
                + String.format(Locale.ROOT, "%02d", random.nextInt(100));
        String email = account.handle().toLowerCase(Locale.ROOT) + "@example.com";
        return switch (random.nextInt(3)) {
            case 0 -> phone;
            case 1 -> email;
            default -> email + " or " + phone;
        };
    }

    /** Splits {@code total} over {@code n} parts at random (the study's ~1,800 followers over its 23 accounts). */
    private int[] spread(int total, int n) {
        int[] weights = new int[n];
        int sum = 0;
        for (int i = 0; i < n; i++) {
            weights[i] = 1 + random.nextInt(10);
            sum += weights[i];
        }
        int[] parts = new int[n];
        int given = 0;
        for (int i = 0; i < n; i++) {
            parts[i] = total * weights[i] / sum;
            given += parts[i];
        }
        parts[0] += total - given;
        return parts;
    }

    // ---- accounts -------------------------------------------------------------------------------

    private static final List<String> FIRST = List.of("sunny", "quiet", "lucky", "blue", "north", "wild", "late", "lazy",
            "cosmic", "urban", "salty", "golden", "misty", "rusty", "happy", "little", "big", "odd", "true", "velvet",
            "paper", "silver", "crimson", "gentle", "brave");
    private static final List<String> SECOND = List.of("fox", "otter", "river", "pine", "maple", "cloud", "comet",
            "pixel", "harbor", "meadow", "falcon", "ember", "willow", "cedar", "orbit", "mango", "tiger", "lark",
            "brook", "stone", "panda", "kettle", "lantern", "sparrow", "thistle");
    private static final List<String> TOWNS = List.of("eastbrook", "portcalder", "westhaven", "millbridge", "northvale",
            "lakeford", "ashford", "granton", "kettlebay", "stonehurst", "dunmore", "fairhaven", "oldmill", "pinecrest");
    private static final List<String> OUTLETS = List.of("daily", "news", "times", "gazette", "post", "herald", "wire",
            "today", "courier", "report");

    private String uniqueHandle(String base) {
        String handle = base;
        while (!handles.add(handle.toLowerCase(Locale.ROOT))) {
            handle = base + (random.nextInt(9_000) + 10);
        }
        return handle;
    }

    private Instant createdBetween(String from, String to) {
        long a = Instant.parse(from).getEpochSecond();
        long b = Instant.parse(to).getEpochSecond();
        return Instant.ofEpochSecond(a + (long) (random.nextDouble() * (b - a)));
    }

    private Account person() {
        String handle = uniqueHandle(TwitterThemes.pick(FIRST, random) + "_" + TwitterThemes.pick(SECOND, random)
                + (random.nextBoolean() ? "" : Integer.toString(random.nextInt(1_000))));
        Instant created = createdBetween("2008-03-01T00:00:00Z", "2017-11-01T00:00:00Z");
        long followers = (long) Math.exp(random.nextGaussian() * 1.5 + 5);
        long statuses = (long) Math.exp(random.nextGaussian() * 1.6 + 7.5);
        return new Account(nextAccountId += 1 + random.nextInt(5_000), handle, handle.replace('_', ' '), created,
                followers, statuses);
    }

    private Account newsAccount() {
        String handle = uniqueHandle(TwitterThemes.pick(TOWNS, random) + "_" + TwitterThemes.pick(OUTLETS, random));
        Instant created = createdBetween("2009-01-01T00:00:00Z", "2014-01-01T00:00:00Z");
        return new Account(nextAccountId += 1 + random.nextInt(5_000), handle, handle.replace('_', ' ').toUpperCase(Locale.ROOT),
                created, 5_000 + random.nextInt(200_000), 20_000 + random.nextInt(200_000));
    }

    /**
     * A seller's account. Live sellers' accounts post about 1,000 tweets a year or fewer and share
     * about 1,800 followers; the first one is the study's automated account, opened a year before
     * the collection with over 100,000 tweets since.
     */
    private Account seller(SellerPlan plan, boolean automated) {
        String base = switch (plan.type()) {
            case "online-pharmacy" -> TwitterThemes.pick(List.of("rx", "meds", "pharma", "pills"), random) + "_"
                    + TwitterThemes.pick(List.of("deals", "direct", "express", "store", "online"), random);
            case "individual-seller" -> TwitterThemes.pick(FIRST, random) + "_" + TwitterThemes.pick(List.of("plug", "connect",
                    "supply", "hookup"), random);
            case "marketing-affiliate" -> TwitterThemes.pick(List.of("pharmacy", "meds", "rx", "pill"), random) + "_"
                    + TwitterThemes.pick(List.of("reviews", "guide", "finder", "advisor"), random);
            default -> "nightbazaar_market";
        };
        String handle = uniqueHandle(base + (plan.type().equals("darknet") ? "" : "_" + (10 + random.nextInt(990))));
        Instant created = automated ? Instant.parse("2016-11-20T09:00:00Z") : createdBetween("2014-01-01T00:00:00Z", "2017-10-01T00:00:00Z");
        double years = Math.max(0.1, (END.getEpochSecond() - created.getEpochSecond()) / (365.25 * 86_400));
        long statuses = automated ? 112_000 + random.nextInt(8_000) : (long) (years * (200 + random.nextInt(800)));
        long followers = 20 + random.nextInt(100);
        return new Account(nextAccountId += 1 + random.nextInt(5_000), handle, handle.replace('_', ' '), created,
                followers, statuses);
    }

    private String tco() {
        StringBuilder sb = new StringBuilder("https://t.co/");
        for (int i = 0; i < 10; i++) {
            sb.append(TCO_ALPHABET.charAt(random.nextInt(TCO_ALPHABET.length())));
        }
        return sb.toString();
    }

    // ---- writing --------------------------------------------------------------------------------

    private Summary write(Path out, List<Tweet> tweets, JobContext job) throws IOException {
        // Emoji as UTF-8 bytes, as Twitter writes them, not as escaped surrogate pairs.
        JsonFactory factory = JsonFactory.builder().enable(JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8).build();
        int fentanyl = 0;
        int selling = 0;
        int sellingWithLinks = 0;
        int liveUnique = 0;
        Set<String> liveAccounts = new HashSet<>();
        Map<String, Integer> themes = new TreeMap<>();
        try (OutputStream json = new BufferedOutputStream(Files.newOutputStream(out.resolve(TWEETS_FILE)), 1 << 16);
             JsonGenerator g = factory.createGenerator(json, JsonEncoding.UTF8);
             Writer truth = Files.newBufferedWriter(out.resolve(TRUTH_FILE), StandardCharsets.UTF_8)) {
            g.setRootValueSeparator(null);
            truth.write("external_id,theme,copy_kind,copy_of,seller_type,link,link_live,site,legitscript\n");
            for (int i = 0; i < tweets.size(); i++) {
                Tweet t = tweets.get(i);
                writeStatus(g, t);
                g.flush();
                json.write('\n');
                truth.write(Long.toString(t.id));
                truth.write(',');
                truth.write(t.theme);
                truth.write(',');
                truth.write(t.copyKind);
                truth.write(',');
                truth.write(t.copyOf == null ? "" : Long.toString(t.copyOf.id));
                truth.write(',');
                truth.write(t.sellerType == null ? "" : t.sellerType);
                truth.write(',');
                truth.write(t.sellerType == null || t.url == null ? "" : t.url);
                truth.write(',');
                truth.write(t.live == null ? "" : t.live.toString());
                truth.write(',');
                truth.write(t.site == null ? "" : t.site);
                truth.write(',');
                truth.write(t.legitScript == null ? "" : t.legitScript);
                truth.write('\n');
                themes.merge(t.theme, 1, Integer::sum);
                if (FENTANYL.matcher(t.text).find()) {
                    fentanyl++;
                }
                if (t.sellerType != null) {
                    selling++;
                    if (t.url != null) {
                        sellingWithLinks++;
                        if ("original".equals(t.copyKind) && Boolean.TRUE.equals(t.live)) {
                            liveUnique++;
                            liveAccounts.add(t.account.handle());
                        }
                    }
                }
                if (i % 10_000 == 0) {
                    if (job.isCancelled()) {
                        throw new CancelledException();
                    }
                    job.progress(TWEETS + i, 2L * TWEETS, String.format(Locale.ROOT, "writing tweets: %,d of %,d", i, tweets.size()));
                }
            }
        }
        int coded = writeCoderFile(out, tweets);
        writePlan(out, tweets.size(), fentanyl, themes, selling, sellingWithLinks, liveUnique, liveAccounts.size());
        job.progress(2L * TWEETS, 2L * TWEETS, "Twitter sample written");
        return new Summary(out, tweets.size(), fentanyl, selling, sellingWithLinks, liveUnique, liveAccounts.size(), coded, 0);
    }

    /** "fentanyl" as a word, the way the keyword filter matches it. */
    private static final Pattern FENTANYL = Pattern.compile("(?i)(?<![\\p{L}\\p{N}])fentanyl(?![\\p{L}\\p{N}])");

    private void writeStatus(JsonGenerator g, Tweet t) throws IOException {
        Instant at = Instant.ofEpochMilli(t.atMillis);
        g.writeStartObject();
        g.writeStringField("created_at", V1_TIME.format(at));
        g.writeNumberField("id", t.id);
        g.writeStringField("id_str", Long.toString(t.id));
        boolean retweet = "retweet".equals(t.copyKind);
        String text = t.text;
        if (retweet && text.codePointCount(0, text.length()) > 140) {
            text = text.substring(0, text.offsetByCodePoints(0, 139)) + "…"; // v1.1 cuts a retweet's own text
        }
        g.writeStringField("full_text", text);
        g.writeBooleanField("truncated", false);
        writeEntities(g, text, t);
        writeUser(g, t.account);
        if (retweet) {
            Tweet original = t.copyOf;
            g.writeObjectFieldStart("retweeted_status");
            g.writeStringField("created_at", V1_TIME.format(Instant.ofEpochMilli(original.atMillis)));
            g.writeNumberField("id", original.id);
            g.writeStringField("id_str", Long.toString(original.id));
            g.writeStringField("full_text", original.text);
            writeEntities(g, original.text, original);
            writeUser(g, original.account);
            g.writeStringField("lang", "en");
            g.writeEndObject();
        }
        g.writeStringField("lang", "en");
        g.writeEndObject();
    }

    private static void writeEntities(JsonGenerator g, String text, Tweet t) throws IOException {
        g.writeObjectFieldStart("entities");
        g.writeArrayFieldStart("hashtags");
        Matcher m = HASHTAG.matcher(text);
        while (m.find()) {
            g.writeStartObject();
            g.writeStringField("text", m.group(1));
            g.writeArrayFieldStart("indices");
            g.writeNumber(text.codePointCount(0, m.start()));
            g.writeNumber(text.codePointCount(0, m.end()));
            g.writeEndArray();
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("urls");
        if (t.url != null) {
            int from = text.indexOf(t.tco);
            g.writeStartObject();
            g.writeStringField("url", t.tco);
            g.writeStringField("expanded_url", t.url);
            g.writeStringField("display_url", abbreviate(t.url.replaceFirst("^https?://(www\\.)?", "")));
            if (from >= 0) {
                g.writeArrayFieldStart("indices");
                g.writeNumber(text.codePointCount(0, from));
                g.writeNumber(text.codePointCount(0, from + t.tco.length()));
                g.writeEndArray();
            }
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("user_mentions");
        g.writeEndArray();
        g.writeEndObject();
    }

    private static String abbreviate(String display) {
        return display.length() <= 26 ? display : display.substring(0, 25) + "…";
    }

    private static void writeUser(JsonGenerator g, Account a) throws IOException {
        g.writeObjectFieldStart("user");
        g.writeNumberField("id", a.id());
        g.writeStringField("id_str", Long.toString(a.id()));
        g.writeStringField("name", a.name());
        g.writeStringField("screen_name", a.handle());
        g.writeStringField("created_at", V1_TIME.format(a.createdAt()));
        g.writeNumberField("followers_count", a.followers());
        g.writeNumberField("statuses_count", a.statuses());
        g.writeEndObject();
    }

    /** {@value #CODED} random tweets with the class a coder gave; a few are coded wrong, as people do. */
    private int writeCoderFile(Path out, List<Tweet> tweets) throws IOException {
        Random coder = new Random(seed ^ 0x5DEECE66DL);
        List<String> classes = new ArrayList<>();
        TwitterThemes.GENERAL.forEach(theme -> classes.add(theme.key()));
        SELLERS.forEach(plan -> classes.add(plan.theme()));
        Set<Integer> chosen = new TreeSet<>();
        while (chosen.size() < CODED) {
            chosen.add(coder.nextInt(tweets.size()));
        }
        try (Writer w = Files.newBufferedWriter(out.resolve(CODER_FILE), StandardCharsets.UTF_8)) {
            w.write("external_id,class\n");
            for (int index : chosen) {
                Tweet t = tweets.get(index);
                String coded = t.theme;
                if (coder.nextInt(100) < CODER_ERROR_PERCENT) {
                    do {
                        coded = classes.get(coder.nextInt(classes.size()));
                    } while (coded.equals(t.theme));
                }
                w.write(t.id + "," + coded + "\n");
            }
        }
        return chosen.size();
    }

    private void writePlan(Path out, int tweets, int fentanyl, Map<String, Integer> themes, int selling,
                           int sellingWithLinks, int liveUnique, int liveAccounts) throws IOException {
        Map<String, Object> plan = new LinkedHashMap<>();
        plan.put("generator", GENERATOR);
        plan.put("seed", seed);
        plan.put("about", "Invented tweets shaped like the Twitter study (Mackey et al. 2018). The counts are "
                + "counted from the written tweets; selling.liveByType, livePharmacySites and rogueAmongLivePharmacyTweets "
                + "are the plan; truth.csv has the per-tweet plan.");
        plan.put("tweets", tweets);
        plan.put("from", START.toString());
        plan.put("until", END.toString());
        plan.put("fentanylTweets", fentanyl);
        plan.put("withoutFentanyl", tweets - fentanyl);
        plan.put("themes", themes);
        Map<String, Object> funnel = new LinkedHashMap<>();
        funnel.put("sellingTweets", selling);
        funnel.put("withLinks", sellingWithLinks);
        funnel.put("retweets", SELLING_RETWEETS);
        funnel.put("identicalCopies", SELLING_COPIES);
        funnel.put("uniqueWithLinks", sellingWithLinks - SELLING_RETWEETS - SELLING_COPIES);
        funnel.put("liveUnique", liveUnique);
        funnel.put("liveAccounts", liveAccounts);
        Map<String, Integer> byType = new LinkedHashMap<>();
        SELLERS.forEach(p -> byType.put(p.type(), p.live()));
        funnel.put("liveByType", byType);
        funnel.put("livePharmacySites", PHARMACY_LIVE_SITES.size());
        funnel.put("rogueAmongLivePharmacyTweets", (int) Arrays.stream(PHARMACY_SITE_OF_LIVE_TWEET)
                .filter(ROGUE_SITES::contains).count());
        plan.put("selling", funnel);
        plan.put("coded", CODED);
        plan.put("coderErrorPercent", CODER_ERROR_PERCENT);
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(out.resolve(PLAN_FILE).toFile(), plan);
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : (Iterable<Path>) walk.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(p);
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
