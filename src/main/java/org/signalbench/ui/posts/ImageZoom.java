package org.signalbench.ui.posts;

import java.nio.file.Path;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import javafx.stage.Window;

/** A window showing one image as large as the window allows (small images are scaled up). */
final class ImageZoom {
    private ImageZoom() {
    }

    static void show(Window owner, Path file) {
        ImageView view = new ImageView(new Image(file.toUri().toString(), true));
        view.setPreserveRatio(true);
        view.setSmooth(true);
        StackPane pane = new StackPane(view);
        pane.setStyle("-fx-background-color: #202124;");
        view.fitWidthProperty().bind(pane.widthProperty().subtract(16));
        view.fitHeightProperty().bind(pane.heightProperty().subtract(16));
        Stage stage = new Stage();
        stage.initOwner(owner);
        stage.setTitle(file.getFileName().toString());
        stage.setScene(new Scene(pane, 640, 640));
        // A click closes it again, as quick as it opened.
        pane.setOnMouseClicked(e -> stage.close());
        stage.show();
    }
}
