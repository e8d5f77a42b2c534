package org.signalbench.ui.topics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.scene.Scene;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.signalbench.app.Settings;
import org.signalbench.app.TopicsService;
import org.signalbench.jobs.JobManager;
import org.signalbench.store.TopicStore;
import org.signalbench.store.Workbench;
import org.signalbench.testing.TweetWorkbenches;
import org.signalbench.ui.common.BackgroundExecutor;
import org.signalbench.ui.common.CurrentWorkbench;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Topics view over a small planted tweet workbench (four themes, 40 tweets each): a round runs
 * as a job, a theme is tagged noise by key and another signal by button, the corpus is filtered,
 * retrieval lists the signal tweets; a long round is cancelled.
 */
@ExtendWith(ApplicationExtension.class)
class TopicsUiTest {
    private static final int PER_THEME = 40;

    @TempDir
    Path dir;
    final ExecutorService executor = BackgroundExecutor.create();
    static TopicsService service;
    final CurrentWorkbench current = new CurrentWorkbench();
    Workbench workbench;
    TopicsViewModel model;

    @BeforeAll
    static void service() {
        service = new TopicsService(Settings.load());
    }

    /** Only the window here: TestFX gives set-up a deadline, and the machine may be loaded. */
    @Start
    void start(Stage stage) {
        model = new TopicsViewModel(current, executor, new JobManager(executor), service);
        stage.setScene(new Scene(new TopicsController(model).view(), 1280, 800));
        stage.show();
    }

    /** The small workbench, made off the FX thread and then shown. */
    @BeforeEach
    void workbench(FxRobot robot) throws Exception {
        workbench = TweetWorkbenches.create(dir, PER_THEME);
        robot.interact(() -> current.workbenchProperty().set(workbench));
    }

    @AfterEach
    void stop() throws Exception {
        executor.shutdownNow();
        executor.awaitTermination(5, TimeUnit.SECONDS);
        if (workbench != null) {
            workbench.close();
        }
    }

    static void waitUntil(String what, BooleanSupplier condition) throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> {
            WaitForAsyncUtils.waitForFxEvents();
            return condition.getAsBoolean();
        });
        assertTrue(condition.getAsBoolean(), what);
    }

    private TopicsService.Theme themeWith(String word) {
        return model.themes().stream().max(Comparator.comparingDouble(t -> t.words().stream()
                .filter(w -> w.word().equals(word)).mapToDouble(org.signalbench.domain.TopicWord::p).max().orElse(0))).orElseThrow();
    }

    private void select(FxRobot robot, TopicsService.Theme theme) throws Exception {
        robot.interact(() -> model.selectedThemeProperty().set(theme));
        waitUntil("representative tweets of theme " + theme.topic(), () -> !model.representative().isEmpty()
                && model.representative().get(0).firstTopic() == theme.topic());
    }

    @Test
    void aRoundRunsThemesAreTaggedTheCorpusIsFilteredAndRetrievalListsTweets(FxRobot robot) throws Exception {
        robot.interact(() -> {
            model.kProperty().set("4");
            model.iterationsProperty().set("100");
            model.seedProperty().set("2");
            model.coderProperty().set("ana");
        });
        robot.clickOn("#startRound");
        waitUntil("the round's four themes", () -> model.themes().size() == 4 && !model.runningProperty().get());
        assertEquals(1, model.rounds().size());
        assertEquals(4 * PER_THEME, model.themes().stream().mapToInt(TopicsService.Theme::size).sum());

        TopicsService.Theme news = themeWith("fentanyl");
        select(robot, news);
        robot.clickOn("#themesTable").type(KeyCode.N);
        waitUntil("the news theme tagged noise", () -> "noise".equals(model.themes().get(news.topic()).tag()));

        robot.clickOn("#filterNoise");
        waitUntil("the funnel's second step", () -> model.funnel().size() == 2);
        assertEquals(4 * PER_THEME - news.size(), model.funnel().get(1).posts());

        TopicsService.Theme selling = themeWith("oxycodone");
        select(robot, selling);
        robot.clickOn("#tagSignal");
        waitUntil("the selling theme tagged signal", () -> "signal".equals(model.themes().get(selling.topic()).tag()));

        robot.interact(() -> robot.lookup("#topicsTabs").queryAs(TabPane.class).getSelectionModel().select(1));
        robot.clickOn("#retrieve");
        waitUntil("retrieved tweets", () -> model.retrieved().size() >= PER_THEME);
        assertTrue(model.retrieved().stream().allMatch(t -> t.firstTopic() == selling.topic()
                || t.secondTopic() == selling.topic()));
        assertTrue(model.retrievalSummaryProperty().get().contains("tweets"), model.retrievalSummaryProperty().get());

        // The study's next step from the same view: the retrieval becomes a link review.
        int retrieved = model.retrieved().size();
        int before = current.linkReviewRevisionProperty().get();
        robot.clickOn("#startLinkReview");
        waitUntil("the link review started", () -> current.linkReviewRevisionProperty().get() == before + 1);
        assertTrue(model.statusProperty().get().startsWith("Link review 1 started from round 1: " + retrieved + " retrieved"),
                model.statusProperty().get());
        assertEquals(retrieved, new org.signalbench.app.LinkReviewService().results(workbench).retrieved());
        assertTrue(robot.lookup("#startLinkReview").queryButton().isDisabled(), "one review per retrieval click");
    }

    @Test
    void aLongRoundIsCancelled(FxRobot robot) throws Exception {
        robot.interact(() -> {
            model.kProperty().set("4");
            model.iterationsProperty().set("1000000");
        });
        robot.clickOn("#startRound");
        waitUntil("the round under way", () -> model.jobProperty().get() != null
                && model.jobProperty().get().progressProperty().get() > 0);
        robot.clickOn("#cancelTopics");
        waitUntil("the round cancelled", () -> !model.runningProperty().get());
        assertEquals("Cancelled.", model.statusProperty().get());
        assertTrue(model.rounds().isEmpty());
    }

    @Test
    void badSetupIsShownNotRun(FxRobot robot) throws Exception {
        robot.interact(() -> model.kProperty().set("zero"));
        robot.clickOn("#startRound");
        waitUntil("the problem shown", () -> model.problemProperty().get().contains("K must be a whole number"));
        assertTrue(model.jobProperty().get() == null);
    }
}
