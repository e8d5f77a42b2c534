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
    private final SQLiteDataSource dataSource;
    private final Connection connection;

    private Workbench(Path file) throws SQLException {
        this.file = file;
        this.dataSource = dataSource(file);
        migrate(dataSource, null);
        this.connection = dataSource.getConnection();
    }

    /**
     * Opens (creating if missing) the workbench file and upgrades its schema to the latest version.
     * A file that is not a workbench, or cannot be upgraded, is a {@link StoreException}.
     */
    public static Workbench open(Path file) throws IOException {
        Path absolute = file.toAbsolutePath().normalize();
        Path parent = absolute.getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try {
            return new Workbench(absolute);
        } catch (SQLException e) {
            throw new StoreException(e);
        }
    }

    /**
     * Applies migrations up to {@code targetVersion} (all when null). Tests use a target to build a
     * database as an older SignalBench would have left it.
     */
    public static MigrateResult migrate(Path file, String targetVersion) throws SQLException {
        return migrate(dataSource(file.toAbsolutePath().normalize()), targetVersion);
    }

    private static MigrateResult migrate(SQLiteDataSource source, String targetVersion) {
        var config = Flyway.configure(Workbench.class.getClassLoader())
                .dataSource(source)
                .locations("classpath:db/migration")
                .loggers("slf4j")
                .failOnMissingLocations(true);
        if (targetVersion != null) {
            config = config.target(targetVersion);
        }
        return config.load().migrate();
    }

    private static SQLiteDataSource dataSource(Path file) {
        SQLiteConfig config = new SQLiteConfig();
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

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
