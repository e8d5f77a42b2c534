package org.signalbench.importing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.signalbench.importing.ImportFixtures.count;
import static org.signalbench.importing.ImportFixtures.importAll;
import static org.signalbench.importing.ImportFixtures.write;
import static org.signalbench.importing.ImportFixtures.writeBytes;
import static org.signalbench.importing.ImportFixtures.writeXz;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.signalbench.store.Workbench;
import org.signalbench.testing.TestWorkbenches;

/**
 * Twitter JSON arrays and documents, Instaloader files and coder files are read as streams: an array
 * of any size is read one value at a time (a value over the limit is rejected and the next one read),
 * a document is refused past the size limit, and a value that is not one of the supported shapes (an
 * snscrape line) is refused with the formats SignalBench reads, never stored as an empty post.
 */
@org.junit.jupiter.api.extension.ExtendWith(org.signalbench.testing.FaultCases.class)
class StreamedJsonTest {
    @TempDir
    Path dir;

    @AfterEach
    void clearLimit() {
        System.clearProperty(SourceText.MAX_FILE_BYTES_PROPERTY);
    }

    private static String tweet(int i) {
        return String.format(Locale.ROOT, "{\"id_str\":\"10199900%011d\",\"full_text\":\"made up %d\",\"user\":"
                + "{\"screen_name\":\"made_up_t\"},\"created_at\":\"Wed Oct 10 20:19:24 +0000 2018\"}", i, i);
    }

    private static String array(int from, int count) {
        return java.util.stream.IntStream.range(from, from + count).mapToObj(StreamedJsonTest::tweet)
                .collect(Collectors.joining(",\n  ", "[\n  ", "\n]\n"));
    }

    @Test
    void arraysAreStreamedPastTheWholeFileLimitAndDocumentsAreNot() throws Exception {
        Path in = dir.resolve("in");
        write(in.resolve("tweets.json"), array(0, 2_000)); // about 270 kB
        writeXz(in.resolve("more.json.xz"), array(2_000, 2_000).getBytes(StandardCharsets.UTF_8));
        // One document (a v2 page written over many lines) is kept whole in memory: it is refused past the limit.
        StringBuilder page = new StringBuilder("{\n \"data\": [\n");
        for (int i = 0; i < 2_000; i++) {
            page.append(i == 0 ? "" : ",\n").append("  {\"id\": \"").append(1_019_990_100_000_000_000L + i)
                    .append("\", \"text\": \"made up\"}");
        }
        write(in.resolve("page.json"), page.append("\n ]\n}\n").toString());
        System.setProperty(SourceText.MAX_FILE_BYTES_PROPERTY, String.valueOf(64 << 10));
        try (Workbench wb = TestWorkbenches.open(dir)) {
            ImportReport report = importAll(wb, in);
            assertEquals(4_000, report.imported(), report.rejected().toString());
            assertEquals(1, report.rejected().size(), report.rejected().toString());
            Rejection page1 = report.rejected().get(0);
            assertTrue(page1.file().endsWith("page.json") && page1.reason().startsWith("the file is ")
                    && page1.reason().contains("over the limit of 65,536 bytes"), page1.toString());
        }
    }

    @Test
    void anArrayValueOverTheLimitIsRejectedAndTheNextOneRead() throws Exception {
        String big = "{\"id_str\":\"1019990000000000777\",\"full_text\":\"" + "a".repeat(9 << 20) + "\",\"source\":\""
                + "b".repeat(9 << 20) + "\"}";
        write(dir.resolve("in/tweets.json"), "[" + tweet(1) + ",\n" + big + ",\n" + tweet(2) + "]");
        try (Workbench wb = TestWorkbenches.open(dir)) {
            ImportReport report = importAll(wb, dir.resolve("in"));
            assertEquals(2, report.imported(), report.rejected().toString());
            assertEquals(1, report.rejected().size());
            Rejection r = report.rejected().get(0);
            assertEquals(2, r.line());
            assertTrue(r.reason().startsWith("the value is 18.0 MiB long, over the limit of 16.0 MiB; not read"), r.reason());
        }
    }

    @Test
    void aBadByteInAStreamedArrayNamesItsLineAndKeepsWhatCameBefore() throws Exception {
        byte[] text = ("[" + tweet(1) + ",\n" + tweet(2).replace("made up 2", "made up \u0001") + "]")
                .getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < text.length; i++) {
            if (text[i] == 1) {
                text[i] = (byte) 0xFF;
            }
        }
        writeBytes(dir.resolve("in/tweets.json"), text);
        try (Workbench wb = TestWorkbenches.open(dir)) {
            ImportReport report = importAll(wb, dir.resolve("in"));
            assertEquals(1, report.imported());
            Rejection r = report.rejected().get(0);
            assertEquals(2, r.line());
            assertEquals("invalid UTF-8: byte 0xFF cannot start or continue a character; the rest of the file is skipped", r.reason());
        }
    }

    @Test
    void valuesOfOtherShapesAreRefusedWithTheFormatsSignalBenchReads() throws Exception {
        Path in = dir.resolve("in");
        // snscrape's JSON Lines (made-up values): an id and a user, but 'content' instead of a tweet's 'text'.
        write(in.resolve("snscrape.jsonl"), "{\"_type\":\"snscrape.modules.twitter.Tweet\",\"url\":\"https://twitter.com/"
                + "made_up_s/status/1019990000000000901\",\"date\":\"2018-10-10T20:19:24+00:00\",\"rawContent\":\"made up\","
                + "\"content\":\"made up\",\"id\":1019990000000000901,\"user\":{\"username\":\"made_up_s\",\"id\":5550100}}\n"
                + "{\"_type\":\"snscrape.modules.twitter.Tweet\",\"url\":\"https://twitter.com/made_up_s/status/"
                + "1019990000000000902\",\"content\":\"made up\",\"id\":1019990000000000902,\"user\":{\"username\":\"made_up_s\"}}\n");
        write(in.resolve("other.json"), "[{\"title\": \"a made-up record\", \"id\": 7}, {\"name\": \"no id\"}]");
        // An id list written as objects is still an id list.
        write(in.resolve("ids.jsonl"), "{\"id_str\": \"1019990000000000950\"}\n{\"id\": 1019990000000000951}\n");
        try (Workbench wb = TestWorkbenches.open(dir)) {
            ImportReport report = importAll(wb, in);
            assertEquals(2, report.imported(), report.rejected().toString());
            assertEquals(4, report.rejected().size(), report.rejected().toString());
            for (Rejection r : report.rejected()) {
                assertTrue(r.reason().contains("SignalBench reads Twitter API v1.1 and v2 JSON"), r.toString());
                assertTrue(r.line() != null, r.toString());
            }
            assertTrue(report.rejected().stream().filter(r -> r.file().endsWith("snscrape.jsonl"))
                    .allMatch(r -> r.reason().startsWith("an snscrape line")), report.rejected().toString());
            assertEquals(0, count(wb, "SELECT count(*) FROM post WHERE caption = '' AND external_id LIKE '10199900000000009%'"
                    + " AND external_id NOT IN ('1019990000000000950', '1019990000000000951')"));
            assertEquals(2, count(wb, "SELECT count(*) FROM post"));
        }
    }

    @Test
    void coderFilesArePipesOrTooLargeAreRefusedWithTheirReason() throws Exception {
        Path fifo = dir.resolve("answers.json");
        Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
        org.junit.jupiter.api.Assumptions.assumeTrue(mkfifo.waitFor() == 0, "mkfifo is not available here");
        Path big = write(dir.resolve("big.json"), "{\"format\": \"signalbench-coder-file\", \"version\": 1, \"coder\": "
                + "{\"name\": \"coder-z\"}, \"answers\": [" + "{\"platform\": \"instagram\", \"externalId\": \"P1\"},".repeat(5_000)
                + "{}]}");
        System.setProperty(SourceText.MAX_FILE_BYTES_PROPERTY, String.valueOf(64 << 10));
        try (Workbench wb = TestWorkbenches.open(dir)) {
            java.util.List<Rejection> rejected = new java.util.ArrayList<>();
            for (Path file : List.of(fifo, big)) {
                assertEquals(0, CoderFileImport.importFile(org.signalbench.store.Session.over(wb.connection()),
                        org.signalbench.testing.Labelling.CODEBOOK, file, null, rejected::add, c -> { }));
            }
            assertEquals(2, rejected.size(), rejected.toString());
            assertEquals("not a regular file (a pipe, socket or device); not read", rejected.get(0).reason());
            assertTrue(rejected.get(1).reason().startsWith("the file is ") && rejected.get(1).reason().contains("over the limit"),
                    rejected.get(1).reason());
            assertEquals(0, count(wb, "SELECT count(*) FROM coder"));
        }
        assertTrue(Files.exists(fifo));
    }
}
