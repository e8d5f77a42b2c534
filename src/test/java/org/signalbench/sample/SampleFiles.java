package org.signalbench.sample;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads a sample folder with plain Jackson, independently of the generator, for the tests. */
final class SampleFiles {
    static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Pattern HASHTAG = Pattern.compile("#([A-Za-z0-9_]+)");

    /** The committed sample, relative to the project folder (Maven runs tests there). */
    static final Path COMMITTED = Path.of("sample-data");

    final Path root;
    final Map<String, JsonNode> posts = new HashMap<>();
    final List<String> order = new ArrayList<>();
    final Map<String, Map<String, JsonNode>> coderA;
    final Map<String, Map<String, JsonNode>> coderB;
    final Map<String, Map<String, JsonNode>> expert;

    SampleFiles(Path root) throws IOException {
        this.root = root;
        Path bundle = root.resolve("instagram-study/posts.jsonl");
        try (BufferedReader reader = Files.newBufferedReader(bundle, StandardCharsets.UTF_8)) {
            JsonNode header = MAPPER.readTree(reader.readLine());
            if (!"signalbench-bundle".equals(header.path("format").asText()) || header.path("version").asInt() != 1) {
                throw new IOException("bad header in " + bundle + ": " + header);
            }
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode post = MAPPER.readTree(line);
                String id = post.get("externalId").asText();
                if (posts.put(id, post) != null) {
                    throw new IOException("duplicate post " + id);
                }
                order.add(id);
            }
        }
        coderA = answers(root.resolve("instagram-study/coders/coder-a.json"), "coder");
        coderB = answers(root.resolve("instagram-study/coders/coder-b.json"), "coder");
        expert = answers(root.resolve("instagram-study/coders/expert.json"), "expert");
    }

    /** externalId -> question -> the latest answer object ({"value", "at", "reason"}). */
    private static Map<String, Map<String, JsonNode>> answers(Path file, String role) throws IOException {
        JsonNode doc = MAPPER.readTree(file.toFile());
        if (!"signalbench-coder-file".equals(doc.path("format").asText()) || !role.equals(doc.path("coder").path("role").asText())) {
            throw new IOException("not a " + role + " file: " + file);
        }
        Map<String, Map<String, JsonNode>> out = new HashMap<>();
        for (JsonNode a : doc.get("answers")) {
            Map<String, JsonNode> byQuestion = out.computeIfAbsent(a.get("externalId").asText(), k -> new HashMap<>());
            a.get("values").fields().forEachRemaining(e -> {
                var entry = MAPPER.createObjectNode();
                entry.put("value", e.getValue().asText());
                entry.put("at", a.get("at").asText());
                entry.set("reason", a.get("reason"));
                JsonNode previous = byQuestion.get(e.getKey());
                if (previous == null || previous.get("at").asText().compareTo(a.get("at").asText()) <= 0) {
                    byQuestion.put(e.getKey(), entry);
                }
            });
        }
        return out;
    }

    static String value(Map<String, Map<String, JsonNode>> answers, String post, String question) {
        Map<String, JsonNode> q = answers.get(post);
        JsonNode a = q == null ? null : q.get(question);
        return a == null ? null : a.get("value").asText();
    }

    /** The final label: the expert's settlement, else the answer both coders agree on, else null. */
    String finalValue(String post, String question) {
        String e = value(expert, post, question);
        if (e != null) {
            return e;
        }
        String a = value(coderA, post, question);
        String b = value(coderB, post, question);
        return a != null && a.equals(b) ? a : null;
    }

    static Set<String> hashtags(String text) {
        Set<String> tags = new TreeSet<>();
        Matcher m = HASHTAG.matcher(text);
        while (m.find()) {
            tags.add(m.group(1).toLowerCase(Locale.ROOT));
        }
        return tags;
    }
}
