package org.signalbench.ui.importing;

import java.util.List;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import javafx.util.StringConverter;
import org.signalbench.domain.Platform;
import org.signalbench.importing.CsvOptions;

/**
 * The CSV import dialog: the first rows of the file, its encoding and delimiter (detected,
 * changeable), a column for each SignalBench field, the time format with its check on the preview,
 * and drop retweets. Import hands the chosen {@link CsvOptions} on; the import itself runs as a job.
 */
public final class CsvImportDialog {
    static final ButtonType IMPORT = new ButtonType("Import", ButtonBar.ButtonData.OK_DONE);
    /** What a field's box shows when the field is not read. */
    static final String NONE = "(not read)";
    /** What the platform box shows when the platform comes from a column. */
    private static final String FROM_COLUMN = "from the platform column";
    /** What each field means, for the boxes' tooltips. */
    private static final java.util.Map<String, String> HELP = java.util.Map.ofEntries(
            java.util.Map.entry("external_id", "The post's id on its platform (Instagram shortcode, tweet id). Required."),
            java.util.Map.entry("platform", "instagram or twitter; or choose one platform for every row above."),
            java.util.Map.entry("caption", "The post's text."),
            java.util.Map.entry("author", "The account's handle."),
            java.util.Map.entry("author_id", "The platform's id of the account."),
            java.util.Map.entry("posted_at", "When it was posted: read with the time format below."),
            java.util.Map.entry("collected_under", "The searches it was collected under, separated by ; or |."),
            java.util.Map.entry("url", "The post's address."),
            java.util.Map.entry("links", "Links in the post, separated by spaces."),
            java.util.Map.entry("media", "Image files, separated by ;, relative to the CSV file's folder."),
            java.util.Map.entry("retweet", "Marks retweets: true, yes, 1 or an id. Used by \"Drop retweets\"."));

    private CsvImportDialog() {
    }

    /**
     * Shows the dialog without blocking and starts reading the preview; {@code onImport} gets the
     * options when the user presses Import.
     */
    public static Dialog<CsvOptions> show(Window owner, CsvImportViewModel model, Consumer<CsvOptions> onImport) {
        Dialog<CsvOptions> dialog = new Dialog<>();
        dialog.setTitle("Import CSV");
        dialog.setHeaderText(model.files().size() == 1 ? "Import " + model.files().get(0).getFileName()
                : "Import " + model.files().size() + " CSV files (preview of " + model.files().get(0).getFileName() + ")");
        if (owner != null) {
            dialog.initOwner(owner);
        }
        dialog.setResizable(true);
        dialog.getDialogPane().getButtonTypes().setAll(IMPORT, ButtonType.CANCEL);
        dialog.getDialogPane().setContent(content(model));
        dialog.getDialogPane().setPrefSize(1100, 660);
        dialog.getDialogPane().setId("csvImportDialog");
        Node importButton = dialog.getDialogPane().lookupButton(IMPORT);
        importButton.setId("csvImportButton");
        importButton.disableProperty().bind(model.canImportBinding().not());
        dialog.setResultConverter(button -> button == IMPORT ? model.options() : null);
        dialog.setOnHidden(event -> {
            if (dialog.getResult() != null) {
                onImport.accept(dialog.getResult());
            }
        });
        dialog.show();
        model.reload();
        return dialog;
    }

    private static Node content(CsvImportViewModel model) {
        Label detected = new Label();
        detected.setId("csvDetected");
        detected.textProperty().bind(model.detectedProperty());

        ComboBox<String> encoding = new ComboBox<>(model.encodings());
        encoding.setId("csvEncoding");
        encoding.setEditable(true); // any encoding Java knows can be typed
        encoding.valueProperty().bindBidirectional(model.encodingProperty());
        ComboBox<String> delimiter = new ComboBox<>();
        delimiter.setId("csvDelimiter");
        delimiter.getItems().setAll(CsvImportViewModel.AUTO, ",", ";", "tab", "|");
        delimiter.valueProperty().bindBidirectional(model.delimiterProperty());
        ComboBox<Platform> platform = new ComboBox<>();
        platform.setId("csvPlatform");
        platform.getItems().setAll(null, Platform.INSTAGRAM, Platform.TWITTER);
        platform.setConverter(new StringConverter<>() {
            @Override
            public String toString(Platform p) {
                return p == null ? FROM_COLUMN : p.key() + " (every row)";
            }

            @Override
            public Platform fromString(String text) {
                return null;
            }
        });
        platform.valueProperty().bindBidirectional(model.platformProperty());
        HBox reading = new HBox(8, new Label("Encoding:"), encoding, new Label("Delimiter:"), delimiter,
                new Label("Platform:"), platform, detected);
        reading.setAlignment(javafx.geometry.Pos.CENTER_LEFT);

        TableView<List<String>> preview = new TableView<>(model.rows());
        preview.setId("csvPreview");
        preview.setPrefHeight(220);
        preview.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        Runnable columns = () -> {
            preview.getColumns().clear();
            for (int i = 0; i < model.header().size(); i++) {
                int index = i;
                TableColumn<List<String>, String> column = new TableColumn<>(model.header().get(i));
                column.setCellValueFactory(row -> new ReadOnlyStringWrapper(
                        index < row.getValue().size() ? row.getValue().get(index) : ""));
                column.setPrefWidth(Math.max(90, Math.min(260, 1000 / Math.max(1, model.header().size()))));
                preview.getColumns().add(column);
            }
        };
        model.header().addListener((ListChangeListener<String>) change -> columns.run());
        columns.run();

        GridPane mapping = new GridPane();
        mapping.setId("csvMapping");
        mapping.setHgap(8);
        mapping.setVgap(6);
        int perRow = 3;
        for (int c = 0; c < perRow; c++) {
            mapping.getColumnConstraints().addAll(new ColumnConstraints(110), new ColumnConstraints(180, 220, Double.MAX_VALUE));
        }
        List<String> fields = CsvOptions.FIELDS;
        for (int i = 0; i < fields.size(); i++) {
            String field = fields.get(i);
            ComboBox<String> box = new ComboBox<>();
            box.setId("csvField-" + field);
            box.setMaxWidth(Double.MAX_VALUE);
            box.setTooltip(new Tooltip(HELP.get(field)));
            Runnable choices = () -> {
                String chosen = model.columnProperty(field).get();
                box.getItems().setAll(NONE);
                box.getItems().addAll(model.header());
                box.setValue(chosen == null || chosen.isEmpty() ? NONE : chosen);
            };
            model.header().addListener((ListChangeListener<String>) change -> choices.run());
            model.columnProperty(field).addListener((obs, old, now) ->
                    box.setValue(now == null || now.isEmpty() ? NONE : now));
            box.valueProperty().addListener((obs, old, now) ->
                    model.columnProperty(field).set(now == null || now.equals(NONE) ? CsvOptions.NO_COLUMN : now));
            choices.run();
            Label label = new Label(field + (CsvOptions.REQUIRED.contains(field) ? " *" : "") + ":");
            label.setLabelFor(box);
            mapping.add(label, (i % perRow) * 2, i / perRow);
            mapping.add(box, (i % perRow) * 2 + 1, i / perRow);
            GridPane.setHgrow(box, Priority.ALWAYS);
        }

        TextField timeFormat = new TextField();
        timeFormat.setId("csvTimeFormat");
        timeFormat.setPromptText("ISO-8601 or epoch seconds; e.g. yyyy-MM-dd HH:mm:ss");
        timeFormat.setPrefColumnCount(22);
        timeFormat.textProperty().bindBidirectional(model.timeFormatProperty());
        TextField timeZone = new TextField();
        timeZone.setId("csvTimeZone");
        timeZone.setPrefColumnCount(10);
        timeZone.textProperty().bindBidirectional(model.timeZoneProperty());
        Label timeCheck = new Label();
        timeCheck.setId("csvTimeCheck");
        timeCheck.setWrapText(true);
        timeCheck.textProperty().bind(model.timeCheckProperty());
        HBox time = new HBox(8, new Label("Time format:"), timeFormat, new Label("Zone of times without one:"), timeZone);
        time.setAlignment(javafx.geometry.Pos.CENTER_LEFT);

        CheckBox dropRetweets = new CheckBox("Drop retweets (rows marked in the retweet column, or text starting with \"RT @\")");
        dropRetweets.setId("csvDropRetweets");
        dropRetweets.selectedProperty().bindBidirectional(model.dropRetweetsProperty());

        Label problem = new Label();
        problem.setId("csvProblem");
        problem.setWrapText(true);
        problem.setStyle("-fx-text-fill: #b00020;");
        problem.textProperty().bind(model.problemProperty());

        Label mappingTitle = new Label("Columns (* required; fields not read are left empty):");
        mappingTitle.setStyle("-fx-font-weight: bold;");
        Label previewTitle = new Label("First rows of the file:");
        previewTitle.setStyle("-fx-font-weight: bold;");
        VBox box = new VBox(8, reading, previewTitle, preview, mappingTitle, mapping, time, timeCheck, dropRetweets, problem);
        box.setPadding(new Insets(4, 12, 0, 12));
        VBox.setVgrow(preview, Priority.ALWAYS);
        return box;
    }
}
