package org.signalbench.importing;

/**
 * Something the import refused, and why. {@code line} is the 1-based line (JSON Lines, CSV) or
 * null when the whole file was refused.
 */
public record Rejection(String file, Integer line, String reason) {
    @Override
    public String toString() {
        return file + (line == null ? "" : ":" + line) + ": " + reason;
    }
}
