package org.signalbench.ui.models;

import java.util.Locale;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.signalbench.models.FinalModels;
import org.signalbench.preprocess.Variant;
import org.signalbench.ui.jobs.JobViewModel;

/**
 * The Models view's "Final model" tab: model and variant, Train and score, the job's progress with
 * time left and Cancel, what came of it, and the workbench's final models.
 */
final class FinalModelPane {
    private final FinalModelViewModel model;
    private final ProgressBar progress = new ProgressBar(0);
    private final Label details = new Label();

    private FinalModelPane(FinalModelViewModel model) {
        this.model = model;
    }

    /** The tab's content over {@code model}. */
    static Node of(FinalModelViewModel model) {
        return new FinalModelPane(model).build();
    }

    private Node build() {
        Label title = new Label("Final model for the Annotate queue");
        title.getStyleClass().add("field-title");
        Label explanation = new Label("Trains one model on every post with a final dealer label, with the hyperparameters "
                + "and seed set on the left, saves it beside the workbench, then scores the posts still to be labelled, "
                + "so Annotate can put likely dealer posts (or the most uncertain ones) first.");
        explanation.setWrapText(true);
        explanation.setMinHeight(Label.USE_PREF_SIZE);
        explanation.getStyleClass().add("notice");

        ComboBox<String> modelBox = new ComboBox<>();
        modelBox.setId("finalModelChoice");
        modelBox.getItems().setAll(model.availableModels());
        modelBox.valueProperty().bindBidirectional(model.modelProperty());
        ComboBox<Variant> variantBox = new ComboBox<>();
        variantBox.setId("finalVariantChoice");
        variantBox.getItems().setAll(Variant.values());
        variantBox.setConverter(new StringConverter<>() {
            @Override
            public String toString(Variant v) {
                return v == null ? "" : v.key();
            }

            @Override
            public Variant fromString(String text) {
                return null;
            }
        });
        variantBox.valueProperty().bindBidirectional(model.variantProperty());
        Button train = new Button("Train and score");
        train.setId("trainFinalModel");
        train.disableProperty().bind(model.canTrainBinding().not());
        train.setOnAction(e -> model.trainAndScore());
        Button cancel = new Button("Cancel");
        cancel.setId("cancelFinalModel");
        cancel.disableProperty().bind(model.runningProperty().not());
        cancel.setOnAction(e -> model.cancel());
        HBox setup = new HBox(8, new Label("Model"), modelBox, new Label("Text variant"), variantBox, train, cancel);
        setup.setAlignment(Pos.CENTER_LEFT);

        Label phase = new Label();
        phase.setId("finalModelPhase");
        phase.textProperty().bind(model.phaseProperty());
        progress.setId("finalModelProgress");
        progress.setPrefWidth(260);
        details.setId("finalModelDetails");
        details.getStyleClass().add("count-label");
        model.jobProperty().addListener((obs, old, job) -> showJob(job));
        HBox under = new HBox(8, progress, details);
        under.setAlignment(Pos.CENTER_LEFT);
        under.visibleProperty().bind(model.jobProperty().isNotNull());

        Label status = new Label();
        status.setId("finalModelStatus");
        status.setWrapText(true);
        status.setMinHeight(Label.USE_PREF_SIZE);
        status.textProperty().bind(model.statusProperty());
        Label problem = new Label();
        problem.setId("finalModelProblem");
        problem.getStyleClass().add("problem");
        problem.setWrapText(true);
        problem.setMinHeight(Label.USE_PREF_SIZE);
        problem.textProperty().bind(model.problemProperty());

        Label listTitle = new Label("Final models of this workbench");
        listTitle.getStyleClass().add("field-title");
        TableView<FinalModels.FinalModel> table = new TableView<>(model.finalModels());
        table.setId("finalModels");
        table.setPlaceholder(new Label("No final model yet."));
        table.getColumns().setAll(java.util.List.of(
                column("Id", FinalModels.FinalModel::id, 250),
                column("Model", FinalModels.FinalModel::model, 60),
                column("Variant", FinalModels.FinalModel::variant, 110),
                column("Texts", m -> Integer.toString(m.trainingPosts()), 60),
                column("Dealer", m -> Integer.toString(m.dealerPosts()), 60),
                column("Trained", FinalModelViewModel::trainedAt, 130),
                column("Training time", m -> String.format(Locale.ROOT, "%.1f s", m.seconds()), 100),
                column("File", m -> m.file().toString(), 380)));
        VBox.setVgrow(table, Priority.ALWAYS);

        VBox box = new VBox(8, title, explanation, setup, phase, under, problem, status, listTitle, table);
        box.setPadding(new Insets(8));
        box.sceneProperty().addListener((obs, old, scene) -> {
            if (scene != null) {
                model.refresh();
            }
        });
        return box;
    }

    private void showJob(JobViewModel job) {
        progress.progressProperty().unbind();
        details.textProperty().unbind();
        if (job != null) {
            progress.progressProperty().bind(job.progressProperty());
            details.textProperty().bind(Bindings.concat(job.detailsProperty(), " · ", job.messageProperty()));
        }
    }

    private static TableColumn<FinalModels.FinalModel, String> column(String title,
                                                                      Function<FinalModels.FinalModel, String> value,
                                                                      double width) {
        TableColumn<FinalModels.FinalModel, String> column = new TableColumn<>(title);
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        column.setPrefWidth(width);
        column.setSortable(false);
        return column;
    }
}
