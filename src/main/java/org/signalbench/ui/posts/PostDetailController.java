package org.signalbench.ui.posts;

import java.nio.file.Files;
import java.util.List;
import javafx.fxml.FXML;
import javafx.scene.Cursor;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.control.Tooltip;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import org.signalbench.domain.Comment;
import org.signalbench.domain.MediaFile;
import org.signalbench.domain.Post;
import org.signalbench.ui.common.Fxml;
import org.signalbench.ui.preprocessing.PreprocessingController;

/** Shows one post: caption with hashtags highlighted, images, comments, searches, links, source, preprocessing. */
public final class PostDetailController {
    private static final double THUMBNAIL = 120;

    private final PostDetailViewModel model;
    private final PreprocessingController preprocessing;
    private final Parent view;
    private final boolean showMedia;

    @FXML
    private Label noticeLabel;
    @FXML
    private VBox postBox;
    @FXML
    private Label authorLabel;
    @FXML
    private Label metaLabel;
    @FXML
    private FlowPane collectionsPane;
    @FXML
    private TextFlow captionFlow;
    @FXML
    private Label mediaTitle;
    @FXML
    private FlowPane mediaPane;
    @FXML
    private VBox linksBox;
    @FXML
    private VBox commentsBox;
    @FXML
    private Label commentsTitle;
    @FXML
    private TextField sourceField;
    @FXML
    private TitledPane preprocessingPane;

    public PostDetailController(PostDetailViewModel model) {
        this(model, true);
    }

    /**
     * @param showMedia false leaves the thumbnails out: the annotate view shows the images large in
     *                  an {@link ImageViewer} beside the caption instead
     */
    public PostDetailController(PostDetailViewModel model, boolean showMedia) {
        this.model = model;
        this.showMedia = showMedia;
        this.preprocessing = model.preprocessing() == null ? null : new PreprocessingController(model.preprocessing());
        this.view = Fxml.load(this, "post-detail.fxml");
    }

    @FXML
    private void initialize() {
        noticeLabel.textProperty().bind(model.noticeProperty());
        noticeLabel.visibleProperty().bind(model.noticeProperty().isNotEmpty());
        noticeLabel.managedProperty().bind(noticeLabel.visibleProperty());
        postBox.visibleProperty().bind(model.postProperty().isNotNull());
        postBox.managedProperty().bind(postBox.visibleProperty());
        if (preprocessing != null) {
            preprocessingPane.setContent(preprocessing.view());
        } else {
            preprocessingPane.setVisible(false);
            preprocessingPane.setManaged(false);
        }
        mediaTitle.setVisible(showMedia);
        mediaTitle.setManaged(showMedia);
        mediaPane.setVisible(showMedia);
        mediaPane.setManaged(showMedia);
        model.postProperty().addListener((obs, old, now) -> show(now));
    }

    private void show(Post post) {
        if (post == null) {
            return;
        }
        authorLabel.setText(post.author() == null ? "(unknown author)" : "@" + post.author());
        metaLabel.setText(post.platform().key() + " · " + post.externalId()
                + (post.postedAt() == null ? "" : " · " + PostBrowserController.DATE.format(post.postedAt()) + " UTC"));

        collectionsPane.getChildren().setAll(post.collectedUnder().stream().map(search -> chip(search, "collection-chip")).toList());
        if (post.collectedUnder().isEmpty()) {
            collectionsPane.getChildren().add(new Label("(none recorded)"));
        }

        captionFlow.getChildren().setAll(highlighted(post.caption().isEmpty() ? "(no caption)" : post.caption()));

        mediaPane.getChildren().setAll(showMedia ? post.media().stream().map(this::thumbnail).toList() : List.of());
        if (showMedia && post.media().isEmpty()) {
            mediaPane.getChildren().add(new Label("(no images)"));
        }

        linksBox.getChildren().setAll(post.links().stream().map(PostDetailController::selectable).toList());
        if (post.links().isEmpty()) {
            linksBox.getChildren().add(new Label("(no links)"));
        }

        commentsTitle.setText("Comments (" + post.comments().size() + ")");
        commentsBox.getChildren().setAll(post.comments().stream().map(PostDetailController::comment).toList());
        if (post.comments().isEmpty()) {
            commentsBox.getChildren().add(new Label("(no comments)"));
        }

        sourceField.setText(post.sourceFile() == null ? "" : post.sourceFile());
    }

    /** The text as Text nodes, hashtags carrying the style class "hashtag". */
    static List<Text> highlighted(String text) {
        return HashtagText.split(text).stream().map(run -> {
            Text node = new Text(run.text());
            node.getStyleClass().add(run.hashtag() ? "hashtag" : "plain");
            return node;
        }).toList();
    }

    private static Node comment(Comment comment) {
        Text author = new Text((comment.author() == null ? "(unknown)" : "@" + comment.author()) + "  ");
        author.getStyleClass().add("comment-author");
        TextFlow flow = new TextFlow(author);
        flow.getChildren().addAll(highlighted(comment.text()));
        flow.getStyleClass().add("comment");
        return flow;
    }

    private Node thumbnail(MediaFile media) {
        if (media.kind() != MediaFile.Kind.IMAGE || !Files.isRegularFile(media.path())) {
            String why = media.kind() != MediaFile.Kind.IMAGE ? "video" : "missing";
            Label label = new Label(why + ": " + media.path().getFileName());
            label.getStyleClass().add("media-missing");
            label.setTooltip(new Tooltip(media.path().toString()));
            return label;
        }
        // Loaded in the background by JavaFX itself, scaled down on load.
        Image image = new Image(media.path().toUri().toString(), THUMBNAIL, THUMBNAIL, true, true, true);
        ImageView view = new ImageView(image);
        view.getStyleClass().add("thumbnail");
        view.setCursor(Cursor.HAND);
        Tooltip.install(view, new Tooltip(media.path() + "\nClick to zoom"));
        view.setOnMouseClicked(e -> ImageZoom.show(view.getScene().getWindow(), media.path()));
        return view;
    }

    private static Label chip(String text, String styleClass) {
        Label label = new Label(text);
        label.getStyleClass().add(styleClass);
        return label;
    }

    private static TextField selectable(String text) {
        TextField field = new TextField(text);
        field.setEditable(false);
        field.getStyleClass().add("selectable-text");
        return field;
    }

    public Parent view() {
        return view;
    }
}
