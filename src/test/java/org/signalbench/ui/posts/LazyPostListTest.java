package org.signalbench.ui.posts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import javafx.scene.Scene;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.signalbench.domain.Platform;
import org.signalbench.store.PostQuery.PostSummary;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** A table over 100,000 rows asks only for the pages it shows. */
@ExtendWith(ApplicationExtension.class)
class LazyPostListTest {
    static final int POSTS = 100_000;
    final Set<Integer> requested = new TreeSet<>();
    final List<Runnable> pending = new ArrayList<>();
    TableView<PostRow> table;
    LazyPostList rows;

    @Start
    void start(Stage stage) {
        // The fake loader answers later, when the test says so, as the background would.
        rows = new LazyPostList(POSTS, (page, onLoaded, onFailed) -> {
            requested.add(page);
            pending.add(() -> onLoaded.accept(page(page)));
        });
        table = new TableView<>(rows);
        TableColumn<PostRow, String> id = new TableColumn<>("Id");
        id.setCellValueFactory(cell -> new javafx.beans.property.SimpleStringProperty(
                cell.getValue().summary() == null ? "…" : cell.getValue().summary().externalId()));
        table.getColumns().add(id);
        stage.setScene(new Scene(new StackPane(table), 400, 400));
        stage.show();
    }

    private static List<PostSummary> page(int page) {
        List<PostSummary> list = new ArrayList<>();
        for (int i = page * LazyPostList.PAGE_SIZE; i < Math.min(POSTS, (page + 1) * LazyPostList.PAGE_SIZE); i++) {
            list.add(new PostSummary(i, Platform.INSTAGRAM, "p" + i, "a", Instant.EPOCH, "", "caption " + i));
        }
        return list;
    }

    private void answer(FxRobot robot) {
        robot.interact(() -> {
            List<Runnable> now = new ArrayList<>(pending);
            pending.clear();
            now.forEach(Runnable::run);
        });
    }

    @Test
    void onlyTheShownPagesAreLoaded(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(POSTS, table.getItems().size());
        assertEquals(Set.of(0), requested);
        assertNull(rows.get(5).summary(), "nothing is there before the page arrives");
        answer(robot);
        assertEquals("p5", rows.get(5).summary().externalId());

        robot.interact(() -> table.scrollTo(POSTS - 1));
        WaitForAsyncUtils.waitForFxEvents();
        answer(robot);
        assertEquals(Set.of(0, 999), requested, "jumping to the end loads only the last page");
        assertEquals("p99999", rows.get(POSTS - 1).summary().externalId());

        robot.interact(() -> table.scrollTo(50_050));
        WaitForAsyncUtils.waitForFxEvents();
        answer(robot);
        assertTrue(requested.size() <= 4, "pages asked for: " + requested);
        assertNotNull(rows.get(50_050).summary());
    }

    @Test
    void aPageIsAskedForOnceWhileItLoads(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> {
            for (int i = 0; i < 100; i++) {
                rows.get(i);
            }
        });
        assertEquals(1, pending.size());
        assertEquals(Set.of(0), requested);
    }
}
