package org.signalbench.importing;

import org.signalbench.testing.Labelling;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.signalbench.importing.ImportFixtures.count;
import static org.signalbench.importing.ImportFixtures.importAll;
import static org.signalbench.importing.ImportFixtures.rows;
import static org.signalbench.importing.ImportFixtures.string;
import static org.signalbench.importing.ImportFixtures.strings;
import static org.signalbench.importing.ImportFixtures.write;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.signalbench.jobs.JobContext;
import org.signalbench.store.Workbench;

/** Stream captures, twarc2 output, ID-only datasets and the tweet fields kept per tweet. */
class TwitterFormatsImportTest {
    @TempDir
    Path dir;

    private static final String ORIGINAL = """
            {"created_at": "Wed Nov 15 10:00:00 +0000 2017", "id_str": "931000000000000001", "lang": "en",
             "full_text": "Buy oxycodone online, free shipping https://t.co/aaa",
             "entities": {"urls": [{"url": "https://t.co/aaa", "expanded_url": "https://rx-shop.example.com/oxy"}]},
             "user": {"id_str": "700001", "screen_name": "rx_shop_555", "created_at": "Sun Nov 20 08:00:00 +0000 2016",
                      "statuses_count": 120345, "followers_count": 80}}""".replace("\n", "");
    /** A v1.1 retweet: its own text is cut, the retweeted status holds it whole. */
    private static final String RETWEET = """
            {"created_at": "Thu Nov 16 11:00:00 +0000 2017", "id_str": "931000000000000002", "lang": "en",
             "text": "RT @rx_shop_555: Buy oxycodone online, free shipp…",
             "retweeted_status": {"created_at": "Wed Nov 15 10:00:00 +0000 2017", "id_str": "931000000000000001",
                "full_text": "Buy oxycodone online, free shipping https://t.co/aaa",
                "entities": {"urls": [{"url": "https://t.co/aaa", "expanded_url": "https://rx-shop.example.com/oxy"}]},
                "user": {"id_str": "700001", "screen_name": "rx_shop_555"}},
             "user": {"id_str": "700002", "screen_name": "pill_fan_77", "statuses_count": 12, "followers_count": 3}}""".replace("\n", "");
    private static final String REPLY_AND_QUOTE = """
            {"created_at": "Fri Nov 17 12:00:00 +0000 2017", "id_str": "931000000000000003", "lang": "es",
             "text": "no way", "in_reply_to_status_id_str": "931000000000000001", "quoted_status_id_str": "931000000000000009",
             "user": {"id_str": "700003", "screen_name": "someone_else"}}""".replace("\n", "");

    @Test
    void aStreamCaptureSkipsAndCountsDeleteAndLimitNoticesAndKeepsTweetFields() throws Exception {
        Path file = write(dir.resolve("capture.jsonl"), String.join("\n",
                ORIGINAL,
                "{\"delete\":{\"status\":{\"id\":930999999999999999,\"id_str\":\"930999999999999999\",\"user_id\":5,\"user_id_str\":\"5\"},\"timestamp_ms\":\"1510740000000\"}}",
                RETWEET,
                "{\"limit\":{\"track\":42,\"timestamp_ms\":\"1510740000001\"}}",
                "{\"limit\":{\"track\":57,\"timestamp_ms\":\"1510740000002\"}}",
                REPLY_AND_QUOTE,
                "{\"not\": \"a tweet\"}") + "\n");
        try (Workbench wb = Workbench.open(dir.resolve("wb.sqlite"))) {
            ImportReport report = importAll(wb, file);
            assertEquals(3, report.imported(), report.rejected().toString());
            assertEquals(Map.of("delete", 1, "limit", 2), report.skipped());
            assertEquals(1, report.rejected().size(), "only the line that is neither a tweet nor a notice");
            assertEquals(7, report.rejected().get(0).line());

            // The retweet: the whole text of the retweeted status, its link, and the reference.
            assertEquals("RT @rx_shop_555: Buy oxycodone online, free shipping https://t.co/aaa",
                    string(wb, "SELECT caption FROM post WHERE external_id = '931000000000000002'"));
            assertEquals(List.of(List.of("en", 1, "931000000000000001", "700002")), rows(wb,
                    "SELECT t.lang, t.text_available, t.retweet_of, t.account_id FROM tweet t JOIN post p ON p.id = t.post_id "
                            + "WHERE p.external_id = '931000000000000002'"));
            assertEquals(List.of("https://rx-shop.example.com/oxy"), strings(wb, "SELECT l.url FROM post_link l "
                    + "JOIN post p ON p.id = l.post_id WHERE p.external_id = '931000000000000002'"));
            assertEquals(List.of(List.of("es", "931000000000000001", "931000000000000009")), rows(wb,
                    "SELECT t.lang, t.reply_to, t.quote_of FROM tweet t JOIN post p ON p.id = t.post_id "
                            + "WHERE p.external_id = '931000000000000003'"));
            // The account as its own tweet showed it; the retweeted copy without figures changes nothing.
            assertEquals(List.of(List.of("rx_shop_555", "2016-11-20T08:00:00Z", 120345, 80)), rows(wb,
                    "SELECT handle, created_at, tweet_count, followers FROM twitter_account WHERE account_id = '700001'"));
            assertEquals(3, count(wb, "SELECT COUNT(*) FROM twitter_account"));
        }
    }

    private static final String V2_PAGE = """
            {"data": [
               {"id": "1600000000000000002", "text": "RT @long_writer: the first part of a long…", "author_id": "800002",
                "created_at": "2022-12-06T10:00:00.000Z", "lang": "en",
                "referenced_tweets": [{"type": "retweeted", "id": "1600000000000000001"}]},
               {"id": "1600000000000000003", "text": "see https://t.co/bbb", "author_id": "800001",
                "created_at": "2022-12-06T11:00:00.000Z", "lang": "en",
                "entities": {"urls": [{"url": "https://t.co/bbb", "expanded_url": "https://bit.example.com/x1",
                             "unwound_url": "https://pharmacy-one.test/oxycodone", "status": 200}]},
                "referenced_tweets": [{"type": "replied_to", "id": "1600000000000000001"}]}],
             "includes": {
               "users": [{"id": "800001", "username": "long_writer", "created_at": "2015-01-02T03:04:05.000Z",
                          "public_metrics": {"followers_count": 1500, "tweet_count": 9000}},
                         {"id": "800002", "username": "rt_bot_01", "public_metrics": {"followers_count": 2, "tweet_count": 5}}],
               "tweets": [{"id": "1600000000000000001", "author_id": "800001", "text": "the first part of a long…",
                           "note_tweet": {"text": "the first part of a long tweet and all the rest, over 280 characters in the real thing",
                                          "entities": {"urls": [{"expanded_url": "https://blog.example.com/long"}]}}}]},
             "meta": {"result_count": 2},
             "__twarc": {"url": "https://api.twitter.com/2/tweets/search/all", "version": "2.12.0", "retrieved_at": "2022-12-07T00:00:00+00:00"}}
            """.replace("\n", "");

    @Test
    void twarc2PagesUseIncludedUsersAndTweetsNoteTweetAndUnwoundUrls() throws Exception {
        Path file = write(dir.resolve("twarc2-search.jsonl"), V2_PAGE + "\n" + V2_PAGE + "\n");
        try (Workbench wb = Workbench.open(dir.resolve("wb.sqlite"))) {
            ImportReport report = importAll(wb, file);
            assertEquals(List.of(), report.rejected());
            assertEquals(2, report.imported());
            assertEquals(2, report.duplicates(), "the second page repeats the first");
            assertEquals("RT @long_writer: the first part of a long tweet and all the rest, over 280 characters in the real thing",
                    string(wb, "SELECT caption FROM post WHERE external_id = '1600000000000000002'"));
            assertEquals("rt_bot_01", string(wb, "SELECT author FROM post WHERE external_id = '1600000000000000002'"));
            assertEquals(List.of("https://blog.example.com/long"), strings(wb, "SELECT l.url FROM post_link l "
                    + "JOIN post p ON p.id = l.post_id WHERE p.external_id = '1600000000000000002'"));
            assertEquals(List.of(List.of("https://bit.example.com/x1", "https://pharmacy-one.test/oxycodone", 200)), rows(wb,
                    "SELECT u.expanded_url, u.unwound_url, u.http_status FROM tweet_url u JOIN post p ON p.id = u.post_id "
                            + "WHERE p.external_id = '1600000000000000003'"));
            assertEquals("1600000000000000001", string(wb, "SELECT t.reply_to FROM tweet t JOIN post p ON p.id = t.post_id "
                    + "WHERE p.external_id = '1600000000000000003'"));
            assertEquals(List.of(List.of("long_writer", "2015-01-02T03:04:05Z", 9000, 1500)), rows(wb,
                    "SELECT handle, created_at, tweet_count, followers FROM twitter_account WHERE account_id = '800001'"));
        }
    }

    @Test
    void twarc2FlattenedTweetsCarryTheirAuthorAndReferencedTweetsInline() throws Exception {
        String flat = """
                {"id": "1600000000000000005", "text": "RT @long_writer: cut…", "author_id": "800003",
                 "created_at": "2022-12-06T12:00:00.000Z", "lang": "en",
                 "author": {"id": "800003", "username": "flat_fan", "created_at": "2020-05-05T00:00:00.000Z",
                            "public_metrics": {"followers_count": 7, "tweet_count": 70}},
                 "referenced_tweets": [{"type": "retweeted", "id": "1600000000000000001", "author_id": "800001",
                     "author": {"id": "800001", "username": "long_writer"},
                     "text": "cut…", "note_tweet": {"text": "the whole note tweet text"},
                     "entities": {"urls": [{"expanded_url": "https://shop.example.com/a", "unwound_url": "https://shop.example.com/b", "status": 404}]}}],
                 "__twarc": {"url": "https://api.twitter.com/2/tweets/search/recent", "version": "2.12.0"}}
                """.replace("\n", "");
        Path file = write(dir.resolve("flat.jsonl"), flat + "\n");
        try (Workbench wb = Workbench.open(dir.resolve("wb.sqlite"))) {
            ImportReport report = importAll(wb, file);
            assertEquals(List.of(), report.rejected());
            assertEquals(1, report.imported());
            assertEquals("RT @long_writer: the whole note tweet text", string(wb, "SELECT caption FROM post"));
            assertEquals("flat_fan", string(wb, "SELECT author FROM post"));
            assertEquals(List.of(List.of("1600000000000000001", "800003")), rows(wb, "SELECT retweet_of, account_id FROM tweet"));
            assertEquals(List.of(List.of("https://shop.example.com/a", "https://shop.example.com/b", 404)),
                    rows(wb, "SELECT expanded_url, unwound_url, http_status FROM tweet_url"));
            assertEquals(List.of(List.of("flat_fan", 70, 7)), rows(wb, "SELECT handle, tweet_count, followers FROM twitter_account"));
        }
    }

    @Test
    void idOnlyDatasetsImportAsTextUnavailableAndTheTextFillsInLater() throws Exception {
        write(dir.resolve("ids/dataset.txt"), "tweet_id\n931000000000000001\n931000000000000077\n\nnot-an-id\n");
        write(dir.resolve("ids/more.csv"), "\"id\"\r\n931000000000000078\r\n");
        write(dir.resolve("ids/lines.jsonl"), "931000000000000079\n\"931000000000000080\"\n");
        write(dir.resolve("ids/notes.txt"), "collected by the team in November 2017\n");
        try (Workbench wb = Workbench.open(dir.resolve("wb.sqlite"))) {
            ImportReport report = importAll(wb, dir.resolve("ids"));
            assertEquals(5, report.imported(), report.rejected().toString());
            assertEquals(1, report.rejected().size(), "notes.txt is not data; the bad line of dataset.txt is refused");
            assertTrue(report.rejected().get(0).toString().endsWith("dataset.txt:5: not a tweet id (1 to 20 digits): 'not-an-id'"),
                    report.rejected().get(0).toString());
            assertEquals(5, count(wb, "SELECT COUNT(*) FROM tweet WHERE text_available = 0"));
            assertEquals(5, count(wb, "SELECT COUNT(*) FROM post WHERE caption = '' AND author IS NULL"));

            // Hydrated later: the stored id-only tweet gets its text, author and fields.
            ImportReport hydrated = importAll(wb, write(dir.resolve("hydrated.jsonl"), ORIGINAL + "\n"));
            assertEquals(List.of(), hydrated.rejected());
            assertEquals("Buy oxycodone online, free shipping https://t.co/aaa",
                    string(wb, "SELECT caption FROM post WHERE external_id = '931000000000000001'"));
            assertEquals(List.of(List.of(1, "700001")), rows(wb, "SELECT t.text_available, t.account_id FROM tweet t "
                    + "JOIN post p ON p.id = t.post_id WHERE p.external_id = '931000000000000001'"));
            assertEquals(1, count(wb, "SELECT COUNT(*) FROM post_link"));
            assertEquals(4, count(wb, "SELECT COUNT(*) FROM tweet WHERE text_available = 0"));
        }
    }

    @Test
    void v2NoteTweetAndUnwoundUrlOnABareTweet() throws Exception {
        String tweet = """
                {"id": "1600000000000000010", "text": "short…", "author_id": "800010", "lang": "en",
                 "note_tweet": {"text": "the long text of a note tweet #percocet",
                                "entities": {"urls": [{"expanded_url": "https://x.example.com/a", "unwound_url": "https://y.example.com/b", "status": 301}]}}}
                """.replace("\n", "");
        Path file = write(dir.resolve("bare.jsonl"), tweet + "\n");
        try (Workbench wb = Workbench.open(dir.resolve("wb.sqlite"))) {
            ImportReport report = importAll(wb, file);
            assertEquals(List.of(), report.rejected());
            assertEquals("the long text of a note tweet #percocet", string(wb, "SELECT caption FROM post"));
            assertEquals(List.of(List.of("https://x.example.com/a", "https://y.example.com/b", 301)),
                    rows(wb, "SELECT expanded_url, unwound_url, http_status FROM tweet_url"));
            assertEquals(List.of("https://x.example.com/a"), strings(wb, "SELECT url FROM post_link"));
        }
    }

    @Test
    void theSampleFilesOfEveryFormImportWithoutRefusals() throws Exception {
        Path samples = Path.of("sample-data/twitter");
        try (Workbench wb = Workbench.open(dir.resolve("wb.sqlite"))) {
            ImportReport report = importAll(wb, samples);
            assertEquals(List.of(), report.rejected());
            assertEquals(Map.of("delete", 2, "limit", 1), report.skipped());
            assertEquals(80, report.imported() + report.duplicates());
            assertEquals(count(wb, "SELECT COUNT(*) FROM post"), count(wb, "SELECT COUNT(*) FROM tweet"));
            assertEquals(3, count(wb, "SELECT COUNT(*) FROM tweet WHERE retweet_of IS NOT NULL"),
                    "one retweet in the stream capture, one on each twarc2 page");
            assertEquals(0, count(wb, "SELECT COUNT(*) FROM post p JOIN tweet t ON t.post_id = p.id "
                    + "WHERE t.retweet_of IS NOT NULL AND p.caption LIKE '%…'"), "retweets keep the whole text");
            assertTrue(count(wb, "SELECT COUNT(*) FROM twitter_account WHERE tweet_count IS NOT NULL AND created_at IS NOT NULL") >= 30);
            assertTrue(count(wb, "SELECT COUNT(*) FROM tweet_url WHERE unwound_url IS NOT NULL AND http_status = 200") > 0);
        }
    }

    @Test
    void aLargeCaptureReportsProgressWhileItIsRead() throws Exception {
        StringBuilder capture = new StringBuilder();
        for (int i = 0; i < 10_000; i++) {
            capture.append("{\"id_str\": \"").append(1_000_000 + i).append("\", \"full_text\": \"codeine ").append(i)
                    .append("\", \"lang\": \"en\"}\n");
        }
        Path file = write(dir.resolve("big.jsonl"), capture.toString());
        List<Long> reported = new ArrayList<>();
        long[] total = {0};
        try (Workbench wb = Workbench.open(dir.resolve("wb.sqlite"))) {
            ImportReport report = new ImportService(wb, org.signalbench.testing.Labelling.CODEBOOK).run(List.of(file), null, new JobContext() {
                @Override
                public void progress(long done, long all, String message) {
                    reported.add(done);
                    total[0] = all;
                }

                @Override
                public boolean isCancelled() {
                    return false;
                }
            });
            assertEquals(10_000, report.imported());
        }
        long inBetween = reported.stream().filter(done -> done > 0 && done < total[0]).count();
        assertTrue(inBetween >= 3, "progress inside the one file: " + reported);
    }
}
