package org.signalbench.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import org.signalbench.domain.MediaCheck;
import org.signalbench.domain.MediaFile;
import org.signalbench.domain.MissingMedia;

/**
 * Where a workbench keeps its media: {@code <name>-data/media/} beside {@code <name>.sqlite} (the
 * workbench's own data folder, {@link DataLocations#workbenchDataFolder}, where its final models live too), each file
 * named by its SHA-256 (so a picture imported twice is stored once and a file cannot change under
 * its name). {@code post_media.path} holds a path relative to the workbench's folder for a file
 * inside that folder, so moving or cleaning the imported source breaks nothing and the workbench
 * moves with its media; older rows with absolute paths are read as they are.
 */
public final class MediaFolder {
    private final Path base;
    private final Path folder;

    private MediaFolder(Path workbenchFile) {
        Path file = workbenchFile.toAbsolutePath().normalize();
        this.base = file.getParent();
        this.folder = DataLocations.workbenchDataFolder(file).resolve("media");
    }

    /** The media folder of the workbench file {@code workbenchFile}. */
    public static MediaFolder of(Path workbenchFile) {
        return new MediaFolder(workbenchFile);
    }

    /** The media folder of the workbench {@code connection} is open on; null for an in-memory database. */
    public static MediaFolder of(Connection connection) throws SQLException {
        String url = connection.getMetaData().getURL();
        String prefix = "jdbc:sqlite:";
        if (url == null || !url.startsWith(prefix)) {
            return null;
        }
        String file = url.substring(prefix.length());
        int options = file.indexOf('?');
        file = options < 0 ? file : file.substring(0, options);
        if (file.startsWith("file:")) {
            file = file.substring("file:".length());
        }
        if (file.isEmpty() || file.equals(":memory:")) {
            return null;
        }
        return new MediaFolder(Path.of(file));
    }

    /** The folder the copies go to. */
    public Path folder() {
        return folder;
    }

    /**
     * Copies {@code source} into the media folder (unless a file with its content is there already)
     * and returns the copy. Written to a temporary name and moved, so a cut-off copy never carries a
     * media file's name.
     */
    public MediaFile copyIn(MediaFile source) throws IOException {
        Path from = source.path();
        String name = from.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String extension = dot < 0 ? "" : name.substring(dot).toLowerCase(Locale.ROOT).replaceAll("[^.a-z0-9]", "");
        String hash = sha256(from);
        Path target = folder.resolve(hash.substring(0, 2)).resolve(hash + extension);
        if (!Files.isRegularFile(target) || Files.size(target) != Files.size(from)) {
            Files.createDirectories(target.getParent());
            Path partial = Files.createTempFile(target.getParent(), "copy-", ".partial");
            try {
                Files.copy(from, partial, StandardCopyOption.REPLACE_EXISTING);
                try {
                    Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(partial);
            }
        }
        return new MediaFile(target, source.kind());
    }

    /** How {@code post_media.path} stores a file: relative to the workbench's folder when inside it, else absolute. */
    public String stored(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        if (absolute.startsWith(base)) {
            return base.relativize(absolute).toString().replace('\\', '/');
        }
        return absolute.toString();
    }

    /** The file a stored path names: relative ones against the workbench's folder. */
    public Path resolve(String stored) {
        Path path = Path.of(stored);
        return path.isAbsolute() ? path : base.resolve(path).normalize();
    }

    /** The file a stored path names, for a connection whose folder may be unknown (null). */
    static Path resolve(MediaFolder folder, String stored) {
        return folder == null ? Path.of(stored) : folder.resolve(stored);
    }

    /** The stored form of a path, for a connection whose folder may be unknown (null). */
    static String stored(MediaFolder folder, Path file) {
        return folder == null ? file.toString() : folder.stored(file);
    }

    /** Every media row of the workbench whose file is not there (moved, deleted, on a disk not mounted). */
    public static MediaCheck check(Connection connection) throws SQLException {
        MediaFolder folder = of(connection);
        List<MissingMedia> missing = new ArrayList<>();
        int media = 0;
        try (PreparedStatement st = connection.prepareStatement("SELECT p.id, p.platform, p.external_id, m.position, m.path "
                + "FROM post_media m JOIN post p ON p.id = m.post_id ORDER BY p.id, m.position");
             ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
                media++;
                Path file = resolve(folder, rs.getString(5));
                if (!Files.isRegularFile(file)) {
                    missing.add(new MissingMedia(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4), file));
                }
            }
        }
        return new MediaCheck(media, missing);
    }

    /** What {@link #adopt} did: files copied in, rows already inside the workbench's folder, files missing. */
    public record Adopted(int copied, int alreadyInside, int missing) {
    }

    /**
     * Copies every media file a row names outside the workbench's folder into its media folder and
     * points the row at the copy (for workbenches imported before media were copied). Missing files
     * are left as they are (the check lists them). Each row is updated after its copy is complete.
     */
    public static Adopted adopt(Connection connection) throws SQLException, IOException {
        MediaFolder folder = of(connection);
        if (folder == null) {
            return new Adopted(0, 0, 0);
        }
        record Row(long postId, int position, String path, String kind) {
        }
        List<Row> rows = new ArrayList<>();
        try (PreparedStatement st = connection.prepareStatement("SELECT post_id, position, path, kind FROM post_media ORDER BY post_id, position");
             ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
                rows.add(new Row(rs.getLong(1), rs.getInt(2), rs.getString(3), rs.getString(4)));
            }
        }
        int copied = 0;
        int inside = 0;
        int missing = 0;
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE OR IGNORE post_media SET path = ? WHERE post_id = ? AND position = ?");
             PreparedStatement drop = connection.prepareStatement("DELETE FROM post_media WHERE post_id = ? AND position = ? AND path = ?")) {
            for (Row row : rows) {
                Path file = folder.resolve(row.path());
                if (!Path.of(row.path()).isAbsolute() || file.startsWith(folder.base)) {
                    inside++;
                    continue;
                }
                if (!Files.isRegularFile(file)) {
                    missing++;
                    continue;
                }
                MediaFile copy = folder.copyIn(new MediaFile(file, "video".equals(row.kind()) ? MediaFile.Kind.VIDEO : MediaFile.Kind.IMAGE));
                update.setString(1, folder.stored(copy.path()));
                update.setLong(2, row.postId());
                update.setInt(3, row.position());
                if (update.executeUpdate() == 0) {
                    // the post already names the same picture under its copy: this row is a twin
                    drop.setLong(1, row.postId());
                    drop.setInt(2, row.position());
                    drop.setString(3, row.path());
                    drop.executeUpdate();
                }
                copied++;
            }
        }
        return new Adopted(copied, inside, missing);
    }

    private static String sha256(Path file) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
