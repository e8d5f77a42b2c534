package org.signalbench.ui.posts;

import java.nio.file.Files;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Cursor;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.input.MouseButton;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import org.signalbench.domain.MediaFile;

/**
 * The images of one post, one at a time, as large as the pane allows (a pill imprint or a
 * hand-written note must be readable), with zoom (mouse wheel, or {@link #zoomIn()} /
 * {@link #zoomOut()} / {@link #fit()} from keys), panning by dragging, and every other picture of
 * the post one step away ({@link #next()}, {@link #previous()}, or the thumbnails below).
 * A double click opens the image in a window of its own.
 */
public final class ImageViewer {
    /** Zoom 1 fits the image into the pane; each step multiplies by this. */
    static final double STEP = 1.25;
    static final double MAX_ZOOM = 8;
    private static final double STRIP = 56;

    private final BorderPane root = new BorderPane();
    private final ScrollPane scroller = new ScrollPane();
    private final ImageView view = new ImageView();
    private final StackPane canvas = new StackPane(view);
    private final Label placeholder = new Label("(no images)");
    private final Label positionLabel = new Label();
    private final HBox strip = new HBox(4);
    private final IntegerProperty index = new SimpleIntegerProperty(-1);
    private final DoubleProperty zoom = new SimpleDoubleProperty(1);
    private List<MediaFile> media = List.of();

    public ImageViewer() {
        root.setId("imageViewer");
        root.getStyleClass().add("image-viewer");
        view.setId("viewerImage");
        view.setPreserveRatio(true);
        view.setSmooth(true);
        canvas.setAlignment(Pos.CENTER);
        canvas.getChildren().add(placeholder);
        placeholder.setId("viewerPlaceholder");
        placeholder.getStyleClass().add("media-missing");
        placeholder.setWrapText(true);
        scroller.setContent(canvas);
        scroller.setPannable(true);
        scroller.setFocusTraversable(false);
        scroller.getStyleClass().add("image-scroller");
        // The canvas is at least the viewport (so a fitted image is centred) and grows with the zoom.
        canvas.minWidthProperty().bind(Bindings.createDoubleBinding(() -> scroller.getViewportBounds().getWidth(),
                scroller.viewportBoundsProperty()));
        canvas.minHeightProperty().bind(Bindings.createDoubleBinding(() -> scroller.getViewportBounds().getHeight(),
                scroller.viewportBoundsProperty()));
        view.fitWidthProperty().bind(Bindings.createDoubleBinding(() -> Math.max(1, scroller.getViewportBounds().getWidth() - 4) * zoom.get(),
                scroller.viewportBoundsProperty(), zoom));
        view.fitHeightProperty().bind(Bindings.createDoubleBinding(() -> Math.max(1, scroller.getViewportBounds().getHeight() - 4) * zoom.get(),
                scroller.viewportBoundsProperty(), zoom));
        // The wheel zooms (towards the pointer's part of the image), it does not scroll.
        scroller.addEventFilter(ScrollEvent.SCROLL, e -> {
            if (view.getImage() == null || e.getDeltaY() == 0) {
                return;
            }
            e.consume();
            double h = scroller.getHvalue();
            double v = scroller.getVvalue();
            setZoom(zoom.get() * (e.getDeltaY() > 0 ? STEP : 1 / STEP));
            scroller.setHvalue(h);
            scroller.setVvalue(v);
        });
        view.setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && current() != null) {
                ImageZoom.show(root.getScene().getWindow(), current().path());
            }
        });

        positionLabel.setId("viewerPosition");
        positionLabel.getStyleClass().add("count-label");
        positionLabel.setMinWidth(Label.USE_PREF_SIZE);
        Button previous = new Button("◀");
        previous.setId("viewerPrevious");
        previous.setFocusTraversable(false);
        previous.setOnAction(e -> previous());
        Button next = new Button("▶");
        next.setId("viewerNext");
        next.setFocusTraversable(false);
        next.setOnAction(e -> next());
        Button zoomOut = new Button("−");
        zoomOut.setId("viewerZoomOut");
        zoomOut.setFocusTraversable(false);
        zoomOut.setOnAction(e -> zoomOut());
        Button zoomIn = new Button("+");
        zoomIn.setId("viewerZoomIn");
        zoomIn.setFocusTraversable(false);
        zoomIn.setOnAction(e -> zoomIn());
        Button fit = new Button("Fit");
        fit.setId("viewerFit");
        fit.setFocusTraversable(false);
        fit.setOnAction(e -> fit());
        previous.disableProperty().bind(index.lessThanOrEqualTo(0));
        next.disableProperty().bind(Bindings.createBooleanBinding(() -> index.get() < 0 || index.get() >= media.size() - 1, index));
        for (Button b : List.of(zoomOut, zoomIn, fit)) {
            b.disableProperty().bind(index.lessThan(0));
        }
        HBox bar = new HBox(4, previous, next, positionLabel, new StackPane(), zoomOut, zoomIn, fit);
        HBox.setHgrow(bar.getChildren().get(3), Priority.ALWAYS);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(4));
        ScrollPane stripScroller = new ScrollPane(strip);
        stripScroller.setFitToHeight(true);
        stripScroller.setPrefViewportHeight(STRIP + 4);
        stripScroller.setFocusTraversable(false);
        stripScroller.visibleProperty().bind(Bindings.createBooleanBinding(() -> media.size() > 1, index));
        stripScroller.managedProperty().bind(stripScroller.visibleProperty());
        strip.setPadding(new Insets(2));
        root.setTop(bar);
        root.setCenter(scroller);
        root.setBottom(stripScroller);
    }

    /** Shows the media of a post, from its first image; an empty list shows "(no images)". */
    public void show(List<MediaFile> files) {
        media = files == null ? List.of() : List.copyOf(files);
        strip.getChildren().setAll(media.stream().map(this::thumbnail).toList());
        // Through -1, so the bindings that read the list see the new one even when the index stays 0.
        index.set(-1);
        select(media.isEmpty() ? -1 : 0);
    }

    private void select(int at) {
        index.set(at);
        showCurrent();
    }

    private void showCurrent() {
        zoom.set(1);
        scroller.setHvalue(0.5);
        scroller.setVvalue(0.5);
        MediaFile file = current();
        for (int i = 0; i < strip.getChildren().size(); i++) {
            strip.getChildren().get(i).getStyleClass().remove("current-thumbnail");
            if (i == index.get()) {
                strip.getChildren().get(i).getStyleClass().add("current-thumbnail");
            }
        }
        if (file == null) {
            view.setImage(null);
            placeholder.setText("(no images)");
            placeholder.setVisible(true);
            positionLabel.setText("");
            return;
        }
        positionLabel.setText("image " + (index.get() + 1) + " of " + media.size());
        if (file.kind() != MediaFile.Kind.IMAGE || !Files.isRegularFile(file.path())) {
            view.setImage(null);
            placeholder.setText((file.kind() != MediaFile.Kind.IMAGE ? "video (not shown): " : "missing: ") + file.path());
            placeholder.setVisible(true);
            return;
        }
        placeholder.setVisible(false);
        // Full resolution, loaded in the background by JavaFX, so zooming in shows real detail.
        view.setImage(new Image(file.path().toUri().toString(), true));
        Tooltip.install(view, new Tooltip(file.path() + "\nWheel: zoom · drag: move · double click: own window"));
    }

    private Node thumbnail(MediaFile file) {
        int at = media.indexOf(file);
        Node node;
        if (file.kind() == MediaFile.Kind.IMAGE && Files.isRegularFile(file.path())) {
            node = new ImageView(new Image(file.path().toUri().toString(), STRIP, STRIP, true, true, true));
        } else {
            Label label = new Label(file.kind() == MediaFile.Kind.IMAGE ? "missing" : "video");
            label.setMinSize(STRIP, STRIP);
            label.getStyleClass().add("media-missing");
            node = label;
        }
        StackPane frame = new StackPane(node);
        frame.getStyleClass().add("viewer-thumbnail");
        frame.setCursor(Cursor.HAND);
        frame.setOnMouseClicked(e -> select(at));
        return frame;
    }

    /** The image shown, or null. */
    public MediaFile current() {
        int i = index.get();
        return i >= 0 && i < media.size() ? media.get(i) : null;
    }

    /** Shows the next picture of the post (stays at the last one). */
    public void next() {
        if (index.get() >= 0 && index.get() < media.size() - 1) {
            select(index.get() + 1);
        }
    }

    /** Shows the previous picture of the post (stays at the first one). */
    public void previous() {
        if (index.get() > 0) {
            select(index.get() - 1);
        }
    }

    public void zoomIn() {
        setZoom(zoom.get() * STEP);
    }

    public void zoomOut() {
        setZoom(zoom.get() / STEP);
    }

    /** Back to the whole image in the pane. */
    public void fit() {
        setZoom(1);
    }

    private void setZoom(double value) {
        if (current() != null) {
            zoom.set(Math.max(1, Math.min(MAX_ZOOM, value)));
        }
    }

    /** Index of the picture shown, -1 for none. */
    public ReadOnlyIntegerProperty indexProperty() {
        return index;
    }

    /** 1 = fitted to the pane. */
    public ReadOnlyDoubleProperty zoomProperty() {
        return zoom;
    }

    /** How many media the post has. */
    public int count() {
        return media.size();
    }

    public Node view() {
        return root;
    }
}
