package org.signalbench.store;

import java.sql.SQLException;

/** A database error raised through a {@link Session}, so code above the store need not know JDBC's checked exception. */
public final class StoreException extends RuntimeException {
    public StoreException(SQLException cause) {
        super(cause.getMessage(), cause);
    }

    /** A refusal of the store's own (a workbench it will not open or upgrade), with what to do. */
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
