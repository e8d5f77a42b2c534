package org.signalbench.ui.posts;

import java.nio.file.Path;
import javafx.scene.Scene;
import javafx.scene.control.ScrollPane;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.stage.Stage;
import javafx.stage.Window;

/** A window showing one image at full size. */
final class ImageZoom {
    private ImageZoom() {
    }

    static void show(Window owner, Path file) {
        ImageView view = new ImageView(new Image(file.toUri().toString(), true));
        view.setPreserveRatio(true);
        ScrollPane scroll = new ScrollPane(view);
        scroll.setPannable(true);
        Stage stage = new Stage();
        stage.initOwner(owner);
        stage.setTitle(file.getFileName().toString());
        stage.setScene(new Scene(scroll, 640, 640));
        // A click closes it again, as quick as it opened.
        view.setOnMouseClicked(e -> stage.close());
        stage.show();
    }
}
