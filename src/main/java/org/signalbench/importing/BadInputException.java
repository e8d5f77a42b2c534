package org.signalbench.importing;

/**
 * A problem in a source file that makes the importer refuse something: the whole file (line null)
 * or one record (its 1-based line). The message is the reason shown to the user.
 */
final class BadInputException extends Exception {
    private static final long serialVersionUID = 1L;
    private final Integer line;

    BadInputException(Integer line, String reason) {
        super(reason);
        this.line = line;
    }

    BadInputException(String reason) {
        this(null, reason);
    }

    Integer line() {
        return line;
    }

    /** The same problem placed at a line (a record's reason found before its line was known). */
    BadInputException atLine(Integer recordLine) {
        return line != null ? this : new BadInputException(recordLine, getMessage());
    }
}
