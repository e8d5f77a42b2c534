package org.signalbench.findings;

import org.signalbench.testing.Labelling;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.signalbench.testing.TestWorkbenches.insertPost;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.signalbench.importing.Rejection;
import org.signalbench.store.Session;
import org.signalbench.store.Workbench;
import org.signalbench.testing.TestWorkbenches;

class WorkbenchStatsTest {
    @TempDir
    Path dir;

    static final DrugLexicon LEXICON = new DrugLexicon(List.of(
            new DrugLexicon.Group("Xanax", List.of("xanax", "2mgxanax")),
            new DrugLexicon.Group("LSD", List.of("lsd25", "#LSDtabs"))));

    private static String answer(String id, String values) {
        return "{\"platform\": \"instagram\", \"externalId\": \"" + id + "\", \"at\": \"2018-11-02T09:00:00Z\", \"values\": {" + values + "}}";
    }

    private Path coderFile(String name, String role, String... answers) throws Exception {
        Path f = dir.resolve(name + ".json");
        Files.writeString(f, "{\"format\": \"signalbench-coder-file\", \"version\": 1, \"coder\": {\"name\": \"" + name
                + "\", \"role\": \"" + role + "\"}, \"answers\": [" + String.join(",\n", answers) + "]}");
        return f;
    }

    @Test
    void countsDealerPostsByTheirFinalLabels() throws Exception {
        try (Workbench wb = TestWorkbenches.open(dir)) {
            Connection c = wb.connection();
            insertPost(c, "instagram", "D1", "plug_one", "#Xanax #2mgxanax #XANAX bars, wickr plug_one");
            insertPost(c, "instagram", "D2", "plug_one", "#lsd25 #lsdtabs tabs ready");
            insertPost(c, "instagram", "D3", "plug_two", "no tags here, kik plug_two");
            insertPost(c, "instagram", "N1", "sober_sam", "#xanax ruined my year, 90 days clean");
            insertPost(c, "instagram", "X1", "plug_three", "#xanax maybe");
            insertPost(c, "twitter", "1001", "news_desk", "Overdoses rise #oxycodone");
            List<Rejection> rejected = new ArrayList<>();
            Labelling.importCoderFile(c, coderFile("a", "coder",
                    answer("D1", "\"dealer\": \"yes\", \"channels\": \"wickr\", \"exchange\": \"yes\", \"image_category\": \"rx_only\", \"image_contact_note\": \"yes\""),
                    answer("D2", "\"dealer\": \"yes\", \"channels\": \"none\", \"exchange\": \"no\""),
                    answer("D3", "\"dealer\": \"yes\", \"channels\": \"kik,telegram\", \"exchange\": \"no\""),
                    answer("N1", "\"dealer\": \"no\""),
                    answer("X1", "\"dealer\": \"yes\"")), rejected::add);
            Labelling.importCoderFile(c, coderFile("b", "coder",
                    answer("D1", "\"dealer\": \"yes\", \"channels\": \"wickr\", \"exchange\": \"yes\", \"image_category\": \"rx_only\", \"image_contact_note\": \"yes\""),
                    answer("D2", "\"dealer\": \"no\""),
                    answer("D3", "\"dealer\": \"yes\", \"channels\": \"kik,telegram\", \"exchange\": \"no\""),
                    answer("N1", "\"dealer\": \"no\""),
                    answer("X1", "\"dealer\": \"no\"")), rejected::add);
            // D2 is settled as a dealer post; X1 stays disputed and is counted nowhere.
            Labelling.importCoderFile(c, coderFile("boss", "expert", answer("D2", "\"dealer\": \"yes\"")), rejected::add);
            assertEquals(List.of(), rejected);

            WorkbenchStats.Report r = WorkbenchStats.compute(Session.over(c), LEXICON);
            assertEquals(6, r.posts());
            assertEquals(5, r.accounts()); // plug_one posted twice
            assertEquals(3, r.coders());
            assertEquals(new WorkbenchStats.FinalCounts(5, 3, 0, 1, 1), r.dealerQuestion());
            var d = r.dealers();
            assertEquals(3, d.posts());
            assertEquals(2, d.accounts());
            assertEquals(1, d.withoutHashtags());
            assertEquals(Map.of("wickr", 1L, "kik", 1L, "telegram", 1L), d.contactChannels());
            assertEquals(1, d.sellBuyExchange());
            assertEquals(Map.of("rx_only", 1L), d.imageCategories());
            assertEquals(1, d.imageContactNote());

            DrugHashtagTable t = d.drugHashtags();
            assertEquals(3, t.n());
            var xanax = t.groups().get(0);
            // D1 carries #xanax twice (once upper-case) and #2mgxanax: once per hashtag, once in the union.
            assertEquals(List.of(new DrugHashtagTable.HashtagRow("#xanax", 1, 33.3), new DrugHashtagTable.HashtagRow("#2mgxanax", 1, 33.3)), xanax.hashtags());
            assertEquals(new DrugHashtagTable.Count(1, 33.3), xanax.total());
            var lsd = t.groups().get(1);
            assertEquals("#lsdtabs", lsd.hashtags().get(1).hashtag());
            assertEquals(new DrugHashtagTable.Count(1, 33.3), lsd.total());

            var instagram = r.platforms().get(0);
            assertEquals("instagram", instagram.platform());
            assertEquals(5, instagram.posts());
            assertEquals(4, instagram.accounts());
        }
    }
}
