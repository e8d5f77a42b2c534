package org.signalbench.ui.importing;

import java.util.stream.Collectors;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.signalbench.importing.ImportReport;
import org.signalbench.importing.Rejection;
import org.signalbench.ui.importing.ImportViewModel.ImportOutcome;

/** The dialog after an import: counts, and every rejected file or line with its reason, copyable. */
public final class ImportSummaryDialog {
    static final ButtonType COPY = new ButtonType("Copy report", ButtonBar.ButtonData.LEFT);

    private ImportSummaryDialog() {
    }

    /** Shows the summary without blocking; returns the dialog. */
    public static Alert show(Window owner, ImportOutcome outcome) {
        Alert alert;
        if (outcome.failure() != null) {
            alert = new Alert(Alert.AlertType.ERROR, "The import failed: " + outcome.failure(), ButtonType.OK);
            alert.setHeaderText(outcome.jobName() + " failed");
        } else {
            alert = new Alert(Alert.AlertType.INFORMATION, "", COPY, ButtonType.OK);
            String text = reportText(outcome);
            alert.setHeaderText(outcome.cancelled() ? outcome.jobName() + " was cancelled" : outcome.jobName() + " finished");
            Label counts = new Label(counts(outcome));
            counts.setId("importCounts");
            TextArea rejected = new TextArea(rejections(outcome.report()));
            rejected.setId("importRejections");
            rejected.setEditable(false);
            rejected.setWrapText(false);
            rejected.setPrefRowCount(8);
            VBox content = new VBox(8, counts, new Label("Rejected:"), rejected);
            alert.getDialogPane().setContent(content);
            alert.getDialogPane().setPrefWidth(640);
            alert.setResultConverter(button -> {
                if (button == COPY) {
                    ClipboardContent clip = new ClipboardContent();
                    clip.putString(text);
                    Clipboard.getSystemClipboard().setContent(clip);
                }
                return button;
            });
        }
        alert.setTitle("Import");
        alert.initOwner(owner);
        alert.show();
        return alert;
    }

    static String counts(ImportOutcome outcome) {
        ImportReport r = outcome.report();
        String cancelled = outcome.cancelled() ? "Cancelled: the posts imported before you cancelled stay.\n" : "";
        if (r == null) {
            return cancelled;
        }
        // Posts left out on purpose (retweets, stream notices, filters) are counted by kind.
        String skipped = r.skipped().isEmpty() ? "" : "\nLeft out: " + r.skipped().entrySet().stream()
                .map(e -> e.getValue() + " " + e.getKey()).collect(Collectors.joining(", "));
        return cancelled + "Imported: " + r.imported() + "\nDuplicates: " + r.duplicates() + "\nLabels: " + r.labels()
                + skipped + "\nRejected: " + r.rejected().size();
    }

    static String rejections(ImportReport report) {
        if (report == null || report.rejected().isEmpty()) {
            return "(nothing was rejected)";
        }
        return report.rejected().stream().map(Rejection::toString).collect(Collectors.joining("\n"));
    }

    /** The whole summary as plain text, for the clipboard. */
    static String reportText(ImportOutcome outcome) {
        return outcome.jobName() + "\n" + counts(outcome) + "\n\nRejected:\n" + rejections(outcome.report()) + "\n";
    }
}
