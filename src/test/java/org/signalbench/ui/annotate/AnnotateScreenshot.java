package org.signalbench.ui.annotate;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.signalbench.importing.ImportService;
import org.signalbench.jobs.JobContext;
import org.signalbench.labels.Codebook;
import org.signalbench.store.Workbench;
import org.signalbench.ui.FakeWorld;
import org.signalbench.ui.importing.PostImporter;
import org.signalbench.ui.main.MainWindow;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Renders the Annotate view at 1280×720 to docs/screenshots/annotate.png. A tool, not a test: its
 * name keeps it out of the normal run, and it needs {@code -Dsignalbench.screenshots=true}.
 *
 * <pre>
 * mvn -q -B test -Dtest=AnnotateScreenshot -Dsignalbench.screenshots=true [-Dsignalbench.screenshots.out=docs/screenshots]
 * </pre>
 *
 * The built-in sample's Instaloader folders are imported into target/screenshots/annotate.sqlite
 * (media copied beside it), coder {@code coder_c} signs in, the queue is narrowed to the captions
 * containing {@code frostyriver822} (a three-picture post), the second picture is shown with
 * {@code ]} and the contact channel Kik is answered with {@code K}; then the window is snapshot.
 */
@ExtendWith(ApplicationExtension.class)
class AnnotateScreenshot {
    static final Path DIR = Path.of("target", "screenshots").toAbsolutePath();
    FakeWorld world;
    Stage stage;

    @BeforeAll
    static void onlyWhenAsked() {
        Assumptions.assumeTrue(Boolean.getBoolean("signalbench.screenshots"), "a tool run: -Dsignalbench.screenshots=true");
    }

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        Files.createDirectories(DIR);
        Path file = DIR.resolve("annotate-" + System.nanoTime() + ".sqlite");
        long started = System.nanoTime();
        try (Workbench wb = Workbench.open(file)) {
            new ImportService(wb, Codebook.load()).run(List.of(Path.of("sample-data", "instaloader")), null, JobContext.NONE);
        }
        System.out.printf("imported sample-data/instaloader with its media copied in %.1f s%n", (System.nanoTime() - started) / 1e9);
        world = new FakeWorld(DIR.resolve("home-" + System.nanoTime()));
        MainWindow.open(stage, world.config(file, false, PostImporter.UNAVAILABLE));
        stage.setWidth(1280);
        stage.setHeight(720);
    }

    @AfterEach
    void stop() throws Exception {
        if (world != null) {
            world.close();
        }
    }

    @Test
    void annotateAt1280x720(FxRobot robot) throws Exception {
        FakeWorld.waitUntil("the workbench", () -> robot.listWindows().stream()
                .anyMatch(w -> w instanceof Stage s && s.getTitle() != null && s.getTitle().endsWith(".sqlite")));
        robot.clickOn("Annotate");
        AnnotationUi.signIn(robot, "coder_c", "coder");
        robot.interact(() -> robot.lookup("#queueTextField").queryTextInputControl().setText("frostyriver822"));
        robot.clickOn("#applyQueueButton");
        FakeWorld.waitUntil("the three-picture post", () -> AnnotationUi.shownCaption(robot).startsWith("custom hoodies")
                && robot.lookup("#viewerPosition").queryLabeled().getText().equals("image 1 of 3"));
        robot.clickOn("#answeringForLabel");
        robot.type(KeyCode.CLOSE_BRACKET);
        robot.type(KeyCode.K);
        FakeWorld.waitUntil("Kik saved", () -> robot.lookup("#answer-channels-kik").queryAs(javafx.scene.control.ToggleButton.class).isSelected()
                && robot.lookup("#viewerPosition").queryLabeled().getText().equals("image 2 of 3"));
        robot.sleep(800); // the pictures load in the background
        Scene scene = stage.getScene();
        WritableImage[] shot = new WritableImage[1];
        robot.interact(() -> shot[0] = scene.snapshot(null));
        Path out = Path.of(System.getProperty("signalbench.screenshots.out", "docs/screenshots")).resolve("annotate.png");
        Files.createDirectories(out.getParent());
        ImageIO.write(SwingFXUtils.fromFXImage(shot[0], null), "png", out.toFile());
        System.out.println("wrote " + out.toAbsolutePath() + " (" + (int) shot[0].getWidth() + "×" + (int) shot[0].getHeight() + ")");
    }
}
