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
 * Writes about 50 invented tweets in the style of the Twitter study (online pharmacies linking to
 * their sites, personal use, news): half as API v1.1 status objects, half as API v2 responses.
 */
final class TwitterSampleWriter {
    static final int PER_FILE = 25;
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
        return 2 * PER_FILE;
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
