package org.signalbench.importing;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.signalbench.domain.Coder;
import org.signalbench.domain.Role;
import org.signalbench.labels.Codebook;
import org.signalbench.labels.CorpusFingerprint;
import org.signalbench.labels.LabelStore;
import org.signalbench.store.Labels;
import org.signalbench.store.Session;

/**
 * Takes in a coder file (docs/formats/coder-file.md): a coder's answers become labels, an
 * expert's become adjudications. Rows are only ever added, so importing a file twice changes
 * nothing, and a file's answers are written in one transaction: all valid answers or none.
 */
public final class CoderFileImport {
    public static final String FORMAT = "signalbench-coder-file";
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonFactory JSON = MAPPER.getFactory();

    private CoderFileImport() {
    }

    /** True when the file is JSON whose top-level {@code format} names a coder file. */
    public static boolean isCoderFile(Path file) {
        String name = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        if (!name.endsWith(".json") || !Files.isRegularFile(file)) {
            return false;
        }
        try (InputStream in = Files.newInputStream(file); JsonParser p = JSON.createParser(in)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return false;
            }
            // The format field comes first in files we write; give up after a few top-level fields.
            for (int fields = 0; fields < 8 && p.nextToken() == JsonToken.FIELD_NAME; fields++) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                if (field.equals("format")) {
                    return value == JsonToken.VALUE_STRING && FORMAT.equals(p.getText());
                }
                p.skipChildren();
            }
            return false;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Two or more answers by the same person to the same post and question with different values
     * (within the file, or the file against what the workbench holds). The newest counts.
     *
     * @param overruled the other answers, e.g. "no at 2018-11-02T09:15:00Z (line 12)"
     */
    public record Conflict(String file, String platform, String externalId, String question,
                           String keptValue, String keptAt, List<String> overruled) {
        @Override
        public String toString() {
            return file + ": " + platform + " post '" + externalId + "', " + question + ": kept '" + keptValue
                    + "' of " + keptAt + " (newest) over " + String.join("; ", overruled);
        }
    }

    /**
     * Adds the file's answers, checked against {@code codebook}, and reports conflicting answers by
     * the same person; returns how many labels or adjudications were new. With {@code expectedCoder}
     * set, a file written by anyone else is refused whole. A file with a {@code corpus} block is
     * refused whole when its posts are missing here or their captions differ.
     */
    public static int importFile(Session session, Codebook codebook, Path file, String expectedCoder,
                                 Consumer<Rejection> reject, Consumer<Conflict> conflicts) throws IOException {
        String name = file.toString();
        ParsedFile parsed;
        try {
            parsed = parse(file);
        } catch (SourceText.Refused e) {
            reject.accept(new Rejection(name, e.reason().line(), e.reason().getMessage()));
            return 0;
        } catch (BadInputException e) {
            reject.accept(new Rejection(name, e.line(), e.getMessage()));
            return 0;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            reject.accept(new Rejection(name, e.getLocation() == null || e.getLocation().getLineNr() < 1 ? null
                    : e.getLocation().getLineNr(), JsonInput.describe(e)));
            return 0;
        } catch (IllegalArgumentException e) {
            reject.accept(new Rejection(name, null, e.getMessage()));
            return 0;
        }
        if (expectedCoder != null && !expectedCoder.trim().equals(parsed.coderName())) {
            reject.accept(new Rejection(name, null, "the file holds the answers of '" + parsed.coderName()
                    + "', not of '" + expectedCoder.trim() + "'"));
            return 0;
        }
        Session posts = session;
        try (LabelStore store = new LabelStore(session, codebook)) {
            return session.transaction(() -> {
                checkCorpus(posts, parsed);
                Coder person = store.coder(parsed.coderName(), parsed.role());
                return writeAnswers(store, posts, parsed, person, name, reject, conflicts);
            });
        } catch (IllegalArgumentException e) {
            reject.accept(new Rejection(name, null, e.getMessage()));
            return 0;
        }
    }

    private record Answer(int line, JsonNode node) {
    }

    private record ParsedFile(String coderName, Role role, String codebookVersion, JsonNode corpus, List<Answer> answers) {
    }

    /**
     * Reads the file as a stream of strict UTF-8 text (a byte-order mark skipped), up to
     * {@link SourceText#maxFileBytes()}; a pipe or device is refused before it is opened.
     */
    private static ParsedFile parse(Path file) throws IOException, BadInputException {
        String format = null;
        JsonNode coder = null;
        String codebookVersion = null;
        JsonNode corpus = null;
        List<Answer> answers = new ArrayList<>();
        try (java.io.Reader in = SourceText.open(file, SourceText.maxFileBytes()); JsonParser p = JSON.createParser(in)) {
            p.setCodec(MAPPER);
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new IllegalArgumentException("a coder file is one JSON object");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken token = p.nextToken();
                switch (field) {
                    case "format" -> format = p.getValueAsString();
                    case "version" -> {
                        if (p.getValueAsInt(-1) != 1) {
                            throw new IllegalArgumentException("coder file version " + p.getText() + " is not supported (expected 1)");
                        }
                    }
                    case "coder" -> coder = p.readValueAsTree();
                    case "codebookVersion" -> codebookVersion = p.getValueAsString();
                    case "corpus" -> corpus = p.readValueAsTree();
                    case "answers" -> {
                        if (token != JsonToken.START_ARRAY) {
                            throw new IllegalArgumentException("'answers' must be an array");
                        }
                        while (p.nextToken() != JsonToken.END_ARRAY) {
                            int line = p.currentLocation().getLineNr();
                            answers.add(new Answer(line, p.readValueAsTree()));
                        }
                    }
                    default -> p.skipChildren();
                }
            }
        }
        if (!FORMAT.equals(format)) {
            throw new IllegalArgumentException("not a coder file: 'format' must be \"" + FORMAT + "\"");
        }
        if (coder == null || !coder.path("name").isTextual() || coder.path("name").asText().isBlank()) {
            throw new IllegalArgumentException("'coder.name' is missing");
        }
        Role role = Role.fromKey(coder.path("role").asText("coder"));
        if (role == Role.ANALYST) {
            throw new IllegalArgumentException("'coder.role' must be coder or expert");
        }
        if (corpus != null && (!corpus.isObject() || !corpus.path("sha256").isTextual() || !corpus.path("posts").canConvertToInt())) {
            throw new IllegalArgumentException("'corpus' must be an object with 'posts' (a count) and 'sha256'");
        }
        return new ParsedFile(org.signalbench.domain.PersonName.check(coder.path("name").asText()), role, codebookVersion, corpus, answers);
    }

    /**
     * Refuses a file made for another corpus: recomputes the fingerprint over the posts its answers
     * name, as this workbench holds them (see {@link CorpusFingerprint}).
     */
    private static void checkCorpus(Session posts, ParsedFile file) {
        if (file.corpus() == null) {
            return;
        }
        java.util.Set<String> keys = new java.util.TreeSet<>();
        for (Answer a : file.answers()) {
            if (a.node().path("platform").isTextual() && a.node().path("externalId").isTextual()) {
                keys.add(a.node().get("platform").asText().trim().toLowerCase(java.util.Locale.ROOT) + ":" + a.node().get("externalId").asText());
            }
        }
        List<String> lines = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (String key : keys) {
            int colon = key.indexOf(':');
            var caption = posts.captionOf(key.substring(0, colon), key.substring(colon + 1));
            if (caption.isPresent()) {
                lines.add(CorpusFingerprint.line(key.substring(0, colon), key.substring(colon + 1), caption.get()));
            } else {
                missing.add(key);
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("made for a different corpus: " + missing.size() + " of its " + keys.size()
                    + " posts are not in this workbench (first: " + missing.get(0) + "); import their posts first");
        }
        CorpusFingerprint here = CorpusFingerprint.ofLines(lines);
        String expected = file.corpus().get("sha256").asText();
        if (here.posts() != file.corpus().get("posts").asInt() || !here.sha256().equals(expected)) {
            throw new IllegalArgumentException("made for a different corpus: its " + file.corpus().get("posts").asInt()
                    + " posts do not match this workbench's (captions differ); corpus fingerprint " + abbreviate(expected)
                    + " in the file, " + abbreviate(here.sha256()) + " here");
        }
    }

    private static String abbreviate(String hash) {
        return hash.length() > 12 ? hash.substring(0, 12) + "…" : hash;
    }

    private static int writeAnswers(LabelStore store, Session posts, ParsedFile file, Coder person, String fileName,
                                    Consumer<Rejection> reject, Consumer<Conflict> conflicts) {
        Codebook codebook = store.codebook();
        // Every valid answer by post id and question, to find conflicting answers before writing.
        Map<String, List<Given>> given = new java.util.LinkedHashMap<>();
        List<Labels.FileAnswer> rowsToAdd = new ArrayList<>();
        for (Answer answer : file.answers()) {
            JsonNode a = answer.node();
            try {
                long postId = postId(posts, a);
                String at = instant(a);
                JsonNode values = a.path("values");
                boolean hasNote = a.path(Codebook.NOTE).isTextual() && !a.path(Codebook.NOTE).asText().isBlank();
                if (values.isMissingNode() && hasNote) {
                    values = MAPPER.createObjectNode();
                }
                if (!values.isObject() || (values.isEmpty() && !hasNote)) {
                    throw new IllegalArgumentException("'values' must be an object with at least one answer (or the entry a 'note')");
                }
                List<String[]> rows = new ArrayList<>();
                for (Map.Entry<String, JsonNode> e : values.properties()) {
                    if (!e.getValue().isTextual()) {
                        throw new IllegalArgumentException("answer to '" + e.getKey() + "' must be a string");
                    }
                    rows.add(new String[] {e.getKey(), codebook.canonical(e.getKey(), e.getValue().asText())});
                }
                if (hasNote) {
                    rows.add(new String[] {Codebook.NOTE, a.path(Codebook.NOTE).asText()});
                }
                String reason = person.role() == Role.EXPERT && a.path("reason").isTextual() ? a.path("reason").asText() : null;
                for (String[] row : rows) {
                    if (!Codebook.NOTE.equals(row[0])) {
                        given.computeIfAbsent(postId + "|" + row[0], k -> new ArrayList<>())
                                .add(new Given(postId, a.get("platform").asText(), a.get("externalId").asText(), row[0], row[1], at,
                                        "line " + answer.line()));
                    }
                    rowsToAdd.add(new Labels.FileAnswer(postId, row[0], row[1], at, reason));
                }
            } catch (IllegalArgumentException e) {
                reject.accept(new Rejection(fileName, answer.line(), e.getMessage()));
            }
        }
        reportConflicts(store, given, person, fileName, conflicts);
        return store.appendFromFile(person, rowsToAdd, file.codebookVersion());
    }

    private record Given(long postId, String platform, String externalId, String question, String value, String at, String where) {
    }

    /** Reports, per post and question, answers by this person with different values; the newest counts. */
    private static void reportConflicts(LabelStore store, Map<String, List<Given>> given, Coder person, String fileName,
                                        Consumer<Conflict> conflicts) {
        for (List<Given> answers : given.values()) {
            Given first = answers.get(0);
            List<Given> all = new ArrayList<>(answers);
            var stored = store.latest(person, first.postId(), first.question());
            if (stored.isPresent() && !stored.get().value().equals(LabelStore.RETRACTED)) {
                all.add(new Given(first.postId(), first.platform(), first.externalId(), first.question(),
                        stored.get().value(), stored.get().at(), "already in the workbench"));
            }
            if (all.stream().map(Given::value).distinct().count() < 2) {
                continue;
            }
            Given newest = all.stream().max(java.util.Comparator.comparing(Given::at)).orElseThrow();
            List<String> overruled = all.stream().filter(g -> !g.value().equals(newest.value()))
                    .map(g -> "'" + g.value() + "' of " + g.at() + " (" + g.where() + ")").toList();
            conflicts.accept(new Conflict(fileName, first.platform(), first.externalId(), first.question(),
                    newest.value(), newest.at(), overruled));
        }
    }

    private static long postId(Session posts, JsonNode a) {
        if (!a.path("platform").isTextual() || !a.path("externalId").isTextual()) {
            throw new IllegalArgumentException("'platform' and 'externalId' must be strings");
        }
        org.signalbench.domain.Platform platform = org.signalbench.domain.Platform.fromKey(a.get("platform").asText());
        String externalId = a.get("externalId").asText();
        return posts.postId(platform, externalId).orElseThrow(() -> new IllegalArgumentException(
                "no " + platform.key() + " post '" + externalId + "' in this workbench"));
    }

    private static String instant(JsonNode a) {
        if (!a.path("at").isTextual()) {
            throw new IllegalArgumentException("'at' must be an ISO-8601 time such as 2018-11-02T09:15:00Z");
        }
        try {
            return Instant.parse(a.get("at").asText()).toString();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'at' is not an ISO-8601 time: " + a.get("at").asText());
        }
    }
}
