package org.signalbench.ui.annotate;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Labeled;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import org.signalbench.store.TestPosts;
import org.signalbench.store.Workbench;
import org.signalbench.ui.FakeWorld;
import org.testfx.api.FxRobot;

/** What the annotation UI tests share: a workbench of numbered posts, signing in, and reading the label rows back. */
public final class AnnotationUi {
    private AnnotationUi() {
    }

    /** The caption of post number {@code i}. */
    public static String caption(int i) {
        return "post number " + i + " #xanax bars, wickr: tabs_" + i;
    }

    /**
     * Writes {@code count} posts ("post0".."post{count-1}") into a new workbench; the first two have
     * an image (a path with no file behind it, which the detail shows as missing). Returns their ids in order.
     */
    public static List<Long> fill(Path file, int count) throws Exception {
        List<Long> ids = new ArrayList<>();
        try (Workbench workbench = Workbench.open(file)) {
            TestPosts posts = new TestPosts(workbench.connection());
            for (int i = 0; i < count; i++) {
                List<String> media = i < 2 ? List.of("/nonexistent/post" + i + ".jpg") : List.of();
                ids.add(posts.insert("instagram", "post" + i, "author_" + i, "2018-07-" + (10 + i % 20) + "T12:00:00Z",
                        caption(i), List.of(i % 2 == 0 ? "#xanax" : "#oxy"),
                        List.of(new TestPosts.TestComment("buyer_" + i, "how much? #asking")), media, List.of()));
            }
        }
        return ids;
    }

    /** Opens the Annotate tab once the workbench is open and the {@code coders} names in it are offered. */
    public static void openAnnotate(FxRobot robot, int coders) {
        FakeWorld.waitUntil("the workbench", () -> robot.listWindows().stream()
                .anyMatch(w -> w instanceof javafx.stage.Stage s && s.getTitle() != null && s.getTitle().endsWith(".sqlite")));
        robot.clickOn("Annotate");
        FakeWorld.waitUntil(coders + " coders offered", () -> robot.lookup("#coderNameBox").queryComboBox().getItems().size() == coders);
    }

    /** The expert passphrase the UI tests set at the first expert sign-in of a workbench. */
    public static final String EXPERT_PASSPHRASE = "correct horse battery";

    /**
     * In the open Annotate tab, starts as {@code name} with the role shown in the role box ("coder",
     * "expert" with {@link #EXPERT_PASSPHRASE}, or "analyst").
     */
    public static void signIn(FxRobot robot, String name, String role) {
        signIn(robot, name, role, EXPERT_PASSPHRASE);
    }

    /** The same with the expert passphrase given. */
    public static void signIn(FxRobot robot, String name, String role, String passphrase) {
        typeSignIn(robot, name, role, passphrase);
        FakeWorld.waitUntil(name + " signed in", () -> robot.lookup("#coderLabel").queryLabeled().getText().endsWith(name));
    }

    /** Fills the sign-in bar and presses Start, without waiting for the outcome. */
    public static void typeSignIn(FxRobot robot, String name, String role, String passphrase) {
        ComboBox<String> names = robot.lookup("#coderNameBox").queryComboBox();
        robot.interact(() -> {
            names.getEditor().setText(name);
            @SuppressWarnings("unchecked")
            var roles = (javafx.scene.control.ChoiceBox<org.signalbench.domain.Role>) robot.lookup("#roleBox").query();
            roles.setValue(org.signalbench.domain.Role.fromKey(role));
            robot.lookup("#passphraseField").queryAs(javafx.scene.control.PasswordField.class).setText(passphrase);
        });
        robot.clickOn("#startButton");
    }

    /** Opens the Annotate tab once the workbench is open, and signs in as an analyst (the results views open). */
    public static void signInAsAnalyst(FxRobot robot) {
        FakeWorld.waitUntil("the workbench", () -> robot.listWindows().stream()
                .anyMatch(w -> w instanceof javafx.stage.Stage s && s.getTitle() != null && s.getTitle().endsWith(".sqlite")));
        robot.clickOn("Annotate");
        signIn(robot, "analyst_1", "analyst");
    }

    /** The text of the caption shown in the Annotate view, or "" while none. */
    public static String shownCaption(FxRobot robot) {
        return robot.lookup("#annotateView #captionFlow").tryQueryAs(TextFlow.class).map(AnnotationUi::text).orElse("");
    }

    public static String text(TextFlow flow) {
        StringBuilder sb = new StringBuilder();
        for (Node n : flow.getChildren()) {
            if (n instanceof Text t) {
                sb.append(t.getText());
            }
        }
        return sb.toString();
    }

    /** Every text drawn in the window: labels, buttons and text nodes. */
    public static List<String> allTexts(Node root) {
        List<String> texts = new ArrayList<>();
        collect(root, texts);
        return texts;
    }

    private static void collect(Node node, List<String> texts) {
        if (node instanceof Labeled l && l.getText() != null) {
            texts.add(l.getText());
        }
        if (node instanceof Text t && t.getText() != null) {
            texts.add(t.getText());
        }
        if (node instanceof javafx.scene.control.TextInputControl t && t.getText() != null) {
            texts.add(t.getText());
        }
        if (node instanceof javafx.scene.Parent p) {
            for (Node child : p.getChildrenUnmodifiable()) {
                collect(child, texts);
            }
        }
    }

    /** Every label row in insertion order as "coder|post external id|question|value". */
    public static List<String> labelRows(Path file) throws Exception {
        List<String> rows = new ArrayList<>();
        try (Workbench workbench = Workbench.open(file); Connection c = workbench.newConnection();
             PreparedStatement st = c.prepareStatement("SELECT k.name, p.external_id, l.question, l.value FROM label l "
                     + "JOIN coder k ON k.id = l.coder_id JOIN post p ON p.id = l.post_id ORDER BY l.id");
             ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
                rows.add(rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getString(3) + "|" + rs.getString(4));
            }
        }
        return rows;
    }
}
