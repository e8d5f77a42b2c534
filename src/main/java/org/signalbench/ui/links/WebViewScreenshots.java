package org.signalbench.ui.links;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.concurrent.Worker;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.scene.web.WebEngine;
import javafx.scene.web.WebView;
import javafx.stage.Stage;
import javafx.stage.StageStyle;
import javafx.util.Duration;
import javax.imageio.ImageIO;
import org.signalbench.links.PageScreenshots;

/**
 * Screenshots with an off-screen JavaFX {@link WebView}: a window placed far outside the screen, a
 * fixed viewport, the page's JavaScript off unless asked, a time-out after which what has loaded is
 * drawn (and the shot marked incomplete). THIS CONTACTS THE SITE and whatever the page loads (images,
 * style sheets; scripts too when JavaScript is on). {@link #take} waits on the calling thread, which
 * must not be the JavaFX thread.
 */
public final class WebViewScreenshots implements PageScreenshots {
    /** How long after the page has loaded the view is given to lay out and paint before the snapshot. */
    private static final Duration SETTLE = Duration.millis(400);

    private WebViewScreenshots() {
    }

    /**
     * The engine, with the JavaFX toolkit running: started here when it is not (the command line),
     * then kept running when its last window closes; in the app it already runs.
     */
    public static WebViewScreenshots start() {
        try {
            CompletableFuture<Void> started = new CompletableFuture<>();
            Platform.startup(() -> started.complete(null));
            Platform.setImplicitExit(false);
            started.get(30, TimeUnit.SECONDS);
        } catch (IllegalStateException alreadyRunning) {
            // the app (or a test) started the toolkit: nothing to do
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting JavaFX", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("JavaFX did not start: " + e.getMessage(), e);
        }
        return new WebViewScreenshots();
    }

    /** Found by {@link PageScreenshots#find} through {@code META-INF/services}. */
    public static final class Provider implements PageScreenshots.Provider {
        @Override
        public PageScreenshots start() {
            return WebViewScreenshots.start();
        }
    }

    @Override
    public Shot take(String url, Options options) {
        if (Platform.isFxApplicationThread()) {
            throw new IllegalStateException("screenshots wait for the page: call take() from a background thread");
        }
        CompletableFuture<Shot> result = new CompletableFuture<>();
        Platform.runLater(() -> load(url, options, result));
        long wait = options.timeout().toMillis() + 2 * (long) SETTLE.toMillis() + 10_000;
        try {
            return result.get(wait, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            return Shot.failed("no screenshot within " + wait + " ms (the JavaFX thread is busy)");
        } catch (ExecutionException e) {
            return Shot.failed("screenshot failed: " + e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Shot.failed("interrupted");
        }
    }

    /** On the JavaFX thread: an off-screen window with the view, the page loaded, the snapshot when it has loaded or time is up. */
    private static void load(String url, Options options, CompletableFuture<Shot> result) {
        try {
            WebView view = new WebView();
            view.setContextMenuEnabled(false);
            view.setPrefSize(options.width(), options.height());
            WebEngine engine = view.getEngine();
            engine.setJavaScriptEnabled(options.javaScript());
            engine.setUserAgent(options.userAgent());
            Stage stage = new Stage(StageStyle.UTILITY);
            stage.setTitle("SignalBench screenshot (off-screen)");
            stage.setScene(new Scene(view, options.width(), options.height()));
            stage.setX(-20_000); // off-screen: nobody sees the site, nothing takes the focus
            stage.setY(-20_000);
            stage.show();
            AtomicBoolean done = new AtomicBoolean();
            PauseTransition timeout = new PauseTransition(Duration.millis(options.timeout().toMillis()));
            java.util.function.BiConsumer<Boolean, String> finish = (complete, problem) -> {
                if (!done.compareAndSet(false, true)) {
                    return;
                }
                timeout.stop();
                PauseTransition settle = new PauseTransition(SETTLE);
                settle.setOnFinished(e -> {
                    try {
                        WritableImage image = view.snapshot(null, new WritableImage(options.width(), options.height()));
                        result.complete(new Shot(png(image), complete, problem));
                    } catch (IOException | RuntimeException ex) {
                        result.complete(Shot.failed("cannot draw the page: " + ex.getMessage()));
                    } finally {
                        engine.load(null);
                        stage.close();
                    }
                });
                settle.play();
            };
            engine.getLoadWorker().stateProperty().addListener((o, was, now) -> {
                if (now == Worker.State.SUCCEEDED) {
                    finish.accept(true, null);
                } else if (now == Worker.State.FAILED && !done.get()) {
                    Throwable why = engine.getLoadWorker().getException();
                    done.set(true);
                    timeout.stop();
                    engine.load(null);
                    stage.close();
                    result.complete(Shot.failed("the page did not load" + (why == null ? "" : ": " + why.getMessage())));
                }
            });
            timeout.setOnFinished(e -> finish.accept(false, "the page had not finished loading after "
                    + options.timeout().toSeconds() + " s: the screenshot shows what had loaded"));
            timeout.play();
            engine.load(url);
        } catch (RuntimeException e) {
            result.complete(Shot.failed("cannot open the page: " + e.getMessage()));
        }
    }

    private static byte[] png(WritableImage image) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (!ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", out)) {
            throw new IOException("no PNG writer");
        }
        return out.toByteArray();
    }
}
