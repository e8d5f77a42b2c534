package org.signalbench.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Pane;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.signalbench.domain.Platform;
import org.signalbench.preprocess.Preprocessor;
import org.signalbench.ui.importing.PostImporter;
import org.signalbench.ui.main.MainWindow;
import org.signalbench.ui.posts.PostRow;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The window on a workbench with three posts: the table, its filters, and the detail of a post. */
@ExtendWith(ApplicationExtension.class)
class PostBrowserUiTest {
    @TempDir
    static Path dir;
    FakeWorld world;
    MainWindow window;
    Stage stage;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        world = new FakeWorld(dir);
        Path file = dir.resolve("browse-" + System.nanoTime() + ".sqlite");
        FakeWorld.fillWorkbench(file);
        window = MainWindow.open(stage, world.config(file, false, PostImporter.UNAVAILABLE));
    }

    @AfterEach
    void stop() throws Exception {
        world.close();
    }

    @SuppressWarnings("unchecked")
    private TableView<PostRow> table(FxRobot robot) {
        return robot.lookup("#postTable").queryAs(TableView.class);
    }

    /** The external ids of the rows the table holds, once their pages are loaded. */
    private static List<String> ids(TableView<PostRow> table) {
        return table.getItems().stream().map(PostRow::summary).filter(Objects::nonNull).map(s -> s.externalId()).toList();
    }

    private void waitForRows(TableView<PostRow> table, int count) {
        FakeWorld.waitUntil(count + " loaded rows",
                () -> table.getItems().size() == count && ids(table).size() == count);
    }

    @Test
    void showsThePostsAndNarrowsThemWithTheFilters(FxRobot robot) {
        TableView<PostRow> table = table(robot);
        waitForRows(table, 3);
        assertEquals(List.of("Bq3x9kLmN0a", "Bq4aaaaaaa1", "1019990000000000001"), ids(table));
        // The rows are drawn: their cells carry the authors.
        assertTrue(robot.lookup(".table-cell").queryAllAs(javafx.scene.control.TableCell.class).stream()
                .anyMatch(cell -> "county_health_news".equals(cell.getText())));
        assertEquals("3 of 3 posts", robot.lookup("#countLabel").queryAs(Label.class).getText());
        assertTrue(stage.getTitle().endsWith(".sqlite"), stage.getTitle());
        assertEquals("3 posts", robot.lookup("#statusPosts").queryAs(Label.class).getText());

        robot.clickOn("#searchField").write("WICKR");
        FakeWorld.waitUntil("the text filter", () -> ids(table).equals(List.of("Bq3x9kLmN0a")));
        assertEquals("1 of 3 posts", robot.lookup("#countLabel").queryAs(Label.class).getText());

        robot.interact(() -> robot.lookup("#searchField").queryAs(TextField.class).clear());
        ComboBox<Platform> platforms = robot.lookup("#platformBox").queryComboBox();
        robot.interact(() -> platforms.setValue(Platform.TWITTER));
        FakeWorld.waitUntil("the platform filter", () -> ids(table).equals(List.of("1019990000000000001")));

        robot.interact(() -> platforms.setValue(null));
        ComboBox<String> collections = robot.lookup("#collectionBox").queryComboBox();
        FakeWorld.waitUntil("the list of searches", () -> collections.getItems().size() == 4);
        robot.interact(() -> collections.setValue("#OXY"));
        FakeWorld.waitUntil("the collection filter", () -> ids(table).equals(List.of("Bq4aaaaaaa1")));
    }

    @Test
    void selectingAPostShowsCaptionHashtagsCommentsAndSearches(FxRobot robot) {
        TableView<PostRow> table = table(robot);
        waitForRows(table, 3);
        robot.clickOn("frosty_tabs_44");
        TextFlow caption = robot.lookup("#captionFlow").queryAs(TextFlow.class);
        FakeWorld.waitUntil("the caption", () -> text(caption).equals(FakeWorld.DEALER_CAPTION));
        assertEquals(List.of("#xanax", "#2mgXanax"), caption.getChildren().stream()
                .filter(n -> n.getStyleClass().contains("hashtag")).map(n -> ((Text) n).getText()).toList());
        assertEquals("@frosty_tabs_44", robot.lookup("#authorLabel").queryAs(Label.class).getText());
        assertTrue(robot.lookup("#metaLabel").queryAs(Label.class).getText().contains("2018-07-19 14:03 UTC"));

        List<String> comments = robot.lookup("#commentsBox").queryAs(Pane.class).getChildren().stream()
                .map(n -> text((TextFlow) n)).toList();
        assertEquals(List.of("@night_owl_21  price for 20? #asking", "@frosty_tabs_44  dm me on wickr"), comments);
        TextFlow firstComment = (TextFlow) robot.lookup("#commentsBox").queryAs(Pane.class).getChildren().get(0);
        assertTrue(firstComment.getChildren().stream().anyMatch(
                n -> n.getStyleClass().contains("hashtag") && ((Text) n).getText().equals("#asking")));

        assertEquals(List.of("#2mgxanax", "#xanax"), labels(robot.lookup("#collectionsPane").queryAs(FlowPane.class)));
        assertEquals("test/Bq3x9kLmN0a.json", robot.lookup("#sourceField").queryAs(TextField.class).getText());
        assertEquals("https://example.com/menu",
                ((TextField) robot.lookup("#linksBox").queryAs(Pane.class).getChildren().get(0)).getText());

        // The Preprocessing pane shows the study's preprocessing of the same post once the corpus is ready.
        FlowPane tokens = robot.lookup("#tokensPane").queryAs(FlowPane.class);
        GridPane variants = robot.lookup("#variantsGrid").queryAs(GridPane.class);
        List<String> expected = Preprocessor.withDefaultStopWords().tokens(FakeWorld.DEALER_CAPTION);
        FakeWorld.waitUntil("the tokens", () -> labels(tokens).equals(expected));
        assertTrue(expected.containsAll(List.of("legit", "plug", "#xanax", "#2mgxanax", "bars", "wickr")), expected.toString());
        assertFalse(expected.contains("and"), "a stop word");
        assertEquals(List.of("with-hashtags", "kept", "hashtags-only", "kept", "no-hashtags", "kept"), variantVerdicts(variants));

        // A caption of hashtags only is dropped from the no-hashtags variant, and the pane says why.
        robot.clickOn("sober_sunrise_7");
        FakeWorld.waitUntil("the second post", () -> text(caption).equals("#recovery #oxy #day90"));
        FakeWorld.waitUntil("its variants", () -> labels(tokens).equals(List.of("#recovery", "#oxy", "#day90")));
        assertEquals(List.of("with-hashtags", "kept", "hashtags-only", "kept", "no-hashtags", "dropped"),
                variantVerdicts(variants));
        assertTrue(labels(variants).contains("empty without hashtags"), labels(variants).toString());
    }

    /** Variant name and verdict of each row of the variants grid. */
    private static List<String> variantVerdicts(GridPane grid) {
        return grid.getChildren().stream().filter(n -> GridPane.getColumnIndex(n) != null && GridPane.getColumnIndex(n) < 2)
                .map(n -> ((Label) n).getText()).toList();
    }

    @Test
    void openingAnotherWorkbenchShowsItsPostsInTheTitleAndTable(FxRobot robot) throws Exception {
        TableView<PostRow> table = table(robot);
        waitForRows(table, 3);
        Path other = dir.resolve("other-" + System.nanoTime() + ".sqlite");
        try (var workbench = org.signalbench.store.Workbench.open(other)) {
            FakeWorld.insertPosts(workbench, "other", 0, 7);
        }
        world.workbenchToOpen = other;
        robot.clickOn("File").clickOn("Open workbench…");
        FakeWorld.waitUntil("the other workbench's posts", () -> ids(table).size() == 7);
        assertTrue(ids(table).stream().allMatch(id -> id.startsWith("other")));
        assertEquals("SignalBench — " + other.toAbsolutePath().normalize(), stage.getTitle());
        assertEquals("7 posts", robot.lookup("#statusPosts").queryAs(Label.class).getText());
    }

    private static String text(TextFlow flow) {
        StringBuilder sb = new StringBuilder();
        for (Node n : flow.getChildren()) {
            sb.append(((Text) n).getText());
        }
        return sb.toString();
    }

    private static List<String> labels(Pane pane) {
        return pane.getChildren().stream().map(n -> ((Label) n).getText()).toList();
    }
}
