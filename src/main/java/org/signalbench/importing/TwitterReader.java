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
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.signalbench.domain.Platform;
import org.signalbench.domain.PostDraft;
import org.signalbench.domain.TweetFields;
import org.signalbench.domain.TweetUrl;
import org.signalbench.domain.TwitterAccount;

/**
 * Reads tweets (docs/formats/twitter.md): API v1.1 status objects (also as a stream capture with
 * its {@code delete}/{@code limit} notices), API v2 responses ({@code data} + {@code includes}) and
 * twarc2's pages and flattened tweets, bare v2 tweet objects, and ID-only datasets (a line with just
 * an id, or a .txt/.csv list of ids), as JSON Lines, a JSON array or one document.
 */
final class TwitterReader implements PostFileReader {
    /** v1.1's created_at, for example "Wed Oct 10 20:19:24 +0000 2018". */
    private static final DateTimeFormatter V1_TIME = DateTimeFormatter.ofPattern("EEE MMM dd HH:mm:ss Z yyyy", Locale.ROOT);
    /**
     * The keys of the streaming API's notices: a line holding one of them (and no tweet) is skipped
     * and counted, not refused (a deleted tweet, a rate-limit count, a withheld status, …).
     */
    private static final List<String> STREAM_NOTICES = List.of("delete", "limit", "scrub_geo", "status_withheld",
            "user_withheld", "disconnect", "warning");

    @Override
    public void read(Path file, DraftSink sink) throws IOException, BadInputException {
        Set<String> folderSearch = folderSearch(file);
        String source = file.toAbsolutePath().toString();
        if (TweetIdList.isIdListName(file)) {
            TweetIdList.read(file, (line, id) -> sink.accept(idOnly(id, folderSearch, source), line), sink::reject,
                    sink::readUpTo);
            return;
        }
        // JSON Lines, an array or one document, streamed: a stream capture can be gigabytes.
        JsonInput.forEachValue(file, new JsonInput.ValueHandler() {
            @Override
            public void value(int line, JsonNode node) {
                readValue(node, line, folderSearch, source, sink);
            }

            @Override
            public void reject(int line, String reason) {
                sink.reject(line, reason);
            }
        }, sink::readUpTo);
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
        String bareId = TweetIdList.bareId(node);
        if (bareId != null) {
            sink.accept(idOnly(bareId, folderSearch, source), line);
            return;
        }
        if (!node.isObject()) {
            sink.reject(line, "expected a tweet object, found " + JsonInput.typeOf(node));
            return;
        }
        String idOnly = idOfIdOnlyObject(node);
        if (idOnly != null) {
            sink.accept(idOnly(idOnly, folderSearch, source), line); // {"id_str": "…"}: an id list written as objects
            return;
        }
        boolean hasId = node.has("id") || node.has("id_str");
        if (!hasId && !node.has("data")) {
            for (String notice : STREAM_NOTICES) {
                if (node.has(notice)) {
                    sink.skip(line, notice);
                    return;
                }
            }
        }
        if (node.has("data")) {
            readV2Response(node, line, folderSearch, source, sink);
            return;
        }
        if (node.has("errors") && !hasId) {
            sink.reject(line, "an API error response, not tweets: " + firstErrorMessage(node.get("errors")));
            return;
        }
        if (node.has("meta") && !hasId) {
            return; // a v2 page with no results: nothing to import, nothing wrong
        }
        try {
            boolean v1 = node.has("id_str") || node.has("user") || node.has("full_text") || node.has("extended_tweet");
            if (!v1 && !node.has("id")) {
                throw new BadInputException("not a tweet: no 'id_str' (API v1.1) or 'id' (API v2); " + SUPPORTED);
            }
            if ((v1 ? v1Text(node, "") : v2Text(node, "")) == null) {
                // An id and no text of either API: another tool's shape, which would be stored as an empty post.
                throw new BadInputException(unknownShape(node));
            }
            sink.accept(v1 ? v1(node, folderSearch, source) : v2(node, "", V2Includes.EMPTY, folderSearch, source), line);
        } catch (BadInputException e) {
            sink.reject(line, e.getMessage());
        }
    }

    /** The id of an object that holds nothing but {@code id} and {@code id_str}, else null. */
    private static String idOfIdOnlyObject(JsonNode node) {
        java.util.Iterator<String> names = node.fieldNames();
        String id = null;
        while (names.hasNext()) {
            String name = names.next();
            if (!name.equals("id") && !name.equals("id_str")) {
                return null;
            }
            String value = TweetIdList.bareId(node.get(name));
            if (value == null) {
                return null;
            }
            id = value;
        }
        return id;
    }

    /** The shapes this reader takes, for the reason a value of another shape is refused. */
    static final String SUPPORTED = "SignalBench reads Twitter API v1.1 and v2 JSON (also stream captures and twarc2 "
            + "output), ID-only lists, Instaloader post files, SignalBench bundles, coder files and posts CSV "
            + "(docs/formats/twitter.md)";

    /** Why a value with an id but no tweet text of either API is refused, naming the tool it looks like. */
    private static String unknownShape(JsonNode node) {
        String like = node.has("rawContent") || node.has("renderedContent") || node.has("content") && node.has("url")
                ? "an snscrape line ('content' / 'rawContent' instead of 'text')"
                : "not a tweet of a known shape: no 'text', 'full_text' or 'extended_tweet.full_text' (API v1.1) and "
                + "no 'text' or 'note_tweet.text' (API v2)";
        return like + "; not imported. " + SUPPORTED;
    }

    private static PostDraft idOnly(String id, Set<String> folderSearch, String source) {
        return new PostDraft(Platform.TWITTER, id, null, null, null, "", List.of(), List.of(), folderSearch,
                List.of(), tweetUrl(null, id), source, TweetFields.idOnly());
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

    /** The users and referenced tweets a v2 page carries beside its tweets, by id. */
    private record V2Includes(Map<String, JsonNode> users, Map<String, JsonNode> tweets) {
        static final V2Includes EMPTY = new V2Includes(Map.of(), Map.of());
    }

    private static Map<String, JsonNode> byId(JsonNode includes, String name) throws BadInputException {
        Map<String, JsonNode> byId = new HashMap<>();
        JsonNode array = JsonInput.optArray(includes, name, "includes." + name);
        if (array != null) {
            for (int i = 0; i < array.size(); i++) {
                JsonNode item = JsonInput.objectAt(array, i, "includes." + name + "[" + i + "]");
                String id = JsonInput.optId(item, "id", "includes." + name + "[" + i + "].id");
                if (id != null) {
                    byId.put(id, item);
                }
            }
        }
        return byId;
    }

    private static void readV2Response(JsonNode response, int line, Set<String> folderSearch, String source, DraftSink sink) {
        Set<String> searches = new LinkedHashSet<>(folderSearch);
        JsonNode data = response.get("data");
        V2Includes includes;
        try {
            JsonNode includesNode = JsonInput.optObject(response, "includes", "includes");
            includes = new V2Includes(byId(includesNode, "users"), byId(includesNode, "tweets"));
            JsonNode rules = JsonInput.optArray(response, "matching_rules", "matching_rules");
            searches.addAll(JsonInput.textsOfObjects(rules, "tag", "matching_rules"));
            if (!data.isObject() && !data.isArray()) {
                throw JsonInput.wrongType("data", "a tweet object or an array of them", data);
            }
        } catch (BadInputException e) {
            sink.reject(line, e.getMessage());
            return;
        }
        List<JsonNode> tweets = new ArrayList<>();
        if (data.isArray()) {
            data.forEach(tweets::add);
        } else {
            tweets.add(data);
        }
        for (int i = 0; i < tweets.size(); i++) {
            String path = data.isArray() ? "data[" + i + "]." : "data.";
            try {
                sink.accept(v2(tweets.get(i), path, includes, searches, source), line);
            } catch (BadInputException e) {
                sink.reject(line, e.getMessage());
            }
        }
    }

    // ---- API v1.1 -------------------------------------------------------------------------------

    private static PostDraft v1(JsonNode status, Set<String> folderSearch, String source) throws BadInputException {
        String id = v1Id(status, "");
        if (id == null || id.isBlank()) {
            throw new BadInputException("missing field 'id_str'");
        }
        String text = v1Text(status, "");
        Instant postedAt = v1Time(status, "created_at", "created_at");
        JsonNode user = JsonInput.optObject(status, "user", "user");
        TwitterAccount account = v1Account(user, "user.");
        String screenName = account == null ? JsonInput.optText(user, "screen_name", "user.screen_name") : account.handle();
        List<TweetUrl> urls = new ArrayList<>(v1Urls(status, ""));
        JsonNode retweeted = JsonInput.optObject(status, "retweeted_status", "retweeted_status");
        String retweetOf = null;
        if (retweeted != null) {
            // A v1.1 retweet's own text is cut at 140 characters; the retweeted status holds it whole.
            retweetOf = v1Id(retweeted, "retweeted_status.");
            String originalText = v1Text(retweeted, "retweeted_status.");
            String originalHandle = JsonInput.optText(JsonInput.optObject(retweeted, "user", "retweeted_status.user"),
                    "screen_name", "retweeted_status.user.screen_name");
            if (originalText != null && originalHandle != null) {
                text = "RT @" + originalHandle + ": " + originalText;
            }
            urls.addAll(v1Urls(retweeted, "retweeted_status."));
        }
        String quoteOf = JsonInput.optText(status, "quoted_status_id_str", "quoted_status_id_str");
        if (quoteOf == null) {
            quoteOf = JsonInput.optId(status, "quoted_status_id", "quoted_status_id");
        }
        String replyTo = JsonInput.optText(status, "in_reply_to_status_id_str", "in_reply_to_status_id_str");
        if (replyTo == null) {
            replyTo = JsonInput.optId(status, "in_reply_to_status_id", "in_reply_to_status_id");
        }
        Set<String> searches = new LinkedHashSet<>(folderSearch);
        searches.addAll(JsonInput.textsOfObjects(JsonInput.optArray(status, "matching_rules", "matching_rules"),
                "tag", "matching_rules"));
        TweetFields fields = new TweetFields(JsonInput.optText(status, "lang", "lang"), true, retweetOf, quoteOf,
                replyTo, distinctUrls(urls), account);
        return new PostDraft(Platform.TWITTER, id, screenName, account == null ? null : account.id(), postedAt, text,
                List.of(), List.of(), searches, links(fields.urls()), tweetUrl(screenName, id), source, fields);
    }

    private static String v1Id(JsonNode status, String path) throws BadInputException {
        String id = JsonInput.optText(status, "id_str", path + "id_str");
        return id != null ? id : JsonInput.optId(status, "id", path + "id");
    }

    /** extended_tweet.full_text, else full_text, else text: the first present, so long tweets are whole. */
    private static String v1Text(JsonNode status, String path) throws BadInputException {
        JsonNode extended = JsonInput.optObject(status, "extended_tweet", path + "extended_tweet");
        String text = JsonInput.optText(extended, "full_text", path + "extended_tweet.full_text");
        if (text == null) {
            text = JsonInput.optText(status, "full_text", path + "full_text");
        }
        if (text == null) {
            text = JsonInput.optText(status, "text", path + "text");
        }
        return text;
    }

    private static Instant v1Time(JsonNode parent, String name, String path) throws BadInputException {
        String value = JsonInput.optText(parent, name, path);
        if (value == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value, V1_TIME).toInstant();
        } catch (DateTimeParseException e) {
            throw new BadInputException("field '" + path + "' is not a Twitter time like "
                    + "'Wed Oct 10 20:19:24 +0000 2018': '" + value + "'");
        }
    }

    private static TwitterAccount v1Account(JsonNode user, String path) throws BadInputException {
        if (user == null) {
            return null;
        }
        String id = JsonInput.optText(user, "id_str", path + "id_str");
        if (id == null) {
            id = JsonInput.optId(user, "id", path + "id");
        }
        if (id == null) {
            return null;
        }
        return new TwitterAccount(id, JsonInput.optText(user, "screen_name", path + "screen_name"),
                v1Time(user, "created_at", path + "created_at"), JsonInput.optLong(user, "statuses_count", path + "statuses_count"),
                JsonInput.optLong(user, "followers_count", path + "followers_count"));
    }

    /** The links of entities.urls and extended_tweet.entities.urls, with enterprise {@code unwound} data when present. */
    private static List<TweetUrl> v1Urls(JsonNode status, String path) throws BadInputException {
        List<TweetUrl> urls = new ArrayList<>();
        JsonNode entities = JsonInput.optObject(status, "entities", path + "entities");
        urls.addAll(urlsOf(JsonInput.optArray(entities, "urls", path + "entities.urls"), path + "entities.urls"));
        JsonNode extended = JsonInput.optObject(status, "extended_tweet", path + "extended_tweet");
        JsonNode extendedEntities = JsonInput.optObject(extended, "entities", path + "extended_tweet.entities");
        urls.addAll(urlsOf(JsonInput.optArray(extendedEntities, "urls", path + "extended_tweet.entities.urls"),
                path + "extended_tweet.entities.urls"));
        return urls;
    }

    /**
     * Reads url entities of either API: {@code expanded_url}, and where it led, from v2's
     * {@code unwound_url}/{@code status} or v1.1 enterprise's {@code unwound.url}/{@code unwound.status}.
     */
    private static List<TweetUrl> urlsOf(JsonNode array, String path) throws BadInputException {
        List<TweetUrl> urls = new ArrayList<>();
        if (array == null) {
            return urls;
        }
        for (int i = 0; i < array.size(); i++) {
            String at = path + "[" + i + "]";
            JsonNode item = JsonInput.objectAt(array, i, at);
            String expanded = JsonInput.optText(item, "expanded_url", at + ".expanded_url");
            String unwound = JsonInput.optText(item, "unwound_url", at + ".unwound_url");
            Long status = JsonInput.optLong(item, "status", at + ".status");
            JsonNode v1Unwound = JsonInput.optObject(item, "unwound", at + ".unwound");
            if (v1Unwound != null) {
                unwound = unwound != null ? unwound : JsonInput.optText(v1Unwound, "url", at + ".unwound.url");
                status = status != null ? status : JsonInput.optLong(v1Unwound, "status", at + ".unwound.status");
            }
            if (isBlank(expanded) && isBlank(unwound)) {
                continue;
            }
            urls.add(new TweetUrl(isBlank(expanded) ? null : expanded, isBlank(unwound) ? null : unwound,
                    status == null ? null : status.intValue()));
        }
        return urls;
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    /** One entry per link (the same link appears in entities and extended_tweet.entities). */
    private static List<TweetUrl> distinctUrls(List<TweetUrl> urls) {
        Map<String, TweetUrl> byLink = new LinkedHashMap<>();
        for (TweetUrl url : urls) {
            String key = url.expandedUrl() != null ? url.expandedUrl() : url.unwoundUrl();
            TweetUrl known = byLink.get(key);
            if (known == null || known.unwoundUrl() == null && url.unwoundUrl() != null) {
                byLink.put(key, url);
            }
        }
        return List.copyOf(byLink.values());
    }

    /** The post's links: each link's expanded URL (its unwound URL when only that is given). */
    private static List<String> links(List<TweetUrl> urls) {
        List<String> links = new ArrayList<>(urls.size());
        for (TweetUrl url : urls) {
            links.add(url.expandedUrl() != null ? url.expandedUrl() : url.unwoundUrl());
        }
        return links;
    }

    // ---- API v2 and twarc2 ----------------------------------------------------------------------

    private static PostDraft v2(JsonNode tweet, String path, V2Includes includes, Set<String> searches,
                                String source) throws BadInputException {
        if (!tweet.isObject()) {
            throw new BadInputException("'" + path.replaceAll("\\.$", "") + "' must be a tweet object, found "
                    + JsonInput.typeOf(tweet));
        }
        String id = JsonInput.optId(tweet, "id", path + "id");
        if (id == null || id.isBlank()) {
            throw new BadInputException("missing field '" + path + "id'");
        }
        String text = v2Text(tweet, path);
        Instant postedAt = isoTime(tweet, "created_at", path + "created_at");
        String authorId = JsonInput.optId(tweet, "author_id", path + "author_id");
        // twarc2's flattened tweets carry their author inline; pages carry it in includes.users.
        JsonNode author = JsonInput.optObject(tweet, "author", path + "author");
        String authorPath = path + "author.";
        if (author == null && authorId != null && includes.users().containsKey(authorId)) {
            author = includes.users().get(authorId);
            authorPath = "includes.users[id=" + authorId + "].";
        }
        TwitterAccount account = v2Account(author, authorId, authorPath);
        String username = account == null ? null : account.handle();
        List<TweetUrl> urls = new ArrayList<>(v2Urls(tweet, path));
        String retweetOf = null;
        String quoteOf = null;
        String replyTo = null;
        JsonNode references = JsonInput.optArray(tweet, "referenced_tweets", path + "referenced_tweets");
        if (references != null) {
            for (int i = 0; i < references.size(); i++) {
                String at = path + "referenced_tweets[" + i + "]";
                JsonNode reference = JsonInput.objectAt(references, i, at);
                String type = JsonInput.optText(reference, "type", at + ".type");
                String referencedId = JsonInput.optId(reference, "id", at + ".id");
                if (type == null || referencedId == null) {
                    continue;
                }
                switch (type) {
                    case "retweeted" -> {
                        retweetOf = referencedId;
                        // The retweet's own text is cut; the retweeted tweet (inline in twarc2's
                        // flattened form, else in includes.tweets) holds it whole.
                        JsonNode original = reference.has("text") || reference.has("note_tweet") ? reference
                                : includes.tweets().get(referencedId);
                        if (original != null && original.isObject()) {
                            String originalText = v2Text(original, at + ".");
                            String originalHandle = originalHandle(original, includes, at + ".");
                            if (originalText != null && originalHandle != null) {
                                text = "RT @" + originalHandle + ": " + originalText;
                            }
                            urls.addAll(v2Urls(original, at + "."));
                        }
                    }
                    case "quoted" -> quoteOf = referencedId;
                    case "replied_to" -> replyTo = referencedId;
                    default -> {
                        // an unknown reference type from a newer API: not an error
                    }
                }
            }
        }
        TweetFields fields = new TweetFields(JsonInput.optText(tweet, "lang", path + "lang"), true, retweetOf,
                quoteOf, replyTo, distinctUrls(urls), account);
        return new PostDraft(Platform.TWITTER, id, username, authorId != null ? authorId : account == null ? null : account.id(),
                postedAt, text, List.of(), List.of(), searches, links(fields.urls()), tweetUrl(username, id), source, fields);
    }

    /** note_tweet.text (the whole of a long tweet), else text. */
    private static String v2Text(JsonNode tweet, String path) throws BadInputException {
        JsonNode noteTweet = JsonInput.optObject(tweet, "note_tweet", path + "note_tweet");
        String text = JsonInput.optText(noteTweet, "text", path + "note_tweet.text");
        return text != null ? text : JsonInput.optText(tweet, "text", path + "text");
    }

    private static String originalHandle(JsonNode original, V2Includes includes, String path) throws BadInputException {
        JsonNode author = JsonInput.optObject(original, "author", path + "author");
        if (author == null) {
            String authorId = JsonInput.optId(original, "author_id", path + "author_id");
            author = authorId == null ? null : includes.users().get(authorId);
        }
        return author == null ? null : JsonInput.optText(author, "username", path + "author.username");
    }

    private static List<TweetUrl> v2Urls(JsonNode tweet, String path) throws BadInputException {
        JsonNode entities = JsonInput.optObject(tweet, "entities", path + "entities");
        List<TweetUrl> urls = new ArrayList<>(urlsOf(JsonInput.optArray(entities, "urls", path + "entities.urls"),
                path + "entities.urls"));
        JsonNode noteTweet = JsonInput.optObject(tweet, "note_tweet", path + "note_tweet");
        JsonNode noteEntities = JsonInput.optObject(noteTweet, "entities", path + "note_tweet.entities");
        urls.addAll(urlsOf(JsonInput.optArray(noteEntities, "urls", path + "note_tweet.entities.urls"),
                path + "note_tweet.entities.urls"));
        return urls;
    }

    private static TwitterAccount v2Account(JsonNode user, String authorId, String path) throws BadInputException {
        if (user == null) {
            return authorId == null ? null : new TwitterAccount(authorId, null, null, null, null);
        }
        String id = JsonInput.optId(user, "id", path + "id");
        id = id != null ? id : authorId;
        if (id == null) {
            return null;
        }
        JsonNode metrics = JsonInput.optObject(user, "public_metrics", path + "public_metrics");
        return new TwitterAccount(id, JsonInput.optText(user, "username", path + "username"),
                isoTime(user, "created_at", path + "created_at"),
                JsonInput.optLong(metrics, "tweet_count", path + "public_metrics.tweet_count"),
                JsonInput.optLong(metrics, "followers_count", path + "public_metrics.followers_count"));
    }

    private static Instant isoTime(JsonNode parent, String name, String path) throws BadInputException {
        String value = JsonInput.optText(parent, name, path);
        if (value == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw new BadInputException("field '" + path + "' is not an ISO-8601 time: '" + value + "'");
        }
    }

    private static String tweetUrl(String username, String id) {
        return "https://twitter.com/" + (username == null || username.isBlank() ? "i/web" : username) + "/status/" + id;
    }
}
