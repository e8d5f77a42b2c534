package org.signalbench.ui;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import javafx.application.Application;
import javafx.stage.Stage;
import org.signalbench.app.Services;
import org.signalbench.store.BuiltInSample;
import org.signalbench.store.DataLocations;
import org.signalbench.ui.common.BackgroundExecutor;
import org.signalbench.ui.findings.FindingsFiles;
import org.signalbench.ui.importing.FileDialogs;
import org.signalbench.ui.main.MainWindow;
import org.signalbench.ui.main.WindowSettings;

/**
 * The desktop app. Started by {@link org.signalbench.Launcher} with no arguments (the default
 * workbench in the user's data directory) or with {@code --db PATH}.
 */
public final class SignalBenchApp extends Application {
    private ExecutorService executor;

    public static void launchApp(String[] args) {
        Application.launch(SignalBenchApp.class, args);
    }

    @Override
    public void start(Stage stage) {
        List<String> args = getParameters().getRaw();
        Path workbench = workbenchArgument(args);
        boolean isDefault = workbench == null;
        executor = BackgroundExecutor.create();
        Services services = Services.load();
        AppConfig config = new AppConfig(isDefault ? DataLocations.defaultWorkbench() : workbench, isDefault, executor,
                Integrations.importer(services), BuiltInSample::locate, Integrations.explainers(services), FileDialogs.NATIVE,
                FindingsFiles.NATIVE, services);
        MainWindow window = MainWindow.open(stage, config);
        WindowSettings.inDataDirectory().attach(stage, window);
    }

    /** The path after {@code --db}, or null when none is given. */
    static Path workbenchArgument(List<String> args) {
        int at = args.indexOf("--db");
        if (at < 0) {
            return null;
        }
        if (at + 1 >= args.size() || args.get(at + 1).isBlank()) {
            throw new IllegalArgumentException("--db needs a path");
        }
        return Path.of(args.get(at + 1));
    }

    @Override
    public void stop() {
        if (executor != null) {
            executor.shutdownNow();
        }
    }
}
