package org.signalbench.store;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * The one way SignalBench runs database work in a transaction: all of it is stored, or none.
 *
 * <p>Work that throws (an {@link SQLException} or any runtime exception, such as the
 * {@link IllegalArgumentException} that refuses a bad file) is rolled back and the exception
 * passes on unchanged; the connection's auto-commit mode is restored either way.
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
        boolean auto = c.getAutoCommit();
        if (!auto) {
            return work.run();
        }
        c.setAutoCommit(false);
        try {
            T result = work.run();
            c.commit();
            return result;
        } catch (SQLException | RuntimeException | Error e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(auto);
        }
    }
}
