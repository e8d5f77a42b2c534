package org.signalbench.models;

import java.sql.Connection;
import java.sql.SQLException;

/** Runs a piece of database work in one transaction: all of it is stored, or none. */
final class Transactions {
    @FunctionalInterface
    interface Work {
        void run() throws SQLException;
    }

    private Transactions() {
    }

    static void run(Connection c, Work work) throws SQLException {
        boolean auto = c.getAutoCommit();
        c.setAutoCommit(false);
        try {
            work.run();
            c.commit();
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(auto);
        }
    }
}
