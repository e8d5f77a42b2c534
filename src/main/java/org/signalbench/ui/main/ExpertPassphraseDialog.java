package org.signalbench.ui.main;

import java.util.Arrays;
import java.util.Optional;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.signalbench.app.AccessService;

/**
 * The expert passphrase asked when a workbench is created: typed twice, at least
 * {@link AccessService#MIN_LENGTH} characters, or skipped on purpose (then the first expert to
 * sign in sets it).
 */
final class ExpertPassphraseDialog {
    /** The answer: a passphrase to store, or {@code null} when the person skipped it. */
    record Answer(char[] passphrase) {
        boolean skipped() {
            return passphrase == null;
        }
    }

    static final ButtonType SKIP = new ButtonType("Skip (first expert sets it)", ButtonBar.ButtonData.OTHER);
    static final ButtonType SET = new ButtonType("Set passphrase", ButtonBar.ButtonData.OK_DONE);

    private ExpertPassphraseDialog() {
    }

    /** Why the two typings cannot be stored, or an empty string when they can. */
    static String problem(char[] first, char[] second) {
        if (first.length < AccessService.MIN_LENGTH) {
            return "At least " + AccessService.MIN_LENGTH + " characters.";
        }
        if (!Arrays.equals(first, second)) {
            return "The two passphrases differ.";
        }
        return "";
    }

    /** Asks; empty when the person cancelled (then no workbench is created). */
    static Optional<Answer> ask(Window owner, String workbenchName) {
        Dialog<Answer> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle("Expert passphrase for " + workbenchName);
        dialog.setHeaderText("The expert role (who sees every coder's answers and settles disagreements) is "
                + "protected by a passphrase.\nIt keeps a coder from picking \"expert\" by mistake; it does not "
                + "stop someone who has the workbench file.");
        dialog.getDialogPane().setId("expertPassphraseDialog");
        PasswordField first = new PasswordField();
        first.setId("expertPassphrase");
        first.setPromptText("passphrase (at least " + AccessService.MIN_LENGTH + " characters)");
        PasswordField second = new PasswordField();
        second.setId("expertPassphraseAgain");
        second.setPromptText("the same again");
        Label why = new Label();
        why.setId("expertPassphraseProblem");
        VBox content = new VBox(8, new Label("Expert passphrase:"), first, new Label("Again:"), second, why);
        content.setPadding(new Insets(10));
        dialog.getDialogPane().setContent(content);
        dialog.getDialogPane().getButtonTypes().addAll(SET, SKIP, ButtonType.CANCEL);
        Button set = (Button) dialog.getDialogPane().lookupButton(SET);
        Runnable check = () -> {
            String problem = problem(first.getText().toCharArray(), second.getText().toCharArray());
            why.setText(problem);
            set.setDisable(!problem.isEmpty());
        };
        first.textProperty().addListener((obs, old, now) -> check.run());
        second.textProperty().addListener((obs, old, now) -> check.run());
        check.run();
        dialog.setResultConverter(button -> {
            if (button == SET) {
                return new Answer(first.getText().toCharArray());
            }
            return button == SKIP ? new Answer(null) : null;
        });
        Optional<Answer> answer = dialog.showAndWait();
        first.clear();
        second.clear();
        return answer;
    }
}
