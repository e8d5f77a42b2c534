package org.signalbench.ui.posts;

import java.text.NumberFormat;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import org.signalbench.domain.Platform;
import org.signalbench.store.PostQuery.PostSummary;
import org.signalbench.ui.common.Fxml;

/** The post table with its filter bar. Binds to {@link PostBrowserViewModel}; holds no state of its own. */
public final class PostBrowserController {
    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT).withZone(ZoneOffset.UTC);

    private final PostBrowserViewModel model;
    private final Parent view;

    @FXML
    private TextField searchField;
    @FXML
    private ComboBox<Platform> platformBox;
    @FXML
    private ComboBox<String> collectionBox;
    @FXML
    private Label countLabel;
    @FXML
    private Label mediaLabel;
    @FXML
    private TableView<PostRow> postTable;
    @FXML
    private TableColumn<PostRow, String> platformColumn;
    @FXML
    private TableColumn<PostRow, String> idColumn;
    @FXML
    private TableColumn<PostRow, String> authorColumn;
    @FXML
    private TableColumn<PostRow, String> dateColumn;
    @FXML
    private TableColumn<PostRow, String> collectedColumn;
    @FXML
    private TableColumn<PostRow, String> captionColumn;

    public PostBrowserController(PostBrowserViewModel model) {
        this.model = model;
        this.view = Fxml.load(this, "post-browser.fxml");
    }

    @FXML
    private void initialize() {
        searchField.textProperty().bindBidirectional(model.searchTextProperty());

        platformBox.getItems().setAll(FXCollections.observableArrayList((Platform) null));
        platformBox.getItems().addAll(Platform.values());
        platformBox.setButtonCell(new PlatformCell());
        platformBox.setCellFactory(list -> new PlatformCell());
        platformBox.valueProperty().bindBidirectional(model.platformProperty());

        collectionBox.setItems(model.collections());
        collectionBox.getEditor().textProperty().bindBidirectional(model.collectionProperty());
        collectionBox.valueProperty().addListener((obs, old, now) -> model.collectionProperty().set(now == null ? "" : now));

        NumberFormat numbers = NumberFormat.getIntegerInstance(Locale.ROOT);
        countLabel.textProperty().bind(Bindings.createStringBinding(
                () -> numbers.format(model.matchingProperty().get()) + " of "
                        + numbers.format(model.totalProperty().get()) + " posts",
                model.matchingProperty(), model.totalProperty()));

        bindMediaCheck(numbers);

        postTable.itemsProperty().bind(model.rowsProperty());
        // A new filter starts at the top, where its first page is loaded first.
        model.rowsProperty().addListener((obs, old, now) -> postTable.scrollTo(0));
        Label placeholder = new Label();
        placeholder.textProperty().bind(Bindings.when(model.loadedProperty().not()).then("Loading the posts…")
                .otherwise(Bindings.when(model.totalProperty().isEqualTo(0))
                        .then("No posts yet. File → Import folder… brings some in.")
                        .otherwise("No posts match.")));
        postTable.setPlaceholder(placeholder);
        column(platformColumn, s -> s.platform().key());
        column(idColumn, PostSummary::externalId);
        column(authorColumn, s -> s.author() == null ? "" : s.author());
        column(dateColumn, s -> s.postedAt() == null ? "" : DATE.format(s.postedAt()));
        column(collectedColumn, PostSummary::collectedUnder);
        column(captionColumn, PostSummary::captionPreview);
        // The caption column takes the free width; the caption's first PREVIEW_LENGTH characters show in
        // full in a tooltip.
        captionColumn.setCellFactory(c -> new CaptionCell());
        captionTakesTheFreeWidth();
        postTable.getSelectionModel().selectedItemProperty().addListener(
                (obs, old, now) -> model.selectedProperty().set(now));
    }

    /**
     * Binds the caption column's width to what the other columns leave of the table (less the
     * vertical scroll bar's room). The constrained resize policies spread a wider table over every
     * column instead, so the caption column hardly grew; the other columns keep their width and can
     * still be resized by hand.
     */
    private void captionTakesTheFreeWidth() {
        postTable.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        List<TableColumn<PostRow, String>> others = List.of(platformColumn, idColumn, authorColumn, dateColumn, collectedColumn);
        List<javafx.beans.Observable> dependencies = new java.util.ArrayList<>();
        dependencies.add(postTable.widthProperty());
        others.forEach(c -> dependencies.add(c.widthProperty()));
        // Bound to the free width, so not resizable by hand (a drag would set a bound width).
        captionColumn.setResizable(false);
        captionColumn.prefWidthProperty().bind(Bindings.createDoubleBinding(() -> {
            double used = others.stream().mapToDouble(TableColumn::getWidth).sum();
            return Math.max(captionColumn.getMinWidth(), postTable.getWidth() - used - SCROLL_BAR_ROOM);
        }, dependencies.toArray(javafx.beans.Observable[]::new)));
    }

    /** Room left for the vertical scroll bar and the table's border, so no horizontal scroll bar shows. */
    private static final double SCROLL_BAR_ROOM = 18;

    /** Shows missing media files in the bar (nothing while every file is there), the first ones in a tooltip. */
    private void bindMediaCheck(NumberFormat numbers) {
        javafx.scene.control.Tooltip tip = new javafx.scene.control.Tooltip();
        tip.setWrapText(true);
        tip.setMaxWidth(640);
        mediaLabel.setTooltip(tip);
        mediaLabel.visibleProperty().bind(mediaLabel.textProperty().isNotEmpty());
        mediaLabel.managedProperty().bind(mediaLabel.visibleProperty());
        model.mediaCheckProperty().addListener((obs, old, check) -> {
            if (check == null || check.missing().isEmpty()) {
                mediaLabel.setText("");
                return;
            }
            mediaLabel.setText(numbers.format(check.missing().size()) + " of " + numbers.format(check.media())
                    + " media files missing");
            StringBuilder text = new StringBuilder("Not on disk (moved or deleted since the import); "
                    + "`media check --db FILE` lists them all:\n");
            check.missing().stream().limit(15).forEach(m -> text.append(m.platform()).append(' ').append(m.externalId())
                    .append(", image ").append(m.position() + 1).append(": ").append(m.expectedAt()).append('\n'));
            if (check.missing().size() > 15) {
                text.append("… and ").append(numbers.format(check.missing().size() - 15)).append(" more");
            }
            tip.setText(text.toString().strip());
        });
    }

    /** A column showing one field of the row's post, empty while the row's page loads. */
    private static void column(TableColumn<PostRow, String> column, Function<PostSummary, String> field) {
        column.setSortable(false);
        column.setCellValueFactory(cell -> text(cell.getValue(), field));
    }

    private static ObservableValue<String> text(PostRow row, Function<PostSummary, String> field) {
        return Bindings.createStringBinding(() -> {
            PostSummary s = row.summary();
            return s == null ? "…" : field.apply(s);
        }, row.summaryProperty());
    }

    public Parent view() {
        return view;
    }

    /** A caption cell whose tooltip shows the caption as the table holds it (wrapped, not cut at the column's edge). */
    private static final class CaptionCell extends javafx.scene.control.TableCell<PostRow, String> {
        private final javafx.scene.control.Tooltip tip = new javafx.scene.control.Tooltip();

        CaptionCell() {
            tip.setWrapText(true);
            tip.setMaxWidth(520);
        }

        @Override
        protected void updateItem(String item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty ? null : item);
            tip.setText(item == null ? "" : item.length() >= org.signalbench.store.PostQuery.PREVIEW_LENGTH ? item + " …" : item);
            setTooltip(empty || item == null || item.isEmpty() || "…".equals(item) ? null : tip);
        }
    }

    private static final class PlatformCell extends ListCell<Platform> {
        @Override
        protected void updateItem(Platform item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty ? null : item == null ? "All platforms" : item.key());
        }
    }
}
