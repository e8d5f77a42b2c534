package org.signalbench.ui.annotate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.signalbench.store.TestPosts;
import org.signalbench.store.Workbench;
import org.signalbench.ui.FakeWorld;
import org.signalbench.ui.importing.PostImporter;
import org.signalbench.ui.main.MainWindow;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The images of a post in Annotate: shown large beside the caption, every picture of a multi-image
 * post one key away ({@code ]} / {@code [}, Page Down / Page Up), zoom by key ({@code +}, {@code −},
 * {@code F}) and by the mouse wheel; the image keys save nothing, work only while the coding panel
 * has the keyboard, and a new post starts at its first image.
 */
@ExtendWith(ApplicationExtension.class)
class ImageViewerUiTest {
    @TempDir
    static Path dir;
    FakeWorld world;
    Path file;
    final List<Path> images = new ArrayList<>();

    @Start
    void start(Stage stage) throws Exception {
        world = new FakeWorld(dir);
        file = dir.resolve("images-" + System.nanoTime() + ".sqlite");
        for (int i = 0; i < 3; i++) {
            Path png = dir.resolve("note-" + i + ".png");
            BufferedImage picture = new BufferedImage(400 + 100 * i, 300, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = picture.createGraphics();
            g.setColor(new Color(40 * i, 120, 200));
            g.fillRect(0, 0, picture.getWidth(), picture.getHeight());
            g.dispose();
            ImageIO.write(picture, "png", png.toFile());
            images.add(png);
        }
        try (Workbench workbench = Workbench.open(file)) {
            TestPosts posts = new TestPosts(workbench.connection());
            posts.insert("instagram", "three", "author_a", "2018-07-10T12:00:00Z", AnnotationUi.caption(0), List.of("#xanax"),
                    List.of(), images.stream().map(Path::toString).toList(), List.of());
            posts.insert("instagram", "one", "author_b", "2018-07-11T12:00:00Z", AnnotationUi.caption(1), List.of("#xanax"),
                    List.of(), List.of(images.get(2).toString()), List.of());
        }
        MainWindow.open(stage, world.config(file, false, PostImporter.UNAVAILABLE));
        stage.setWidth(1280);
        stage.setHeight(720);
    }

    @AfterEach
    void stop() throws Exception {
        world.close();
    }

    private static String shownImage(FxRobot robot) {
        ImageView view = robot.lookup("#viewerImage").queryAs(ImageView.class);
        return view.getImage() == null ? "" : view.getImage().getUrl();
    }

    private static String position(FxRobot robot) {
        return robot.lookup("#viewerPosition").queryLabeled().getText();
    }

    private void waitForImage(FxRobot robot, int i, int of) {
        try {
            FakeWorld.waitUntil("image " + (i + 1) + " of " + of, () -> position(robot).equals("image " + (i + 1) + " of " + of)
                    && shownImage(robot).endsWith(images.get(i).getFileName().toString()));
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "; shown: '" + position(robot) + "' " + shownImage(robot), e);
        }
    }

    private static double zoom(FxRobot robot) {
        return robot.lookup("#viewerImage").queryAs(ImageView.class).getFitWidth();
    }

    @Test
    void everyImageIsOneKeyAwayAndZoomsWithoutCoding(FxRobot robot) throws Exception {
        AnnotationUi.openAnnotate(robot, 0);
        AnnotationUi.signIn(robot, "coder_a", "coder");
        FakeWorld.waitUntil("the first post", () -> AnnotationUi.shownCaption(robot).equals(AnnotationUi.caption(0)));
        waitForImage(robot, 0, 3);

        // Beside the caption and large: right of the caption, at least 400 × 400 px at 1280 × 720.
        Node viewer = robot.lookup("#annotateView #imageViewer").query();
        Node caption = robot.lookup("#annotateView #captionFlow").query();
        Bounds v = viewer.localToScene(viewer.getBoundsInLocal());
        Bounds c = caption.localToScene(caption.getBoundsInLocal());
        assertTrue(v.getMinX() >= c.getMaxX() && v.getMinY() < c.getMaxY(), "the images are beside the caption: " + v + " vs " + c);
        assertTrue(v.getWidth() >= 400 && v.getHeight() >= 400, "the image pane is large: " + v);
        assertFalse(robot.lookup("#annotateView #mediaPane").query().isVisible(), "no second, small copy under the caption");

        robot.type(KeyCode.CLOSE_BRACKET);
        waitForImage(robot, 1, 3);
        robot.type(KeyCode.PAGE_DOWN);
        waitForImage(robot, 2, 3);
        robot.type(KeyCode.CLOSE_BRACKET); // the last one stays
        robot.sleep(100);
        waitForImage(robot, 2, 3);
        robot.type(KeyCode.OPEN_BRACKET);
        waitForImage(robot, 1, 3);
        robot.type(KeyCode.PAGE_UP);
        waitForImage(robot, 0, 3);

        // Zoom: + enlarges, − shrinks back, F fits again; the wheel zooms too.
        double fitted = zoom(robot);
        robot.type(KeyCode.EQUALS);
        FakeWorld.waitUntil("zoomed in", () -> zoom(robot) > fitted * 1.2);
        robot.type(KeyCode.EQUALS);
        FakeWorld.waitUntil("zoomed in twice", () -> zoom(robot) > fitted * 1.5);
        robot.type(KeyCode.MINUS);
        FakeWorld.waitUntil("zoomed out", () -> zoom(robot) < fitted * 1.3 && zoom(robot) > fitted * 1.2);
        robot.type(KeyCode.F);
        FakeWorld.waitUntil("fitted", () -> Math.abs(zoom(robot) - fitted) < 0.5);
        // The wheel, as the scene delivers it to the image (Monocle's robot sends no wheel events).
        ImageView image = robot.lookup("#viewerImage").queryAs(ImageView.class);
        robot.interact(() -> javafx.event.Event.fireEvent(image, new javafx.scene.input.ScrollEvent(
                javafx.scene.input.ScrollEvent.SCROLL, 10, 10, 10, 10, false, false, false, false, false, false, 0, 40, 0, 40,
                javafx.scene.input.ScrollEvent.HorizontalTextScrollUnits.NONE, 0, javafx.scene.input.ScrollEvent.VerticalTextScrollUnits.NONE,
                0, 0, null)));
        FakeWorld.waitUntil("wheel zoom", () -> Math.abs(zoom(robot) - fitted) > 0.5);
        robot.type(KeyCode.F);

        // The image keys saved nothing, and the post is still the first one.
        assertEquals(List.of(), AnnotationUi.labelRows(file));
        assertEquals(AnnotationUi.caption(0), AnnotationUi.shownCaption(robot));

        // Outside the coding panel the image keys do nothing either.
        robot.clickOn("#positionLabel");
        FakeWorld.waitUntil("keys off", () -> robot.lookup("#keysStateLabel").queryLabeled().getText().startsWith("Keys are off"));
        robot.type(KeyCode.CLOSE_BRACKET);
        robot.sleep(200);
        waitForImage(robot, 0, 3);

        // The next post starts at its first (and only) image; the help lists the image keys.
        robot.clickOn("#answeringForLabel");
        robot.type(KeyCode.CLOSE_BRACKET);
        waitForImage(robot, 1, 3);
        robot.type(KeyCode.S);
        FakeWorld.waitUntil("the second post", () -> AnnotationUi.shownCaption(robot).equals(AnnotationUi.caption(1)));
        FakeWorld.waitUntil("its only image", () -> position(robot).equals("image 1 of 1")
                && shownImage(robot).endsWith(images.get(2).getFileName().toString()));
        assertTrue(robot.lookup("#viewerNext").query().isDisabled(), "one image: nothing next");
        robot.type(KeyCode.F1);
        List<String> help = AnnotationUi.allTexts(robot.lookup("#helpBox").query());
        for (String key : List.of("] or Page Down", "[ or Page Up", "+", "−", "F")) {
            assertTrue(help.contains(key), key + " missing from the help: " + help);
        }
        robot.type(KeyCode.ESCAPE);
        assertEquals(List.of(), AnnotationUi.labelRows(file));
    }
}
