package org.signalbench.importing;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.signalbench.domain.Platform;
import org.signalbench.domain.PostDraft;

/**
 * Reads tweets (docs/formats/twitter.md): API v1.1 status objects and API v2 responses
 * ({@code data} + {@code includes.users}) or bare v2 tweet objects, as JSON Lines, a JSON array or
 * one document.
 */
final class TwitterReader implements PostFileReader {
    /** v1.1's created_at, for example "Wed Oct 10 20:19:24 +0000 2018". */
    private static final DateTimeFormatter V1_TIME = DateTimeFormatter.ofPattern("EEE MMM dd HH:mm:ss Z yyyy", Locale.ROOT);

    @Override
    public void read(Path file, DraftSink sink) throws IOException, BadInputException {
        Set<String> folderSearch = folderSearch(file);
        String source = file.toAbsolutePath().toString();
        JsonInput.ValueHandler handler = new JsonInput.ValueHandler() {
            @Override
            public void value(int line, JsonNode node) {
                readValue(node, line, folderSearch, source, sink);
            }

            @Override
            public void reject(int line, String reason) {
                sink.reject(line, reason);
            }
        };
        if (JsonInput.isStreamableLines(file)) {
            // JSON Lines (a stream dump can be gigabytes): one line in memory at a time.
            JsonInput.forEachLineValue(file, handler, sink::readUpTo);
        } else {
            JsonInput.forEachValue(SourceText.readBytes(file), handler);
        }
    }

    /** The nearest folder above the file whose name starts with '#', as the search it was collected under. */
    static Set<String> folderSearch(Path file) {
        for (Path dir = file.toAbsolutePath().getParent(); dir != null && dir.getFileName() != null; dir = dir.getParent()) {
            String name = dir.getFileName().toString();
            if (name.startsWith("#") && name.length() > 1) {
                return Set.of(name);
            }
        }
        return Set.of();
    }

    private static void readValue(JsonNode node, int line, Set<String> folderSearch, String source, DraftSink sink) {
        if (!node.isObject()) {
            sink.reject(line, "expected a tweet object, found " + JsonInput.typeOf(node));
            return;
        }
        if (node.has("data")) {
            readV2Response(node, line, folderSearch, source, sink);
            return;
        }
        if (node.has("errors") && !node.has("id") && !node.has("id_str")) {
            sink.reject(line, "an API error response, not tweets: " + firstErrorMessage(node.get("errors")));
            return;
        }
        if (node.has("meta") && !node.has("id") && !node.has("id_str")) {
            return; // a v2 page with no results: nothing to import, nothing wrong
        }
        try {
            boolean v1 = node.has("id_str") || node.has("user") || node.has("full_text") || node.has("extended_tweet");
            if (!v1 && !node.has("id")) {
                throw new BadInputException("not a tweet: no 'id_str' (API v1.1) or 'id' (API v2)");
            }
            PostDraft draft = v1 ? v1(node, folderSearch, source)
                    : v2(node, "", Map.of(), folderSearch, source);
            sink.accept(draft, line);
        } catch (BadInputException e) {
            sink.reject(line, e.getMessage());
        }
    }

    private static String firstErrorMessage(JsonNode errors) {
        JsonNode first = errors.isArray() && !errors.isEmpty() ? errors.get(0) : errors;
        for (String field : List.of("message", "detail", "title")) {
            if (first.path(field).isTextual()) {
                return first.path(field).textValue();
            }
        }
        return first.toString();
    }

    private static void readV2Response(JsonNode response, int line, Set<String> folderSearch, String source, DraftSink sink) {
        Map<String, String> usernames = new HashMap<>();
        Set<String> searches = new LinkedHashSet<>(folderSearch);
        JsonNode data = response.get("data");
        try {
            JsonNode includes = JsonInput.optObject(response, "includes", "includes");
            JsonNode users = JsonInput.optArray(includes, "users", "includes.users");
            if (users != null) {
                for (int i = 0; i < users.size(); i++) {
                    JsonNode user = users.get(i);
                    if (!user.isObject()) {
                        throw JsonInput.wrongType("includes.users[" + i + "]", "an object", user);
                    }
                    String id = JsonInput.optId(user, "id", "includes.users[" + i + "].id");
                    String username = JsonInput.optText(user, "username", "includes.users[" + i + "].username");
                    if (id != null && username != null) {
                        usernames.put(id, username);
                    }
                }
            }
            JsonNode rules = JsonInput.optArray(response, "matching_rules", "matching_rules");
            searches.addAll(JsonInput.textsOfObjects(rules, "tag", "matching_rules"));
            if (!data.isObject() && !data.isArray()) {
                throw JsonInput.wrongType("data", "a tweet object or an array of them", data);
            }
        } catch (BadInputException e) {
            sink.reject(line, e.getMessage());
            return;
        }
        List<JsonNode> tweets = data.isArray() ? iterable(data) : List.of(data);
        for (int i = 0; i < tweets.size(); i++) {
            String path = data.isArray() ? "data[" + i + "]." : "data.";
            try {
                sink.accept(v2(tweets.get(i), path, usernames, searches, source), line);
            } catch (BadInputException e) {
                sink.reject(line, e.getMessage());
            }
        }
    }

    private static List<JsonNode> iterable(JsonNode array) {
        List<JsonNode> list = new ArrayList<>();
        array.forEach(list::add);
        return list;
    }

    private static PostDraft v1(JsonNode status, Set<String> folderSearch, String source) throws BadInputException {
        String id = JsonInput.optText(status, "id_str", "id_str");
        if (id == null) {
            id = JsonInput.optId(status, "id", "id");
        }
        if (id == null || id.isBlank()) {
            throw new BadInputException("missing field 'id_str'");
        }
        JsonNode extended = JsonInput.optObject(status, "extended_tweet", "extended_tweet");
        String text = JsonInput.optText(extended, "full_text", "extended_tweet.full_text");
        if (text == null) {
            text = JsonInput.optText(status, "full_text", "full_text");
        }
        if (text == null) {
            text = JsonInput.optText(status, "text", "text");
        }
        Instant postedAt = null;
        String createdAt = JsonInput.optText(status, "created_at", "created_at");
        if (createdAt != null) {
            try {
                postedAt = OffsetDateTime.parse(createdAt, V1_TIME).toInstant();
            } catch (DateTimeParseException e) {
                throw new BadInputException("field 'created_at' is not a Twitter time like "
                        + "'Wed Oct 10 20:19:24 +0000 2018': '" + createdAt + "'");
            }
        }
        JsonNode user = JsonInput.optObject(status, "user", "user");
        String screenName = JsonInput.optText(user, "screen_name", "user.screen_name");
        String userId = JsonInput.optText(user, "id_str", "user.id_str");
        if (userId == null) {
            userId = JsonInput.optId(user, "id", "user.id");
        }
        Set<String> links = new LinkedHashSet<>();
        JsonNode entities = JsonInput.optObject(status, "entities", "entities");
        links.addAll(JsonInput.textsOfObjects(JsonInput.optArray(entities, "urls", "entities.urls"),
                "expanded_url", "entities.urls"));
        JsonNode extendedEntities = JsonInput.optObject(extended, "entities", "extended_tweet.entities");
        links.addAll(JsonInput.textsOfObjects(JsonInput.optArray(extendedEntities, "urls", "extended_tweet.entities.urls"),
                "expanded_url", "extended_tweet.entities.urls"));
        Set<String> searches = new LinkedHashSet<>(folderSearch);
        searches.addAll(JsonInput.textsOfObjects(JsonInput.optArray(status, "matching_rules", "matching_rules"),
                "tag", "matching_rules"));
        return new PostDraft(Platform.TWITTER, id, screenName, userId, postedAt, text, List.of(), List.of(),
                searches, List.copyOf(links), tweetUrl(screenName, id), source);
    }

    private static PostDraft v2(JsonNode tweet, String path, Map<String, String> usernames, Set<String> searches,
                                String source) throws BadInputException {
        if (!tweet.isObject()) {
            throw new BadInputException("'" + path.replaceAll("\\.$", "") + "' must be a tweet object, found "
                    + JsonInput.typeOf(tweet));
        }
        String id = JsonInput.optId(tweet, "id", path + "id");
        if (id == null || id.isBlank()) {
            throw new BadInputException("missing field '" + path + "id'");
        }
        JsonNode noteTweet = JsonInput.optObject(tweet, "note_tweet", path + "note_tweet");
        String text = JsonInput.optText(noteTweet, "text", path + "note_tweet.text");
        if (text == null) {
            text = JsonInput.optText(tweet, "text", path + "text");
        }
        Instant postedAt = null;
        String createdAt = JsonInput.optText(tweet, "created_at", path + "created_at");
        if (createdAt != null) {
            try {
                postedAt = OffsetDateTime.parse(createdAt).toInstant();
            } catch (DateTimeParseException e) {
                throw new BadInputException("field '" + path + "created_at' is not an ISO-8601 time: '" + createdAt + "'");
            }
        }
        String authorId = JsonInput.optId(tweet, "author_id", path + "author_id");
        String username = authorId == null ? null : usernames.get(authorId);
        JsonNode entities = JsonInput.optObject(tweet, "entities", path + "entities");
        Set<String> links = new LinkedHashSet<>(JsonInput.textsOfObjects(
                JsonInput.optArray(entities, "urls", path + "entities.urls"), "expanded_url", path + "entities.urls"));
        JsonNode noteEntities = JsonInput.optObject(noteTweet, "entities", path + "note_tweet.entities");
        links.addAll(JsonInput.textsOfObjects(JsonInput.optArray(noteEntities, "urls", path + "note_tweet.entities.urls"),
                "expanded_url", path + "note_tweet.entities.urls"));
        return new PostDraft(Platform.TWITTER, id, username, authorId, postedAt, text, List.of(), List.of(),
                searches, List.copyOf(links), tweetUrl(username, id), source);
    }

    private static String tweetUrl(String username, String id) {
        return "https://twitter.com/" + (username == null || username.isBlank() ? "i/web" : username) + "/status/" + id;
    }
}
