package org.signalbench.sample;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.zip.CRC32;
import org.signalbench.sample.SampleGenerator.PlannedComment;
import org.signalbench.sample.SampleGenerator.PlannedPost;
import org.tukaani.xz.LZMA2Options;
import org.tukaani.xz.XZOutputStream;

/**
 * Writes about 50 of the study's posts as Instaloader 4.10 leaves them on disk: one folder per
 * hashtag search, {@code <date>_UTC.json} (some {@code .json.xz}) per post, comments beside it in
 * {@code <date>_UTC_comments.json}, pictures as {@code <date>_UTC.jpg} or {@code _1.jpg, _2.jpg}
 * for a multi-picture post. One post sits in two search folders.
 * Plain file writes on purpose: it writes only into the staged folder of {@link SampleGenerator#generate}, which is published whole.
 */
final class InstaloaderTreeWriter {
    static final List<String> FOLDERS = List.of("#xanax", "#oxy80s", "#2mgxanax", "#lsd25", "#mdmapills");
    private static final DateTimeFormatter STEM = DateTimeFormatter.ofPattern("yyyy-MM-dd_HH-mm-ss").withZone(ZoneOffset.UTC);
    private static final int DEALERS = 20;
    private static final int OTHERS = 30;

    private final Random random;
    private final boolean images;

    InstaloaderTreeWriter(Random random, boolean images) {
        this.random = random;
        this.images = images;
    }

    /** Returns how many distinct posts were written. */
    int write(Path root, List<PlannedPost> posts) throws IOException {
        List<PlannedPost> dealers = new ArrayList<>();
        List<PlannedPost> others = new ArrayList<>();
        for (PlannedPost p : posts) {
            if (!p.images.isEmpty() && !folders(p).isEmpty()) {
                (p.dealer ? dealers : others).add(p);
            }
        }
        Collections.shuffle(dealers, random);
        Collections.shuffle(others, random);
        List<PlannedPost> chosen = new ArrayList<>(dealers.subList(0, Math.min(DEALERS, dealers.size())));
        chosen.addAll(others.subList(0, Math.min(OTHERS, others.size())));
        chosen.sort((a, b) -> a.postedAt.compareTo(b.postedAt));
        Set<Path> usedStems = new HashSet<>();
        boolean twoFolders = false;
        int written = 0;
        for (int i = 0; i < chosen.size(); i++) {
            PlannedPost p = chosen.get(i);
            List<String> folders = folders(p);
            List<String> targets = !twoFolders && folders.size() > 1 ? folders.subList(0, 2) : folders.subList(0, 1);
            twoFolders |= targets.size() > 1;
            boolean any = false;
            for (String folder : targets) {
                Path dir = root.resolve(folder);
                Path stem = dir.resolve(STEM.format(p.postedAt) + "_UTC");
                if (!usedStems.add(stem)) {
                    continue; // two posts in the same second of one folder: Instaloader would clash too
                }
                Files.createDirectories(dir);
                writePost(stem, p, i % 3 == 2);
                any = true;
            }
            written += any ? 1 : 0;
        }
        return written;
    }

    private static List<String> folders(PlannedPost p) {
        List<String> out = new ArrayList<>();
        for (String f : FOLDERS) {
            if (p.collectedUnder.contains(f)) {
                out.add(f);
            }
        }
        return out;
    }

    private void writePost(Path stem, PlannedPost p, boolean xz) throws IOException {
        String base = stem.getFileName().toString();
        Map<String, Object> node = SampleGenerator.map(
                "__typename", p.images.size() > 1 ? "GraphSidecar" : "GraphImage",
                "id", Long.toString(p.mediaId),
                "shortcode", p.shortcode,
                "dimensions", SampleGenerator.map("height", SampleImages.SIZE, "width", SampleImages.SIZE),
                "display_url", "https://scontent.example.com/v/" + p.shortcode + ".jpg",
                "edge_media_to_tagged_user", SampleGenerator.map("edges", List.of()),
                "accessibility_caption", null,
                "is_video", false,
                "edge_media_to_caption", SampleGenerator.map("edges",
                        List.of(SampleGenerator.map("node", SampleGenerator.map("text", p.caption)))),
                "caption_is_edited", false,
                "edge_media_to_comment", SampleGenerator.map("count", p.comments.size()),
                "comments_disabled", false,
                "taken_at_timestamp", p.postedAt.getEpochSecond(),
                "edge_media_preview_like", SampleGenerator.map("count", random.nextInt(300)),
                "location", null,
                "owner", SampleGenerator.map("id", p.authorId, "username", p.author),
                "is_ad", false);
        if (p.images.size() > 1) {
            List<Object> children = new ArrayList<>();
            for (int i = 0; i < p.images.size(); i++) {
                children.add(SampleGenerator.map("node", SampleGenerator.map(
                        "__typename", "GraphImage",
                        "id", Long.toString(p.mediaId + i + 1),
                        "display_url", "https://scontent.example.com/v/" + p.shortcode + "_" + (i + 1) + ".jpg",
                        "is_video", false)));
            }
            node.put("edge_sidecar_to_children", SampleGenerator.map("edges", children));
        }
        Map<String, Object> doc = SampleGenerator.map("node", node,
                "instaloader", SampleGenerator.map("version", "4.10", "node_type", "Post"));
        byte[] json = SampleGenerator.json(doc).getBytes(StandardCharsets.UTF_8);
        if (xz) {
            try (OutputStream out = new XZOutputStream(Files.newOutputStream(stem.resolveSibling(base + ".json.xz")),
                    new LZMA2Options(1))) {
                out.write(json);
            }
        } else {
            Files.write(stem.resolveSibling(base + ".json"), json);
        }
        if (!p.comments.isEmpty()) {
            Files.writeString(stem.resolveSibling(base + "_comments.json"), SampleGenerator.json(comments(p)),
                    StandardCharsets.UTF_8);
        }
        if (images) {
            for (int i = 0; i < p.images.size(); i++) {
                String name = base + (p.images.size() > 1 ? "_" + (i + 1) : "") + ".jpg";
                try (OutputStream out = Files.newOutputStream(stem.resolveSibling(name))) {
                    SampleImages.writeJpeg(p.images.get(i), out);
                }
            }
        }
    }

    /** Instaloader's comment list: the owner's "@buyer ..." reply is an answer to the comment it follows. */
    private List<Map<String, Object>> comments(PlannedPost p) {
        List<Map<String, Object>> top = new ArrayList<>();
        PlannedComment lastTop = null;
        long id = 17_840_000_000_000_000L + (p.mediaId % 1_000_000_000L) * 1000;
        for (PlannedComment c : p.comments) {
            Map<String, Object> item = SampleGenerator.map(
                    "id", id++,
                    "created_at", c.at().getEpochSecond(),
                    "text", c.text(),
                    "owner", SampleGenerator.map("id", userId(c.author()), "username", c.author()),
                    "likes_count", random.nextInt(4));
            if (lastTop != null && c.author().equals(p.author) && c.text().startsWith("@" + lastTop.author() + " ")) {
                @SuppressWarnings("unchecked")
                List<Object> answers = (List<Object>) top.get(top.size() - 1).get("answers");
                answers.add(item);
            } else {
                item.put("answers", new ArrayList<>());
                top.add(item);
                lastTop = c;
            }
        }
        return top;
    }

    /** A stable invented account id for a commenter. */
    private static String userId(String username) {
        CRC32 crc = new CRC32();
        crc.update(username.getBytes(StandardCharsets.UTF_8));
        return Long.toString(1_000_000_000L + crc.getValue());
    }
}
