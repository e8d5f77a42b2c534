package org.signalbench.store;

import java.sql.SQLException;
import java.util.Optional;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * A fault of the machine or of the workbench file, never of the input: a lock held too long, a
 * full disk, a damaged or read-only file, an I/O error. The work stops with a message that says
 * what happened and what to do; such a fault is never recorded as a rejected input line.
 *
 * <p>{@link #of} is the one place SignalBench tells environment faults from input faults (a
 * constraint, a bad value), by SQLite's primary result code.
 */
public final class EnvironmentFault extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** What went wrong, each with the advice shown to the user. */
    public enum Kind {
        BUSY("the workbench is locked by another program or SignalBench window (an import, a coding session, "
                + "a model run) that kept it for more than " + Workbench.BUSY_TIMEOUT_MS / 1000 + " s",
                "wait for the other work to finish or close it, then run this again; what was stored before is kept"),
        FULL("the disk holding the workbench is full (or the workbench reached its size limit)",
                "free some disk space and run this again; the step being written was rolled back, what was stored before is kept"),
        CORRUPT("the workbench file is damaged or is not a SignalBench workbench",
                "stop writing to it, keep a copy, and restore it from a backup; `sqlite3 FILE 'PRAGMA integrity_check'` shows what is damaged"),
        IO_ERROR("the operating system could not read or write the workbench file (a disk error, a removed drive, a lost network share)",
                "check the disk and run this again; the step being written was rolled back"),
        READ_ONLY("the workbench file or its folder cannot be written (read-only)",
                "make the file and its folder writable, or copy the workbench to a writable folder, and run this again"),
        CANNOT_OPEN("the workbench file cannot be opened (its folder is missing or not accessible, or too many files are open)",
                "check that the folder exists and can be read and written, then run this again");

        private final String what;
        private final String advice;

        Kind(String what, String advice) {
            this.what = what;
            this.advice = advice;
        }
    }

    private final Kind kind;

    private EnvironmentFault(Kind kind, Throwable cause) {
        super(kind.what + ": " + kind.advice + " (SQLite: " + sqliteText(cause) + ")", cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    /**
     * The environment fault behind {@code failure} (itself, or a SQLite error anywhere in its causes),
     * or empty when it is not one: then it is a fault of the input or a bug.
     */
    public static Optional<EnvironmentFault> of(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof EnvironmentFault fault) {
                return Optional.of(fault);
            }
            if (t instanceof SQLiteException sqlite) {
                Kind kind = kindOf(sqlite.getResultCode());
                if (kind != null) {
                    return Optional.of(new EnvironmentFault(kind, sqlite));
                }
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return Optional.empty();
    }

    /**
     * What to tell the user about {@code failure}: the environment fault's message when one is
     * behind it (unless the failure's own message already says it), else the failure's own message.
     */
    public static String messageOf(Throwable failure) {
        String own = failure.getMessage();
        Optional<EnvironmentFault> fault = of(failure);
        if (fault.isPresent() && (own == null || !own.contains(fault.get().getMessage()))) {
            return fault.get().getMessage();
        }
        return own != null ? own : failure.toString();
    }

    /** {@code failure} as an unchecked exception: an environment fault when it is one, else a {@link StoreException}. */
    public static RuntimeException unchecked(SQLException failure) {
        return of(failure).<RuntimeException>map(f -> f).orElseGet(() -> new StoreException(failure));
    }

    /** Throws the environment fault behind {@code failure}, if there is one; returns otherwise. */
    public static void throwIfEnvironment(Throwable failure) {
        Optional<EnvironmentFault> fault = of(failure);
        if (fault.isPresent()) {
            throw fault.get();
        }
    }

    private static Kind kindOf(SQLiteErrorCode code) {
        if (code == null) {
            return null;
        }
        // Extended codes (SQLITE_IOERR_SHORT_READ, SQLITE_BUSY_SNAPSHOT, ...) carry the primary code in their low byte.
        int primary = code.code & 0xff;
        if (primary == SQLiteErrorCode.SQLITE_BUSY.code || primary == SQLiteErrorCode.SQLITE_LOCKED.code
                || primary == SQLiteErrorCode.SQLITE_PROTOCOL.code) {
            return Kind.BUSY;
        }
        if (primary == SQLiteErrorCode.SQLITE_FULL.code) {
            return Kind.FULL;
        }
        if (primary == SQLiteErrorCode.SQLITE_CORRUPT.code || primary == SQLiteErrorCode.SQLITE_NOTADB.code) {
            return Kind.CORRUPT;
        }
        if (primary == SQLiteErrorCode.SQLITE_IOERR.code) {
            return Kind.IO_ERROR;
        }
        if (primary == SQLiteErrorCode.SQLITE_READONLY.code || primary == SQLiteErrorCode.SQLITE_PERM.code) {
            return Kind.READ_ONLY;
        }
        if (primary == SQLiteErrorCode.SQLITE_CANTOPEN.code) {
            return Kind.CANNOT_OPEN;
        }
        return null;
    }

    private static String sqliteText(Throwable cause) {
        String text = cause.getMessage();
        return text == null ? cause.getClass().getSimpleName() : text;
    }
}
