package org.signalbench.importing;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.signalbench.domain.Comment;
import org.signalbench.domain.MediaFile;
import org.signalbench.domain.Platform;
import org.signalbench.domain.PostDraft;

/** Reads SignalBench's bundle (docs/formats/bundle.md): a header line, then one post per line. */
final class BundleReader implements PostFileReader {
    static final String FORMAT_NAME = "signalbench-bundle";

    @Override
    public void read(Path file, DraftSink sink) throws IOException, BadInputException {
        byte[] bytes = SourceText.readBytes(file);
        Path folder = file.toAbsolutePath().getParent();
        String source = file.toAbsolutePath().toString();
        List<int[]> lines = JsonInput.splitLines(bytes, SourceText.contentStart(bytes));
        boolean headerSeen = false;
        for (int[] line : lines) {
            if (JsonInput.isBlank(bytes, line[1], line[2])) {
                continue;
            }
            int number = line[0];
            sink.readUpTo((double) line[2] / bytes.length);
            try {
                JsonNode node = JsonInput.parse(SourceText.decode(bytes, line[1], line[2] - line[1], number), number);
                if (!headerSeen) {
                    checkHeader(node, number);
                    headerSeen = true;
                    continue;
                }
                sink.accept(post(node, folder, source, number, sink), number);
            } catch (BadInputException e) {
                if (!headerSeen) {
                    throw new BadInputException(number, "not a SignalBench bundle: " + e.getMessage());
                }
                sink.reject(number, e.getMessage());
            }
        }
        if (!headerSeen) {
            throw new BadInputException("empty file: no bundle header");
        }
    }

    private static void checkHeader(JsonNode node, int line) throws BadInputException {
        if (!node.isObject() || !FORMAT_NAME.equals(node.path("format").asText(null))) {
            throw new BadInputException(line, "the first line must be the header {\"format\": \"signalbench-bundle\", \"version\": 1}");
        }
        Long version = JsonInput.optLong(node, "version", "version");
        if (version == null || version < 1) {
            throw new BadInputException(line, "the header's 'version' must be a whole number from 1");
        }
        if (version > org.signalbench.bundle.BundleWriter.VERSION) {
            throw new BadInputException(line, "bundle version " + version + " is newer than this SignalBench reads (up to "
                    + org.signalbench.bundle.BundleWriter.VERSION + "); import it with a newer SignalBench");
        }
    }

    private static PostDraft post(JsonNode node, Path folder, String source, int line, DraftSink sink) throws BadInputException {
        if (!node.isObject()) {
            throw new BadInputException("expected a post object, found " + JsonInput.typeOf(node));
        }
        Platform platform;
        try {
            platform = Platform.fromKey(JsonInput.reqText(node, "platform", "platform"));
        } catch (IllegalArgumentException e) {
            throw new BadInputException(e.getMessage());
        }
        String id = JsonInput.reqText(node, "externalId", "externalId");
        List<Comment> comments = new ArrayList<>();
        JsonNode commentArray = JsonInput.optArray(node, "comments", "comments");
        if (commentArray != null) {
            for (int i = 0; i < commentArray.size(); i++) {
                JsonNode comment = commentArray.get(i);
                String path = "comments[" + i + "]";
                if (!comment.isObject()) {
                    throw JsonInput.wrongType(path, "an object", comment);
                }
                String text = JsonInput.optText(comment, "text", path + ".text");
                if (text == null) {
                    throw new BadInputException("missing field '" + path + ".text'");
                }
                comments.add(new Comment(JsonInput.optText(comment, "author", path + ".author"), text,
                        instant(comment, "at", path + ".at")));
            }
        }
        String author = JsonInput.optText(node, "author", "author");
        String authorId = JsonInput.optId(node, "authorId", "authorId");
        Instant postedAt = instant(node, "postedAt", "postedAt");
        String caption = JsonInput.optText(node, "caption", "caption");
        LinkedHashSet<String> searches = new LinkedHashSet<>(JsonInput.textList(node, "collectedUnder", "collectedUnder"));
        List<String> links = List.copyOf(new LinkedHashSet<>(JsonInput.textList(node, "links", "links")));
        String url = JsonInput.optText(node, "url", "url");
        List<String> mediaPaths = JsonInput.textList(node, "media", "media");
        // Media last: a refused media path is reported only for a post that is otherwise readable.
        List<MediaFile> media = new ArrayList<>();
        for (String written : mediaPaths) {
            try {
                media.add(MediaPaths.resolve(folder, written));
            } catch (BadInputException e) {
                sink.reject(line, e.getMessage());
            }
        }
        return new PostDraft(platform, id, author, authorId, postedAt, caption, comments, media, searches, links,
                url, source);
    }

    private static Instant instant(JsonNode node, String field, String path) throws BadInputException {
        String value = JsonInput.optText(node, field, path);
        if (value == null) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new BadInputException("field '" + path + "' is not an ISO-8601 instant (2018-07-19T14:03:11Z): '" + value + "'");
        }
    }
}
