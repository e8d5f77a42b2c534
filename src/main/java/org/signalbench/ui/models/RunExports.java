package org.signalbench.ui.models;

import java.nio.file.Path;

/**
 * Writes a stored run to a file (the export buttons). The Models view calls only this; the
 * window wires it to the domain's exporter.
 */
@FunctionalInterface
public interface RunExports {
    /** The export formats, with their usual file extension. */
    enum Format {
        CSV("CSV", "csv"), MARKDOWN("Markdown", "md"), LATEX("LaTeX", "tex");

        public final String label;
        public final String extension;

        Format(String label, String extension) {
            this.label = label;
            this.extension = extension;
        }
    }

    void export(String runId, Format format, Path file) throws Exception;

    /** Until this build has an exporter. */
    RunExports UNAVAILABLE = (runId, format, file) -> {
        throw new UnsupportedOperationException("exporting runs is not available in this build yet");
    };
}
