package org.signalbench.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.signalbench.filters.KeywordFilter;
import org.signalbench.jobs.JobContext;

/**
 * Generates the full Twitter study sample once and reads it back: its size, dates, keyword mix,
 * the selling funnel recomputed from the tweets and the truth file, the coder file, and privacy.
 */
class TwitterStudySampleTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter V1_TIME = DateTimeFormatter.ofPattern("EEE MMM dd HH:mm:ss Z yyyy", Locale.ROOT);

    @TempDir
    static Path dir;

    /** One tweet as read back: its text as an importer keeps it (a retweet's whole text). */
    record Read(String id, Instant at, String text, String userId, String retweetOf, String url) {
    }

    record Truth(String theme, String copyKind, String copyOf, String sellerType, String link, String live, String site,
                 String legitScript) {
    }

    static TwitterStudySample.Summary summary;
    static List<Read> tweets = new ArrayList<>();
    static Map<String, Truth> truth = new HashMap<>();
    static JsonNode plan;
    static long progressReports;

    @BeforeAll
    static void generateAndReadBack() throws Exception {
        summary = TwitterStudySample.generate(dir, TwitterStudySample.DEFAULT_SEED, new JobContext() {
            @Override
            public void progress(long done, long total, String message) {
                progressReports++;
            }

            @Override
            public boolean isCancelled() {
                return false;
            }
        });
        try (BufferedReader in = Files.newBufferedReader(dir.resolve(TwitterStudySample.TWEETS_FILE), StandardCharsets.UTF_8)) {
            String line;
            while ((line = in.readLine()) != null) {
                JsonNode t = JSON.readTree(line);
                JsonNode rt = t.get("retweeted_status");
                String text = rt == null ? t.get("full_text").asText()
                        : "RT @" + rt.get("user").get("screen_name").asText() + ": " + rt.get("full_text").asText();
                JsonNode urls = t.get("entities").get("urls");
                tweets.add(new Read(t.get("id_str").asText(), OffsetDateTime.parse(t.get("created_at").asText(), V1_TIME).toInstant(),
                        text, t.get("user").get("id_str").asText(), rt == null ? null : rt.get("id_str").asText(),
                        urls.isEmpty() ? null : urls.get(0).get("expanded_url").asText()));
            }
        }
        List<String> rows = Files.readAllLines(dir.resolve(TwitterStudySample.TRUTH_FILE));
        assertEquals("external_id,theme,copy_kind,copy_of,seller_type,link,link_live,site,legitscript", rows.get(0));
        for (String row : rows.subList(1, rows.size())) {
            String[] c = row.split(",", -1);
            truth.put(c[0], new Truth(c[1], c[2], c[3], c[4], c[5], c[6], c[7], c[8]));
        }
        plan = JSON.readTree(dir.resolve(TwitterStudySample.PLAN_FILE).toFile());
    }

    @Test
    void theStudysSizeAndDatesWithATruthRowPerTweet() {
        assertEquals(213_041, tweets.size());
        assertEquals(213_041, truth.size());
        assertEquals(213_041, new HashSet<>(tweets.stream().map(Read::id).toList()).size(), "ids are unique");
        Instant first = tweets.stream().map(Read::at).min(Instant::compareTo).orElseThrow();
        Instant last = tweets.stream().map(Read::at).max(Instant::compareTo).orElseThrow();
        assertEquals("2017-11-15", first.toString().substring(0, 10));
        assertEquals("2017-12-05", last.toString().substring(0, 10));
        assertEquals(213_041, plan.get("tweets").asInt());
        assertTrue(progressReports > 10, "progress reported " + progressReports + " times");
        for (Read t : tweets) {
            if (t.retweetOf() != null) {
                assertEquals(t.retweetOf(), truth.get(t.id()).copyOf());
            }
        }
    }

    @Test
    void everyTweetHasAStudyKeywordAndDroppingFentanylLeavesAbout117000() {
        KeywordFilter study = KeywordFilter.studyDefault();
        KeywordFilter fentanyl = KeywordFilter.of(List.of("fentanyl"));
        int withFentanyl = 0;
        for (Read t : tweets) {
            assertTrue(study.matches(t.text()), t.text());
            boolean f = fentanyl.matches(t.text());
            withFentanyl += f ? 1 : 0;
            assertEquals(truth.get(t.id()).theme().startsWith("fentanyl-"), f, "fentanyl only in the fentanyl themes: " + t.text());
        }
        int left = tweets.size() - withFentanyl;
        assertTrue(left >= 116_000 && left <= 118_000, left + " left without fentanyl");
        assertEquals(withFentanyl, summary.fentanylTweets());
        assertEquals(left, plan.get("withoutFentanyl").asInt());
    }

    @Test
    void theSellingFunnelFollowsFromTheTweetsAndTheTruth() {
        List<Read> selling = tweets.stream().filter(t -> truth.get(t.id()).theme().startsWith("selling-")).toList();
        assertEquals(692, selling.size());
        assertEquals(0.32, Math.round(10_000.0 * selling.size() / tweets.size()) / 100.0);
        List<Read> withLinks = selling.stream().filter(t -> t.url() != null).toList();
        assertEquals(476, withLinks.size());
        // Collapse retweets onto their originals and identical copies (same text and link) onto the first.
        Map<String, String> firstByContent = new HashMap<>();
        Set<String> unique = new HashSet<>();
        for (Read t : withLinks) {
            if (t.retweetOf() != null) {
                continue;
            }
            String key = t.text() + "\n" + t.url();
            if (firstByContent.putIfAbsent(key, t.id()) == null) {
                unique.add(t.id());
            }
        }
        assertEquals(130, unique.size());
        Map<String, Read> byId = new HashMap<>();
        tweets.forEach(t -> byId.put(t.id(), t));
        Set<String> accounts = new HashSet<>();
        Map<String, Integer> byType = new HashMap<>();
        Set<String> pharmacySites = new HashSet<>();
        int rogue = 0;
        for (String id : unique) {
            Truth t = truth.get(id);
            assertEquals("original", t.copyKind());
            assertEquals(byId.get(id).url(), t.link());
            if (!t.live().equals("true")) {
                continue;
            }
            accounts.add(byId.get(id).userId());
            byType.merge(t.sellerType(), 1, Integer::sum);
            if (t.sellerType().equals("online-pharmacy")) {
                pharmacySites.add(t.site());
                rogue += t.legitScript().equals("rogue") ? 1 : 0;
            }
        }
        assertEquals(Map.of("online-pharmacy", 15, "individual-seller", 11, "marketing-affiliate", 7, "darknet", 1), byType);
        assertEquals(23, accounts.size());
        assertEquals(10, pharmacySites.size());
        assertEquals(6, rogue);
        for (Read t : selling) {
            Truth row = truth.get(t.id());
            if (t.url() == null) {
                assertTrue(row.link().isEmpty() && row.live().isEmpty());
                assertFalse(t.text().contains("@example.com") || t.text().contains("555-01"), "no contact without a link: " + t.text());
            }
            if (row.copyKind().equals("identical-copy")) {
                assertEquals(byId.get(row.copyOf()).text(), t.text());
                assertEquals(byId.get(row.copyOf()).userId(), t.userId(), "a seller repeats its own tweet");
            }
        }
        assertEquals(34, summary.liveUnique());
        assertEquals(23, summary.liveAccounts());
    }

    @Test
    void theCoderFileCodes2000RandomTweetsMostlyAsTheTruthSays() throws Exception {
        List<String> rows = Files.readAllLines(dir.resolve(TwitterStudySample.CODER_FILE));
        assertEquals("external_id,class", rows.get(0));
        assertEquals(2_000, rows.size() - 1);
        int agree = 0;
        Set<String> classes = new HashSet<>();
        for (String row : rows.subList(1, rows.size())) {
            String[] c = row.split(",");
            assertTrue(truth.containsKey(c[0]), c[0]);
            classes.add(c[1]);
            agree += truth.get(c[0]).theme().equals(c[1]) ? 1 : 0;
        }
        assertTrue(agree >= 1_940 && agree < 2_000, agree + " of 2,000 agree with the truth");
        assertTrue(classes.size() >= 9, "classes seen: " + classes);
    }

    @Test
    void noRealLookingPhoneNumberOrEmail() {
        List<String> found = new ArrayList<>();
        for (Read t : tweets) {
            found.addAll(PrivacyScanTest.violations(t.text()));
            if (t.url() != null) {
                String host = t.url().replaceFirst("^https://", "").replaceFirst("/.*", "");
                if (!host.endsWith(".test") && !host.endsWith("example.com")) {
                    found.add("host " + host);
                }
            }
        }
        assertEquals(List.of(), found.subList(0, Math.min(10, found.size())));
    }
}
