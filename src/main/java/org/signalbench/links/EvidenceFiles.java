package org.signalbench.links;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;

/**
 * Evidence files (page snapshots, screenshots) kept in one folder under their SHA-256: the same
 * bytes are stored once, a changed file is a new file, and the record's hash names the file, so
 * evidence cannot change unnoticed. Written to a temporary file and moved in place, never half-written.
 */
public final class EvidenceFiles {
    /** Where the bytes went and their SHA-256 (lower-case hex). */
    public record Stored(Path file, String sha256) {
    }

    private EvidenceFiles() {
    }

    /** Stores {@code bytes} as {@code <folder>/<sha256><extension>} unless that file is already there. */
    public static Stored store(Path folder, byte[] bytes, String extension) throws IOException {
        String sha = LinkChecker.sha256(bytes);
        Path target = folder.resolve(sha + extension.toLowerCase(Locale.ROOT));
        if (!Files.exists(target)) {
            Files.createDirectories(folder);
            Path temp = Files.createTempFile(folder, "evidence-", ".partial");
            try {
                Files.write(temp, bytes);
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(temp);
            }
        }
        return new Stored(target, sha);
    }
}
