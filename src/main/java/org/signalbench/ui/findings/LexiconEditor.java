package org.signalbench.ui.findings;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import javafx.event.ActionEvent;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.signalbench.findings.DrugLexicon;

/**
 * Edits the drug-hashtag lexicon: one row per drug group, its name and its hashtags separated by
 * commas. Save checks the rows first ({@link LexiconForm}); while a row is wrong the dialog stays
 * open and says which row and why.
 */
final class LexiconEditor {
    static final ButtonType SAVE = new ButtonType("Save", ButtonBar.ButtonData.OK_DONE);

    private final Dialog<DrugLexicon> dialog = new Dialog<>();
    private final VBox rows = new VBox(6);
    private final Label problems = new Label();

    private LexiconEditor(Window owner, DrugLexicon lexicon, Path file) {
        dialog.initOwner(owner);
        dialog.setTitle("Drug hashtags");
        dialog.setHeaderText("Drug groups and their hashtags (Table 2). Separate hashtags with commas; the # is optional.\n"
                + "Saved to " + file);
        dialog.setResizable(true);
        lexicon.groups().forEach(g -> addRow(LexiconForm.row(g)));

        Button add = new Button("Add group");
        add.setId("lexiconAddGroup");
        add.setOnAction(e -> addRow(new LexiconForm.Row("", "")).getChildren().get(0).requestFocus());
        problems.setId("lexiconProblems");
        problems.getStyleClass().add("problem");
        problems.setWrapText(true);
        problems.managedProperty().bind(problems.textProperty().isNotEmpty());
        problems.visibleProperty().bind(problems.managedProperty());

        ScrollPane scroll = new ScrollPane(rows);
        scroll.setFitToWidth(true);
        scroll.setPrefViewportHeight(300);
        VBox content = new VBox(8, scroll, add, problems);
        content.setPadding(new Insets(4));
        content.setPrefWidth(720);
        dialog.getDialogPane().setContent(content);
        dialog.getDialogPane().setId("lexiconEditor");
        dialog.getDialogPane().getButtonTypes().setAll(SAVE, ButtonType.CANCEL);
        // A wrong row keeps the dialog open with the reasons instead of closing it.
        dialog.getDialogPane().lookupButton(SAVE).addEventFilter(ActionEvent.ACTION, e -> {
            LexiconForm.Checked checked = LexiconForm.check(typedRows());
            problems.setText(String.join("\n", checked.problems()));
            if (!checked.ok()) {
                e.consume();
            }
        });
        dialog.setResultConverter(button -> button == SAVE ? LexiconForm.check(typedRows()).lexicon() : null);
    }

    /** Shows the editor; {@code onSave} gets the checked lexicon when the user saves. */
    static void show(Window owner, DrugLexicon lexicon, Path file, Consumer<DrugLexicon> onSave) {
        LexiconEditor editor = new LexiconEditor(owner, lexicon, file);
        editor.dialog.resultProperty().addListener((obs, old, saved) -> {
            if (saved != null) {
                onSave.accept(saved);
            }
        });
        editor.dialog.show();
    }

    private HBox addRow(LexiconForm.Row row) {
        TextField drug = new TextField(row.drug());
        drug.setPromptText("Drug group");
        drug.setPrefColumnCount(10);
        drug.getStyleClass().add("lexicon-drug");
        TextField hashtags = new TextField(row.hashtags());
        hashtags.setPromptText("hashtag, hashtag, …");
        hashtags.getStyleClass().add("lexicon-hashtags");
        HBox.setHgrow(hashtags, Priority.ALWAYS);
        Button remove = new Button("Remove");
        remove.getStyleClass().add("lexicon-remove");
        HBox line = new HBox(6, drug, hashtags, remove);
        remove.setOnAction(e -> rows.getChildren().remove(line));
        rows.getChildren().add(line);
        return line;
    }

    private List<LexiconForm.Row> typedRows() {
        return rows.getChildren().stream().map(line -> {
            List<Node> fields = ((HBox) line).getChildren();
            return new LexiconForm.Row(((TextField) fields.get(0)).getText(), ((TextField) fields.get(1)).getText());
        }).toList();
    }
}
