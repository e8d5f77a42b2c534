package org.signalbench.importing;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** Decides what a file is from its name and the start of its content. */
final class FormatDetector {
    /** What to do with one file. {@code format} is null for files that are not read (media, notes). */
    record Detection(ImportFormat format, String refusal) {
        static final Detection NOT_DATA = new Detection(null, null);

        /** A data file refused before reading, for the reason given. */
        static Detection refused(String reason) {
            return new Detection(null, reason);
        }

        boolean isData() {
            return format != null || refusal != null;
        }
    }

    /** How much of a file detection reads: enough for the first line of any bundle or tweet file. */
    private static final int HEAD_BYTES = 1 << 20;

    private FormatDetector() {
    }

    /**
     * Files that may hold posts or answers; everything else (images, videos, README) is left alone.
     * A .txt file is data only when it turns out to be a list of tweet ids.
     */
    static boolean isDataFileName(Path file) {
        String name = SourceText.plainName(file);
        return name.endsWith(".json") || name.endsWith(".jsonl") || name.endsWith(".ndjson") || name.endsWith(".csv")
                || name.endsWith(".txt");
    }

    static Detection detect(Path file, ImportFormat forced) {
        if (!isDataFileName(file) || InstaloaderReader.isCommentsFileName(file)) {
            return Detection.NOT_DATA; // comments are read with their post
        }
        if (InstaloaderReader.isPostFileName(file)) {
            // Checked first: a tree holds thousands of these, and peeking into each would cost a parse.
            return new Detection(forced != null ? forced : ImportFormat.INSTALOADER, null);
        }
        if (SourceText.plainName(file).endsWith(".json") && CoderFileImport.isCoderFile(file)) {
            return new Detection(ImportFormat.CODER_FILE, null);
        }
        String name = SourceText.plainName(file);
        if (name.endsWith(".txt") || name.endsWith(".csv") && forced == null) {
            // An ID-only Twitter dataset, or (for .txt) a note or caption file that is not data.
            if (isTweetIdList(file)) {
                return new Detection(ImportFormat.TWITTER, null);
            }
            if (name.endsWith(".txt")) {
                return Detection.NOT_DATA;
            }
        }
        if (forced != null) {
            return new Detection(forced, null);
        }
        if (name.endsWith(".csv")) {
            return new Detection(ImportFormat.CSV, null);
        }
        try {
            return fromContent(file, SourceText.readHead(file, HEAD_BYTES));
        } catch (BadInputException e) {
            return Detection.refused(e.getMessage());
        } catch (IOException e) {
            return Detection.refused("cannot read the file: " + e.getMessage());
        }
    }

    private static boolean isTweetIdList(Path file) {
        if (InstaloaderReader.isPostFileName(file) || file.getFileName().toString().contains("_UTC")) {
            return false; // Instaloader's caption files (<date>_UTC.txt) are never id lists
        }
        try {
            return TweetIdList.looksLikeIdList(SourceText.readHead(file, HEAD_BYTES));
        } catch (IOException | BadInputException e) {
            return false;
        }
    }

    private static Detection fromContent(Path file, byte[] bytes) throws IOException, BadInputException {
        int first = JsonInput.firstNonBlank(bytes, SourceText.contentStart(bytes));
        if (first < 0) {
            return Detection.refused("empty file: nothing to import");
        }
        if (bytes[first] != '{' && bytes[first] != '[' && TweetIdList.looksLikeIdList(bytes)) {
            return new Detection(ImportFormat.TWITTER, null); // JSON Lines of bare tweet ids
        }
        if (bytes[first] != '{' && bytes[first] != '[') {
            return Detection.refused(String.format(Locale.ROOT,
                    "not JSON: the file starts with byte 0x%02X where '{' or '[' was expected", bytes[first] & 0xFF));
        }
        if (bytes[first] == '[') {
            return new Detection(ImportFormat.TWITTER, null);
        }
        JsonNode head = firstValue(bytes);
        if (head == null && bytes.length == HEAD_BYTES) {
            try {
                head = JsonInput.readDocument(file); // one document longer than the head, parsed as a stream
            } catch (BadInputException notOneDocument) {
                head = null; // the reader reports what is wrong with it
            }
        }
        if (head != null && head.isObject()) {
            if (BundleReader.FORMAT_NAME.equals(head.path("format").asText(null))) {
                return new Detection(ImportFormat.BUNDLE, null);
            }
            if (head.has("node") && head.has("instaloader")) {
                // Instaloader also saves profile metadata ({profile}_{id}.json): not a post, not an error.
                String nodeType = head.path("instaloader").path("node_type").asText("Post");
                return "Profile".equals(nodeType) ? Detection.NOT_DATA : new Detection(ImportFormat.INSTALOADER, null);
            }
        }
        // Twitter's reader reports precisely what is wrong with anything else.
        return new Detection(ImportFormat.TWITTER, null);
    }

    /** The first line's JSON value, or the whole text's when the first line is not complete; null if neither parses. */
    private static JsonNode firstValue(byte[] bytes) {
        List<int[]> lines = JsonInput.splitLines(bytes, SourceText.contentStart(bytes));
        for (int[] line : lines) {
            if (JsonInput.isBlank(bytes, line[1], line[2])) {
                continue;
            }
            try {
                return JsonInput.mapper().readTree(bytes, line[1], line[2] - line[1]);
            } catch (IOException e) {
                try {
                    int start = SourceText.contentStart(bytes);
                    return JsonInput.mapper().readTree(bytes, start, bytes.length - start);
                } catch (IOException e2) {
                    return null;
                }
            }
        }
        return null;
    }
}
