package org.signalbench.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.sqlite.SQLiteDataSource;

/**
 * Guards a workbench's migrations: a file made by a newer SignalBench (its schema history holds a
 * version this one does not ship) is refused before anything is written; migrations of one file run
 * one at a time, across threads and processes (two windows creating the same new workbench), under
 * an exclusive lock on a file beside it; and a migration that fails stops the open.
 */
final class SchemaGuard {
    /** The migration to run under the lock. */
    @FunctionalInterface
    interface Migration {
        void run() throws SQLException;
    }

    private static final ConcurrentHashMap<String, ReentrantLock> IN_PROCESS = new ConcurrentHashMap<>();

    private SchemaGuard() {
    }

    /** Refuses a newer schema, then runs {@code migration} holding the file's migration lock. */
    static void migrateSafely(Path file, Migration migration) throws SQLException {
        String key = key(file);
        ReentrantLock inProcess = IN_PROCESS.computeIfAbsent(key, k -> new ReentrantLock());
        inProcess.lock();
        try (FileLock ignored = processLock(key)) {
            refuseNewer(file);
            try {
                migration.run();
            } catch (FlywayException e) {
                EnvironmentFault.throwIfEnvironment(e);
                throw new StoreException("cannot upgrade the workbench " + file + " to this SignalBench's schema: "
                        + e.getMessage().lines().findFirst().orElse("") + "; the failed step was rolled back and the file "
                        + "is not opened. Keep a copy of it and report this", e);
            }
        } catch (IOException e) {
            throw new StoreException("cannot take the migration lock for " + file + ": " + e.getMessage(), e);
        } finally {
            inProcess.unlock();
        }
    }

    /**
     * Checks a workbench opened read-only (nothing can be migrated): refused when it is newer than this
     * SignalBench, or older (its schema would need an upgrade this process cannot write).
     */
    static void checkReadOnly(Path file, javax.sql.DataSource readOnly) throws SQLException {
        refuseNewer(file, readOnly);
        int pending;
        try {
            pending = Workbench.flyway(readOnly).load().info().pending().length;
        } catch (FlywayException e) {
            EnvironmentFault.throwIfEnvironment(e);
            throw new StoreException("cannot read the schema history of " + file + ": "
                    + e.getMessage().lines().findFirst().orElse(""), e);
        }
        if (pending > 0) {
            throw new StoreException("the workbench " + file + " cannot be written (it or its folder is read-only) and was "
                    + "made by an older SignalBench: it needs " + pending + " schema upgrade(s) before this one can read it. "
                    + "Make it and its folder writable, or copy it to a writable folder, and open it again", null);
        }
    }

    /**
     * Refuses a workbench whose schema history holds a successful migration newer than any this
     * SignalBench ships. Only reads: the file's bytes stay as they are.
     */
    static void refuseNewer(Path file) throws SQLException {
        if (!Files.isRegularFile(file) || sizeOf(file) == 0) {
            return;
        }
        SQLiteDataSource plain = new SQLiteDataSource();
        plain.setUrl("jdbc:sqlite:" + file);
        plain.setBusyTimeout(Workbench.BUSY_TIMEOUT_MS);
        refuseNewer(file, plain);
    }

    private static void refuseNewer(Path file, javax.sql.DataSource source) throws SQLException {
        MigrationVersion newest = null;
        MigrationVersion known = null;
        try {
            for (MigrationInfo info : Workbench.flyway(source).load().info().all()) {
                if (info.getVersion() == null) {
                    continue;
                }
                if (info.getState().isResolved()) {
                    known = max(known, info.getVersion());
                } else if (info.getState().isApplied()) {
                    newest = max(newest, info.getVersion());
                }
            }
        } catch (FlywayException e) {
            EnvironmentFault.throwIfEnvironment(e);
            throw new StoreException("cannot read the schema history of " + file + ": "
                    + e.getMessage().lines().findFirst().orElse(""), e);
        }
        if (newest != null && (known == null || newest.isNewerThan(known.getVersion()))) {
            throw new StoreException("the workbench " + file + " was made by a newer SignalBench, schema version "
                    + newest.getVersion() + "; this is schema version " + (known == null ? "none" : known.getVersion())
                    + ". It is not opened and nothing in it is changed: open it with the newer SignalBench", null);
        }
    }

    private static MigrationVersion max(MigrationVersion a, MigrationVersion b) {
        return a == null || b.isNewerThan(a.getVersion()) ? b : a;
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }

    /** The file as one name whatever path reached it (its folder's real path and its own name). */
    private static String key(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        try {
            Path parent = absolute.getParent();
            return parent == null ? absolute.toString() : parent.toRealPath().resolve(absolute.getFileName()).toString();
        } catch (IOException e) {
            return absolute.toString();
        }
    }

    /**
     * An exclusive lock for the workbench's migrations, shared by every process that opens it: a hidden
     * lock file beside the workbench ({@code .NAME.lock}), so processes with different temporary
     * folders, or on two hosts over a network share, are kept apart too. SQLite's own locks cannot be
     * used: a Java lock on the database file would be released when SQLite closes its handle. When the
     * folder cannot hold the lock file (a read-only folder, where nothing can be migrated anyway), a
     * lock file in the temporary folder named by the workbench's path keeps this machine's processes apart.
     */
    static FileLock processLock(String key) throws IOException {
        Path beside = lockFileOf(Path.of(key));
        FileChannel channel;
        try {
            channel = FileChannel.open(beside, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        } catch (java.nio.file.FileSystemException e) { // also AccessDeniedException
            Path inTemp = Path.of(System.getProperty("java.io.tmpdir"), "signalbench-migrate-" + hash(key) + ".lock");
            channel = FileChannel.open(inTemp, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        }
        try {
            FileLock lock = channel.lock();
            return new FileLockClosingChannel(lock);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /** The migration lock file of a workbench: {@code .NAME.lock} in its folder. */
    static Path lockFileOf(Path workbench) {
        return workbench.resolveSibling("." + workbench.getFileName() + ".lock");
    }

    private static String hash(String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A file lock that also closes its channel when released. */
    private static final class FileLockClosingChannel extends FileLock {
        private final FileLock lock;

        FileLockClosingChannel(FileLock lock) {
            super(lock.channel(), lock.position(), lock.size(), lock.isShared());
            this.lock = lock;
        }

        @Override
        public boolean isValid() {
            return lock.isValid();
        }

        @Override
        public void release() throws IOException {
            try {
                lock.release();
            } finally {
                lock.channel().close();
            }
        }
    }
}
