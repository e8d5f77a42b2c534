package org.signalbench.ui.jobs;

import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.signalbench.jobs.JobStatus;
import org.signalbench.ui.common.Fxml;

/** The one jobs panel: every job with its status, progress bar, time left and a Cancel button. */
public final class JobsPanelController {
    private final JobsViewModel model;
    private final Parent view;

    @FXML
    private ListView<JobViewModel> jobList;
    @FXML
    private Button clearButton;

    public JobsPanelController(JobsViewModel model) {
        this.model = model;
        this.view = Fxml.load(this, "jobs-panel.fxml");
    }

    @FXML
    private void initialize() {
        jobList.setItems(model.jobs());
        jobList.setCellFactory(list -> new JobCell());
        jobList.setPlaceholder(new Label("No jobs yet. Imports and other long work show up here."));
        clearButton.disableProperty().bind(Bindings.size(model.jobs()).isEqualTo(model.unfinishedCountBinding()));
    }

    @FXML
    private void clearFinished() {
        model.clearFinished();
    }

    public Parent view() {
        return view;
    }

    /** One row: name, status, bar, message, details, Cancel. */
    private static final class JobCell extends ListCell<JobViewModel> {
        private final Label name = new Label();
        private final Label status = new Label();
        private final ProgressBar bar = new ProgressBar();
        private final Label message = new Label();
        private final Label details = new Label();
        private final Button cancel = new Button("Cancel");
        private final HBox row;

        JobCell() {
            name.getStyleClass().add("job-name");
            status.getStyleClass().add("job-status");
            message.getStyleClass().add("job-message");
            details.getStyleClass().add("job-details");
            bar.setPrefWidth(220);
            message.setMaxWidth(Double.MAX_VALUE);
            VBox text = new VBox(2, new HBox(8, name, status), message);
            HBox.setHgrow(text, Priority.ALWAYS);
            row = new HBox(12, text, bar, details, cancel);
            row.getStyleClass().add("job-row");
            row.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        }

        @Override
        protected void updateItem(JobViewModel job, boolean empty) {
            super.updateItem(job, empty);
            status.textProperty().unbind();
            bar.progressProperty().unbind();
            message.textProperty().unbind();
            details.textProperty().unbind();
            cancel.visibleProperty().unbind();
            if (empty || job == null) {
                setGraphic(null);
                return;
            }
            name.setText(job.name());
            status.textProperty().bind(Bindings.createStringBinding(
                    () -> statusText(job.statusProperty().get()), job.statusProperty()));
            bar.progressProperty().bind(job.progressProperty());
            message.textProperty().bind(job.messageProperty());
            details.textProperty().bind(job.detailsProperty());
            cancel.visibleProperty().bind(job.cancellableProperty());
            cancel.setOnAction(e -> job.cancel());
            setGraphic(row);
        }

        private static String statusText(JobStatus status) {
            String word = status.name().toLowerCase(java.util.Locale.ROOT);
            return Character.toUpperCase(word.charAt(0)) + word.substring(1);
        }
    }
}
