package org.signalbench.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.signalbench.store.DataLocations;
import org.signalbench.store.Workbench;
import picocli.CommandLine.Option;

/** The {@code --db PATH} option shared by every command that works on a workbench. */
public final class WorkbenchOption {
    @Option(names = "--db", paramLabel = "PATH",
            description = "Workbench SQLite file (default: ${DEFAULT-VALUE}). Commands that add to it (import, "
                    + "labels import, adjudicate import) create it when missing; the others refuse a missing file.")
    Path db = DataLocations.defaultWorkbench();

    /** Opens the workbench, creating it when missing (for commands that add to it). */
    public Workbench open() throws IOException {
        return Workbench.open(db);
    }

    /** Opens a workbench that must already exist (for commands that only read it). */
    public Workbench openExisting() throws IOException {
        if (!Files.isRegularFile(db)) {
            throw new NoSuchFileException(db.toString(), null, "no workbench here; `import --db " + db + " ...` creates one");
        }
        return Workbench.open(db);
    }

    public Path path() {
        return db;
    }
}
