package org.signalbench.importing;

import java.io.IOException;
import java.nio.file.Path;

/** Reads one source file of one format into drafts. */
interface PostFileReader {
    /**
     * Reads {@code file}, handing each post or refused record to {@code sink}.
     *
     * @throws BadInputException when the whole file (or the rest of it from a line) is refused
     */
    void read(Path file, DraftSink sink) throws IOException, BadInputException;
}
