package org.signalbench.ui.adjudicate;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.StackPane;
import org.signalbench.domain.AuditEntry;
import org.signalbench.domain.Decision;
import org.signalbench.labels.Codebook;
import org.signalbench.labels.CoderAnswers;
import org.signalbench.labels.Disagreement;
import org.signalbench.labels.LabelStore;
import org.signalbench.ui.common.Fxml;
import org.signalbench.ui.posts.PostDetailController;

/** The Adjudicate view: disputed and settled posts, the coders' answers side by side, the decision and the history. */
public final class AdjudicateController {
    private final AdjudicateViewModel model;
    private final PostDetailController detail;
    private final Parent view;

    @FXML
    private BorderPane root;
    @FXML
    private Label summaryLabel;
    @FXML
    private Label messageLabel;
    @FXML
    private SplitPane split;
    @FXML
    private TableView<Disagreement> disputeTable;
    @FXML
    private TableColumn<Disagreement, String> postColumn;
    @FXML
    private TableColumn<Disagreement, String> questionsColumn;
    @FXML
    private TableColumn<Disagreement, String> statusColumn;
    @FXML
    private StackPane detailSlot;
    @FXML
    private GridPane answersGrid;
    @FXML
    private ChoiceBox<String> questionBox;
    @FXML
    private ComboBox<String> valueBox;
    @FXML
    private TextField reasonField;
    @FXML
    private Button settleButton;
    @FXML
    private TableView<AuditEntry> auditTable;
    @FXML
    private TableColumn<AuditEntry, String> auditAtColumn;
    @FXML
    private TableColumn<AuditEntry, String> auditWhoColumn;
    @FXML
    private TableColumn<AuditEntry, String> auditWhatColumn;
    @FXML
    private TableColumn<AuditEntry, String> auditReasonColumn;
    @FXML
    private Label lockedLabel;

    public AdjudicateController(AdjudicateViewModel model) {
        this.model = model;
        this.detail = new PostDetailController(model.detail());
        this.view = Fxml.load(this, "adjudicate.fxml");
    }

    @FXML
    private void initialize() {
        root.getStylesheets().add(AdjudicateController.class.getResource("/org/signalbench/ui/annotate/annotate.css").toExternalForm());
        detailSlot.getChildren().setAll(detail.view());
        lockedLabel.visibleProperty().bind(model.expertProperty().isNull());
        split.visibleProperty().bind(model.expertProperty().isNotNull());
        messageLabel.textProperty().bind(model.messageProperty());

        disputeTable.setItems(model.disagreements());
        postColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().externalId()));
        questionsColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(String.join(", ", c.getValue().questions())));
        statusColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().settled() ? "settled" : "disputed"));
        statusColumn.setCellFactory(column -> new javafx.scene.control.TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
                getStyleClass().removeAll("settled", "disputed");
                if (!empty && item != null) {
                    getStyleClass().add(item);
                }
            }
        });
        disputeTable.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            if (now != model.selectedProperty().get()) {
                model.selectedProperty().set(now);
            }
        });
        model.selectedProperty().addListener((obs, old, now) -> {
            if (disputeTable.getSelectionModel().getSelectedItem() != now) {
                disputeTable.getSelectionModel().select(now);
            }
            showAnswers(now);
        });
        summaryLabel.textProperty().bind(Bindings.createStringBinding(() -> {
            long disputed = model.disagreements().stream().filter(d -> !d.settled()).count();
            return model.disagreements().size() + " posts with disagreements: " + disputed + " still disputed, "
                    + (model.disagreements().size() - disputed) + " settled";
        }, model.disagreements()));
        summaryLabel.visibleProperty().bind(model.expertProperty().isNotNull());
        model.disagreements().addListener((ListChangeListener<Disagreement>) c -> showAnswers(model.selectedProperty().get()));

        auditTable.setItems(model.history());
        auditAtColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().at()));
        auditWhoColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().who() + " (" + c.getValue().role().key() + ")"));
        auditWhatColumn.setCellValueFactory(c -> {
            AuditEntry e = c.getValue();
            String value = LabelStore.RETRACTED.equals(e.value()) ? "(taken back)" : e.value();
            return new ReadOnlyStringWrapper((e.kind() == AuditEntry.Kind.DECISION ? "decided " : "answered ") + e.question() + " = " + value);
        });
        auditReasonColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().reason() == null ? "" : c.getValue().reason()));

        questionBox.valueProperty().addListener((obs, old, q) -> offerValues(q));
        settleButton.disableProperty().bind(model.selectedProperty().isNull());
    }

    /** The grid: one row per question (and the note), one column per coder, then the expert's decision. */
    private void showAnswers(Disagreement d) {
        answersGrid.getChildren().clear();
        if (d == null) {
            questionBox.getItems().clear();
            return;
        }
        List<CoderAnswers> coders = d.coders();
        answersGrid.add(header("Question"), 0, 0);
        for (int i = 0; i < coders.size(); i++) {
            answersGrid.add(header(coders.get(i).coder().name()), i + 1, 0);
        }
        answersGrid.add(header("Decision"), coders.size() + 1, 0);
        int row = 1;
        for (Codebook.Question q : model.codebook().questions()) {
            row = addRow(d, q.key(), d.questions().contains(q.key()), row);
        }
        addRow(d, Codebook.NOTE, false, row);
        String keep = questionBox.getValue();
        questionBox.getItems().setAll(d.questions());
        questionBox.setValue(keep != null && d.questions().contains(keep) ? keep
                : d.questions().stream().filter(q -> !d.decisions().containsKey(q)).findFirst().orElse(d.questions().iterator().next()));
    }

    private int addRow(Disagreement d, String question, boolean differs, int row) {
        Label name = new Label(question);
        if (differs) {
            name.getStyleClass().add(d.decisions().containsKey(question) ? "settled" : "disputed");
        }
        answersGrid.add(name, 0, row);
        for (int i = 0; i < d.coders().size(); i++) {
            String answer = d.coders().get(i).answers().get(question);
            Label cell = new Label(answer == null ? "—" : answer);
            cell.setId("answer-" + d.coders().get(i).coder().name() + "-" + question);
            cell.setWrapText(true);
            cell.setMaxWidth(220);
            answersGrid.add(cell, i + 1, row);
        }
        Decision decision = d.decisions().get(question);
        answersGrid.add(new Label(decision == null ? "" : decision.value() + " (" + decision.expert() + ")"), d.coders().size() + 1, row);
        return row + 1;
    }

    private static Label header(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("field-title");
        return label;
    }

    /** The answers on offer: what the coders said, then every answer the codebook allows. */
    private void offerValues(String question) {
        Disagreement d = model.selectedProperty().get();
        Set<String> values = new LinkedHashSet<>();
        if (d != null && question != null) {
            d.coders().forEach(k -> {
                String v = k.answers().get(question);
                if (v != null) {
                    values.add(v);
                }
            });
            model.codebook().question(question).ifPresent(q -> {
                if (q.multiple()) {
                    values.add(Codebook.NONE);
                }
                q.values().forEach(v -> values.add(v.key()));
            });
        }
        valueBox.getItems().setAll(values);
        valueBox.setValue(null);
    }

    @FXML
    private void settle() {
        String value = valueBox.getEditor().getText();
        model.settle(questionBox.getValue(), value == null || value.isBlank() ? valueBox.getValue() : value, reasonField.getText());
        reasonField.clear();
    }

    @FXML
    private void reload() {
        model.reload();
    }

    public Parent view() {
        return view;
    }
}
