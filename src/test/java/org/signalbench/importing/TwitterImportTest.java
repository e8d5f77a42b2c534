package org.signalbench.importing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.signalbench.importing.ImportFixtures.count;
import static org.signalbench.importing.ImportFixtures.importAll;
import static org.signalbench.importing.ImportFixtures.rowCounts;
import static org.signalbench.importing.ImportFixtures.string;
import static org.signalbench.importing.ImportFixtures.strings;
import static org.signalbench.importing.ImportFixtures.write;
import static org.signalbench.importing.ImportFixtures.writeXz;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.signalbench.store.Workbench;

class TwitterImportTest {
    @TempDir
    Path dir;

    static final String V1_SHORT = """
            {"created_at": "Wed Oct 10 20:19:24 +0000 2018", "id": 1050118621198921728, "id_str": "1050118621198921728",
             "text": "got xans 2mg bars, hit my kik #xanax https://t.co/abc", "truncated": false,
             "entities": {"hashtags": [{"text": "xanax", "indices": [30, 36]}],
                          "urls": [{"url": "https://t.co/abc", "expanded_url": "https://example.com/menu", "indices": [37, 53]}]},
             "user": {"id": 90210001, "id_str": "90210001", "screen_name": "bar_plug_555"}}""".replace("\n", "");
    static final String V1_EXTENDED = """
            {"created_at": "Thu Oct 11 08:00:00 +0000 2018", "id_str": "1050300000000000001",
             "text": "this is the truncated part of a long tweet about #oxy80s… https://t.co/xyz", "truncated": true,
             "extended_tweet": {"full_text": "this is the truncated part of a long tweet about #oxy80s and the rest that only extended_tweet holds, call 213-555-0142",
                                "entities": {"hashtags": [{"text": "oxy80s"}], "urls": [{"expanded_url": "https://example.com/long"}]}},
             "entities": {"hashtags": [], "urls": []},
             "user": {"id_str": "90210002", "screen_name": "long_talker_88"}}""".replace("\n", "");
    static final String V1_FULL_TEXT = """
            {"created_at": "Fri Oct 12 10:00:00 +0000 2018", "id_str": "1050300000000000002",
             "full_text": "full_text from tweet_mode=extended #lsd25", "text": "ignored",
             "user": {"id_str": "90210003", "screen_name": "tab_talk_13"}}""".replace("\n", "");

    @Test
    void readsApiV1StatusesAsJsonLinesInAHashtagFolder() throws Exception {
        Path file = write(dir.resolve("#xanax").resolve("stream.jsonl"), V1_SHORT + "\n" + V1_EXTENDED + "\n\n" + V1_FULL_TEXT + "\n");
        try (Workbench wb = Workbench.open(dir.resolve("wb.sqlite"))) {
            ImportReport report = importAll(wb, dir.resolve("#xanax"));
            assertEquals(List.of(), report.rejected());
            assertEquals(3, report.imported());

            String id = "1050118621198921728";
            assertEquals("got xans 2mg bars, hit my kik #xanax https://t.co/abc", string(wb, "SELECT caption FROM post WHERE external_id = ?", id));
            assertEquals("bar_plug_555", string(wb, "SELECT author FROM post WHERE external_id = ?", id));
            assertEquals("90210001", string(wb, "SELECT author_id FROM post WHERE external_id = ?", id));
            assertEquals("2018-10-10T20:19:24Z", string(wb, "SELECT posted_at FROM post WHERE external_id = ?", id));
            assertEquals("https://twitter.com/bar_plug_555/status/" + id, string(wb, "SELECT url FROM post WHERE external_id = ?", id));
            assertEquals("twitter", string(wb, "SELECT platform FROM post WHERE external_id = ?", id));
            assertEquals(List.of("https://example.com/menu"), strings(wb,
                    "SELECT l.url FROM post_link l JOIN post p ON p.id = l.post_id WHERE p.external_id = ?", id));
            assertEquals(3, count(wb, "SELECT COUNT(*) FROM post_collection WHERE search = '#xanax'"));

            assertTrue(string(wb, "SELECT caption FROM post WHERE external_id = '1050300000000000001'")
                    .endsWith("the rest that only extended_tweet holds, call 213-555-0142"));
            assertEquals(List.of("https://example.com/long"), strings(wb,
                    "SELECT l.url FROM post_link l JOIN post p ON p.id = l.post_id WHERE p.external_id = '1050300000000000001'"));
            assertEquals("full_text from tweet_mode=extended #lsd25",
                    string(wb, "SELECT caption FROM post WHERE external_id = '1050300000000000002'"));
            assertEquals(file.toAbsolutePath().toString(), string(wb, "SELECT source_file FROM post WHERE external_id = ?", id));
        }
    }

    @Test
    void readsApiV1StatusesAsAJsonArrayWithLineNumbersForBadElements() throws Exception {
        String array = "[\n" + V1_SHORT + ",\n" + "{\"id_str\": 12345, \"text\": \"wrong id type\"},\n" + V1_FULL_TEXT + "\n]\n";
        write(dir.resolve("tweets.json"), array);
        try (Workbench wb = Workbench.open(dir.resolve("wb.sqlite"))) {
            ImportReport report = importAll(wb, dir.resolve("tweets.json"));
            assertEquals(2, report.imported(), report.rejected().toString());
            assertEquals(1, report.rejected().size());
            Rejection r = report.rejected().get(0);
            assertEquals(3, r.line());
            assertEquals("field 'id_str' must be a string, found a number", r.reason());
            assertEquals(0, count(wb, "SELECT COUNT(*) FROM post_collection"), "no #folder, no matching rules");
        }
    }

    static final String V2_RESPONSE = """
            {"data": [
               {"id": "1580000000000000001", "text": "short text", "author_id": "3001", "created_at": "2022-10-12T01:02:03.000Z",
                "note_tweet": {"text": "the whole long note tweet text, far beyond 280 characters in real life, wickr me: tabs_by_mail_09"},
                "entities": {"urls": [{"url": "https://t.co/q", "expanded_url": "https://example.com/tabs"}]}},
               {"id": "1580000000000000002", "text": "plain v2 tweet #mdmapills", "author_id": "3002", "created_at": "2022-10-12T05:00:00Z"}
             ],
             "includes": {"users": [{"id": "3001", "username": "tabs_by_mail_09", "name": "Tabs"},
                                    {"id": "3002", "username": "molly_mail_77", "name": "M"}]},
             "matching_rules": [{"id": "1", "tag": "#mdmapills"}, {"id": "2", "tag": "lsd keywords"}]}""";

    @Test
    void readsApiV2ResponsesWithIncludedUsersAndMatchingRules() throws Exception {
        String single = """
                {"data": {"id": "1580000000000000003", "text": "stream tweet", "author_id": "3001", "created_at": "2022-10-13T00:00:00Z"}, "includes": {"users": [{"id": "3001", "username": "tabs_by_mail_09"}]}, "matching_rules": [{"id": "9", "tag": "#lsdtabs"}]}""";
        write(dir.resolve("v2.jsonl"), V2_RESPONSE.replace("\n", "") + "\n" + single + "\n");
        try (Workbench wb = Workbench.open(dir.resolve("wb.sqlite"))) {
            ImportReport report = importAll(wb, dir.resolve("v2.jsonl"));
            assertEquals(List.of(), report.rejected());
            assertEquals(3, report.imported());
            String id = "1580000000000000001";
            assertEquals("the whole long note tweet text, far beyond 280 characters in real life, wickr me: tabs_by_mail_09",
                    string(wb, "SELECT caption FROM post WHERE external_id = ?", id));
            assertEquals("tabs_by_mail_09", string(wb, "SELECT author FROM post WHERE external_id = ?", id));
            assertEquals("3001", string(wb, "SELECT author_id FROM post WHERE external_id = ?", id));
            assertEquals("2022-10-12T01:02:03Z", string(wb, "SELECT posted_at FROM post WHERE external_id = ?", id));
            assertEquals(List.of("#mdmapills", "lsd keywords"), strings(wb,
                    "SELECT c.search FROM post_collection c JOIN post p ON p.id = c.post_id WHERE p.external_id = ? ORDER BY c.search", id));
            assertEquals(List.of("https://example.com/tabs"), strings(wb,
                    "SELECT l.url FROM post_link l JOIN post p ON p.id = l.post_id WHERE p.external_id = ?", id));
            assertEquals("molly_mail_77", string(wb, "SELECT author FROM post WHERE external_id = '1580000000000000002'"));
            assertEquals(List.of("#lsdtabs"), strings(wb,
                    "SELECT c.search FROM post_collection c JOIN post p ON p.id = c.post_id WHERE p.external_id = '1580000000000000003'"));
        }
    }

    @Test
    void readsAPrettyPrintedV2SearchResponseAndXzFiles() throws Exception {
        write(dir.resolve("search.json"), V2_RESPONSE);
        writeXz(dir.resolve("more.jsonl.xz"), (V1_SHORT + "\n").getBytes(StandardCharsets.UTF_8));
        try (Workbench wb = Workbench.open(dir.resolve("wb.sqlite"))) {
            ImportReport report = importAll(wb, dir);
            assertEquals(List.of(), report.rejected());
            assertEquals(3, report.imported());
        }
    }

    @Test
    void aTweetSeenTwiceIsOnePostWithBothSearchesAndReimportChangesNothing() throws Exception {
        write(dir.resolve("#xanax").resolve("a.jsonl"), V1_SHORT + "\n");
        write(dir.resolve("#zanax").resolve("b.jsonl"), V1_SHORT + "\n" + V1_SHORT + "\n");
        try (Workbench wb = Workbench.open(dir.resolve("wb.sqlite"))) {
            ImportReport first = importAll(wb, dir);
            assertEquals(1, first.imported());
            assertEquals(2, first.duplicates());
            assertEquals(List.of("#xanax", "#zanax"), strings(wb, "SELECT search FROM post_collection ORDER BY search"));
            Map<String, Long> before = rowCounts(wb);
            ImportReport second = importAll(wb, dir);
            assertEquals(0, second.imported());
            assertEquals(3, second.duplicates());
            Map<String, Long> after = rowCounts(wb);
            ImportFixtures.assertOnlyTheRunLogGrew(before, after);
        }
    }

    @Test
    void anApiErrorResponseIsReportedAndAnEmptyPageIsNot() throws Exception {
        write(dir.resolve("pages.jsonl"), """
                {"errors": [{"title": "Too Many Requests", "detail": "Too Many Requests", "type": "about:blank"}]}
                {"meta": {"result_count": 0}}
                """ + V1_SHORT + "\n");
        try (Workbench wb = Workbench.open(dir.resolve("wb.sqlite"))) {
            ImportReport report = importAll(wb, dir.resolve("pages.jsonl"));
            assertEquals(1, report.imported());
            assertEquals(1, report.rejected().size());
            assertEquals(1, report.rejected().get(0).line());
            assertEquals("an API error response, not tweets: Too Many Requests", report.rejected().get(0).reason());
        }
    }

    @Test
    void aBrokenPrettyPrintedDocumentIsOneRejectionAndABadFirstLineOnlyThatLine() throws Exception {
        write(dir.resolve("a/search.json"), V2_RESPONSE.substring(0, V2_RESPONSE.length() - 40));
        write(dir.resolve("b/stream.jsonl"), "{\"id_str\": \"1\", \"text\": \"cut\n" + V1_SHORT + "\n");
        try (Workbench wb = Workbench.open(dir.resolve("wb.sqlite"))) {
            ImportReport report = importAll(wb, dir.resolve("a"));
            assertEquals(0, report.imported());
            assertEquals(1, report.rejected().size(), report.rejected().toString());
            assertTrue(report.rejected().get(0).reason().startsWith("truncated JSON"), report.rejected().toString());

            ImportReport lines = importAll(wb, dir.resolve("b"));
            assertEquals(1, lines.imported());
            assertEquals(1, lines.rejected().size(), lines.rejected().toString());
            assertEquals(1, lines.rejected().get(0).line());
        }
    }
}
