package org.signalbench.findings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.signalbench.store.Session;
import org.signalbench.testing.CliRun;

/** The committed sample reproduces the published Table 2 through the command line, and the other findings match docs/sample-data.md. */
class SampleTable2Test {
    @TempDir
    Path dir;

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The published figures: drug, then hashtag and posts pairs, then the group total. */
    private static final List<Object[]> TABLE_2 = List.of(
            new Object[] {"Xanax", List.of("#xanax", 802, "#xanaxfamily", 530, "#2mgxanax", 321, "#zanax", 112, "#greenxanax", 84), 1078},
            new Object[] {"Oxycodone", List.of("#oxycodine", 261, "#oxy80s", 213, "#oxycontin", 215, "#oxicotin", 233, "#oxycodone", 212), 321},
            new Object[] {"LSD", List.of("#lsd25", 138, "#lsdtabs", 130), 213},
            new Object[] {"MDMA", List.of("#mdmapills", 50, "#mdmaforsale", 21, "#mdmazing", 40, "#mdmaonline", 21), 94});
    private static final int N = 1228;

    private static double percent(int posts) {
        return Math.round(posts * 1000.0 / N) / 10.0;
    }

    @Test
    void hashtagsJsonOnTheSampleIsThePublishedTable2() throws Exception {
        Path db = dir.resolve("sample.sqlite");
        CliRun imported = CliRun.of("import", "--db", db.toString(), "sample-data/");
        assertEquals(0, imported.exit(), imported.err());

        ObjectNode expected = JSON.createObjectNode();
        expected.put("n", N);
        ArrayNode groups = expected.putArray("groups");
        for (Object[] g : TABLE_2) {
            ObjectNode group = groups.addObject();
            group.put("drug", (String) g[0]);
            ArrayNode tags = group.putArray("hashtags");
            List<?> pairs = (List<?>) g[1];
            for (int i = 0; i < pairs.size(); i += 2) {
                int posts = (Integer) pairs.get(i + 1);
                tags.addObject().put("hashtag", (String) pairs.get(i)).put("posts", posts).put("percent", percent(posts));
            }
            int total = (Integer) g[2];
            group.putObject("total").put("posts", total).put("percent", percent(total));
        }
        CliRun r = CliRun.of("hashtags", "--db", db.toString(), "--json");
        assertEquals(0, r.exit(), r.err());
        JsonNode actual = JSON.readTree(r.out());
        assertEquals(expected, actual);
        assertEquals(List.of("n", "groups"), iterable(actual.fieldNames()));
        assertEquals(List.of("drug", "hashtags", "total"), iterable(actual.get("groups").get(0).fieldNames()));

        // the other figures of docs/sample-data.md, with the shipped lexicons, well within a second once warm
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db)) {
            Lexicons lexicons = Lexicons.load();
            Findings.compute(Session.over(c), lexicons, org.signalbench.testing.Labelling.CODEBOOK);
            long start = System.nanoTime();
            Findings f = Findings.compute(Session.over(c), lexicons, org.signalbench.testing.Labelling.CODEBOOK);
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertTrue(millis < 3000, "findings took " + millis + " ms"); // generous: the build machine is shared
            assertEquals(N, f.n());
            assertEquals(List.of("Wickr", 445L, 445L, "Telegram", 245L, 245L, "Kik", 225L, 225L, "WhatsApp", 188L, 188L,
                            "Phone", 90L, 90L, "E-mail", 40L, 40L, "Other", 80L, 80L, "None named", 20L, 20L),
                    f.contactChannels().rows().stream().flatMap(row -> java.util.stream.Stream.of(row.get(0), row.get(1), row.get(3))).toList());
            assertEquals(List.of(232L, 232L, 232L), f.exchanges().rows().stream().limit(3).map(row -> row.get(1)).toList());
            assertEquals(List.of(175L, 60L, 15L, 5L, 5L, 260L, 60L), f.imageCategories().rows().stream().map(row -> row.get(1)).toList());
            assertEquals(List.of("Dealer accounts", 267L), f.overview().rows().get(3));
            assertEquals(List.of("Dealer posts without caption hashtags", 32L), f.overview().rows().get(4));
            assertEquals((long) N, f.timeline().rows().stream().mapToLong(row -> (Long) row.get(2)).sum());
            assertTrue(f.discoveredHashtags().contains("#oxy"), f.discoveredHashtags().toString());
        }
    }

    private static List<String> iterable(java.util.Iterator<String> it) {
        List<String> out = new java.util.ArrayList<>();
        it.forEachRemaining(out::add);
        return out;
    }
}
