package org.signalbench.ui.models;

import java.util.List;
import org.signalbench.models.RunExport;
import org.signalbench.models.RunSummary;

/**
 * Renders a stored run's Table-1 rows as a file's text (the export buttons): {@link #TABLE1} in the
 * app, a fake in tests.
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

    /** Table 1 as {@link RunExport} writes it (as {@code runs export} does). */
    RunExports TABLE1 = (rows, format) -> RunExport.export(RunExport.Format.valueOf(format.name()), rows);
}
