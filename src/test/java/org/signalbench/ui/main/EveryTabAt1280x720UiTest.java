package org.signalbench.ui.main;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Control;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TreeView;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.signalbench.ui.FakeWorld;
import org.signalbench.ui.annotate.AnnotationUi;
import org.signalbench.ui.importing.PostImporter;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Every tab at 1280×720, signed in as the expert (who opens them all): each visible control lies
 * inside the window and has room, and no label outside a scrolling area is cut short. What lies in
 * a scroll pane, a table or a list may scroll out of view by design; the scrolling area itself must
 * fit. The post list's caption column takes the width the other columns leave, and the missing
 * media of the workbench show in the Posts bar.
 */
@ExtendWith(ApplicationExtension.class)
class EveryTabAt1280x720UiTest {
    @TempDir
    static Path dir;
    FakeWorld world;
    Stage stage;
    MainWindow window;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        world = new FakeWorld(dir);
        Path file = dir.resolve("tabs-" + System.nanoTime() + ".sqlite");
        AnnotationUi.fill(file, 3);
        window = MainWindow.open(stage, world.config(file, false, PostImporter.UNAVAILABLE));
        stage.setWidth(1280);
        stage.setHeight(720);
    }

    @AfterEach
    void stop() throws Exception {
        world.close();
    }

    /** Scrolling or virtualised areas: their content may lie outside the viewport on purpose. */
    private static boolean scrolls(Node node) {
        return node instanceof ScrollPane || node instanceof TableView || node instanceof ListView || node instanceof TreeView
                || node instanceof TextArea;
    }

    private static void problems(Node node, Scene scene, List<String> found) {
        if (!node.isVisible()) {
            return;
        }
        if (node instanceof Control c && c.isManaged()) {
            Bounds b = node.localToScene(node.getBoundsInLocal());
            String name = c.getClass().getSimpleName() + (c.getId() == null ? "" : " #" + c.getId())
                    + (c instanceof Labeled l && l.getText() != null ? " '" + l.getText() + "'" : "");
            if (b.getMinX() < -0.5 || b.getMaxX() > scene.getWidth() + 0.5 || b.getMinY() < -0.5 || b.getMaxY() > scene.getHeight() + 0.5) {
                found.add(name + " outside the window at " + (int) b.getMinX() + "," + (int) b.getMinY() + "–" + (int) b.getMaxX()
                        + "," + (int) b.getMaxY());
            } else if ((b.getWidth() < 1 || b.getHeight() < 1) && !(c instanceof Labeled l && (l.getText() == null || l.getText().isEmpty()))) {
                found.add(name + " has no room (" + b.getWidth() + "×" + b.getHeight() + ")");
            }
        }
        if (node instanceof Labeled l && l.getText() != null && !l.getText().isEmpty() && !l.isWrapText()) {
            // A titled pane's own text is in its title bar (its content has texts of its own); a mnemonic's _ is not drawn.
            Node shown = l instanceof javafx.scene.control.TitledPane ? l.lookup(".title .text") : l.lookup(".text");
            String expected = l.isMnemonicParsing() ? l.getText().replaceFirst("_(?=.)", "") : l.getText();
            if (shown instanceof Text t && !t.getText().equals(expected)) {
                found.add("'" + l.getText() + "' cut to '" + t.getText() + "'");
            }
        }
        if (scrolls(node)) {
            return;
        }
        if (node instanceof Parent p) {
            for (Node child : p.getChildrenUnmodifiable()) {
                problems(child, scene, found);
            }
        }
    }

    @Test
    void everyTabFitsAt1280x720(FxRobot robot) {
        AnnotationUi.openAnnotate(robot, 0);
        AnnotationUi.signIn(robot, "expert_1", "expert");
        TabPane tabs = robot.lookup("#viewTabs").queryAs(TabPane.class);
        FakeWorld.waitUntil("the expert's tabs open", () -> tabs.getTabs().stream().filter(t -> !t.isDisabled()).count() >= 6);
        Scene scene = tabs.getScene();
        assertEquals(1280, scene.getWindow().getWidth(), 0.5);
        assertEquals(720, scene.getWindow().getHeight(), 0.5);
        List<String> visited = new ArrayList<>();
        List<String> found = new ArrayList<>();
        for (Tab tab : List.copyOf(tabs.getTabs())) {
            if (tab.isDisabled()) {
                found.add("tab " + tab.getText() + " closed to the expert");
                continue;
            }
            robot.interact(() -> tabs.getSelectionModel().select(tab));
            robot.sleep(400); // the view loads in the background; its layout settles
            robot.interact(() -> { });
            visited.add(tab.getText());
            List<String> here = new ArrayList<>();
            problems(scene.getRoot(), scene, here);
            here.forEach(p -> found.add(tab.getText() + ": " + p));
        }
        assertTrue(visited.containsAll(List.of("Posts", "Annotate", "Agreement", "Adjudicate")), visited.toString());
        assertEquals(List.of(), found, "cut off at 1280×720 (tabs visited: " + visited + ")");
    }

    @Test
    void theCaptionColumnTakesTheFreeWidthAndMissingMediaShow(FxRobot robot) {
        FakeWorld.waitUntil("the posts", () -> robot.lookup("#postTable").queryTableView().getItems().size() == 3);
        TableView<?> table = robot.lookup("#postTable").queryTableView();
        FakeWorld.waitUntil("the table laid out", () -> table.getWidth() > 0);
        double others = 0;
        TableColumn<?, ?> caption = null;
        for (TableColumn<?, ?> column : table.getColumns()) {
            if (column.getText().equals("Caption")) {
                caption = column;
            } else {
                others += column.getWidth();
            }
        }
        TableColumn<?, ?> captionColumn = caption;
        double free = table.getWidth() - others;
        assertEquals(free, captionColumn.getWidth(), 24, "the caption column takes the free width (less the scroll bar)");

        // A wider list (the divider moved towards the detail), a wider caption column; the other columns keep their width.
        double before = captionColumn.getWidth();
        double otherColumns = others;
        javafx.scene.control.SplitPane split = window.controller().postsSplit();
        robot.interact(() -> split.setDividerPositions(split.getDividerPositions()[0] + 0.15));
        double tableBefore = table.getWidth();
        try {
            FakeWorld.waitUntil("the caption column widens with the list", () -> captionColumn.getWidth() > before + 100);
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + ": table " + tableBefore + " -> " + table.getWidth() + ", caption " + before + " -> "
                    + captionColumn.getWidth() + ", columns " + table.getColumns().stream().map(c -> c.getText() + "=" + c.getWidth()).toList()
                    + ", divider " + split.getDividerPositions()[0], e);
        }
        assertEquals(otherColumns, table.getColumns().stream().filter(c -> c != captionColumn).mapToDouble(TableColumn::getWidth).sum(), 1);

        // The two posts whose pictures are not on disk are named in the Posts bar.
        FakeWorld.waitUntil("missing media shown", () -> robot.lookup("#mediaLabel").queryLabeled().getText().equals("2 of 2 media files missing"));
        assertTrue(robot.lookup("#mediaLabel").queryLabeled().getTooltip().getText().contains("instagram post0, image 1: /nonexistent/post0.jpg"),
                robot.lookup("#mediaLabel").queryLabeled().getTooltip().getText());
    }
}
