package org.signalbench.ui.annotate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.scene.Scene;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.text.TextFlow;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.signalbench.importing.ImportService;
import org.signalbench.jobs.JobContext;
import org.signalbench.store.PostQuery;
import org.signalbench.store.Workbench;
import org.signalbench.testing.CliRun;
import org.signalbench.ui.AppConfig;
import org.signalbench.ui.common.BackgroundExecutor;
import org.signalbench.ui.importing.FileDialogs;
import org.signalbench.ui.importing.PostImporter;
import org.signalbench.ui.main.MainWindow;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Benchmark, not a test (its name keeps it out of the normal run, and it needs
 * {@code -Dsignalbench.bench=true}): the time from a dealer keystroke (Y or N) to the next post's
 * caption and answers laid out on screen, over 1,000 posts of a 100,000-post workbench.
 *
 * <pre>mvn -q -B test -Dtest=AnnotateLatencyBenchmark -Dsignalbench.bench=true</pre>
 *
 * The workbench is made once (the sample generator's 100,000 posts without images, imported with
 * {@link ImportService}) and kept in {@code target/bench/} for later runs. The clock starts when
 * the key event reaches the window and stops at the first layout pulse that shows the next post.
 */
@ExtendWith(ApplicationExtension.class)
class AnnotateLatencyBenchmark {
    private static final int POSTS = 100_000;
    private static final int WARM_UP = 20;
    private static final int MEASURED = 1_000;

    static final Path BENCH_DIR = Path.of("target", "bench").toAbsolutePath();
    static Path file;
    final ExecutorService executor = BackgroundExecutor.create();
    Stage stage;

    @BeforeAll
    static void makeWorkbench() throws Exception {
        Assumptions.assumeTrue(Boolean.getBoolean("signalbench.bench"), "benchmark: run with -Dsignalbench.bench=true");
        file = workbench(BENCH_DIR);
    }

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        Path benchDir = BENCH_DIR;
        // Without the preprocessing job, which would otherwise run over the 100,000 posts meanwhile.
        MainWindow.open(stage, new AppConfig(file, false, executor, PostImporter.UNAVAILABLE, () -> benchDir, null,
                FileDialogs.NATIVE));
    }

    /** The 100,000-post workbench, made on the first run. */
    private static Path workbench(Path benchDir) throws Exception {
        Path file = benchDir.resolve("annotate-" + POSTS + ".sqlite");
        if (Files.exists(file)) {
            try (Workbench workbench = Workbench.open(file)) {
                if (new PostQuery(workbench.connection()).count(PostQuery.Filter.ALL) >= POSTS) {
                    return file;
                }
            }
            Files.delete(file);
        }
        Path corpus = benchDir.resolve("corpus-" + POSTS);
        CliRun made = CliRun.of("sample", "--out", corpus.toString(), "--posts", Integer.toString(POSTS), "--no-images");
        assertEquals(0, made.exit(), made.err());
        try (Workbench workbench = Workbench.open(file)) {
            new ImportService(workbench, org.signalbench.testing.Labelling.CODEBOOK).run(List.of(corpus), null, JobContext.NONE);
        }
        return file;
    }

    @AfterEach
    void stop() throws Exception {
        executor.shutdownNow();
    }

    @Test
    void keystrokeToNextPost(FxRobot robot) throws Exception {
        AnnotationUi.openAnnotate(robot, coderCount());
        // A new coder: the whole workbench is unlabeled for them, as on a first day of coding.
        AnnotationUi.signIn(robot, "bench_" + System.currentTimeMillis(), "coder");
        waitLong("the first post of the queue", () -> !AnnotationUi.shownCaption(robot).isEmpty());

        TextFlow caption = robot.lookup("#annotateView #captionFlow").queryAs(TextFlow.class);
        ToggleButton yes = robot.lookup("#answer-dealer-yes").queryAs(ToggleButton.class);
        ToggleButton no = robot.lookup("#answer-dealer-no").queryAs(ToggleButton.class);
        ToggleButton exchangeNo = robot.lookup("#answer-exchange-no").queryAs(ToggleButton.class);
        Scene scene = stage.getScene();
        List<Long> nanos = Collections.synchronizedList(new ArrayList<>());
        // Also when the new caption's nodes were set (the save done and the post handed to the FX
        // thread), to tell the app's work from the wait for the next layout pulse.
        List<Long> updated = Collections.synchronizedList(new ArrayList<>());
        long[] pressedAt = {0};
        String[] before = {null};
        CountDownLatch[] shown = {null};
        WaitForAsyncUtils.asyncFx(() -> {
            scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
                if (e.getCode() == KeyCode.Y || e.getCode() == KeyCode.N) {
                    pressedAt[0] = System.nanoTime();
                    before[0] = AnnotationUi.text(caption);
                }
            });
            caption.getChildren().addListener((javafx.collections.ListChangeListener<javafx.scene.Node>) change -> {
                if (pressedAt[0] != 0 && updated.size() == nanos.size()) {
                    updated.add(System.nanoTime() - pressedAt[0]);
                }
            });
            // Laid out with the next caption, and its (empty) answers on the buttons.
            scene.addPostLayoutPulseListener(() -> {
                if (pressedAt[0] != 0 && !AnnotationUi.text(caption).equals(before[0]) && !yes.isSelected() && !no.isSelected()) {
                    nanos.add(System.nanoTime() - pressedAt[0]);
                    pressedAt[0] = 0;
                    shown[0].countDown();
                }
            });
        }).get();

        for (int i = 0; i < WARM_UP + MEASURED; i++) {
            // The dealer answer moves on only once the post's other questions are answered: "no channel" and
            // "no exchange" first (not timed), then the timed dealer key completes the post.
            robot.type(KeyCode.DIGIT0);
            robot.press(KeyCode.SHIFT).type(KeyCode.X).release(KeyCode.SHIFT);
            waitLong("the follow-up answers of post " + i, exchangeNo::isSelected);
            shown[0] = new CountDownLatch(1);
            robot.type(i % 7 == 0 ? KeyCode.Y : KeyCode.N);
            assertTrue(shown[0].await(30, TimeUnit.SECONDS), "post " + i + " was not shown");
            if (i == WARM_UP - 1) {
                nanos.clear();
                updated.clear();
            }
        }
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        assertEquals(MEASURED, sorted.size());
        String figures = String.format(Locale.ROOT, "annotate keystroke to next post over %d posts of %s posts, %d cores: %s "
                        + "(of which until the new post is handed to the window: %s)", MEASURED, total(robot),
                Runtime.getRuntime().availableProcessors(), percentiles(sorted), percentiles(new ArrayList<>(updated)));
        System.out.println(figures);
        Files.writeString(file.resolveSibling("annotate-latency.txt"), figures + System.lineSeparator());
    }

    private int coderCount() throws Exception {
        try (Workbench workbench = Workbench.open(file)) {
            return org.signalbench.testing.Labelling.labelStore(workbench.connection()).coders().size();
        }
    }

    private static String total(FxRobot robot) {
        String progress = robot.lookup("#progressLabel").queryLabeled().getText();
        return progress.substring(progress.indexOf("/ ") + 2, progress.indexOf(" done"));
    }

    private static String percentiles(List<Long> nanos) {
        Collections.sort(nanos);
        return String.format(Locale.ROOT, "p50 %.1f ms, p95 %.1f ms, max %.1f ms", ms(nanos.get(nanos.size() / 2)),
                ms(nanos.get((int) Math.ceil(0.95 * nanos.size()) - 1)), ms(nanos.get(nanos.size() - 1)));
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }

    private static void waitLong(String what, BooleanSupplier condition) {
        try {
            WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(condition::getAsBoolean).get());
        } catch (Exception e) {
            throw new AssertionError("timed out waiting until " + what, e);
        }
    }
}
