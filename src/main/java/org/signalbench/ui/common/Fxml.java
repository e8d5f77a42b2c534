package org.signalbench.ui.common;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;

/** Loads a feature's FXML next to its controller, with the controller instance already built. */
public final class Fxml {
    private Fxml() {
    }

    public static Parent load(Object controller, String fileName) {
        URL url = controller.getClass().getResource(fileName);
        if (url == null) {
            throw new IllegalStateException("missing FXML " + fileName + " beside " + controller.getClass().getName());
        }
        FXMLLoader loader = new FXMLLoader(url);
        loader.setController(controller);
        try {
            return loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load " + url, e);
        }
    }
}
