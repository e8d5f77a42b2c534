package org.signalbench.sample;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes small files of invented tweets in the style of the Twitter study (online pharmacies
 * linking to their sites, personal use, news) in each form the importer reads: API v1.1 status
 * objects, API v2 responses, a v1.1 stream capture with its delete and limit notices, and twarc2's
 * response pages and flattened tweets. The full-scale corpus is {@link TwitterStudySample}.
 * Plain file writes on purpose: it writes only into the staged folder of {@link SampleGenerator#generate}, which is published whole.
 */
final class TwitterSampleWriter {
    static final int PER_FILE = 25;
    /** Tweets in the stream capture and in each twarc2 file. */
    static final int PER_SMALL_FILE = 10;
    private static final DateTimeFormatter V1_TIME =
            DateTimeFormatter.ofPattern("EEE MMM dd HH:mm:ss Z yyyy", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final Pattern HASHTAG = Pattern.compile("#([A-Za-z0-9_]+)");
    private static final Pattern URL = Pattern.compile("https://t\\.co/[A-Za-z0-9]+");
    private static final Instant START = Instant.parse("2018-09-01T00:00:00Z");
    private static final List<String> RULES = List.of("#oxycodone", "#xanax", "#percocet", "#fentanyl", "#painpills");

    private final Random random;
    private final SampleText text;
    private final Set<Long> usedIds = new HashSet<>();

    TwitterSampleWriter(Random random) {
        this.random = random;
        this.text = new SampleText(random);
    }

    /** A tweet's content before it is shaped as v1.1 or v2. */
    private record Tweet(long id, Instant at, String userId, String handle, String name, String text,
                         List<String> expandedUrls) {
    }

    int write(Path folder) throws IOException {
        Files.createDirectories(folder);
        try (Writer w = Files.newBufferedWriter(folder.resolve("tweets-v1.jsonl"), StandardCharsets.UTF_8)) {
            for (int i = 0; i < PER_FILE; i++) {
                w.write(SampleGenerator.json(v1(tweet(), i % 3)));
                w.write('\n');
            }
        }
        try (Writer w = Files.newBufferedWriter(folder.resolve("tweets-v2.jsonl"), StandardCharsets.UTF_8)) {
            for (int i = 0; i < PER_FILE; i++) {
                w.write(SampleGenerator.json(v2(tweet())));
                w.write('\n');
            }
        }
        // Written after the two files above, so those stay as they were for the same seed.
        writeStream(folder.resolve("stream-v1.jsonl"));
        writeTwarc2(folder.resolve("twarc2-pages.jsonl"), folder.resolve("twarc2-flat.jsonl"));
        return 2 * PER_FILE + 3 * PER_SMALL_FILE;
    }

    /** A v1.1 filtered-stream capture: statuses (one a retweet) with delete and limit notices between them. */
    private void writeStream(Path file) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            Tweet previous = null;
            for (int i = 0; i < PER_SMALL_FILE; i++) {
                Tweet t = tweet();
                Map<String, Object> status = v1(t, 0);
                status.put("user", v1User(t));
                if (i == 4 && previous != null) {
                    // A retweet: its own text cut, the retweeted status whole.
                    Map<String, Object> original = v1(previous, 0);
                    original.put("user", v1User(previous));
                    String rt = "RT @" + previous.handle() + ": " + previous.text();
                    status.put("full_text", rt.length() > 140 ? rt.substring(0, 139) + "…" : rt);
                    status.put("retweeted_status", original);
                }
                w.write(SampleGenerator.json(status));
                w.write('\n');
                if (i == 2 || i == 7) {
                    long deleted = Ids.tweetId(t.at().minusSeconds(3600), random);
                    Map<String, Object> deletedStatus = SampleGenerator.map("id", deleted, "id_str", Long.toString(deleted),
                            "user_id", Long.parseLong(t.userId()), "user_id_str", t.userId());
                    w.write(SampleGenerator.json(SampleGenerator.map("delete", SampleGenerator.map("status", deletedStatus,
                            "timestamp_ms", Long.toString(t.at().toEpochMilli() + 500)))));
                    w.write('\n');
                }
                if (i == 5) {
                    w.write(SampleGenerator.json(SampleGenerator.map("limit", SampleGenerator.map("track", 12 + random.nextInt(300),
                            "timestamp_ms", Long.toString(t.at().toEpochMilli() + 900)))));
                    w.write('\n');
                }
                previous = t;
            }
        }
    }

    private Map<String, Object> v1User(Tweet t) {
        return SampleGenerator.map("id", Long.parseLong(t.userId()), "id_str", t.userId(), "name", t.name(),
                "screen_name", t.handle(), "created_at", V1_TIME.format(START.minusSeconds(86_400L * (200 + random.nextInt(3000)))),
                "followers_count", random.nextInt(5_000), "statuses_count", 10 + random.nextInt(20_000));
    }

    /**
     * twarc2 output: response pages (one per line, {@code data} + {@code includes.users} and
     * {@code includes.tweets} for a retweeted tweet, {@code meta}, {@code __twarc}) and the same
     * kind of tweets flattened (author and referenced tweets inline).
     */
    private void writeTwarc2(Path pages, Path flat) throws IOException {
        Map<String, Object> twarc = SampleGenerator.map("url", "https://api.twitter.com/2/tweets/search/all?query=oxycodone",
                "version", "2.13.0", "retrieved_at", "2018-11-05T10:00:00+00:00");
        try (Writer w = Files.newBufferedWriter(pages, StandardCharsets.UTF_8)) {
            for (int page = 0; page < 2; page++) {
                List<Object> data = new ArrayList<>();
                List<Object> users = new ArrayList<>();
                List<Object> included = new ArrayList<>();
                Tweet previous = null;
                for (int i = 0; i < PER_SMALL_FILE / 2; i++) {
                    Tweet t = tweet();
                    Map<String, Object> tweet = v2Tweet(t);
                    if (i == 3 && previous != null) {
                        tweet.put("text", "RT @" + previous.handle() + ": " + previous.text().substring(0, Math.min(40, previous.text().length())) + "…");
                        tweet.put("referenced_tweets", List.of(SampleGenerator.map("type", "retweeted", "id", Long.toString(previous.id()))));
                        included.add(v2Tweet(previous));
                    }
                    data.add(tweet);
                    users.add(v2User(t));
                    if (previous != null) {
                        users.add(v2User(previous));
                    }
                    previous = t;
                }
                w.write(SampleGenerator.json(SampleGenerator.map("data", data,
                        "includes", SampleGenerator.map("users", users, "tweets", included),
                        "meta", SampleGenerator.map("result_count", data.size()), "__twarc", twarc)));
                w.write('\n');
            }
        }
        try (Writer w = Files.newBufferedWriter(flat, StandardCharsets.UTF_8)) {
            for (int i = 0; i < PER_SMALL_FILE; i++) {
                Tweet t = tweet();
                Map<String, Object> tweet = v2Tweet(t);
                tweet.put("author", v2User(t));
                tweet.put("__twarc", twarc);
                w.write(SampleGenerator.json(tweet));
                w.write('\n');
            }
        }
    }

    private Map<String, Object> v2Tweet(Tweet t) {
        Map<String, Object> data = SampleGenerator.map("id", Long.toString(t.id()), "text", t.text(),
                "author_id", t.userId(), "created_at", t.at().toString().replace("Z", ".000Z"), "lang", "en");
        List<Object> urls = new ArrayList<>();
        Matcher u = URL.matcher(t.text());
        int i = 0;
        while (u.find() && i < t.expandedUrls().size()) {
            String expanded = t.expandedUrls().get(i++);
            urls.add(SampleGenerator.map("start", u.start(), "end", u.end(), "url", u.group(), "expanded_url", expanded,
                    "display_url", expanded.replaceFirst("^https://", ""), "unwound_url", expanded, "status", 200));
        }
        if (!urls.isEmpty()) {
            data.put("entities", SampleGenerator.map("urls", urls));
        }
        return data;
    }

    private Map<String, Object> v2User(Tweet t) {
        return SampleGenerator.map("id", t.userId(), "name", t.name(), "username", t.handle(),
                "created_at", START.minusSeconds(86_400L * (200 + random.nextInt(3000))).toString().replace("Z", ".000Z"),
                "public_metrics", SampleGenerator.map("followers_count", random.nextInt(5_000),
                        "following_count", random.nextInt(1_000), "tweet_count", 10 + random.nextInt(20_000), "listed_count", 0));
    }

    private Tweet tweet() {
        Instant at = START.plusSeconds(random.nextInt(60 * 24 * 3600));
        long id;
        do {
            id = Ids.tweetId(at, random);
        } while (!usedIds.add(id));
        List<String> urls = new ArrayList<>();
        String body;
        String handle;
        String name;
        switch (random.nextInt(3)) {
            case 0 -> {
                String site = text.pick("rx-express", "meds4less", "pharmadirect", "quickpills", "nopresc-meds");
                handle = site.replace("-", "_") + "_" + text.between(1, 99);
                name = site.toUpperCase(Locale.ROOT) + " online";
                String drug = text.pick("oxycodone", "percocet", "xanax", "oxycontin", "hydrocodone");
                urls.add("https://" + site + ".example.com/" + drug + "?ref=" + text.between(100, 999));
                body = text.pick("Buy " + drug + " online without prescription 💊 overnight shipping",
                        "Best price " + drug + " 30mg, discreet delivery, no rx needed",
                        "Order #" + drug + " now, 20% off today only", "Need pain relief? " + drug + " shipped fast")
                        + " " + link() + " #" + drug + " #" + text.pick("painpills", "pharmacy", "pain", "noprescription");
            }
            case 1 -> {
                handle = text.personHandle().replace('.', '_');
                name = handle.replace('_', ' ').strip();
                body = text.pick("this #xanax got me so sleepy 😴", "back pain so bad, percocet is the only thing that works #percocet",
                        "doctor won't refill my #oxycodone and i'm hurting", "never mixing bars and alcohol again lol #xanax",
                        "3 years clean from #oxycontin today 🙏", "my anxiety without xanax is unreal #anxiety");
            }
            default -> {
                handle = text.pick("eastbrook_daily", "portcalder_news", "health_wire_x", "westhaven_times") ;
                name = handle.replace('_', ' ').strip();
                urls.add("https://news.example.com/" + text.pick("fake-pills", "online-pharmacies", "opioid-report")
                        + "-" + text.between(1000, 9999));
                body = text.pick("Counterfeit #oxycodone pills sold online linked to overdoses, officials say",
                        "Regulators warn about illegal online pharmacies selling #xanax",
                        "Study: opioid sales on social media persist despite bans #fentanyl",
                        "Police shut down website selling #percocet without prescriptions")
                        + " " + link();
            }
        }
        return new Tweet(id, at, Long.toString(100_000_000L + random.nextInt(900_000_000)), handle, name, body, urls);
    }

    private String link() {
        StringBuilder sb = new StringBuilder("https://t.co/");
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        for (int i = 0; i < 10; i++) {
            sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return sb.toString();
    }

    /** A v1.1 status; {@code shape} 0 uses full_text, 1 the classic text, 2 a truncated text with extended_tweet. */
    private Map<String, Object> v1(Tweet t, int shape) {
        Map<String, Object> entities = SampleGenerator.map("hashtags", v1Hashtags(t.text()), "urls", v1Urls(t),
                "user_mentions", List.of());
        Map<String, Object> status = SampleGenerator.map("created_at", V1_TIME.format(t.at()),
                "id", t.id(), "id_str", Long.toString(t.id()));
        switch (shape) {
            case 0 -> {
                status.put("full_text", t.text());
                status.put("truncated", false);
            }
            case 1 -> {
                status.put("text", t.text());
                status.put("truncated", false);
            }
            default -> {
                if (t.text().length() <= 60) { // too short to be truncated: a classic status
                    status.put("text", t.text());
                    status.put("truncated", false);
                    break;
                }
                status.put("text", t.text().substring(0, 60) + "…");
                status.put("truncated", true);
                status.put("extended_tweet", SampleGenerator.map("full_text", t.text(), "entities", entities));
            }
        }
        status.put("user", SampleGenerator.map("id", Long.parseLong(t.userId()), "id_str", t.userId(),
                "name", t.name(), "screen_name", t.handle()));
        status.put("entities", entities);
        status.put("lang", "en");
        return status;
    }

    private static List<Object> v1Hashtags(String s) {
        List<Object> out = new ArrayList<>();
        Matcher m = HASHTAG.matcher(s);
        while (m.find()) {
            out.add(SampleGenerator.map("text", m.group(1), "indices", List.of(m.start(), m.end())));
        }
        return out;
    }

    private static List<Object> v1Urls(Tweet t) {
        List<Object> out = new ArrayList<>();
        Matcher m = URL.matcher(t.text());
        int i = 0;
        while (m.find() && i < t.expandedUrls().size()) {
            String expanded = t.expandedUrls().get(i++);
            out.add(SampleGenerator.map("url", m.group(), "expanded_url", expanded,
                    "display_url", expanded.replaceFirst("^https://", ""), "indices", List.of(m.start(), m.end())));
        }
        return out;
    }

    private Map<String, Object> v2(Tweet t) {
        List<Object> hashtags = new ArrayList<>();
        Matcher m = HASHTAG.matcher(t.text());
        String rule = null;
        while (m.find()) {
            hashtags.add(SampleGenerator.map("start", m.start(), "end", m.end(), "tag", m.group(1)));
            String candidate = "#" + m.group(1).toLowerCase(Locale.ROOT);
            if (rule == null && RULES.contains(candidate)) {
                rule = candidate;
            }
        }
        List<Object> urls = new ArrayList<>();
        Matcher u = URL.matcher(t.text());
        int i = 0;
        while (u.find() && i < t.expandedUrls().size()) {
            String expanded = t.expandedUrls().get(i++);
            urls.add(SampleGenerator.map("start", u.start(), "end", u.end(), "url", u.group(),
                    "expanded_url", expanded, "display_url", expanded.replaceFirst("^https://", "")));
        }
        Map<String, Object> entities = SampleGenerator.map();
        if (!hashtags.isEmpty()) {
            entities.put("hashtags", hashtags);
        }
        if (!urls.isEmpty()) {
            entities.put("urls", urls);
        }
        Map<String, Object> data = SampleGenerator.map("id", Long.toString(t.id()), "text", t.text(),
                "author_id", t.userId(), "created_at", t.at().toString().replace("Z", ".000Z"), "lang", "en");
        if (!entities.isEmpty()) {
            data.put("entities", entities);
        }
        return SampleGenerator.map("data", data,
                "includes", SampleGenerator.map("users", List.of(SampleGenerator.map(
                        "id", t.userId(), "name", t.name(), "username", t.handle()))),
                "matching_rules", List.of(SampleGenerator.map("id", Long.toString(1_050_000_000_000_000_000L + t.id() % 1000),
                        "tag", rule == null ? "#oxycodone" : rule)));
    }
}
