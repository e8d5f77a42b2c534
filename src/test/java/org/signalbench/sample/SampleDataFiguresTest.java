package org.signalbench.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The committed sample-data/ reproduces the published Instagram study's figures. */
class SampleDataFiguresTest {
    private static SampleFiles sample;
    private static List<String> dealers;

    @BeforeAll
    static void read() throws IOException {
        sample = new SampleFiles(SampleFiles.COMMITTED);
        dealers = new ArrayList<>();
        for (String id : sample.order) {
            String dealer = sample.finalValue(id, "dealer");
            assertNotNull(dealer, "post " + id + " has no settled dealer label");
            if (dealer.equals("yes")) {
                dealers.add(id);
            }
        }
    }

    private static String caption(String id) {
        return sample.posts.get(id).path("caption").asText("");
    }

    @Test
    void postsAccountsAndCollectionWindow() {
        assertEquals(12_857, sample.posts.size());
        assertEquals(1_228, dealers.size());
        Set<String> accounts = new HashSet<>();
        for (String id : dealers) {
            accounts.add(sample.posts.get(id).get("author").asText());
        }
        assertEquals(267, accounts.size());
        Instant from = Instant.parse("2018-07-19T00:00:00Z");
        Instant to = Instant.parse("2018-10-19T00:00:00Z");
        for (JsonNode p : sample.posts.values()) {
            Instant at = Instant.parse(p.get("postedAt").asText());
            assertTrue(!at.isBefore(from) && at.isBefore(to), "postedAt outside the window: " + p.get("externalId"));
            assertEquals("instagram", p.get("platform").asText());
            assertFalse(p.get("collectedUnder").isEmpty(), "collected under no search: " + p.get("externalId"));
        }
    }

    @Test
    void dealersWithoutHashtagsWereFoundThroughTheOwnersFirstComment() {
        int withoutTags = 0;
        for (String id : dealers) {
            JsonNode p = sample.posts.get(id);
            if (SampleFiles.hashtags(caption(id)).isEmpty()) {
                withoutTags++;
                JsonNode first = p.get("comments").get(0);
                assertEquals(p.get("author").asText(), first.get("author").asText());
                Set<String> commentTags = SampleFiles.hashtags(first.get("text").asText());
                for (JsonNode search : p.get("collectedUnder")) {
                    assertTrue(commentTags.contains(search.asText().substring(1)), id + " " + search);
                }
            }
        }
        assertEquals(32, withoutTags);
    }

    @Test
    void table2OverDealerCaptions() throws IOException {
        Map<String, Integer> expected = new LinkedHashMap<>();
        expected.put("xanax", 802);
        expected.put("xanaxfamily", 530);
        expected.put("2mgxanax", 321);
        expected.put("zanax", 112);
        expected.put("greenxanax", 84);
        expected.put("oxycodine", 261);
        expected.put("oxy80s", 213);
        expected.put("oxycontin", 215);
        expected.put("oxicotin", 233);
        expected.put("oxycodone", 212);
        expected.put("lsd25", 138);
        expected.put("lsdtabs", 130);
        expected.put("mdmapills", 50);
        expected.put("mdmaforsale", 21);
        expected.put("mdmazing", 40);
        expected.put("mdmaonline", 21);
        Map<String, Integer> unionExpected = Map.of("Xanax", 1078, "Oxycodone", 321, "LSD", 213, "MDMA", 94);

        JsonNode lexicon = SampleFiles.MAPPER.readTree(Files.readString(
                java.nio.file.Path.of("resources/lexicons/drug-hashtags.json")));
        Map<String, Integer> counts = new HashMap<>();
        Map<String, Integer> unions = new HashMap<>();
        int hashtagged = 0;
        for (String id : dealers) {
            Set<String> tags = SampleFiles.hashtags(caption(id));
            if (tags.isEmpty()) {
                continue;
            }
            hashtagged++;
            boolean anyDrugTag = false;
            for (JsonNode group : lexicon.get("groups")) {
                boolean inGroup = false;
                for (JsonNode tag : group.get("hashtags")) {
                    if (tags.contains(tag.asText())) {
                        counts.merge(tag.asText(), 1, Integer::sum);
                        inGroup = true;
                    }
                }
                if (inGroup) {
                    unions.merge(group.get("drug").asText(), 1, Integer::sum);
                    anyDrugTag = true;
                }
            }
            assertTrue(anyDrugTag, "hashtagged dealer post without a drug hashtag: " + id);
        }
        assertEquals(1_196, hashtagged);
        Map<String, Integer> actual = new LinkedHashMap<>();
        for (String tag : expected.keySet()) {
            actual.put(tag, counts.getOrDefault(tag, 0));
        }
        assertEquals(expected, actual);
        assertEquals(unionExpected, unions);
        boolean mixedCase = dealers.stream().anyMatch(id -> caption(id).contains("#Xanax") || caption(id).contains("#XANAX"));
        assertTrue(mixedCase, "some dealer posts write hashtags in mixed case");
    }

    @Test
    void contactChannelsAreCodedAndWrittenInTheText() {
        Map<String, Integer> counts = new HashMap<>();
        for (String id : dealers) {
            String channels = sample.finalValue(id, "channels");
            assertNotNull(channels, "dealer post without settled channels: " + id);
            String text = caption(id).toLowerCase(Locale.ROOT);
            for (String c : channels.split(",")) {
                counts.merge(c, 1, Integer::sum);
                if (List.of("wickr", "telegram", "kik", "whatsapp").contains(c)) {
                    assertTrue(text.contains(c), id + " is coded " + c + " but its caption does not say so");
                }
            }
            for (String app : List.of("wickr", "telegram", "kik", "whatsapp")) {
                if (text.contains(app)) {
                    assertTrue(channels.contains(app), id + " names " + app + " but is not coded so");
                }
            }
        }
        assertEquals(445, counts.get("wickr"));
        assertEquals(245, counts.get("telegram"));
        assertEquals(225, counts.get("kik"));
        assertEquals(188, counts.get("whatsapp"));
        assertTrue(counts.getOrDefault("phone", 0) > 0 && counts.getOrDefault("email", 0) > 0);
    }

    @Test
    void exchangesInComments() {
        int exchanges = 0;
        for (String id : dealers) {
            String exchange = sample.finalValue(id, "exchange");
            assertNotNull(exchange, "dealer post without a settled exchange label: " + id);
            if (exchange.equals("yes")) {
                exchanges++;
                JsonNode comments = sample.posts.get(id).get("comments");
                String author = sample.posts.get(id).get("author").asText();
                boolean sellerAnswers = false;
                boolean someoneAsks = false;
                for (JsonNode c : comments) {
                    String t = c.get("text").asText().toLowerCase(Locale.ROOT);
                    sellerAnswers |= c.get("author").asText().equals(author) && t.startsWith("@");
                    someoneAsks |= !c.get("author").asText().equals(author)
                            && (t.contains("how much") || t.contains("price") || t.contains("?") || t.contains("need") || t.contains("can i get"));
                }
                assertTrue(sellerAnswers && someoneAsks, "exchange post without an exchange in its comments: " + id);
            }
        }
        assertEquals(232, exchanges);
    }

    @Test
    void imagesOnDealerPosts() {
        Map<String, Integer> categories = new HashMap<>();
        int withImage = 0;
        int notes = 0;
        for (String id : dealers) {
            JsonNode media = sample.posts.get(id).get("media");
            if (media.isEmpty()) {
                continue;
            }
            withImage++;
            assertEquals(1, media.size(), "dealer post with several images: " + id);
            assertTrue(Files.isRegularFile(sample.root.resolve("instagram-study").resolve(media.get(0).asText())));
            categories.merge(sample.finalValue(id, "image_category"), 1, Integer::sum);
            if ("yes".equals(sample.finalValue(id, "image_contact_note"))) {
                notes++;
            }
        }
        assertEquals(260, withImage);
        assertEquals(Map.of("rx_only", 175, "illicit_only", 60, "both", 15, "unclassifiable", 5, "unrelated", 5), categories);
        assertEquals(60, notes);
        long otherPostsWithSeveral = sample.order.stream()
                .filter(id -> !dealers.contains(id) && sample.posts.get(id).get("media").size() > 1).count();
        assertTrue(otherPostsWithSeveral > 20, "some other posts have 2-3 images");
    }

    @Test
    void codersAgreeWithKappaNear098AndTheExpertSettlesEveryDisagreement() {
        int yesYes = 0;
        int yesNo = 0;
        int noYes = 0;
        int noNo = 0;
        for (String id : sample.order) {
            String a = SampleFiles.value(sample.coderA, id, "dealer");
            String b = SampleFiles.value(sample.coderB, id, "dealer");
            assertNotNull(a, "coder A did not label " + id);
            assertNotNull(b, "coder B did not label " + id);
            boolean ya = a.equals("yes");
            boolean yb = b.equals("yes");
            if (ya && yb) {
                yesYes++;
            } else if (ya) {
                yesNo++;
            } else if (yb) {
                noYes++;
            } else {
                noNo++;
            }
            if (ya != yb) {
                JsonNode settled = sample.expert.get(id).get("dealer");
                assertFalse(settled.get("reason").asText("").isBlank(), "settlement without a reason: " + id);
            }
        }
        double n = sample.order.size();
        double observed = (yesYes + noNo) / n;
        double pa = (yesYes + yesNo) / n;
        double pb = (yesYes + noYes) / n;
        double chance = pa * pb + (1 - pa) * (1 - pb);
        double kappa = (observed - chance) / (1 - chance);
        int disagreements = yesNo + noYes;
        assertTrue(disagreements >= 40 && disagreements <= 50, "disagreements: " + disagreements);
        assertTrue(kappa > 0.975 && kappa < 0.985, "kappa " + kappa);
        assertEquals(disagreements, sample.expert.size(), "the expert answers exactly the disagreements");
    }

    @Test
    void codersAnswerImageQuestionsForEveryPostWithImagesAndAgreeOnThem() {
        for (String id : sample.order) {
            boolean hasMedia = !sample.posts.get(id).get("media").isEmpty();
            for (String q : List.of("image_category", "image_contact_note")) {
                String a = SampleFiles.value(sample.coderA, id, q);
                String b = SampleFiles.value(sample.coderB, id, q);
                assertEquals(hasMedia, a != null, id + " " + q);
                assertEquals(a, b, id + " " + q);
            }
        }
    }

    @Test
    void answerTimesFallInOctoberAndNovember2018InDailyBatches() {
        Set<String> days = new HashSet<>();
        for (var answers : List.of(sample.coderA, sample.coderB, sample.expert)) {
            for (var byQuestion : answers.values()) {
                for (JsonNode a : byQuestion.values()) {
                    String at = a.get("at").asText();
                    assertTrue(at.startsWith("2018-10") || at.startsWith("2018-11"), at);
                    days.add(at.substring(0, 10));
                }
            }
        }
        assertTrue(days.size() > 30, "answers spread over " + days.size() + " days");
    }

    @Test
    void twitterSamples() throws IOException {
        Set<String> ids = new HashSet<>();
        List<String> v1 = Files.readAllLines(sample.root.resolve("twitter/tweets-v1.jsonl"));
        List<String> v2 = Files.readAllLines(sample.root.resolve("twitter/tweets-v2.jsonl"));
        assertEquals(25, v1.size());
        assertEquals(25, v2.size());
        for (String line : v1) {
            JsonNode t = SampleFiles.MAPPER.readTree(line);
            assertTrue(t.has("full_text") || t.has("text"));
            assertTrue(t.get("created_at").asText().matches("\\w{3} \\w{3} \\d\\d \\d\\d:\\d\\d:\\d\\d \\+0000 2018"));
            assertTrue(t.path("user").has("screen_name"));
            assertTrue(ids.add(t.get("id_str").asText()));
        }
        for (String line : v2) {
            JsonNode t = SampleFiles.MAPPER.readTree(line);
            String author = t.get("data").get("author_id").asText();
            assertEquals(author, t.get("includes").get("users").get(0).get("id").asText());
            assertTrue(t.get("matching_rules").get(0).get("tag").asText().startsWith("#"));
            assertTrue(ids.add(t.get("data").get("id").asText()));
        }
    }

    @Test
    void captionsHaveTheVarietyOfRealPosts() {
        Set<String> words = new HashSet<>();
        int withEmoji = 0;
        for (String id : sample.order) {
            String c = caption(id);
            for (String w : c.toLowerCase(Locale.ROOT).replaceAll("#\\w+|@[\\w.]+|https?://\\S+", " ").split("[^\\p{L}']+")) {
                if (w.length() > 1) {
                    words.add(w);
                }
            }
            if (c.codePoints().anyMatch(cp -> Character.getType(cp) == Character.OTHER_SYMBOL)) {
                withEmoji++;
            }
        }
        assertTrue(words.size() >= 10_000, "distinct caption words: " + words.size());
        assertTrue(withEmoji > sample.order.size() / 5, "captions with emoji: " + withEmoji);
    }

    @Test
    void someDealerPostsHideTheOfferInTheOwnersCommentAndSomeOtherPostsLookLikeDealers() {
        List<String> drugWords = List.of("xan", "bars", "oxy", "perc", "roxy", "lsd", "tabs", "acid", "molly", "mdma", "pills");
        int hidden = 0;
        for (String id : dealers) {
            String text = caption(id).toLowerCase(Locale.ROOT).replaceAll("#\\w+", " ");
            if (drugWords.stream().noneMatch(text::contains)) {
                String author = sample.posts.get(id).get("author").asText();
                for (JsonNode c : sample.posts.get(id).get("comments")) {
                    String t = c.get("text").asText().toLowerCase(Locale.ROOT);
                    if (c.get("author").asText().equals(author) && !t.startsWith("#") && !t.startsWith("@")) {
                        hidden++;
                        break;
                    }
                }
            }
        }
        assertTrue(hidden > dealers.size() / 10, "dealer posts whose caption names no drug, offer in a comment: " + hidden);
        long buyers = sample.order.stream().filter(id -> !dealers.contains(id))
                .filter(id -> caption(id).matches("(?s).*\\b(who got|anyone selling|looking for a legit plug|need \\S+ for the weekend).*"))
                .count();
        assertTrue(buyers > 100, "non-dealer posts asking to buy: " + buyers);
    }
}
