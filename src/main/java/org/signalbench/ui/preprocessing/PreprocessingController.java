package org.signalbench.ui.preprocessing;

import javafx.fxml.FXML;
import javafx.geometry.VPos;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import org.signalbench.ui.common.Fxml;

/** The Preprocessing pane of the post detail: tokens, and per text variant kept or dropped and why. */
public final class PreprocessingController {
    private final PreprocessingViewModel model;
    private final Parent view;

    @FXML
    private Label noticeLabel;
    @FXML
    private VBox contentBox;
    @FXML
    private FlowPane tokensPane;
    @FXML
    private GridPane variantsGrid;

    public PreprocessingController(PreprocessingViewModel model) {
        this.model = model;
        this.view = Fxml.load(this, "preprocessing.fxml");
    }

    @FXML
    private void initialize() {
        noticeLabel.textProperty().bind(model.noticeProperty());
        noticeLabel.visibleProperty().bind(model.noticeProperty().isNotEmpty());
        noticeLabel.managedProperty().bind(noticeLabel.visibleProperty());
        contentBox.visibleProperty().bind(model.explanationProperty().isNotNull());
        contentBox.managedProperty().bind(contentBox.visibleProperty());
        model.explanationProperty().addListener((obs, old, now) -> show(now));
        show(model.explanationProperty().get());
    }

    private void show(PostPreprocessing explanation) {
        tokensPane.getChildren().clear();
        variantsGrid.getChildren().clear();
        if (explanation == null) {
            return;
        }
        if (explanation.tokens().isEmpty()) {
            tokensPane.getChildren().add(new Label("(no tokens left after cleaning)"));
        }
        for (String token : explanation.tokens()) {
            Label chip = new Label(token);
            chip.getStyleClass().add(token.startsWith("#") ? "token-hashtag" : "token");
            tokensPane.getChildren().add(chip);
        }
        int row = 0;
        for (PostPreprocessing.VariantOutcome outcome : explanation.variants()) {
            Label name = new Label(outcome.variant());
            name.getStyleClass().add("variant-name");
            Label verdict = new Label(outcome.kept() ? "kept" : "dropped");
            verdict.getStyleClass().add(outcome.kept() ? "variant-kept" : "variant-dropped");
            Label detail = new Label(outcome.kept() ? String.join(" ", outcome.tokens()) : outcome.reason());
            detail.setWrapText(true);
            variantsGrid.addRow(row++, name, verdict, detail);
            for (Label cell : new Label[] {name, verdict, detail}) {
                GridPane.setValignment(cell, VPos.TOP);
            }
        }
    }

    public Parent view() {
        return view;
    }
}
