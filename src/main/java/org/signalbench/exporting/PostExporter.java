package org.signalbench.exporting;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.signalbench.bundle.BundlePost;
import org.signalbench.bundle.BundleWriter;
import org.signalbench.domain.MediaFile;
import org.signalbench.domain.Platform;
import org.signalbench.domain.Post;
import org.signalbench.store.Session;

/**
 * Writes a workbench's posts as a bundle (docs/formats/bundle.md) or a CSV file
 * (docs/formats/csv.md). Media files are copied into a folder beside the output so the export
 * can be imported anywhere (staged, {@link SafeOutputFile#stageFolder}, and published when all are
 * copied); the file is written through {@link SafeOutputFile}, so an export never lands on the
 * workbench and a failed one never leaves a half-written file or media folder under the requested name.
 * CSV cells that a spreadsheet would run as formulas are neutralised unless raw ({@link SafeCsvPrinter}).
 */
public final class PostExporter {
    public enum Format {
        BUNDLE, CSV;

        public static Format fromKey(String key) {
            return valueOf(key.trim().toUpperCase(Locale.ROOT));
        }
    }

    static final String[] CSV_COLUMNS = {"platform", "external_id", "author", "posted_at", "caption",
            "collected_under", "url", "links", "media"};

    private final Path out;
    private final boolean copyMedia;
    private final Path mediaFolder;
    private final boolean raw;

    public PostExporter(Path out, boolean copyMedia) {
        this(out, copyMedia, false);
    }

    /** @param raw write CSV cells as they are, without neutralising spreadsheet formulas ({@link SafeCsvPrinter}) */
    public PostExporter(Path out, boolean copyMedia, boolean raw) {
        this.raw = raw;
        this.out = out.toAbsolutePath().normalize();
        this.copyMedia = copyMedia;
        String name = this.out.getFileName().toString();
        this.mediaFolder = this.out.resolveSibling(name.replaceFirst("\\.[^.]+$", "") + "-media");
    }

    /**
     * Exports every post (of one platform when not null); returns the number of posts written. The
     * media are copied into a staged folder that is published just before the export file is moved
     * into place: a failed or killed export leaves no half-copied media file under a final name.
     */
    public long export(Session c, Format format, Platform platform) throws IOException {
        SafeOutputFile.check(out, c); // before any media is copied
        long[] count = {0};
        try (SafeOutputFile.StagedFolder media = copyMedia ? SafeOutputFile.stageFolder(mediaFolder, c) : null) {
            SafeOutputFile.write(out, c, stream -> {
                if (format == Format.BUNDLE) {
                    BundleWriter writer = new BundleWriter(stream);
                    readEach(c, platform, post -> {
                        writer.write(toBundle(post, media));
                        count[0]++;
                    });
                    writer.close();
                } else {
                    Writer text = new java.io.OutputStreamWriter(stream, StandardCharsets.UTF_8);
                    try (SafeCsvPrinter csv = new SafeCsvPrinter(text, raw, CSV_COLUMNS)) {
                        readEach(c, platform, post -> {
                            csv.printRecord(post.platform().key(), post.externalId(), post.author(),
                                    post.postedAt() == null ? null : post.postedAt().toString(), post.caption(),
                                    String.join(";", post.collectedUnder()), post.url(), String.join(" ", post.links()),
                                    String.join(";", media(post, media)));
                            count[0]++;
                        });
                    }
                }
                if (media != null) {
                    media.publish(); // before the file that refers to them
                }
            });
        }
        return count[0];
    }

    private interface PostHandler {
        void accept(Post post) throws IOException;
    }

    private static void readEach(Session c, Platform platform, PostHandler handler) throws IOException {
        try {
            c.forEachPost(platform, post -> {
                try {
                    handler.accept(post);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private BundlePost toBundle(Post post, SafeOutputFile.StagedFolder staged) throws IOException {
        List<BundlePost.BundleComment> comments = post.comments().stream()
                .map(k -> new BundlePost.BundleComment(k.author(), k.text(), k.at() == null ? null : k.at().toString()))
                .toList();
        return new BundlePost(post.platform().key(), post.externalId(), post.author(), null,
                post.postedAt() == null ? null : post.postedAt().toString(), post.caption(), post.url(),
                comments, media(post, staged), List.copyOf(post.collectedUnder()), post.links());
    }

    /** Copies a post's media into the staged folder; returns their paths as the export refers to them (relative to its folder). */
    private List<String> media(Post post, SafeOutputFile.StagedFolder staged) throws IOException {
        List<String> paths = new ArrayList<>();
        if (staged == null) {
            return paths;
        }
        int n = 0;
        for (MediaFile m : post.media()) {
            if (!Files.isRegularFile(m.path())) {
                continue; // moved or deleted since import: nothing to copy
            }
            String file = m.path().getFileName().toString();
            String ext = file.contains(".") ? file.substring(file.lastIndexOf('.')) : "";
            String name = post.platform().key() + "-" + safe(post.externalId()) + "-" + n++ + ext;
            Path target = mediaFolder.resolve(name);
            Files.copy(m.path(), staged.path().resolve(name), StandardCopyOption.REPLACE_EXISTING);
            paths.add(out.getParent().relativize(target).toString().replace('\\', '/'));
        }
        return paths;
    }

    private static String safe(String id) {
        return id.replaceAll("[^A-Za-z0-9_-]", "_");
    }
}
