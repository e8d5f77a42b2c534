package org.signalbench.ui;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;

/** The desktop app. (Skeleton: the UI issue work replaces this.) */
public final class SignalBenchApp extends Application {

    public static void launchApp(String[] args) {
        Application.launch(SignalBenchApp.class, args);
    }

    @Override
    public void start(Stage stage) {
        stage.setScene(new Scene(new Label("SignalBench"), 800, 600));
        stage.setTitle("SignalBench");
        stage.show();
    }
}
