package org.signalbench.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * One workbench: one SQLite file holding posts, coders, labels and results.
 *
 * <p>Opening a workbench creates the file if needed and applies the numbered migrations under
 * {@code db/migration}, so a file made by an older SignalBench is upgraded in place. Every
 * connection runs with WAL journaling, foreign keys on and a busy timeout.
 */
public final class Workbench implements AutoCloseable {
    static final int BUSY_TIMEOUT_MS = 10_000;

    private final Path file;
    private final boolean readOnly;
    private final SQLiteDataSource dataSource;
    private final Connection connection;

    private Workbench(Path file, int maxPageCount, boolean readOnly) throws SQLException {
        this.file = file;
        this.readOnly = readOnly;
        if (readOnly) {
            this.dataSource = readOnlyDataSource(file);
            SchemaGuard.checkReadOnly(file, dataSource);
        } else {
            this.dataSource = dataSource(file, maxPageCount);
            SchemaGuard.migrateSafely(file, () -> migrate(dataSource, null));
        }
        this.connection = dataSource.getConnection();
        try {
            InterruptedImports.settle(connection);
        } catch (RuntimeException e) {
            // Best effort (a read-only workbench can still be read); the import list settles again.
            System.getLogger(Workbench.class.getName()).log(System.Logger.Level.DEBUG, "cannot settle interrupted imports", e);
        }
    }

    /**
     * Opens (creating if missing) the workbench file and upgrades its schema to the latest version.
     * A file that is not a workbench, or cannot be upgraded, is a {@link StoreException}.
     */
    public static Workbench open(Path file) throws IOException {
        return open(file, Integer.getInteger(MAX_PAGE_COUNT_PROPERTY, 0));
    }

    /**
     * A system property limiting every workbench opened by {@link #open(Path)} to that many pages (see
     * {@link #open(Path, int)}): how the fault-injection tests fill the disk of a command run.
     */
    public static final String MAX_PAGE_COUNT_PROPERTY = "signalbench.store.maxPageCount";

    /**
     * {@link #open(Path)} with every connection limited to {@code maxPageCount} database pages
     * (SQLite's {@code max_page_count}; 0 = no limit): a workbench that cannot grow past that size
     * fails as a full disk does. The fault-injection tests use it for a full disk.
     */
    public static Workbench open(Path file, int maxPageCount) throws IOException {
        Path absolute = file.toAbsolutePath().normalize();
        Path parent = absolute.getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try {
            return new Workbench(absolute, maxPageCount, cannotBeWritten(absolute));
        } catch (SQLException e) {
            throw EnvironmentFault.unchecked(e);
        }
    }

    /**
     * Applies migrations up to {@code targetVersion} (all when null). Tests use a target to build a
     * database as an older SignalBench would have left it.
     */
    public static MigrateResult migrate(Path file, String targetVersion) throws SQLException {
        return migrate(dataSource(file.toAbsolutePath().normalize(), 0), targetVersion);
    }

    private static MigrateResult migrate(SQLiteDataSource source, String targetVersion) {
        var config = flyway(source);
        if (targetVersion != null) {
            config = config.target(targetVersion);
        }
        return config.load().migrate();
    }

    /** The Flyway configuration of the workbench's migrations over {@code source}. */
    static org.flywaydb.core.api.configuration.FluentConfiguration flyway(javax.sql.DataSource source) {
        return Flyway.configure(Workbench.class.getClassLoader())
                .dataSource(source)
                .locations("classpath:db/migration")
                .loggers("slf4j")
                .failOnMissingLocations(true)
                // An applied migration this SignalBench does not know is an error, not a warning
                // (SchemaGuard refuses such a file before Flyway sees it; this is the second lock).
                .ignoreMigrationPatterns(new String[0]);
    }

    /**
     * True when the workbench exists but it or its folder cannot be written (a read-only folder, a
     * file shared read-only, a write-protected drive): it is then opened read-only.
     */
    private static boolean cannotBeWritten(Path file) {
        Path folder = file.getParent();
        return Files.isRegularFile(file) && (!Files.isWritable(file) || folder != null && !Files.isWritable(folder));
    }

    /**
     * A read-only workbench: reading commands work on it, and a write fails with SQLite's READONLY,
     * which {@link EnvironmentFault} reports as such. Without its WAL file beside it (the folder cannot
     * hold the one SQLite would create) it is opened immutable: nothing can change a file nobody may write.
     */
    private static SQLiteDataSource readOnlyDataSource(Path file) {
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        config.enforceForeignKeys(true);
        config.setBusyTimeout(BUSY_TIMEOUT_MS);
        SQLiteDataSource source = new SQLiteDataSource(config);
        boolean walBeside = Files.exists(file.resolveSibling(file.getFileName() + "-wal"));
        source.setUrl(walBeside ? "jdbc:sqlite:" + file : "jdbc:sqlite:" + file.toUri() + "?immutable=1");
        return source;
    }

    /** True when the workbench was opened read-only (it or its folder cannot be written): every write fails as READONLY. */
    public boolean isReadOnly() {
        return readOnly;
    }

    private static SQLiteDataSource dataSource(Path file, int maxPageCount) {
        SQLiteConfig config = new SQLiteConfig();
        if (maxPageCount > 0) {
            config.setMaxPageCount(maxPageCount);
        }
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        config.enforceForeignKeys(true);
        config.setBusyTimeout(BUSY_TIMEOUT_MS);
        SQLiteDataSource source = new SQLiteDataSource(config);
        source.setUrl("jdbc:sqlite:" + file);
        return source;
    }

    public Path file() {
        return file;
    }

    /** The workbench's shared connection. Callers use prepared statements only. */
    public Connection connection() {
        return connection;
    }

    /** A new connection of its own, for work on another thread. The caller closes it. */
    public Connection newConnection() throws SQLException {
        return dataSource.getConnection();
    }

    /**
     * A new connection of its own tuned for a bulk import: for this connection only a 64 MB page
     * cache, and WAL checkpoints every 64 MB instead of every 4 MB, so a large import is not slowed
     * by repeated syncs. The caller closes it.
     */
    public Connection newBulkConnection() throws SQLException {
        Connection connection = dataSource.getConnection();
        try (Statement pragmas = connection.createStatement()) {
            pragmas.execute("PRAGMA cache_size = -65536");
            pragmas.execute("PRAGMA wal_autocheckpoint = 16384");
        } catch (SQLException e) {
            connection.close();
            throw e;
        }
        return connection;
    }

    /** A {@link Session} over a new {@linkplain #newBulkConnection() bulk-import connection} of its own. The caller closes it. */
    public Session openBulkSession() {
        try {
            return Session.owning(newBulkConnection());
        } catch (SQLException e) {
            throw new StoreException(e);
        }
    }

    /** A {@link Session} over a new connection of its own, for one use case on any thread. The caller closes it. */
    public Session openSession() {
        try {
            return Session.owning(dataSource.getConnection());
        } catch (SQLException e) {
            throw new StoreException(e);
        }
    }

    /** The schema version recorded by the migrations, for example "1". */
    public String schemaVersion() throws SQLException {
        try (Statement st = connection.createStatement();
             var rs = st.executeQuery("SELECT version FROM flyway_schema_history WHERE success = 1 "
                     + "ORDER BY installed_rank DESC LIMIT 1")) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    /** Closes the workbench's connection; a failure leaves as {@link StoreException}, so callers speak no JDBC. */
    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            throw EnvironmentFault.unchecked(e);
        }
    }
}
