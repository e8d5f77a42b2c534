package org.signalbench.ui.topics;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.signalbench.app.Settings;
import org.signalbench.app.TopicsService;
import org.signalbench.jobs.JobManager;
import org.signalbench.store.Workbench;
import org.signalbench.ui.common.BackgroundExecutor;
import org.signalbench.ui.common.CurrentWorkbench;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Renders the Topics view of a workbench with stored rounds to docs/screenshots/topics-*.png. A
 * tool, not a test: its name keeps it out of the normal run, and it needs
 * {@code -Dsignalbench.screenshots=true} and a workbench.
 *
 * <pre>
 * mvn -q -B -o test -Dtest=TopicsScreenshots -Dsignalbench.screenshots=true \
 *     -Dsignalbench.screenshots.workbench=/path/to/twitter-study.sqlite [-Dsignalbench.screenshots.theme=N] \
 *     [-Dsignalbench.screenshots.out=docs/screenshots]
 * </pre>
 *
 * {@code topics-themes.png} (the latest round, theme N selected with its representative tweets),
 * {@code topics-comparison.png} (the latest comparison, purity over K), {@code topics-funnel.png}.
 */
@ExtendWith(ApplicationExtension.class)
class TopicsScreenshots {
    final ExecutorService executor = BackgroundExecutor.create();
    Stage stage;
    Workbench workbench;
    TopicsViewModel model;

    @Start
    void start(Stage stage) throws Exception {
        Assumptions.assumeTrue(Boolean.getBoolean("signalbench.screenshots"),
                "screenshot tool: run with -Dsignalbench.screenshots=true");
        this.stage = stage;
        workbench = Workbench.open(Path.of(System.getProperty("signalbench.screenshots.workbench")));
        CurrentWorkbench current = new CurrentWorkbench();
        current.workbenchProperty().set(workbench);
        model = new TopicsViewModel(current, executor, new JobManager(executor), new TopicsService(Settings.load()));
        stage.setScene(new Scene(new TopicsController(model).view(), 1280, 800));
        stage.show();
    }

    @AfterEach
    void stop() throws Exception {
        executor.shutdownNow();
        executor.awaitTermination(10, TimeUnit.SECONDS);
        if (workbench != null) {
            workbench.close();
        }
    }

    @Test
    void render(FxRobot robot) throws Exception {
        Path out = Path.of(System.getProperty("signalbench.screenshots.out", "docs/screenshots")).toAbsolutePath();
        Files.createDirectories(out);
        TopicsUiTest.waitUntil("the themes", () -> !model.themes().isEmpty());
        int theme = Integer.getInteger("signalbench.screenshots.theme", 0);
        robot.interact(() -> model.selectedThemeProperty().set(model.themes().get(theme)));
        TopicsUiTest.waitUntil("representative tweets", () -> !model.representative().isEmpty());
        snapshot(out.resolve("topics-themes.png"));
        TabPane tabs = robot.lookup("#topicsTabs").queryAs(TabPane.class);
        robot.interact(() -> tabs.getSelectionModel().select(2));
        snapshot(out.resolve("topics-comparison.png"));
        robot.interact(() -> tabs.getSelectionModel().select(3));
        snapshot(out.resolve("topics-funnel.png"));
    }

    private void snapshot(Path file) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        Thread.sleep(500);
        WaitForAsyncUtils.waitForFxEvents();
        Scene scene = stage.getScene();
        var image = WaitForAsyncUtils.asyncFx(() -> scene.snapshot(null)).get(30, TimeUnit.SECONDS);
        ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", file.toFile());
        System.err.println("wrote " + file);
    }
}
