package org.signalbench.importing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.signalbench.importing.ImportFixtures.count;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.signalbench.jobs.JobContext;
import org.signalbench.store.Workbench;

/**
 * Import speed on a generated bundle shaped like the sample (captions, comments, searches, links).
 * Off by default (timing on a shared machine is not a pass/fail matter); run with
 * {@code mvn -q test -Dtest=ImportSpeedTest -Dsignalbench.bench=true}. It prints posts per second.
 */
class ImportSpeedTest {
    private static final String[] SEARCHES = {"#xanax", "#xanaxfamily", "#2mgxanax", "#oxy80s", "#lsdtabs", "#mdmapills"};

    @TempDir
    Path dir;

    static Path generate(Path file, int posts, long seed) throws Exception {
        Random random = new Random(seed);
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write(ImportFixtures.bundleHeader());
            for (int i = 0; i < posts; i++) {
                ObjectNode post = ImportFixtures.bundlePost(String.format("Gen%08d", i),
                        "made-up caption number " + i + " pills 💊 " + "plug ".repeat(random.nextInt(20))
                                + "#" + SEARCHES[random.nextInt(SEARCHES.length)].substring(1) + " wickr: gen_user_" + random.nextInt(300));
                ArrayNode comments = post.putArray("comments");
                for (int c = random.nextInt(4); c > 0; c--) {
                    comments.addObject().put("author", "commenter_" + random.nextInt(1000)).put("text", "price? " + c)
                            .put("at", "2018-08-01T10:00:0" + c + "Z");
                }
                ArrayNode searches = post.putArray("collectedUnder");
                searches.add(SEARCHES[i % SEARCHES.length]);
                if (random.nextInt(4) == 0) {
                    searches.add(SEARCHES[(i + 1) % SEARCHES.length]);
                }
                if (random.nextInt(10) == 0) {
                    post.putArray("links").add("https://example.com/" + i);
                }
                out.write(ImportFixtures.JSON.writeValueAsString(post));
                out.write('\n');
            }
        }
        return file;
    }

    @ParameterizedTest
    @ValueSource(ints = {12_857, 100_000})
    void importsAGeneratedBundle(int posts) throws Exception {
        Assumptions.assumeTrue(Boolean.getBoolean("signalbench.bench"), "speed run only on request");
        Path bundle = generate(dir.resolve("posts.jsonl"), posts, 42);
        try (Workbench wb = Workbench.open(dir.resolve("wb.sqlite"))) {
            long start = System.nanoTime();
            ImportReport report = new ImportService(wb).run(List.of(bundle), null, JobContext.NONE);
            double seconds = (System.nanoTime() - start) / 1e9;
            assertEquals(posts, report.imported(), report.rejected().toString());
            assertEquals(posts, count(wb, "SELECT COUNT(*) FROM post"));
            System.out.printf("import speed: %,d posts in %.2f s = %,.0f posts/s (%,d comments)%n", posts, seconds,
                    posts / seconds, count(wb, "SELECT COUNT(*) FROM post_comment"));
        }
    }
}
