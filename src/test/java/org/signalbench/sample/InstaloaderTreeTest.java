package org.signalbench.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.tukaani.xz.XZInputStream;

/** The committed Instaloader tree holds only posts of the bundle, with the same content. */
class InstaloaderTreeTest {

    @Test
    void everyInstaloaderPostIsInTheBundleWithTheSameContent() throws IOException {
        SampleFiles sample = new SampleFiles(SampleFiles.COMMITTED);
        Path tree = sample.root.resolve("instaloader");
        List<Path> postFiles;
        try (Stream<Path> files = Files.walk(tree)) {
            postFiles = files.filter(f -> {
                String n = f.getFileName().toString();
                return n.matches("\\d{4}-\\d\\d-\\d\\d_\\d\\d-\\d\\d-\\d\\d_UTC\\.json(\\.xz)?");
            }).sorted().toList();
        }
        Map<String, List<String>> foldersByShortcode = new HashMap<>();
        int compressed = 0;
        for (Path file : postFiles) {
            JsonNode doc;
            boolean xz = file.toString().endsWith(".xz");
            try (InputStream in = xz ? new XZInputStream(Files.newInputStream(file)) : Files.newInputStream(file)) {
                doc = SampleFiles.MAPPER.readTree(in);
            }
            compressed += xz ? 1 : 0;
            assertEquals("Post", doc.get("instaloader").get("node_type").asText());
            JsonNode node = doc.get("node");
            String shortcode = node.get("shortcode").asText();
            JsonNode post = sample.posts.get(shortcode);
            assertNotNull(post, file + ": shortcode " + shortcode + " is not in posts.jsonl");
            String caption = node.get("edge_media_to_caption").get("edges").get(0).get("node").get("text").asText();
            assertEquals(post.get("caption").asText(), caption, file.toString());
            assertEquals(post.get("author").asText(), node.get("owner").get("username").asText());
            assertEquals(Instant.parse(post.get("postedAt").asText()).getEpochSecond(),
                    node.get("taken_at_timestamp").asLong());
            String folder = file.getParent().getFileName().toString();
            assertTrue(folder.startsWith("#"));
            assertTrue(post.get("collectedUnder").toString().contains("\"" + folder + "\""), file + " not collected under " + folder);
            foldersByShortcode.computeIfAbsent(shortcode, k -> new ArrayList<>()).add(folder);

            String stem = file.getFileName().toString().replaceFirst("\\.json(\\.xz)?$", "");
            Path commentsFile = file.resolveSibling(stem + "_comments.json");
            List<String> expected = new ArrayList<>();
            post.get("comments").forEach(c -> expected.add(c.get("text").asText()));
            List<String> actual = new ArrayList<>();
            if (Files.exists(commentsFile)) {
                for (JsonNode c : SampleFiles.MAPPER.readTree(commentsFile.toFile())) {
                    actual.add(c.get("text").asText());
                    c.get("answers").forEach(a -> actual.add(a.get("text").asText()));
                }
            }
            assertEquals(expected, actual, "comments of " + file);
            int pictures = post.get("media").size();
            if (pictures == 1) {
                assertTrue(Files.isRegularFile(file.resolveSibling(stem + ".jpg")), stem + ".jpg");
            }
            for (int i = 1; pictures > 1 && i <= pictures; i++) {
                assertTrue(Files.isRegularFile(file.resolveSibling(stem + "_" + i + ".jpg")), stem + "_" + i + ".jpg");
            }
        }
        assertTrue(foldersByShortcode.size() >= 45 && foldersByShortcode.size() <= 55, "posts: " + foldersByShortcode.size());
        assertTrue(foldersByShortcode.values().stream().anyMatch(f -> f.size() > 1), "a post in two search folders");
        assertTrue(compressed > 0, "some posts are .json.xz");
    }
}
