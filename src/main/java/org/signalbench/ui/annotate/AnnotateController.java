package org.signalbench.ui.annotate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.signalbench.app.AnnotationSession;
import org.signalbench.domain.Coder;
import org.signalbench.domain.Role;
import org.signalbench.domain.ScoreOrder;
import org.signalbench.labels.Codebook;
import org.signalbench.labels.Progress;
import org.signalbench.ui.common.Fxml;
import org.signalbench.ui.posts.ImageViewer;
import org.signalbench.ui.posts.PostDetailController;

/**
 * The Annotate view: the post (the post browser's detail, reused) beside the codebook and the
 * questions. Keyboard first; every key is also a button.
 */
public final class AnnotateController {
    private final AnnotateViewModel model;
    private final PostDetailController detail;
    /** The post's pictures, large, beside the caption: the image questions are answered from them. */
    private final ImageViewer images = new ImageViewer();
    private final SplitPane postSplit = new SplitPane();
    private final Parent view;
    /** Question key to answer key to its button. */
    private final Map<String, Map<String, ToggleButton>> buttons = new LinkedHashMap<>();
    /** Every key of the view and what it does, in the order the help lists them. */
    private final List<KeyAction> keys = new ArrayList<>();
    private boolean swallowTyped;

    private record KeyAction(KeyCombination key, String shown, String what, Runnable action) {
    }

    @FXML
    private BorderPane root;
    @FXML
    private HBox signInBar;
    @FXML
    private ComboBox<String> coderNameBox;
    @FXML
    private ChoiceBox<Role> roleBox;
    @FXML
    private HBox sessionBar;
    @FXML
    private PasswordField passphraseField;
    @FXML
    private HBox queueControls;
    @FXML
    private Label coderLabel;
    @FXML
    private ComboBox<String> queueCollectionBox;
    @FXML
    private TextField queueTextField;
    @FXML
    private ComboBox<String> scoreModelBox;
    @FXML
    private ChoiceBox<ScoreOrder> scoreOrderBox;
    @FXML
    private Label queueLabel;
    @FXML
    private ChoiceBox<AnnotationSession.Study> studyBox;
    @FXML
    private Label positionLabel;
    @FXML
    private ProgressBar progressBar;
    @FXML
    private Label progressLabel;
    @FXML
    private SplitPane annotateSplit;
    @FXML
    private Label annotateNotice;
    @FXML
    private ScrollPane helpOverlay;
    @FXML
    private VBox helpBox;
    @FXML
    private ScrollPane questionsPane;
    @FXML
    private Label codebookDefinition;
    @FXML
    private VBox answerBox;
    @FXML
    private TextArea noteArea;
    @FXML
    private CheckBox advanceBox;
    @FXML
    private Label messageLabel;
    @FXML
    private Label answeringForLabel;
    @FXML
    private Label keysStateLabel;

    public AnnotateController(AnnotateViewModel model) {
        this.model = model;
        this.detail = new PostDetailController(model.detail(), false);
        this.view = Fxml.load(this, "annotate.fxml");
    }

    @FXML
    private void initialize() {
        root.getStylesheets().add(AnnotateController.class.getResource("annotate.css").toExternalForm());
        postSplit.setId("postSplit");
        postSplit.getItems().setAll(detail.view(), images.view());
        postSplit.setDividerPositions(0.4);
        annotateSplit.getItems().setAll(postSplit, questionsPane);
        annotateSplit.setDividerPositions(0.62);
        bindSignIn();
        bindQueue();
        advanceBox.selectedProperty().bindBidirectional(model.advanceWhenCompleteProperty());
        advanceBox.setTooltip(new Tooltip("Ticked: after a yes/no or category answer that leaves no question of this post "
                + "unanswered, the next post shows. Toggling a multiple choice (contact channels) never moves on. "
                + "Unticked: only Enter or → moves on."));
        noteArea.textProperty().bindBidirectional(model.noteProperty());
        helpOverlay.visibleProperty().bind(model.helpShownProperty());
        buildQuestions();
        buildKeys();
        // Another study (the link review's candidates) brings its own codebook: its questions, buttons and keys.
        model.codebookProperty().addListener((obs, old, now) -> {
            answerBox.getChildren().clear();
            buttons.clear();
            keys.clear();
            helpBox.getChildren().clear();
            buildQuestions();
            buildKeys();
            refreshButtons();
        });
        bindPost();
        root.addEventFilter(KeyEvent.KEY_PRESSED, this::keyPressed);
        root.addEventFilter(KeyEvent.KEY_TYPED, this::keyTyped);
        root.addEventFilter(KeyEvent.KEY_RELEASED, e -> swallowTyped = false);
        // A click on the post or the questions gives the keys to the coding panel; anywhere else they code nothing.
        annotateSplit.addEventFilter(MouseEvent.MOUSE_PRESSED, e -> {
            if (!(e.getTarget() instanceof Node target && insideTextInput(target))) {
                focusCoding();
            }
        });
        root.addEventFilter(MouseEvent.MOUSE_PRESSED, e -> {
            if (e.getTarget() instanceof Node target && !inside(target, annotateSplit) && !insideTextInput(target)) {
                root.requestFocus();
            }
        });
        answeringForLabel.textProperty().bind(model.answeringForProperty());
        keysStateLabel.textProperty().bind(Bindings.createStringBinding(() -> {
            if (!annotateSplit.isFocusWithin()) {
                return "Keys are off: click the post or the questions to code with the keyboard.";
            }
            Node focus = root.getScene() == null ? null : root.getScene().getFocusOwner();
            return focus instanceof TextInputControl ? "Writing the note: Esc returns to the keys."
                    : "Keys code the post above (F1 lists them).";
        }, annotateSplit.focusWithinProperty(), noteArea.focusedProperty()));
    }

    /** Gives the keyboard to the coding panel: from now on the coding keys answer the shown post. */
    private void focusCoding() {
        annotateSplit.requestFocus();
    }

    private Node focusOwner() {
        return root.getScene() == null ? null : root.getScene().getFocusOwner();
    }

    /** Whether the keyboard is in the coding panel (the post and the questions) and not in a text field. */
    private boolean codingHasFocus() {
        Node focus = root.getScene() == null ? null : root.getScene().getFocusOwner();
        if (focus == null || focus instanceof TextInputControl) {
            return false;
        }
        return inside(focus, annotateSplit);
    }

    private static boolean inside(Node node, Node ancestor) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (n == ancestor) {
                return true;
            }
        }
        return false;
    }

    private void bindSignIn() {
        roleBox.getItems().setAll(Role.values());
        roleBox.setValue(Role.CODER);
        roleBox.setConverter(new StringConverter<>() {
            @Override
            public String toString(Role role) {
                return role == null ? "" : role.key();
            }

            @Override
            public Role fromString(String s) {
                return Role.fromKey(s);
            }
        });
        model.knownCoders().addListener((javafx.collections.ListChangeListener<Coder>) c ->
                coderNameBox.getItems().setAll(model.knownCoders().stream().map(Coder::name).toList()));
        // The last person of the previous run is filled in (not signed in: the expert still types the passphrase).
        model.suggestedProperty().addListener((obs, old, now) -> {
            if (now != null && model.signedInProperty().get() == null) {
                coderNameBox.getEditor().setText(now.name());
                roleBox.setValue(now.role());
            }
        });
        // Picking a known name picks its role too.
        coderNameBox.valueProperty().addListener((obs, old, name) -> model.knownCoders().stream()
                .filter(k -> k.name().equals(name)).findFirst().ifPresent(k -> roleBox.setValue(k.role())));
        signInBar.visibleProperty().bind(model.signedInProperty().isNull());
        signInBar.managedProperty().bind(signInBar.visibleProperty());
        sessionBar.visibleProperty().bind(model.signedInProperty().isNotNull());
        sessionBar.managedProperty().bind(sessionBar.visibleProperty());
        coderLabel.textProperty().bind(Bindings.createStringBinding(() -> {
            Coder k = model.signedInProperty().get();
            if (k == null) {
                return "";
            }
            return switch (k.role()) {
                case CODER -> "Coding as ";
                case EXPERT -> "Expert: ";
                case ANALYST -> "Analyst: ";
            } + k.name();
        }, model.signedInProperty()));
        passphraseField.visibleProperty().bind(roleBox.valueProperty().isEqualTo(Role.EXPERT));
        passphraseField.managedProperty().bind(passphraseField.visibleProperty());
        passphraseField.setOnAction(e -> start());
        passphraseField.setTooltip(new Tooltip("The expert passphrase of this workbench, set when it was created; if it was "
                + "skipped then, the first expert to sign in sets it (at least " + org.signalbench.app.AccessService.MIN_LENGTH
                + " characters). It keeps a coder from opening the expert's views by mistake; it is no protection "
                + "against someone who has the workbench file."));
        passphraseField.promptTextProperty().bind(Bindings.when(model.expertPassphraseSetProperty())
                .then("expert passphrase")
                .otherwise("none set yet: type one to set it"));
        queueControls.visibleProperty().bind(Bindings.createBooleanBinding(() -> model.signedInProperty().get() != null
                && model.signedInProperty().get().role() == Role.CODER, model.signedInProperty()));
        queueControls.managedProperty().bind(queueControls.visibleProperty());
    }

    private void bindQueue() {
        studyBox.getItems().setAll(AnnotationSession.Study.values());
        studyBox.setValue(model.studyProperty().get());
        model.studyProperty().addListener((obs, old, now) -> studyBox.setValue(now));
        studyBox.valueProperty().addListener((obs, old, now) -> {
            model.chooseStudy(now);
            focusCoding();
        });
        studyBox.visibleProperty().bind(model.linkReviewAvailableProperty());
        // The post filters do not apply to the link review's candidates (they are coded in review order).
        var postsChosen = model.studyProperty().isEqualTo(AnnotationSession.Study.POSTS);
        for (Node filter : List.of(queueCollectionBox, queueTextField, scoreModelBox, scoreOrderBox, root.lookup("#applyQueueButton"))) {
            filter.visibleProperty().bind(postsChosen);
            filter.managedProperty().bind(postsChosen);
        }
        studyBox.managedProperty().bind(studyBox.visibleProperty());
        // The choice names the queue itself; its label would only take room at 1280 px.
        queueLabel.visibleProperty().bind(studyBox.visibleProperty().not());
        queueLabel.managedProperty().bind(queueLabel.visibleProperty());
        studyBox.setTooltip(new Tooltip("The queue: the posts (Instagram codebook) or the candidates of the latest link review "
                + "(link-review codebook; the same answers `twitter code import` stores)."));
        queueCollectionBox.setItems(model.collections());
        queueCollectionBox.valueProperty().bindBidirectional(model.collectionFilterProperty());
        queueTextField.textProperty().bindBidirectional(model.textFilterProperty());
        queueTextField.setOnAction(e -> applyQueue());
        scoreModelBox.setItems(model.scoreModels());
        scoreModelBox.valueProperty().bindBidirectional(model.scoreModelProperty());
        scoreModelBox.disableProperty().bind(Bindings.isEmpty(model.scoreModels()));
        Tooltip scoreTip = new Tooltip();
        scoreTip.textProperty().bind(Bindings.when(Bindings.isEmpty(model.scoreModels()))
                .then("No model scores in this workbench yet: once a model has scored the posts, the queue can follow its scores.")
                .otherwise("Order the queue by this model's score, highest first (posts you have not coded still come first)."));
        // A disabled control shows no tooltip of its own; its parent slot carries it.
        Tooltip.install(scoreModelBox, scoreTip);
        scoreModelBox.setTooltip(scoreTip);
        scoreOrderBox.getItems().setAll(ScoreOrder.values());
        scoreOrderBox.valueProperty().bindBidirectional(model.scoreOrderProperty());
        scoreOrderBox.disableProperty().bind(model.scoreModelProperty().isEmpty());
        scoreOrderBox.setTooltip(new Tooltip("Highest score first: likely dealer posts. Most uncertain first: posts closest "
                + "to the model's threshold, whose labels teach the model most."));

        progressLabel.textProperty().bind(Bindings.createStringBinding(() -> {
            Progress p = model.progressProperty().get();
            return p.done() + " / " + p.total() + " done";
        }, model.progressProperty()));
        progressBar.progressProperty().bind(Bindings.createDoubleBinding(() -> {
            Progress p = model.progressProperty().get();
            return p.total() == 0 ? 0 : (double) p.done() / p.total();
        }, model.progressProperty()));
        positionLabel.textProperty().bind(Bindings.createStringBinding(() -> {
            int at = model.positionProperty().get();
            int size = model.queueSizeProperty().get();
            return at < 0 || at >= size ? "" : "post " + (at + 1) + " of " + size;
        }, model.positionProperty(), model.queueSizeProperty()));
        messageLabel.textProperty().bind(model.messageProperty());
    }

    private void buildQuestions() {
        Codebook codebook = model.codebook();
        codebookDefinition.setText(codebook.definition());
        for (Codebook.Question q : codebook.questions()) {
            Label title = new Label(q.label() + (q.required() ? " (required)" : "")
                    + (q.whenImage() ? " — posts with images" : "") + (q.multiple() ? " — several allowed" : ""));
            title.getStyleClass().add("question-title");
            title.setWrapText(true);
            FlowPane row = new FlowPane(4, 4);
            row.setId("question-" + q.key());
            Map<String, ToggleButton> byValue = new LinkedHashMap<>();
            for (Codebook.Value v : q.values()) {
                String hint = AnswerKeys.keyOf(q.key(), v.key()).map(k -> "  [" + AnswerKeys.text(k) + "]").orElse("");
                ToggleButton button = new ToggleButton(v.label() + hint);
                button.setId("answer-" + q.key() + "-" + v.key());
                button.getStyleClass().add("answer-button");
                button.setFocusTraversable(false);
                button.setOnAction(e -> {
                    // The button shows the saved state, not the click: the model sets it once saved.
                    refreshButtons();
                    choose(q, v.key());
                    focusCoding();
                });
                byValue.put(v.key(), button);
                row.getChildren().add(button);
            }
            buttons.put(q.key(), byValue);
            VBox box = new VBox(2, title, row);
            if (q.whenImage()) {
                box.disableProperty().bind(Bindings.createBooleanBinding(() -> model.postProperty().get() == null
                        || model.postProperty().get().media().isEmpty(), model.postProperty()));
            }
            answerBox.getChildren().add(box);
        }
    }

    private void choose(Codebook.Question q, String value) {
        if (q.multiple()) {
            model.toggle(q.key(), value);
        } else {
            model.answer(q.key(), value);
        }
    }

    private void buildKeys() {
        for (Codebook.Question q : model.codebook().questions()) {
            String effect = q.multiple() ? " — switches it on or off; stays on this post"
                    : " — saves it; moves on only if no question of this post is left unanswered";
            String when = q.whenImage() ? " (posts with images only)" : "";
            for (Codebook.Value v : q.values()) {
                AnswerKeys.keyOf(q.key(), v.key()).ifPresent(key -> keys.add(new KeyAction(key, AnswerKeys.text(key),
                        q.label() + ": " + v.label() + when + effect, () -> choose(q, v.key()))));
            }
            if (q.multiple()) {
                AnswerKeys.noneKeyOf(q.key()).ifPresent(key -> keys.add(new KeyAction(key, AnswerKeys.text(key),
                        q.label() + ": none (switches every choice off and records that there is none); stays on this post",
                        () -> model.answerNone(q.key()))));
            }
        }
        keys.add(new KeyAction(new KeyCodeCombination(KeyCode.RIGHT), "→ or Enter",
                "Next post; questions left unanswered stay unanswered (needs the dealer answer; saves a changed note)", model::next));
        keys.add(new KeyAction(new KeyCodeCombination(KeyCode.ENTER), null, null, model::next));
        keys.add(new KeyAction(new KeyCodeCombination(KeyCode.LEFT), "←", "Previous post (shows your saved answers)", model::previous));
        keys.add(new KeyAction(new KeyCodeCombination(KeyCode.S), "S", "Skip this post without saving anything", model::skip));
        imageKeys();
        keys.add(new KeyAction(new KeyCodeCombination(KeyCode.Z, KeyCombination.SHORTCUT_DOWN), "Ctrl+Z",
                "Undo the last answer (shows its post again when it was an earlier one)", model::undo));
        keys.add(new KeyAction(new KeyCodeCombination(KeyCode.M), "M", "Write a note (saved with the next answer; Esc returns to the keys)",
                this::focusNote));
        keys.add(new KeyAction(new KeyCodeCombination(KeyCode.F1), "F1 or ?", "Show or hide this help", this::toggleHelp));
        keys.add(new KeyAction(new KeyCodeCombination(KeyCode.ESCAPE), "Esc", "Close the help; leave the note field", this::escape));

        Label title = new Label("Keys");
        title.getStyleClass().add("post-author");
        helpBox.getChildren().add(title);
        Label rules = new Label("Every answer key saves at once, on the post named at the top of the questions; the image keys "
                + "only change what is shown. The keys work only while the post or the questions have the keyboard (blue frame): "
                + "click them to start; typing in the queue fields or anywhere else codes nothing.");
        rules.setWrapText(true);
        helpBox.getChildren().add(rules);
        for (KeyAction k : keys) {
            if (k.shown() != null) {
                Label key = new Label(k.shown());
                key.getStyleClass().add("help-key");
                HBox line = new HBox(10, key, new Label(k.what()));
                line.getStyleClass().add("help-line");
                helpBox.getChildren().add(line);
            }
        }
        helpBox.getChildren().add(new Label("Clicking the answer buttons does the same. Digits on the number pad work too."));
    }

    /** Keys of the image viewer: they only show, never save, and none of them is an answer key. */
    private void imageKeys() {
        keys.add(new KeyAction(new KeyCodeCombination(KeyCode.CLOSE_BRACKET), "] or Page Down",
                "Next image of this post (its number shows above the image)", images::next));
        keys.add(new KeyAction(new KeyCodeCombination(KeyCode.PAGE_DOWN), null, null, images::next));
        keys.add(new KeyAction(new KeyCodeCombination(KeyCode.OPEN_BRACKET), "[ or Page Up", "Previous image of this post",
                images::previous));
        keys.add(new KeyAction(new KeyCodeCombination(KeyCode.PAGE_UP), null, null, images::previous));
        keys.add(new KeyAction(new KeyCodeCombination(KeyCode.EQUALS, KeyCombination.SHIFT_ANY), "+",
                "Zoom into the image (the mouse wheel too; drag to move it)", images::zoomIn));
        keys.add(new KeyAction(new KeyCodeCombination(KeyCode.PLUS, KeyCombination.SHIFT_ANY), null, null, images::zoomIn));
        keys.add(new KeyAction(new KeyCodeCombination(KeyCode.ADD), null, null, images::zoomIn));
        keys.add(new KeyAction(new KeyCodeCombination(KeyCode.MINUS), "−", "Zoom out of the image", images::zoomOut));
        keys.add(new KeyAction(new KeyCodeCombination(KeyCode.SUBTRACT), null, null, images::zoomOut));
        keys.add(new KeyAction(new KeyCodeCombination(KeyCode.F), "F", "Fit the whole image into its pane again", images::fit));
    }

    private void bindPost() {
        model.answersProperty().addListener((obs, old, now) -> refreshButtons());
        model.postProperty().addListener((obs, old, now) -> images.show(now == null ? List.of() : now.media()));
        annotateNotice.textProperty().bind(Bindings.createStringBinding(() -> {
            Coder k = model.signedInProperty().get();
            if (k == null) {
                String problem = model.messageProperty().get();
                return problem.isEmpty() ? "Pick your name (or type a new one), your role, and press Start." : problem;
            }
            if (k.role() == Role.EXPERT) {
                return "The expert codes nothing here: Agreement, Adjudicate, Findings and Models are open to you.";
            }
            if (k.role() == Role.ANALYST) {
                return "Analysts code nothing: Findings, Models and Agreement are open to you.";
            }
            return model.postProperty().get() == null ? model.messageProperty().get() : "";
        }, model.signedInProperty(), model.postProperty(), model.messageProperty()));
        annotateNotice.visibleProperty().bind(model.postProperty().isNull());
        annotateSplit.visibleProperty().bind(model.postProperty().isNotNull());
        // Keys go to the view whenever a new person starts.
        model.signedInProperty().addListener((obs, old, now) -> {
            if (now != null) {
                focusCoding();
            }
        });
        // The panel shows once the first post is read: it takes the keys then (a hidden node cannot).
        model.postProperty().addListener((obs, old, now) -> {
            if (old == null && now != null && !(root.getScene() != null && root.getScene().getFocusOwner() instanceof TextInputControl)) {
                javafx.application.Platform.runLater(this::focusCoding);
            }
            if (old != null && now == null && codingHasFocus()) {
                // The end of the queue hides the panel: the keys stay in the view, where ← goes back.
                javafx.application.Platform.runLater(root::requestFocus);
            }
        });
    }

    private static boolean insideTextInput(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (n instanceof TextInputControl || n instanceof ComboBox) {
                return true;
            }
        }
        return false;
    }

    private void refreshButtons() {
        Map<String, String> answers = model.answersProperty().get();
        buttons.forEach((question, byValue) -> {
            List<String> chosen = Codebook.choices(answers.get(question));
            byValue.forEach((value, button) -> button.setSelected(chosen.contains(value)));
        });
    }

    private void keyPressed(KeyEvent e) {
        if (model.signedInProperty().get() == null) {
            return;
        }
        boolean helpOrEscape = e.getCode() == KeyCode.ESCAPE || e.getCode() == KeyCode.F1;
        boolean backFromTheEnd = e.getCode() == KeyCode.LEFT && model.postProperty().get() == null && focusOwner() == root;
        if (!helpOrEscape && !backFromTheEnd && !codingHasFocus()) {
            // Coding keys act only in the coding panel: typing in the queue bar (or with the focus anywhere else) codes nothing.
            return;
        }
        KeyEvent key = e.copyFor(e.getSource(), e.getTarget());
        KeyCode code = AnswerKeys.canonical(e.getCode());
        if (code != e.getCode()) {
            key = new KeyEvent(KeyEvent.KEY_PRESSED, e.getCharacter(), e.getText(), code, e.isShiftDown(), e.isControlDown(),
                    e.isAltDown(), e.isMetaDown());
        }
        for (KeyAction k : keys) {
            if (k.key().match(key)) {
                e.consume();
                swallowTyped = true;
                k.action().run();
                return;
            }
        }
    }

    private void keyTyped(KeyEvent e) {
        if (swallowTyped) {
            // The character of a key that was an action (M opens the note) is not typed into the note.
            swallowTyped = false;
            e.consume();
            return;
        }
        if ("?".equals(e.getCharacter()) && codingHasFocus() && model.signedInProperty().get() != null) {
            e.consume();
            toggleHelp();
        }
    }

    @FXML
    private void start() {
        char[] passphrase = roleBox.getValue() == Role.EXPERT ? passphraseField.getText().toCharArray() : null;
        passphraseField.clear();
        model.signIn(coderNameBox.getEditor().getText(), roleBox.getValue(), passphrase);
    }

    @FXML
    private void switchPerson() {
        model.signOut();
        coderNameBox.getEditor().clear();
        coderNameBox.setValue(null);
    }

    @FXML
    private void applyQueue() {
        // An editable combo box commits its text on Enter or focus loss; take what is typed.
        model.collectionFilterProperty().set(queueCollectionBox.getEditor().getText());
        model.applyFilter();
        focusCoding();
    }

    @FXML
    private void toggleHelp() {
        model.helpShownProperty().set(!model.helpShownProperty().get());
    }

    private void focusNote() {
        noteArea.requestFocus();
        questionsPane.setVvalue(1);
    }

    private void escape() {
        model.helpShownProperty().set(false);
        focusCoding();
    }

    @FXML
    private void next() {
        model.next();
        focusCoding();
    }

    @FXML
    private void previous() {
        model.previous();
        focusCoding();
    }

    @FXML
    private void skip() {
        model.skip();
        focusCoding();
    }

    @FXML
    private void undo() {
        model.undo();
        focusCoding();
    }

    public Parent view() {
        return view;
    }

    /** The split between the post and the questions (the window remembers its divider). */
    public SplitPane codingSplit() {
        return annotateSplit;
    }
}
