package org.signalbench.ui.models;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.signalbench.models.PublishedValues;
import org.signalbench.models.RunExport;
import org.signalbench.models.RunSummary;

/** The export buttons write what RunExport makes of the run's rows beside the shipped published values, in the format chosen. */
class RunExportsTest {
    @Test
    void eachFormatIsRunExportsOwn() {
        List<RunSummary.Row> rows = List.of(new RunSummary.Row("with-hashtags", "svm", 3, 0.9, 0.8, 0.85, 0.95, 0.94,
                0.01, 0.02, 0.03, 0.04), new RunSummary.Row("with-hashtags", "dt", 3, 0.7, 0.6, 0.65, 0.75, 0.74,
                0.05, 0.06, 0.07, 0.08));
        assertEquals(RunExport.csv(rows, PublishedValues.load()), RunExports.TABLE1.render(rows, RunExports.Format.CSV));
        assertEquals(RunExport.markdown(rows, PublishedValues.load()), RunExports.TABLE1.render(rows, RunExports.Format.MARKDOWN));
        assertEquals(RunExport.latex(rows, PublishedValues.load()), RunExports.TABLE1.render(rows, RunExports.Format.LATEX));
    }
}
