package org.signalbench.ui.findings;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableView;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.signalbench.findings.Findings;
import org.signalbench.findings.Table;
import org.signalbench.findings.TableFormat;
import org.signalbench.ui.common.Fxml;

/**
 * The Findings view: the list of tables on the left; the chosen table with its note, copy and
 * export buttons (the table as CSV or Markdown, its charts as SVG and PNG) and its charts on the
 * right; Refresh, masking, the lexicon editor, every table and chart at once, and the report above.
 */
public final class FindingsController {
    private static final FindingsFiles.FileType CSV = new FindingsFiles.FileType("CSV", "csv");
    private static final FindingsFiles.FileType MARKDOWN = new FindingsFiles.FileType("Markdown", "md");
    private static final FindingsFiles.FileType HTML = new FindingsFiles.FileType("HTML report", "html");

    private static final FindingsFiles.FileType TEXT = new FindingsFiles.FileType("Hashtags, one a line", "txt");
    private static final String DISCOVERY = "discovery";

    private final FindingsViewModel model;
    private final FindingsFiles files;
    private final Parent view;

    @FXML
    private Button refreshButton;
    @FXML
    private CheckBox maskBox;
    @FXML
    private Button reportButton;
    @FXML
    private ProgressIndicator busy;
    @FXML
    private Label statusLabel;
    @FXML
    private Label problemLabel;
    @FXML
    private ListView<String> sectionList;
    @FXML
    private Label titleLabel;
    @FXML
    private Label noteLabel;
    @FXML
    private Button copyMarkdownButton;
    @FXML
    private Button copyCsvButton;
    @FXML
    private Button exportButton;
    @FXML
    private Button exportChartsButton;
    @FXML
    private Button exportAllButton;
    @FXML
    private Button searchListButton;
    @FXML
    private SplitPane tableAndCharts;
    @FXML
    private TableView<FindingsTableView.Line> table;
    @FXML
    private ScrollPane chartScroll;
    @FXML
    private VBox chartBox;

    public FindingsController(FindingsViewModel model, FindingsFiles files) {
        this.model = model;
        this.files = files;
        this.view = Fxml.load(this, "findings.fxml");
        view.getStylesheets().add(FindingsController.class.getResource("findings.css").toExternalForm());
    }

    @FXML
    private void initialize() {
        maskBox.selectedProperty().bindBidirectional(model.maskProperty());
        busy.visibleProperty().bind(model.computingProperty());
        busy.managedProperty().bind(busy.visibleProperty());
        refreshButton.disableProperty().bind(model.computingProperty());
        reportButton.disableProperty().bind(model.shownBinding().isNull());
        statusLabel.textProperty().bind(model.statusProperty());
        problemLabel.textProperty().bind(model.problemProperty());
        problemLabel.visibleProperty().bind(model.problemProperty().isNotEmpty());
        problemLabel.managedProperty().bind(problemLabel.visibleProperty());
        for (Button b : List.of(copyMarkdownButton, copyCsvButton, exportButton)) {
            b.disableProperty().bind(Bindings.createBooleanBinding(() -> selectedTable() == null,
                    model.shownBinding(), sectionList.getSelectionModel().selectedItemProperty()));
        }
        exportChartsButton.disableProperty().bind(Bindings.createBooleanBinding(() -> model.charts(selectedTable()).isEmpty(),
                model.shownBinding(), sectionList.getSelectionModel().selectedItemProperty()));
        exportAllButton.disableProperty().bind(model.shownBinding().isNull());
        // the next loop's searches go with the discovery table
        searchListButton.visibleProperty().bind(sectionList.getSelectionModel().selectedItemProperty().isEqualTo(DISCOVERY));
        searchListButton.managedProperty().bind(searchListButton.visibleProperty());
        sectionList.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(String key, boolean empty) {
                super.updateItem(key, empty);
                Table t = empty || key == null ? null : model.table(key);
                setText(t == null ? null : t.title());
            }

            {
                // long titles wrap within the list instead of being cut
                setWrapText(true);
                prefWidthProperty().bind(sectionList.widthProperty().subtract(20));
            }
        });
        // group names show on a group's first row only while unsorted: redraw when the sort changes
        table.getSortOrder().addListener((javafx.collections.ListChangeListener<Object>) change -> table.refresh());
        sectionList.getSelectionModel().selectedItemProperty().addListener((obs, old, key) -> showSelected());
        model.shownBinding().addListener((obs, old, findings) -> showFindings(findings));
        model.computingProperty().addListener((obs, was, now) -> {
            if (selectedTable() == null) {
                showPlaceholder();
            }
        });
        showFindings(model.shownBinding().get());
    }

    /** New findings (or masking switched): the same section stays selected, its table and charts redrawn. */
    private void showFindings(Findings findings) {
        String selected = sectionList.getSelectionModel().getSelectedItem();
        List<String> keys = findings == null ? List.of() : findings.tables().stream().map(Table::key).toList();
        sectionList.getItems().setAll(keys);
        if (!keys.isEmpty()) {
            sectionList.getSelectionModel().select(keys.contains(selected) ? selected : "drug-hashtags");
        }
        showSelected();
    }

    private void showSelected() {
        Table t = selectedTable();
        titleLabel.setText(t == null ? "" : t.title());
        noteLabel.setText(t == null ? "" : t.note());
        FindingsTableView.show(table, t);
        if (t == null) {
            showPlaceholder();
        }
        List<? extends javafx.scene.Node> charts = t == null ? List.of() : FindingsCharts.of(model.shownBinding().get(), t);
        chartBox.getChildren().setAll(charts);
        boolean withCharts = !charts.isEmpty();
        if (withCharts && !tableAndCharts.getItems().contains(chartScroll)) {
            tableAndCharts.getItems().add(chartScroll);
        } else if (!withCharts) {
            tableAndCharts.getItems().remove(chartScroll);
        }
        if (withCharts) {
            // the table as wide as its columns ask, the rest for the charts
            double width = tableAndCharts.getWidth() > 0 ? tableAndCharts.getWidth() : 900;
            tableAndCharts.setDividerPositions(Math.max(0.3, Math.min(0.68, FindingsTableView.preferredWidth(table) / width)));
        }
    }

    /** What the empty table says while there is no table: that the findings are being computed, not "No columns in table". */
    private void showPlaceholder() {
        Label placeholder = new Label(model.computingProperty().get() ? "Computing the findings…"
                : model.problemProperty().get().isEmpty() ? "No findings yet." : "No findings: see the message above.");
        placeholder.setId("findingsPlaceholder");
        table.setPlaceholder(placeholder);
    }

    /** The table chosen in the list, as shown (masked when masking is on). */
    private Table selectedTable() {
        String key = sectionList.getSelectionModel().getSelectedItem();
        return key == null ? null : model.table(key);
    }

    @FXML
    private void refresh() {
        model.refresh();
    }

    @FXML
    private void copyMarkdown() {
        copy(TableFormat.MARKDOWN);
    }

    @FXML
    private void copyCsv() {
        copy(TableFormat.CSV);
    }

    private void copy(TableFormat format) {
        Table t = selectedTable();
        if (t != null) {
            ClipboardContent content = new ClipboardContent();
            content.putString(model.copyText(t, format));
            Clipboard.getSystemClipboard().setContent(content);
        }
    }

    @FXML
    private void export() {
        Table t = Objects.requireNonNull(selectedTable());
        files.chooseSaveFile(window(), "Export “" + t.title() + "”", t.key() + ".csv", CSV, MARKDOWN)
                .ifPresent(file -> model.export(t, formatOf(file), file));
    }

    /** The selected table's charts as SVG and PNG into a chosen folder. */
    @FXML
    private void exportCharts() {
        Table t = selectedTable();
        List<org.signalbench.findings.Charts.Chart> charts = model.charts(t);
        if (t != null && !charts.isEmpty()) {
            files.chooseFolder(window(), "Export the charts of “" + t.title() + "” (SVG and PNG) into a folder")
                    .ifPresent(folder -> model.exportCharts(charts, folder));
        }
    }

    /** Every findings table as CSV and every chart as SVG and PNG into a chosen folder. */
    @FXML
    private void exportAll() {
        if (model.shownBinding().get() != null) {
            files.chooseFolder(window(), "Export every table (CSV) and chart (SVG and PNG) into a folder")
                    .ifPresent(model::exportAll);
        }
    }

    /** Markdown for .md and .markdown files, CSV otherwise. */
    static TableFormat formatOf(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".md") || name.endsWith(".markdown") ? TableFormat.MARKDOWN : TableFormat.CSV;
    }

    @FXML
    private void saveSearchList() {
        files.chooseSaveFile(window(), "Save the hashtags to search next", "next-searches.txt", TEXT)
                .ifPresent(model::saveSearchList);
    }

    @FXML
    private void report() {
        files.chooseSaveFile(window(), "Save the findings report", "findings-report.html", HTML)
                .ifPresent(model::writeReport);
    }

    @FXML
    private void editLexicon() {
        model.loadLexicon(lexicon -> LexiconEditor.show(window(), lexicon, model.lexiconFile(), model::saveLexicon));
    }

    private Window window() {
        return view.getScene() == null ? null : view.getScene().getWindow();
    }

    public Parent view() {
        return view;
    }
}
