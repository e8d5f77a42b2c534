package org.signalbench.ui.models;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Pane;
import org.signalbench.models.BinaryMetrics;
import org.signalbench.models.RunViews;
import org.signalbench.models.TrainingEpoch;

/** Draws the Models view's charts and confusion matrices from the view model's data. */
final class ModelsCharts {
    static final String CHANCE = "chance";

    private ModelsCharts() {
    }

    /** Adds an epoch's training and validation loss to the loss chart's two series. */
    static void addEpoch(XYChart.Series<Number, Number> training, XYChart.Series<Number, Number> validation, TrainingEpoch e) {
        training.getData().add(new XYChart.Data<>(e.epoch(), e.trainLoss()));
        if (!Double.isNaN(e.validationLoss())) {
            validation.getData().add(new XYChart.Data<>(e.epoch(), e.validationLoss()));
        }
    }

    /** One ROC curve per model (legend: model and pooled AUC when given), and the chance diagonal. */
    static void drawRoc(LineChart<Number, Number> chart, Map<String, List<RunViews.RocPoint>> curves, Map<String, Double> pooledAuc) {
        chart.getData().clear();
        if (curves == null) {
            return;
        }
        curves.forEach((model, points) -> {
            XYChart.Series<Number, Number> series = new XYChart.Series<>();
            Double auc = pooledAuc.get(model);
            series.setName(auc == null || auc.isNaN() ? model : String.format(Locale.ROOT, "%s (AUC %.3f)", model, auc));
            for (RunViews.RocPoint p : points) {
                series.getData().add(new XYChart.Data<>(p.falsePositiveRate(), p.truePositiveRate()));
            }
            chart.getData().add(series);
        });
        XYChart.Series<Number, Number> chance = new XYChart.Series<>();
        chance.setName(CHANCE);
        chance.getData().add(new XYChart.Data<>(0, 0));
        chance.getData().add(new XYChart.Data<>(1, 1));
        chart.getData().add(chance);
    }

    /** A 2 × 2 confusion matrix per model: rows the true label, columns the prediction. */
    static void drawConfusion(Pane box, Map<String, BinaryMetrics> counts) {
        box.getChildren().clear();
        if (counts == null) {
            return;
        }
        counts.forEach((model, m) -> {
            GridPane grid = new GridPane();
            grid.setId("confusion-" + model);
            grid.getStyleClass().add("confusion-matrix");
            Label title = new Label(model);
            title.getStyleClass().add("confusion-title");
            grid.add(title, 0, 0);
            grid.add(new Label("pred. dealer"), 1, 0);
            grid.add(new Label("pred. other"), 2, 0);
            grid.add(new Label("dealer"), 0, 1);
            grid.add(new Label("other"), 0, 2);
            grid.add(count(m.tp(), true, "tp"), 1, 1);
            grid.add(count(m.fn(), false, "fn"), 2, 1);
            grid.add(count(m.fp(), false, "fp"), 1, 2);
            grid.add(count(m.tn(), true, "tn"), 2, 2);
            box.getChildren().add(grid);
        });
    }

    private static Label count(int n, boolean right, String id) {
        Label label = new Label(String.format(Locale.ROOT, "%,d", n));
        label.setId(id);
        label.getStyleClass().add(right ? "confusion-right" : "confusion-wrong");
        return label;
    }
}
