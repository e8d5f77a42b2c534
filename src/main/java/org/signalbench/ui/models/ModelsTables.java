package org.signalbench.ui.models;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableValue;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.cell.TextFieldTableCell;
import org.signalbench.models.FoldResult;
import org.signalbench.models.PairedTests;
import org.signalbench.models.RunStore;
import org.signalbench.models.RunSummary;
import org.signalbench.preprocess.Variant;

/** The columns of the Models view's tables. */
final class ModelsTables {
    private ModelsTables() {
    }

    private static <S> TableColumn<S, String> text(String title, Function<S, String> value) {
        TableColumn<S, String> column = new TableColumn<>(title);
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        return column;
    }

    private static <S, T> TableColumn<S, T> wide(TableColumn<S, T> column, double width) {
        column.setPrefWidth(width);
        return column;
    }

    /** A number column that sorts as a number and shows {@code format}. */
    private static <S> TableColumn<S, Number> number(String title, Function<S, Number> value, String format) {
        return number(title, value, x -> String.format(Locale.ROOT, format, x));
    }

    /** A p-value: four decimals, and "< 0.0001" below that rather than a misleading 0.0000. */
    private static <S> TableColumn<S, Number> pValue(String title, Function<S, Number> value) {
        return number(title, value, p -> p.doubleValue() < 1e-4 ? "< 0.0001" : String.format(Locale.ROOT, "%.4f", p));
    }

    private static <S> TableColumn<S, Number> number(String title, Function<S, Number> value,
                                                     Function<Number, String> format) {
        TableColumn<S, Number> column = new TableColumn<>(title);
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        column.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(Number item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null
                        : Double.isNaN(item.doubleValue()) ? "—" : format.apply(item));
            }
        });
        column.getStyleClass().add("figure-cell");
        return column;
    }

    /**
     * variant, model, fold, confusion counts, measures and training time of each fold unit; unless
     * {@code compact}, also the training and test sizes and the test time.
     */
    static void folds(TableView<FoldResult> table, boolean compact) {
        List<TableColumn<FoldResult, ?>> columns = new java.util.ArrayList<>(List.of(
                wide(text("Variant", FoldResult::variant), 104),
                wide(text("Model", FoldResult::model), 54),
                wide(number("Fold", f -> f.fold() + 1, "%d"), 40)));
        if (!compact) {
            columns.add(wide(number("Train", FoldResult::trainSize, "%,d"), 58));
            columns.add(wide(number("Test", FoldResult::testSize, "%,d"), 52));
        }
        columns.addAll(List.of(
                wide(number("TP", f -> f.counts().tp(), "%,d"), 46),
                wide(number("FP", f -> f.counts().fp(), "%,d"), 46),
                wide(number("TN", f -> f.counts().tn(), "%,d"), 46),
                wide(number("FN", f -> f.counts().fn(), "%,d"), 46),
                wide(number("Precision", f -> f.counts().precision(), "%.3f"), 70),
                wide(number("Recall", f -> f.counts().recall(), "%.3f"), 58),
                wide(number("F1", f -> f.counts().f1(), "%.3f"), 52),
                wide(number("AUC", FoldResult::auc, "%.3f"), 52),
                wide(number("Train s", FoldResult::trainSeconds, "%.2f"), 62)));
        if (!compact) {
            columns.add(wide(number("Test s", FoldResult::testSeconds, "%.2f"), 56));
        }
        table.getColumns().setAll(columns);
        table.setPlaceholder(new javafx.scene.control.Label("No finished folds."));
    }

    /** status, start, models, variants, folds, seed, scheme and duration of each stored run. */
    static void runs(TableView<RunStore.Run> table) {
        table.getColumns().setAll(List.of(
                wide(text("Status", (RunStore.Run r) -> r.status().key()), 76),
                wide(text("Started", ModelsViewModel::started), 124),
                wide(text("Models", r -> String.join(", ", r.config().models())), 140),
                wide(text("Variants", r -> String.join(", ", r.config().variants().stream().map(Variant::key).toList())), 270),
                wide(number("Folds", r -> r.config().folds(), "%d"), 46),
                wide(number("Seed", r -> r.config().seed(), "%d"), 46),
                wide(text("Folds drawn", r -> scheme(r.config().scheme())), 110),
                wide(text("Duration", ModelsViewModel::duration), 70),
                text("Run", r -> ModelsViewModel.shortId(r.id()))));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new javafx.scene.control.Label("No stored runs: choose the setup on the left and press Start."));
    }

    static String scheme(org.signalbench.models.Folds.Scheme scheme) {
        return scheme == org.signalbench.models.Folds.Scheme.STRATIFIED ? "stratified" : "plain shuffle";
    }

    /** model, name, value (editable; a commit sets the row's value) and default. */
    static void hyperparameters(TableView<Hyperparameter> table) {
        TableColumn<Hyperparameter, String> value = new TableColumn<>("Value");
        value.setCellValueFactory(cell -> cell.getValue().valueProperty());
        // Shown as people read it ("unlimited"); typed back the same way.
        value.setCellFactory(TextFieldTableCell.forTableColumn(new javafx.util.StringConverter<>() {
            @Override
            public String toString(String stored) {
                return stored == null ? "" : HyperparameterText.shown(stored);
            }

            @Override
            public String fromString(String typed) {
                return HyperparameterText.stored(typed);
            }
        }));
        value.setOnEditCommit(edit -> edit.getRowValue().valueProperty().set(edit.getNewValue()));
        value.setEditable(true);
        TableColumn<Hyperparameter, String> meaning = text("What it does", h -> HyperparameterText.meaning(h.name()));
        meaning.setCellFactory(c -> new javafx.scene.control.TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
                setTooltip(empty || item == null || item.isEmpty() ? null : new javafx.scene.control.Tooltip(item));
            }
        });
        value.setId("hyperparameterValue");
        // model.name as cv --param takes it, in one column: the setup column is narrow at 1280 px, and
        // the explanation takes what is left (its whole text in a tooltip).
        TableColumn<Hyperparameter, String> name = text("Name", h -> h.model() + "." + h.name());
        TableColumn<Hyperparameter, String> defaultValue = text("Default", h -> HyperparameterText.shown(h.defaultValue()));
        name.setMinWidth(118);
        value.setMinWidth(80);
        defaultValue.setMinWidth(72);
        meaning.setMinWidth(80);
        table.getColumns().setAll(List.of(wide(name, 126), wide(value, 80), wide(defaultValue, 72), wide(meaning, 260)));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
    }

    /** One row per pair of models (of the variant shown): the t-test and McNemar statistics and p-values. */
    static void pairedTests(TableView<RunSummary.Comparison> table) {
        Function<RunSummary.Comparison, PairedTests.Result> t = RunSummary.Comparison::f1TTest;
        Function<RunSummary.Comparison, PairedTests.Result> mc = RunSummary.Comparison::mcNemar;
        table.getColumns().setAll(List.of(
                text("Models", c -> c.modelA() + " vs " + c.modelB()),
                number("t (F1)", c -> t.apply(c).statistic(), "%.3f"),
                pValue("p", c -> t.apply(c).pValue()),
                number("McNemar χ²", c -> mc.apply(c).statistic(), "%.3f"),
                pValue("p ", c -> mc.apply(c).pValue())));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new javafx.scene.control.Label("Paired tests need two models."));
    }

    /** Table 1: variant and measure, then per model its sub-columns (this run, compared, Δ, published). */
    static void table1(TableView<Table1Grid.Line> table, Table1Grid grid) {
        TableColumn<Table1Grid.Line, String> variant = wide(text("Variant", Table1Grid.Line::variantLabel), 118);
        variant.getStyleClass().add("variant-cell");
        TableColumn<Table1Grid.Line, String> measure = wide(text("Measure", Table1Grid.Line::measure), 84);
        measure.getStyleClass().add("measure-cell");
        table.getColumns().setAll(List.of(variant, measure));
        if (grid == null) {
            table.getItems().clear();
            return;
        }
        for (String model : grid.models()) {
            TableColumn<Table1Grid.Line, String> group = new TableColumn<>(model);
            group.setId("table1-" + model);
            for (String sub : grid.subColumns()) {
                TableColumn<Table1Grid.Line, String> column = new TableColumn<>(sub);
                column.setId("table1-" + model + "-" + sub.replace(' ', '-'));
                column.setCellValueFactory(cell -> cellValue(cell.getValue(), model, sub, grid));
                if (sub.equals(Table1Grid.PUBLISHED)) {
                    column.getStyleClass().add("published-cell");
                }
                column.setSortable(false);
                column.setPrefWidth(sub.equals(Table1Grid.RUN) || sub.equals(Table1Grid.COMPARED) ? 110
                        : sub.equals(Table1Grid.PUBLISHED) ? 56 : 64);
                group.getColumns().add(column);
            }
            table.getColumns().add(group);
        }
        table.getColumns().forEach(c -> c.setSortable(false));
        table.getItems().setAll(grid.lines());
    }

    private static ObservableValue<String> cellValue(Table1Grid.Line line, String model, String sub, Table1Grid grid) {
        return new ReadOnlyStringWrapper(line.cell(model, sub, grid.subColumns()));
    }
}
