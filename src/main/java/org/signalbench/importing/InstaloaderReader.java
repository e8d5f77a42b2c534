package org.signalbench.importing;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.signalbench.domain.Comment;
import org.signalbench.domain.MediaFile;
import org.signalbench.domain.Platform;
import org.signalbench.domain.PostDraft;

/**
 * Reads Instaloader's tree (docs/formats/instaloader.md): one {@code <date>_UTC.json[.xz]} per post
 * with comments in {@code <date>_UTC_comments.json} and media {@code <date>_UTC[_N].jpg|png|mp4}
 * beside it. The folder's name is the search the post was collected under.
 */
final class InstaloaderReader implements PostFileReader {
    private static final Pattern MEDIA_NAME = Pattern.compile("(.+?)(?:_(\\d{1,6}))?\\.(jpe?g|png|webp|gif|mp4|mov)",
            Pattern.CASE_INSENSITIVE);

    /** A media file found beside posts, with its sidecar index (0 for {@code <stem>.jpg}). */
    private record Sidecar(Path file, int index) {
    }

    /** Media files per folder and stem, listed once per folder rather than once per post. */
    private final Map<Path, Map<String, List<Sidecar>>> mediaByFolder = new HashMap<>();

    static boolean isPostFileName(Path file) {
        String name = SourceText.plainName(file);
        return name.endsWith("_utc.json");
    }

    static boolean isCommentsFileName(Path file) {
        return SourceText.plainName(file).endsWith("_comments.json");
    }

    /** The name a post's sidecar files share: the file name without .json or .json.xz. */
    static String stem(Path file) {
        String name = file.getFileName().toString();
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".json.xz")) {
            return name.substring(0, name.length() - ".json.xz".length());
        }
        return lower.endsWith(".json") ? name.substring(0, name.length() - ".json".length()) : name;
    }

    @Override
    public void read(Path file, DraftSink sink) throws IOException, BadInputException {
        JsonNode root = JsonInput.readDocument(file); // one small file per post, parsed as a stream
        if (!root.isObject()) {
            throw new BadInputException("expected a JSON object {\"node\": …, \"instaloader\": …}, found " + JsonInput.typeOf(root));
        }
        JsonNode instaloader = JsonInput.optObject(root, "instaloader", "instaloader");
        String nodeType = JsonInput.optText(instaloader, "node_type", "instaloader.node_type");
        if (nodeType != null && !nodeType.equals("Post")) {
            throw new BadInputException("an Instaloader " + nodeType + ", not a post");
        }
        JsonNode node = root.get("node");
        if (node == null || node.isNull()) {
            throw new BadInputException("missing field 'node': not an Instaloader post file");
        }
        if (!node.isObject()) {
            throw JsonInput.wrongType("node", "an object", node);
        }
        String shortcode = JsonInput.reqText(node, "shortcode", "node.shortcode");
        String caption = caption(node);
        Instant takenAt = JsonInput.optEpochSeconds(node, "taken_at_timestamp", "node.taken_at_timestamp");
        JsonNode owner = JsonInput.optObject(node, "owner", "node.owner");
        String username = JsonInput.optText(owner, "username", "node.owner.username");
        String ownerId = JsonInput.optId(owner, "id", "node.owner.id");

        Path folder = file.toAbsolutePath().getParent();
        String stem = stem(file);
        List<Comment> comments = comments(folder, stem);
        List<MediaFile> media = new ArrayList<>();
        for (Sidecar sidecar : sidecars(folder, stem)) {
            try {
                media.add(MediaPaths.inside(folder, sidecar.file(), sidecar.file().getFileName().toString()));
            } catch (BadInputException e) {
                sink.reject(null, e.getMessage());
            }
        }
        Path folderName = folder.getFileName();
        Set<String> searches = folderName == null ? Set.of() : Set.of(folderName.toString());
        sink.accept(new PostDraft(Platform.INSTAGRAM, shortcode, username, ownerId,
                takenAt, caption, comments, media, searches,
                List.of(), "https://www.instagram.com/p/" + shortcode + "/", file.toAbsolutePath().toString()), null);
    }

    private static String caption(JsonNode node) throws BadInputException {
        JsonNode captionEdge = JsonInput.optObject(node, "edge_media_to_caption", "node.edge_media_to_caption");
        JsonNode edges = JsonInput.optArray(captionEdge, "edges", "node.edge_media_to_caption.edges");
        if (edges == null || edges.isEmpty()) {
            return "";
        }
        JsonNode first = edges.get(0);
        if (!first.isObject()) {
            throw JsonInput.wrongType("node.edge_media_to_caption.edges[0]", "an object", first);
        }
        JsonNode captionNode = JsonInput.optObject(first, "node", "node.edge_media_to_caption.edges[0].node");
        String text = JsonInput.optText(captionNode, "text", "node.edge_media_to_caption.edges[0].node.text");
        return text == null ? "" : text;
    }

    /** The comments file beside the post, flattened: each comment followed by its replies, oldest first. */
    private static List<Comment> comments(Path folder, String stem) throws IOException, BadInputException {
        Path file = folder.resolve(stem + "_comments.json");
        if (!Files.exists(file)) {
            file = folder.resolve(stem + "_comments.json.xz");
            if (!Files.exists(file)) {
                return List.of();
            }
        }
        String name = file.getFileName().toString();
        try {
            JsonNode root = JsonInput.readDocument(file);
            if (!root.isArray()) {
                throw new BadInputException("expected a JSON array of comments, found " + JsonInput.typeOf(root));
            }
            List<Comment> flat = new ArrayList<>();
            for (JsonNodeAt comment : sortedByTime(root, "")) {
                flat.add(comment(comment.node(), comment.path()));
                JsonNode answers = JsonInput.optArray(comment.node(), "answers", comment.path() + ".answers");
                if (answers != null) {
                    for (JsonNodeAt answer : sortedByTime(answers, comment.path() + ".answers")) {
                        flat.add(comment(answer.node(), answer.path()));
                    }
                }
            }
            return flat;
        } catch (BadInputException e) {
            String where = e.line() == null || e.line() == 1 ? "" : " line " + e.line();
            throw new BadInputException("comments file " + name + where + ": " + e.getMessage() + "; post skipped");
        }
    }

    private record JsonNodeAt(JsonNode node, String path, long time, int order) {
    }

    /** Instaloader writes comments newest first; the thread reads oldest first. */
    private static List<JsonNodeAt> sortedByTime(JsonNode array, String prefix) throws BadInputException {
        List<JsonNodeAt> items = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            String path = prefix + "[" + i + "]";
            JsonNode item = JsonInput.objectAt(array, i, path);
            Long time = JsonInput.optLong(item, "created_at", path + ".created_at");
            items.add(new JsonNodeAt(item, path, time == null ? Long.MAX_VALUE : time, i));
        }
        items.sort(Comparator.comparingLong(JsonNodeAt::time));
        return items;
    }

    private static Comment comment(JsonNode node, String path) throws BadInputException {
        String text = JsonInput.optText(node, "text", path + ".text");
        if (text == null) {
            throw new BadInputException("missing field '" + path + ".text'");
        }
        Instant createdAt = JsonInput.optEpochSeconds(node, "created_at", path + ".created_at");
        JsonNode owner = JsonInput.optObject(node, "owner", path + ".owner");
        String author = JsonInput.optText(owner, "username", path + ".owner.username");
        return new Comment(author, text, createdAt);
    }

    private List<Sidecar> sidecars(Path folder, String stem) throws IOException {
        Map<String, List<Sidecar>> byStem = mediaByFolder.get(folder);
        if (byStem == null) {
            byStem = new HashMap<>();
            try (DirectoryStream<Path> files = Files.newDirectoryStream(folder)) {
                for (Path file : files) {
                    Matcher m = MEDIA_NAME.matcher(file.getFileName().toString());
                    if (!m.matches()) {
                        continue;
                    }
                    if (m.group(2) != null) {
                        byStem.computeIfAbsent(m.group(1), k -> new ArrayList<>())
                                .add(new Sidecar(file, Integer.parseInt(m.group(2))));
                    }
                    String whole = file.getFileName().toString();
                    String base = whole.substring(0, whole.lastIndexOf('.'));
                    byStem.computeIfAbsent(base, k -> new ArrayList<>()).add(new Sidecar(file, 0));
                }
            }
            for (List<Sidecar> list : byStem.values()) {
                list.sort(Comparator.comparingInt(Sidecar::index).thenComparing(s -> s.file().getFileName().toString()));
            }
            mediaByFolder.put(folder, byStem);
        }
        return byStem.getOrDefault(stem, List.of());
    }
}
