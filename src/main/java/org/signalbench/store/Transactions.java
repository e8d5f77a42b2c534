package org.signalbench.store;

import java.sql.Connection;
import java.sql.SQLException;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteConnection;

/**
 * The one way SignalBench runs database work in a transaction: all of it is stored, or none.
 *
 * <p>Work that throws (an {@link SQLException} or any runtime exception, such as the
 * {@link IllegalArgumentException} that refuses a bad file) is rolled back and the exception
 * passes on unchanged; the connection's auto-commit mode is restored either way. A failure of the
 * rollback or of restoring auto-commit (after a full disk SQLite has already ended the transaction:
 * "cannot commit - no transaction is active") never hides the first failure: it is added to it as
 * suppressed.
 *
 * <p>Every transaction begins {@code IMMEDIATE}: it takes the write lock first, waiting up to the
 * busy timeout for another writer. A deferred transaction that reads before it writes cannot wait
 * (SQLite refuses the upgrade at once with SQLITE_BUSY), which made imports fail after a fraction
 * of a second while another program wrote.
 */
public final class Transactions {
    /** Database work without a result. */
    @FunctionalInterface
    public interface Work {
        void run() throws SQLException;
    }

    /** Database work with a result. */
    @FunctionalInterface
    public interface Query<T> {
        T run() throws SQLException;
    }

    private Transactions() {
    }

    /** Runs {@code work} in one transaction on {@code c}. */
    public static void run(Connection c, Work work) throws SQLException {
        call(c, () -> {
            work.run();
            return null;
        });
    }

    /**
     * Runs {@code work} in one transaction on {@code c} and returns its result. Inside a transaction
     * already open on {@code c} the work joins it: the outermost caller commits or rolls back.
     */
    public static <T> T call(Connection c, Query<T> work) throws SQLException {
        if (!c.getAutoCommit()) {
            return work.run();
        }
        beginImmediate(c);
        Throwable first = null;
        try {
            T result = work.run();
            c.commit();
            return result;
        } catch (SQLException | RuntimeException | Error e) {
            first = e;
            rollbackKeeping(c, e);
            throw e;
        } finally {
            endKeeping(c, first);
        }
    }

    /**
     * Leaves auto-commit mode with a {@code BEGIN IMMEDIATE}: the write lock is taken now, waiting
     * up to the busy timeout. Later transactions on the connection (after a commit or rollback)
     * begin deferred again, so a committed connection holds no lock. When the lock cannot be had,
     * the connection is back in auto-commit mode and the failure is thrown.
     */
    public static void beginImmediate(Connection c) throws SQLException {
        SQLiteConnection sqlite = c.unwrap(SQLiteConnection.class);
        var config = sqlite.getConnectionConfig();
        SQLiteConfig.TransactionMode before = config.getTransactionMode();
        config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        try {
            c.setAutoCommit(false);
        } catch (SQLException e) {
            endKeeping(c, e);
            throw e;
        } finally {
            config.setTransactionMode(before);
        }
    }

    /** Rolls back; a failure of the rollback is added to {@code first} as suppressed. */
    public static void rollbackKeeping(Connection c, Throwable first) {
        try {
            c.rollback();
        } catch (SQLException | RuntimeException e) {
            first.addSuppressed(e);
        }
    }

    /**
     * Returns the connection to auto-commit mode. With a {@code first} failure already on its way, a
     * failure here is added to it as suppressed; without one, it is thrown.
     */
    public static void endKeeping(Connection c, Throwable first) throws SQLException {
        try {
            if (!c.getAutoCommit()) {
                c.setAutoCommit(true);
            }
        } catch (SQLException | RuntimeException e) {
            if (first == null) {
                throw e;
            }
            if (first != e) {
                first.addSuppressed(e);
            }
        }
    }
}
