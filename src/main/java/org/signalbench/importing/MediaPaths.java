package org.signalbench.importing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.signalbench.domain.MediaFile;
import org.signalbench.domain.PostDraft;
import org.signalbench.store.MediaFolder;

/**
 * Keeps media inside the folder being imported. A path is resolved against the folder of the file
 * that names it, every symbolic link is followed ({@link Path#toRealPath}), and the result must
 * still lie inside that folder: {@code ../../etc/passwd}, an absolute path or a link that points
 * elsewhere is refused. The caller drops a refused file and keeps the post (see the format docs).
 */
final class MediaPaths {
    private MediaPaths() {
    }

    /** Resolves a path written in a source file, relative to {@code folder}. */
    static MediaFile resolve(Path folder, String written) throws BadInputException {
        Path relative;
        try {
            relative = Path.of(written);
        } catch (InvalidPathException e) {
            throw new BadInputException("media path '" + written + "' is not a valid path; media dropped, post kept");
        }
        if (written.isBlank()) {
            throw new BadInputException("media path is empty; media dropped, post kept");
        }
        if (relative.isAbsolute() || written.startsWith("/") || written.startsWith("\\")) {
            throw new BadInputException("media path '" + written
                    + "' is absolute; only paths inside the imported folder are read; media dropped, post kept");
        }
        Path base = folder.toAbsolutePath().normalize();
        Path target = base.resolve(relative).normalize();
        if (!target.startsWith(base)) {
            throw new BadInputException("media path '" + written + "' leads outside the imported folder; media dropped, post kept");
        }
        return inside(folder, target, written);
    }

    /** Checks that an existing file (a sidecar found beside a post) really lies inside {@code folder}. */
    static MediaFile inside(Path folder, Path candidate, String written) throws BadInputException {
        Path real;
        Path root;
        try {
            root = folder.toRealPath();
            real = candidate.toRealPath();
        } catch (NoSuchFileException e) {
            throw new BadInputException("media file '" + written + "' does not exist; media dropped, post kept");
        } catch (IOException e) {
            throw new BadInputException("media file '" + written + "' cannot be read (" + e.getMessage()
                    + "); media dropped, post kept");
        }
        if (!real.startsWith(root)) {
            throw new BadInputException("media path '" + written + "' leads outside the imported folder "
                    + "(to " + real + "); media dropped, post kept");
        }
        if (!Files.isRegularFile(real)) {
            // a folder (media: ["."]) or a pipe or device would be stored as an image and read forever
            throw new BadInputException("media path '" + written + "' is " + (Files.isDirectory(real) ? "a folder" : "not a regular file")
                    + ", not a media file; media dropped, post kept");
        }
        return MediaFile.of(real);
    }

    /**
     * The draft with its media copied into {@code folder} (null: left where they are, for a
     * workbench with no folder of its own). A file that cannot be copied is dropped with a reason
     * handed to {@code problems}; the post is kept.
     */
    static PostDraft copyInto(MediaFolder folder, PostDraft draft, Consumer<String> problems) {
        if (folder == null || draft.media().isEmpty()) {
            return draft;
        }
        List<MediaFile> copies = new ArrayList<>(draft.media().size());
        for (MediaFile media : draft.media()) {
            try {
                copies.add(folder.copyIn(media));
            } catch (IOException | RuntimeException e) {
                problems.accept("media file '" + media.path() + "' could not be copied into " + folder.folder() + " ("
                        + e.getMessage() + "); media dropped, post kept");
            }
        }
        return new PostDraft(draft.platform(), draft.externalId(), draft.author(), draft.authorId(), draft.postedAt(),
                draft.caption(), draft.comments(), copies, draft.collectedUnder(), draft.links(), draft.url(), draft.sourceFile(),
                draft.tweet());
    }
}
