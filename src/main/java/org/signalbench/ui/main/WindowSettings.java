package org.signalbench.ui.main;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import javafx.application.Platform;
import javafx.geometry.Rectangle2D;
import javafx.scene.control.SplitPane;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.signalbench.domain.Role;
import org.signalbench.exporting.SafeOutputFile;
import org.signalbench.store.DataLocations;

/**
 * What the window remembers between runs, in a small properties file in the data directory
 * ({@code window.properties}): size, position and whether maximised, the split panes' dividers, the
 * last person's name and role (filled in, never signed in), and the Models view's run settings.
 * Without a file the window opens maximised on a screen larger than its default size.
 */
public final class WindowSettings {
    /** The size the window opens at when nothing is remembered and the screen is not larger. */
    public static final double DEFAULT_WIDTH = 1280;
    public static final double DEFAULT_HEIGHT = 800;
    private static final System.Logger LOG = System.getLogger(WindowSettings.class.getName());

    private final Path file;
    private final Properties values = new Properties();

    public WindowSettings(Path file) {
        this.file = file;
        if (Files.isRegularFile(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                values.load(in);
            } catch (IOException | IllegalArgumentException e) {
                LOG.log(System.Logger.Level.WARNING, "cannot read " + file + "; starting with the defaults", e);
                values.clear();
            }
        }
    }

    /** The settings file in the data directory. */
    public static WindowSettings inDataDirectory() {
        return new WindowSettings(DataLocations.dataDirectory().resolve("window.properties"));
    }

    public Path file() {
        return file;
    }

    /** Places the window as remembered (or maximised on a large screen), then remembers it again when it closes. */
    public void attach(Stage stage, MainWindow window) {
        restore(stage, window);
        stage.addEventHandler(javafx.stage.WindowEvent.WINDOW_HIDING, e -> {
            capture(stage, window);
            save();
        });
    }

    void restore(Stage stage, MainWindow window) {
        double w = number("window.width", 0);
        double h = number("window.height", 0);
        if (w > 0 && h > 0 && onSomeScreen(number("window.x", 0), number("window.y", 0), w, h)) {
            stage.setX(number("window.x", 0));
            stage.setY(number("window.y", 0));
            stage.setWidth(w);
            stage.setHeight(h);
            stage.setMaximized(Boolean.parseBoolean(values.getProperty("window.maximized", "false")));
        } else if (!values.containsKey("window.width")) {
            Rectangle2D screen = Screen.getPrimary().getVisualBounds();
            if (screen.getWidth() > DEFAULT_WIDTH && screen.getHeight() > DEFAULT_HEIGHT) {
                stage.setMaximized(true);
            }
        }
        double posts = number("divider.posts", -1);
        double coding = number("divider.coding", -1);
        Platform.runLater(() -> {
            if (posts > 0 && posts < 1) {
                window.controller().postsSplit().setDividerPositions(posts);
            }
            if (coding > 0 && coding < 1) {
                window.annotateSplit().setDividerPositions(coding);
            }
        });
        String name = values.getProperty("person.name");
        if (name != null && !name.isBlank()) {
            Role role;
            try {
                role = Role.fromKey(values.getProperty("person.role", "coder"));
            } catch (IllegalArgumentException e) {
                role = Role.CODER;
            }
            window.annotate().prefill(name, role);
        }
        window.models().restoreSettings(values);
    }

    void capture(Stage stage, MainWindow window) {
        values.setProperty("window.maximized", Boolean.toString(stage.isMaximized()));
        if (!stage.isMaximized()) {
            values.setProperty("window.x", Double.toString(stage.getX()));
            values.setProperty("window.y", Double.toString(stage.getY()));
            values.setProperty("window.width", Double.toString(stage.getWidth()));
            values.setProperty("window.height", Double.toString(stage.getHeight()));
        }
        divider(window.controller().postsSplit(), "divider.posts");
        divider(window.annotateSplit(), "divider.coding");
        window.annotate().lastPerson().ifPresent(person -> {
            values.setProperty("person.name", person.name());
            values.setProperty("person.role", person.role().key());
        });
        window.models().captureSettings(values);
    }

    private void divider(SplitPane split, String key) {
        if (!split.getDividers().isEmpty()) {
            values.setProperty(key, Double.toString(split.getDividers().get(0).getPosition()));
        }
    }

    /** Writes the file whole or not at all ({@link SafeOutputFile}); a failure is logged, never shown. */
    void save() {
        try {
            SafeOutputFile.write(file, (Path) null, out -> values.store(out, "SignalBench window settings"));
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot save the window settings to " + file, e);
        }
    }

    String get(String key) {
        return values.getProperty(key);
    }

    private double number(String key, double fallback) {
        try {
            return Double.parseDouble(values.getProperty(key, ""));
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    /** Whether a good part of the window would be on a screen (a screen unplugged since is not). */
    private static boolean onSomeScreen(double x, double y, double w, double h) {
        return !Screen.getScreensForRectangle(x, y, Math.min(w, 100), Math.min(h, 50)).isEmpty();
    }
}
