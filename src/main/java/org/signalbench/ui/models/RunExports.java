package org.signalbench.ui.models;

import java.util.List;
import org.signalbench.models.RunSummary;

/**
 * Renders a stored run's Table-1 rows as a file's text (the export buttons). The Models view calls
 * only this; the window wires it to the domain's exporter.
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

    String render(List<RunSummary.Row> rows, Format format);

    /** Until this build has an exporter. */
    RunExports UNAVAILABLE = (rows, format) -> {
        throw new UnsupportedOperationException("exporting runs is not available in this build yet");
    };
}
