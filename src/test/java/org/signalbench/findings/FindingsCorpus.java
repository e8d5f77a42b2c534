package org.signalbench.findings;

import org.signalbench.testing.Labelling;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.signalbench.testing.TestWorkbenches.insertPost;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import org.signalbench.importing.Rejection;

/**
 * A small workbench whose every finding is known by hand (the counts are worked out in
 * FindingsTest): five dealer posts from three accounts, two non-dealer posts, one disputed post
 * and an unlabelled tweet.
 */
final class FindingsCorpus {
    private FindingsCorpus() {
    }

    static final DrugLexicon DRUGS = new DrugLexicon(List.of(
            new DrugLexicon.Group("Xanax", List.of("xanax", "2mgxanax", "xanaxfamily")),
            new DrugLexicon.Group("LSD", List.of("lsd25", "#LSDtabs")),
            new DrugLexicon.Group("MDMA", List.of("mdmapills"))));
    static final HashtagCategories CATEGORIES = new HashtagCategories(List.of(
            new HashtagCategories.Category("Drug names", List.of("xanax", "mdma")),
            new HashtagCategories.Category("Code words", List.of("percs", "oxy")),
            new HashtagCategories.Category("Sale words", List.of("forsale"))));
    static final DrugKeywords KEYWORDS = new DrugKeywords(List.of("xan", "oxy", "perc", "molly", "lsd", "mdma"));

    static Lexicons lexicons() {
        return new Lexicons(DRUGS, CATEGORIES, ContactPatterns.load(), ExchangePatterns.load(), KEYWORDS);
    }

    private static String answer(String id, String values) {
        return "{\"platform\": \"instagram\", \"externalId\": \"" + id + "\", \"at\": \"2018-11-02T09:00:00Z\", \"values\": {" + values + "}}";
    }

    private static Path coderFile(Path dir, String name, String role, String... answers) throws Exception {
        Path f = dir.resolve(name + ".json");
        Files.writeString(f, "{\"format\": \"signalbench-coder-file\", \"version\": 1, \"coder\": {\"name\": \"" + name
                + "\", \"role\": \"" + role + "\"}, \"answers\": [" + String.join(",\n", answers) + "]}");
        return f;
    }

    static void build(Connection c, Path dir) throws Exception {
        long d1 = post(c, "D1", "plug_one", "2018-08-01T10:00:00Z",
                "#Xanax #2mgxanax #XANAX bars 💊 wickr: plug_one44 #xanaxfamily #oxy #percs #plugs");
        long d2 = post(c, "D2", "plug_one", "2018-08-15T10:00:00Z",
                "#lsd25 #LSDtabs tabs ready, text 213-555-0142 #oxy #xanaxfamily #mollyplug #plugs");
        long d3 = post(c, "D3", "plug_two", "2018-08-02T10:00:00Z", "no tags here, kik me plug_two_x and telegram @plug2");
        long d4 = post(c, "D4", "plug_three", "2018-08-03T10:00:00Z",
                "#mdmapills molly caps 💎 whatsapp +1 213 555 0199, orders: plug_three@example.com #oxy #percs");
        post(c, "D5", "plug_two", "2018-08-04T23:30:00Z", "#XANAXFAMILY back in stock, call/text (213) 555-0101");
        long n1 = post(c, "N1", "sober_sam", "2018-08-01T10:00:00Z", "#xanax ruined my year, 90 days clean #oxy");
        long n2 = post(c, "N2", "kicks_kid", "2018-08-01T10:00:00Z", "kik off the season 👟 sizes 7-13 $555 dollars #xanaxfamily");
        long x1 = post(c, "X1", "plug_four", "2018-08-01T10:00:00Z", "#xanax #percs maybe, wickr: plug_four");
        insertPost(c, "twitter", "1001", "news_desk", "Overdoses rise #oxycodone #oxy");

        comment(c, d1, 0, "buyer_bob", "how much for 20 bars");
        comment(c, d1, 1, "plug_one", "@buyer_bob dm'd you");
        comment(c, d2, 0, "fan_1", "🔥");
        comment(c, d3, 0, "buyer_c", "how much?"); // coded as an exchange, but the owner never answers here
        comment(c, d4, 0, "plug_three", "#mollyplug #mdma");
        comment(c, d4, 1, "buyer_d", "price for 10 caps?");
        comment(c, d4, 2, "plug_three", "@buyer_d check ur dm"); // an exchange the coders did not code
        comment(c, n1, 0, "troll", "#percs lol"); // not the owner's: not a hashtag of the post
        comment(c, x1, 0, "buyer_e", "how much");
        comment(c, x1, 1, "plug_four", "@buyer_e dm me");

        collection(c, n2, "#XanaxFamily");
        collection(c, d1, "#xanax");

        String full1 = "\"dealer\": \"yes\", \"channels\": \"wickr\", \"exchange\": \"yes\", \"image_category\": \"rx_only\", \"image_contact_note\": \"yes\"";
        String full2 = "\"dealer\": \"yes\", \"channels\": \"phone\", \"exchange\": \"no\"";
        String full3 = "\"dealer\": \"yes\", \"channels\": \"kik\", \"exchange\": \"yes\", \"image_category\": \"illicit_only\", \"image_contact_note\": \"no\"";
        String full4 = "\"dealer\": \"yes\", \"channels\": \"email,whatsapp,wickr\", \"exchange\": \"no\", \"image_category\": \"unrelated\", \"image_contact_note\": \"no\"";
        List<Rejection> rejected = new ArrayList<>();
        Labelling.importCoderFile(c, coderFile(dir, "a", "coder",
                answer("D1", full1), answer("D2", full2), answer("D3", full3), answer("D4", full4),
                answer("D5", "\"dealer\": \"yes\", \"channels\": \"phone\", \"exchange\": \"no\""),
                answer("N1", "\"dealer\": \"no\""), answer("N2", "\"dealer\": \"no\""),
                answer("X1", "\"dealer\": \"yes\", \"channels\": \"wickr\", \"exchange\": \"yes\"")), rejected::add);
        Labelling.importCoderFile(c, coderFile(dir, "b", "coder",
                answer("D1", full1), answer("D2", full2), answer("D3", full3), answer("D4", full4),
                answer("D5", "\"dealer\": \"no\""),
                answer("N1", "\"dealer\": \"no\""), answer("N2", "\"dealer\": \"no\""),
                answer("X1", "\"dealer\": \"no\"")), rejected::add);
        // D5 is settled as a dealer post; X1 stays disputed and counts nowhere
        Labelling.importCoderFile(c, coderFile(dir, "boss", "expert", answer("D5", "\"dealer\": \"yes\"")), rejected::add);
        assertEquals(List.of(), rejected);
    }

    private static long post(Connection c, String id, String author, String postedAt, String caption) throws Exception {
        long postId = insertPost(c, "instagram", id, author, caption);
        try (PreparedStatement st = c.prepareStatement("UPDATE post SET posted_at = ? WHERE id = ?")) {
            st.setString(1, postedAt);
            st.setLong(2, postId);
            st.executeUpdate();
        }
        return postId;
    }

    private static void comment(Connection c, long postId, int position, String author, String text) throws Exception {
        try (PreparedStatement st = c.prepareStatement("INSERT INTO post_comment (post_id, position, author, text) VALUES (?, ?, ?, ?)")) {
            st.setLong(1, postId);
            st.setInt(2, position);
            st.setString(3, author);
            st.setString(4, text);
            st.executeUpdate();
        }
    }

    private static void collection(Connection c, long postId, String search) throws Exception {
        try (PreparedStatement st = c.prepareStatement("INSERT INTO post_collection (post_id, search) VALUES (?, ?)")) {
            st.setLong(1, postId);
            st.setString(2, search);
            st.executeUpdate();
        }
    }
}
