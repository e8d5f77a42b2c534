package org.signalbench.exporting;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import org.signalbench.store.Session;
import org.signalbench.store.StoreException;

/**
 * The one way SignalBench writes a user's output file (reports, exports, tables): it refuses a target
 * that is the open workbench, one of its {@code -wal}/{@code -shm}/{@code -journal} files, or any
 * SQLite database, comparing real paths (symbolic links and relative paths resolved); and it writes
 * through a temporary file in the target's folder that is forced to disk and moved into place only
 * when complete, so a failed or interrupted write (a full disk, say) leaves no partial file and an
 * existing target unchanged. A folder of output files is staged the same way ({@link #stageFolder}).
 */
public final class SafeOutputFile {
    /** The 16 bytes every SQLite 3 database file starts with. */
    private static final byte[] SQLITE_HEADER = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);
    private static final List<String> SIDE_FILES = List.of("-wal", "-shm", "-journal");

    /** Writes the whole content of a file to the stream it is given. */
    @FunctionalInterface
    public interface Body {
        void write(OutputStream out) throws IOException;
    }

    /** An output target SignalBench will not write, with why; the file was not touched. */
    public static final class RefusedException extends IOException {
        public RefusedException(String message) {
            super(message);
        }
    }

    private SafeOutputFile() {
    }

    /**
     * Throws {@link RefusedException} when {@code target} is the workbench (or one of its side files),
     * a SQLite database, the side file of one, or a folder. Does nothing for a null target, so a
     * command can check an optional {@code --out} before its work begins.
     *
     * @param workbench the open workbench file, or null when there is none
     */
    public static void check(Path target, Path workbench) throws IOException {
        if (target == null) {
            return;
        }
        Path real = realTarget(target);
        refuseDatabaseFiles(target, real, workbench);
        if (Files.isDirectory(real)) {
            throw new RefusedException("cannot write " + target + ": it is a folder; give a file name");
        }
        refuseSqlite(target, real);
    }

    /**
     * Refuses a target that is the workbench, one of its side files, or the side file of any SQLite
     * database: a file there destroys the database, and a folder there (an output folder named
     * {@code study.sqlite-wal}) keeps SQLite from opening it.
     */
    private static void refuseDatabaseFiles(Path target, Path real, Path workbench) throws IOException {
        if (workbench != null) {
            Path wb = realTarget(workbench);
            for (String suffix : sideFilesAndItself()) {
                Path protectedFile = wb.resolveSibling(wb.getFileName() + suffix);
                if (same(real, protectedFile)) {
                    throw new RefusedException("refusing to write " + target + ": it is "
                            + (suffix.isEmpty() ? "the open workbench " : "a file of the open workbench ") + workbench
                            + "; choose another output file");
                }
            }
        }
        String name = real.getFileName().toString();
        for (String suffix : SIDE_FILES) {
            if (name.toLowerCase(Locale.ROOT).endsWith(suffix)) {
                Path database = real.resolveSibling(name.substring(0, name.length() - suffix.length()));
                if (isSqliteDatabase(database)) {
                    throw new RefusedException("refusing to write " + target + ": it belongs to the SQLite database "
                            + database + " and overwriting it would corrupt that database; choose another output file");
                }
            }
        }
    }

    private static void refuseSqlite(Path target, Path real) throws IOException {
        if (isSqliteDatabase(real)) {
            throw new RefusedException("refusing to write " + target + ": it is a SQLite database (a workbench?) "
                    + "and would be destroyed; choose another output file");
        }
    }

    /**
     * Creates a folder for output files (with its parents), refusing clearly when the path is a file
     * (the workbench, say) rather than failing with a bare "file exists".
     */
    public static void createFolder(Path folder) throws IOException {
        refuseDatabaseFiles(folder, realTarget(folder), null);
        if (Files.exists(folder) && !Files.isDirectory(folder)) {
            throw new RefusedException("cannot write into " + folder + ": it is a file, not a folder"
                    + (isSqliteDatabase(folder) ? " (a SQLite database)" : "") + "; give a folder");
        }
        Files.createDirectories(folder);
    }

    /** {@link #check(Path, Path)} with the workbench the session is open on. */
    public static void check(Path target, Session workbench) throws IOException {
        check(target, workbench == null ? null : databaseFile(workbench));
    }

    /**
     * Checks the target, then writes it through a temporary file in its folder (created when missing)
     * that replaces the target only when {@code body} returned and the bytes are on disk. On any failure
     * the temporary file is deleted and the target is left as it was.
     *
     * @return the file written (the target's real path)
     */
    public static Path write(Path target, Path workbench, Body body) throws IOException {
        check(target, workbench);
        Path real = realTarget(target);
        Path folder = real.getParent();
        Files.createDirectories(folder);
        removeLeftovers(real);
        Path temp = temporarySibling(real);
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                 OutputStream out = Channels.newOutputStream(channel)) {
                body.write(new NonClosingOutputStream(out, Long.getLong(PAUSE_PROPERTY, 0)));
                out.flush();
                channel.force(true);
            }
            // checked again: the target may have become a database while the body ran
            check(target, workbench);
            keepPermissions(real, temp);
            move(temp, real);
        } catch (IOException | RuntimeException | Error e) {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
        return real;
    }

    /** Writes a whole file to the path it is given (for a library that opens the file itself). */
    @FunctionalInterface
    public interface FileBody {
        void write(Path file) throws IOException;
    }

    /**
     * {@link #write(Path, Path, Body)} for a writer that needs a path rather than a stream (a zip file
     * system, a library that saves to a {@code File}): {@code body} writes the temporary file (which does
     * not exist yet), which is then forced to disk and moved over the target; on any failure it is deleted.
     */
    public static Path writeFile(Path target, Path workbench, FileBody body) throws IOException {
        check(target, workbench);
        Path real = realTarget(target);
        Files.createDirectories(real.getParent());
        removeLeftovers(real);
        Path temp = temporarySibling(real);
        try {
            body.write(temp);
            if (!Files.isRegularFile(temp, LinkOption.NOFOLLOW_LINKS)) {
                throw new IOException("the writer of " + target + " left no file");
            }
            force(temp);
            check(target, workbench);
            keepPermissions(real, temp);
            move(temp, real);
        } catch (IOException | RuntimeException | Error e) {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
        return real;
    }

    /** {@link #writeFile(Path, Path, FileBody)} guarding the workbench the session is open on. */
    public static Path writeFile(Path target, Session workbench, FileBody body) throws IOException {
        return writeFile(target, workbench == null ? null : databaseFile(workbench), body);
    }

    /** {@link #write(Path, Path, Body)} of bytes. */
    public static Path writeBytes(Path target, Path workbench, byte[] bytes) throws IOException {
        return write(target, workbench, out -> out.write(bytes));
    }

    /**
     * Starts a folder of output files that appears whole or not at all: the files are written into a
     * hidden staging folder beside {@code target} ({@link StagedFolder#path()}), and
     * {@link StagedFolder#publish()} moves them into place once all are complete. A staged folder closed
     * without being published is deleted with everything in it, and the target is left as it was.
     * Refuses a target that is a file (the workbench, say), or that is named as the workbench's or any SQLite database's {@code -wal}/{@code -shm}/{@code -journal} file (a folder there keeps SQLite from opening the database).
     */
    public static StagedFolder stageFolder(Path target, Path workbench) throws IOException {
        Path absolute = target.toAbsolutePath().normalize();
        if (Files.exists(absolute) && !Files.isDirectory(absolute)) {
            throw new RefusedException("cannot write into " + target + ": it is a file, not a folder"
                    + (isSqliteDatabase(absolute) ? " (a SQLite database)" : "") + "; give a folder");
        }
        Path real = realTarget(absolute);
        refuseDatabaseFiles(target, real, workbench);
        Files.createDirectories(real.getParent());
        removeLeftovers(real);
        Path stage = temporarySibling(real);
        Files.createDirectory(stage);
        return new StagedFolder(target, real, workbench, stage);
    }

    /** {@link #stageFolder(Path, Path)} guarding the workbench the session is open on. */
    public static StagedFolder stageFolder(Path target, Session workbench) throws IOException {
        return stageFolder(target, workbench == null ? null : databaseFile(workbench));
    }

    /**
     * A folder of output files being written (see {@link #stageFolder}). Publishing a folder that does
     * not exist yet is one rename: it appears with all its files or not at all. Publishing into a folder
     * that exists (it may hold the user's other files, so it is never replaced as a whole) moves the
     * staged files in one rename each, after all were written and checked: a crash during those renames
     * leaves some files new and some as they were, every one whole.
     */
    public static final class StagedFolder implements AutoCloseable {
        private final Path target;
        private final Path real;
        private final Path workbench;
        private final Path stage;
        private boolean published;

        private StagedFolder(Path target, Path real, Path workbench, Path stage) {
            this.target = target;
            this.real = real;
            this.workbench = workbench;
            this.stage = stage;
        }

        /** The staging folder to write the files into (names relative to it are kept on publishing). */
        public Path path() {
            return stage;
        }

        /** The folder the files will be published into (its real path). */
        public Path target() {
            return real;
        }

        /**
         * Forces every staged file to disk, checks each destination (no workbench, database or folder is
         * overwritten; nothing is moved when one is refused) and moves the files into the target.
         *
         * @return the published files, in the target
         */
        public List<Path> publish() throws IOException {
            if (published) {
                throw new IllegalStateException("already published: " + target);
            }
            List<Path> files = new ArrayList<>();
            try (var walk = Files.walk(stage)) {
                for (Path p : (Iterable<Path>) walk.sorted()::iterator) {
                    if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                        force(p);
                        files.add(stage.relativize(p));
                    }
                }
            }
            List<Path> moved = new ArrayList<>();
            if (files.isEmpty() && !Files.exists(real)) {
                published = true; // nothing to publish: no empty folder is made
                deleteTree(stage);
                return moved;
            }
            if (!Files.exists(real, LinkOption.NOFOLLOW_LINKS)) {
                try {
                    Files.move(stage, real, StandardCopyOption.ATOMIC_MOVE);
                    published = true;
                    files.forEach(f -> moved.add(real.resolve(f.toString())));
                    return moved;
                } catch (AtomicMoveNotSupportedException | java.nio.file.FileAlreadyExistsException e) {
                    // made by someone else meanwhile, or not a rename here: publish file by file below
                }
            }
            Files.createDirectories(real);
            for (Path f : files) {
                check(real.resolve(f.toString()), workbench);
            }
            for (Path f : files) {
                Path destination = real.resolve(f.toString());
                Files.createDirectories(destination.getParent());
                keepPermissions(destination, stage.resolve(f));
                move(stage.resolve(f), destination);
                moved.add(destination);
            }
            published = true;
            deleteTree(stage);
            return moved;
        }

        /** Deletes the staging folder unless it was published; the target is untouched. */
        @Override
        public void close() throws IOException {
            if (!published) {
                deleteTree(stage);
            }
        }
    }

    private static void force(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.force(true);
        }
    }

    private static void deleteTree(Path folder) throws IOException {
        if (!Files.exists(folder, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (var walk = Files.walk(folder)) {
            for (Path p : (Iterable<Path>) walk.sorted(java.util.Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(p);
            }
        }
    }

    /** {@link #write(Path, Path, Body)} of a text, UTF-8. */
    public static Path writeString(Path target, Path workbench, String text) throws IOException {
        return write(target, workbench, out -> out.write(text.getBytes(StandardCharsets.UTF_8)));
    }

    /** {@link #write(Path, Path, Body)} guarding the workbench the session is open on. */
    public static Path write(Path target, Session workbench, Body body) throws IOException {
        return write(target, workbench == null ? null : databaseFile(workbench), body);
    }

    /** Whether the file starts with the SQLite 3 header (a missing or short file is not a database). */
    public static boolean isSqliteDatabase(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            return false;
        }
        byte[] head = new byte[SQLITE_HEADER.length];
        try (InputStream in = Files.newInputStream(file)) {
            int n = in.readNBytes(head, 0, head.length);
            return n == head.length && Arrays.equals(head, SQLITE_HEADER);
        } catch (NoSuchFileException e) {
            return false;
        }
    }

    /** The session's database file; a failure to tell is an environment fault, reported as such. */
    private static Path databaseFile(Session workbench) throws IOException {
        try {
            return workbench.databaseFile();
        } catch (StoreException e) {
            throw new IOException("cannot tell which file the workbench is: " + e.getMessage(), e);
        }
    }

    /**
     * The path the bytes will really land on: the file a symbolic link points to when it exists,
     * otherwise the name in the real folder (so {@code ./a/../t.sqlite} and a linked folder compare equal).
     */
    private static Path realTarget(Path target) throws IOException {
        Path absolute = target.toAbsolutePath().normalize();
        if (Files.exists(absolute)) {
            return absolute.toRealPath();
        }
        if (absolute.getFileName() == null) {
            throw new RefusedException("cannot write " + target + ": it is not a file name");
        }
        Path parent = absolute.getParent();
        // the nearest existing ancestor, resolved, with the missing part appended
        List<Path> missing = new ArrayList<>();
        Path existing = parent;
        while (existing != null && !Files.exists(existing)) {
            missing.add(0, existing.getFileName());
            existing = existing.getParent();
        }
        Path base = existing == null ? parent.getRoot() : existing.toRealPath();
        for (Path part : missing) {
            base = base.resolve(part);
        }
        return base.resolve(absolute.getFileName());
    }

    private static boolean same(Path realTarget, Path protectedFile) throws IOException {
        if (Files.exists(realTarget, LinkOption.NOFOLLOW_LINKS) && Files.exists(protectedFile)) {
            return Files.isSameFile(realTarget, protectedFile); // also catches hard links and case-insensitive names
        }
        return realTarget.equals(protectedFile);
    }

    private static List<String> sideFilesAndItself() {
        List<String> all = new ArrayList<>();
        all.add("");
        all.addAll(SIDE_FILES);
        return all;
    }

    private static Path temporarySibling(Path real) {
        String name = real.getFileName().toString();
        // a dot name in the same folder (same file system, so the move is a rename); created new with the
        // user's default permissions, unlike createTempFile's owner-only ones; it names the writing
        // process, so a later write can tell the leftover of a killed one
        return real.resolveSibling("." + name + "." + ProcessHandle.current().pid() + "-"
                + Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 16) + ".part");
    }

    /**
     * Deletes the temporary files a killed or crashed write of the same target left beside it (their
     * process is gone); one of a process that still runs is another write in progress and is kept.
     */
    private static void removeLeftovers(Path real) {
        String prefix = "." + real.getFileName() + ".";
        Path folder = real.getParent();
        if (folder == null || !Files.isDirectory(folder)) {
            return;
        }
        try (var siblings = Files.newDirectoryStream(folder, entry -> {
            String n = entry.getFileName().toString();
            return n.startsWith(prefix) && n.endsWith(".part");
        })) {
            for (Path leftover : siblings) {
                String tag = leftover.getFileName().toString().substring(prefix.length());
                int dash = tag.indexOf('-');
                long pid;
                try {
                    pid = dash > 0 ? Long.parseLong(tag.substring(0, dash)) : -1;
                } catch (NumberFormatException notOurs) {
                    continue;
                }
                if (pid > 0 && !ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
                    deleteTree(leftover); // a temporary file, or a staged folder with its files
                }
            }
        } catch (IOException | RuntimeException e) {
            // Tidying only: a leftover that cannot be removed does not stop the write.
        }
    }

    /**
     * A system property that makes every write pause this many milliseconds half-way through its first
     * block, so the fault-injection tests can kill a command while its output is half written.
     */
    public static final String PAUSE_PROPERTY = "signalbench.output.pauseMs";

    /** A replaced file keeps who may read it (a report made private stays private). */
    private static void keepPermissions(Path existing, Path temp) {
        try {
            if (Files.exists(existing)) {
                Files.setPosixFilePermissions(temp, Files.getPosixFilePermissions(existing));
            }
        } catch (UnsupportedOperationException | IOException notPosix) {
            // Windows: the new file takes the folder's permissions
        }
    }

    private static void move(Path temp, Path target) throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Keeps a body from closing the file before it is forced to disk. */
    private static final class NonClosingOutputStream extends java.io.FilterOutputStream {
        private long pauseMs;

        NonClosingOutputStream(OutputStream out, long pauseMs) {
            super(out);
            this.pauseMs = pauseMs;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            if (pauseMs > 0 && len > 1) {
                long pause = pauseMs;
                pauseMs = 0;
                out.write(b, off, len / 2);
                try {
                    Thread.sleep(pause);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new java.io.InterruptedIOException("interrupted while writing");
                }
                out.write(b, off + len / 2, len - len / 2);
                return;
            }
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
