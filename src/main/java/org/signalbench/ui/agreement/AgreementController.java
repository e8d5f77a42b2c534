package org.signalbench.ui.agreement;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.StackPane;
import org.signalbench.agreement.BatchAgreement;
import org.signalbench.agreement.ConfusionMatrix;
import org.signalbench.agreement.PairAgreement;
import org.signalbench.app.AnnotationSession;
import org.signalbench.ui.agreement.AgreementViewModel.PairRow;
import org.signalbench.ui.common.Fxml;
import org.signalbench.ui.posts.PostDetailController;

/** The Agreement view: the table of pairs and questions, the confusion matrix with its posts, agreement by batch. */
public final class AgreementController {
    private final AgreementViewModel model;
    private final PostDetailController detail;
    private final Parent view;

    @FXML
    private BorderPane root;
    @FXML
    private BorderPane content;
    @FXML
    private Label lockedLabel;
    @FXML
    private ChoiceBox<AnnotationSession.Study> studyBox;
    @FXML
    private Label titleLabel;
    @FXML
    private ProgressIndicator busy;
    @FXML
    private Label messageLabel;
    @FXML
    private TableView<PairRow> pairTable;
    @FXML
    private TableColumn<PairRow, String> codersColumn;
    @FXML
    private TableColumn<PairRow, String> questionColumn;
    @FXML
    private TableColumn<PairRow, String> itemsColumn;
    @FXML
    private TableColumn<PairRow, String> observedColumn;
    @FXML
    private TableColumn<PairRow, String> kappaColumn;
    @FXML
    private TableColumn<PairRow, String> ciColumn;
    @FXML
    private TableColumn<PairRow, String> alphaColumn;
    @FXML
    private TableColumn<PairRow, String> ac1Column;
    @FXML
    private Label fleissLabel;
    @FXML
    private Label matrixTitle;
    @FXML
    private GridPane matrixGrid;
    @FXML
    private LineChart<String, Number> batchChart;
    @FXML
    private Label cellLabel;
    @FXML
    private ListView<Long> cellPostList;
    @FXML
    private StackPane detailSlot;

    public AgreementController(AgreementViewModel model) {
        this.model = model;
        this.detail = new PostDetailController(model.detail());
        this.view = Fxml.load(this, "agreement.fxml");
    }

    /** Three decimals, or a dash where a coefficient is undefined. */
    static String figure(double x) {
        return Double.isNaN(x) ? "—" : String.format(Locale.ROOT, "%.3f", x);
    }

    @FXML
    private void initialize() {
        root.getStylesheets().add(AgreementController.class.getResource("/org/signalbench/ui/annotate/annotate.css").toExternalForm());
        detailSlot.getChildren().setAll(detail.view());
        lockedLabel.visibleProperty().bind(model.expertProperty().isNull());
        content.visibleProperty().bind(model.expertProperty().isNotNull());
        busy.visibleProperty().bind(model.computingProperty());
        messageLabel.textProperty().bind(model.messageProperty());
        // Offered, like Annotate's queue choice, once the workbench has a link review.
        studyBox.getItems().setAll(AnnotationSession.Study.values());
        studyBox.valueProperty().bindBidirectional(model.studyProperty());
        studyBox.visibleProperty().bind(model.linkReviewAvailableProperty());
        studyBox.managedProperty().bind(studyBox.visibleProperty());
        titleLabel.textProperty().bind(Bindings.when(model.showingLinkReviewProperty())
                .then("Link review: per question, the two coders with the most candidates in common (as `twitter agreement`)")
                .otherwise("Agreement between coders, per question (each coder's latest answer; only posts both answered)"));

        pairTable.setItems(model.pairs());
        codersColumn.setCellValueFactory(c -> text(c.getValue().first().name() + " · " + c.getValue().second().name()));
        questionColumn.setCellValueFactory(c -> text(c.getValue().question()));
        itemsColumn.setCellValueFactory(c -> text(Long.toString(c.getValue().agreement().items())));
        observedColumn.setCellValueFactory(c -> text(figure(c.getValue().agreement().observedAgreement())));
        kappaColumn.setCellValueFactory(c -> text(figure(c.getValue().agreement().cohenKappa())));
        ciColumn.setCellValueFactory(c -> {
            PairAgreement a = c.getValue().agreement();
            return text(Double.isNaN(a.cohenKappa()) ? "—" : "[" + figure(a.kappaLow()) + ", " + figure(a.kappaHigh()) + "]");
        });
        alphaColumn.setCellValueFactory(c -> text(figure(c.getValue().agreement().krippendorffAlpha())));
        ac1Column.setCellValueFactory(c -> text(figure(c.getValue().agreement().gwetAc1())));
        pairTable.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            if (now != null) {
                model.selectedProperty().set(now);
            }
        });
        model.selectedProperty().addListener((obs, old, now) -> {
            if (now != null && pairTable.getSelectionModel().getSelectedItem() != now) {
                pairTable.getSelectionModel().select(now);
            }
            showMatrix(now);
            showBatches(now);
        });

        fleissLabel.textProperty().bind(Bindings.createStringBinding(() -> model.fleiss().isEmpty() ? ""
                : model.fleiss().stream().map(f -> "Fleiss' κ, " + f.coders().size() + " coders, " + f.question() + ": "
                        + figure(f.agreement().fleissKappa()) + " over " + f.agreement().items() + " posts (α "
                        + figure(f.agreement().krippendorffAlpha()) + ")").collect(Collectors.joining("\n")), model.fleiss()));
        fleissLabel.managedProperty().bind(fleissLabel.textProperty().isNotEmpty());

        cellPostList.setItems(model.cellPosts());
        cellPostList.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(Long id, boolean empty) {
                super.updateItem(id, empty);
                setText(empty || id == null ? null : model.postName(id));
            }
        });
        model.namesReadProperty().addListener((obs, old, now) -> cellPostList.refresh());
        cellPostList.getSelectionModel().selectedItemProperty().addListener((obs, old, id) -> model.selectedPostProperty().set(id));
        model.cellProperty().addListener((obs, old, now) -> cellLabel.setText(now.isEmpty() ? "Click a cell to list its posts" : now));
        model.cellPosts().addListener((ListChangeListener<Long>) c -> cellPostList.getSelectionModel().clearSelection());
    }

    private static ReadOnlyStringWrapper text(String s) {
        return new ReadOnlyStringWrapper(s);
    }

    /** Rows are the first coder's answers, columns the second's; each count is a button listing its posts. */
    private void showMatrix(PairRow row) {
        matrixGrid.getChildren().clear();
        if (row == null) {
            matrixTitle.setText("");
            return;
        }
        matrixTitle.setText(row.question() + ": rows " + row.first().name() + ", columns " + row.second().name());
        ConfusionMatrix m = row.agreement().confusion();
        List<String> categories = m.categories();
        for (int j = 0; j < categories.size(); j++) {
            matrixGrid.add(new Label(categories.get(j)), j + 1, 0);
        }
        for (int i = 0; i < categories.size(); i++) {
            String first = categories.get(i);
            matrixGrid.add(new Label(first), 0, i + 1);
            for (int j = 0; j < categories.size(); j++) {
                String second = categories.get(j);
                Button count = new Button(Long.toString(m.count(first, second)));
                count.setId("cell-" + first + "-" + second);
                count.getStyleClass().add("matrix-cell");
                count.setOnAction(e -> model.showCell(first, second));
                matrixGrid.add(count, j + 1, i + 1);
            }
        }
    }

    private void showBatches(PairRow row) {
        batchChart.getData().clear();
        if (row == null) {
            return;
        }
        XYChart.Series<String, Number> kappa = new XYChart.Series<>();
        kappa.setName("Cohen's κ");
        XYChart.Series<String, Number> observed = new XYChart.Series<>();
        observed.setName("observed agreement");
        for (BatchAgreement b : row.batches()) {
            PairAgreement a = b.agreement();
            if (!Double.isNaN(a.cohenKappa())) {
                kappa.getData().add(new XYChart.Data<>(b.batch(), a.cohenKappa()));
            }
            observed.getData().add(new XYChart.Data<>(b.batch(), a.observedAgreement()));
        }
        batchChart.getData().setAll(List.of(kappa, observed));
    }

    @FXML
    private void recompute() {
        model.recompute();
    }

    public Parent view() {
        return view;
    }
}
