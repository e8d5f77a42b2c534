package org.signalbench.ui.links;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Executors;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.signalbench.links.PageScreenshots;

/**
 * The off-screen WebView against a page served on loopback by the test (no outside network), in
 * the headless JavaFX the tests run with: a fixed viewport, JavaScript off unless asked, a time-out.
 */
class WebViewScreenshotsTest {
    static HttpServer server;
    static String base;
    static PageScreenshots engine;

    @BeforeAll
    static void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        // red without JavaScript; the script paints it blue
        server.createContext("/page", ex -> send(ex, "<html><head><title>Pills</title></head>"
                + "<body style='margin:0;background:#ff0000'><script>document.body.style.background='#0000ff';</script>"
                + "<div style='height:2000px'>no prescription</div></body></html>"));
        server.createContext("/slow", ex -> {
            try {
                Thread.sleep(4_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            send(ex, "<html><body>late</body></html>");
        });
        server.setExecutor(Executors.newCachedThreadPool());
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
        engine = new WebViewScreenshots.Provider().start();
    }

    @AfterAll
    static void stop() {
        server.stop(0);
    }

    private static void send(HttpExchange ex, String html) throws IOException {
        byte[] bytes = html.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
        ex.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static BufferedImage image(PageScreenshots.Shot shot) throws IOException {
        assertNotNull(shot.png(), shot.problem());
        return ImageIO.read(new ByteArrayInputStream(shot.png()));
    }

    @Test
    void aPageIsDrawnInTheFixedViewportWithJavaScriptOffByDefault() throws IOException {
        PageScreenshots.Options options = new PageScreenshots.Options(640, 400, Duration.ofSeconds(20), false, "test");
        PageScreenshots.Shot shot = engine.take(base + "/page", options);
        assertTrue(shot.complete(), shot.problem());
        assertNull(shot.problem());
        BufferedImage png = image(shot);
        assertEquals(640, png.getWidth());
        assertEquals(400, png.getHeight());
        assertEquals(0xff0000, png.getRGB(320, 200) & 0xffffff, "the script did not run");

        BufferedImage withScript = image(engine.take(base + "/page", options.withJavaScript(true)));
        assertEquals(0x0000ff, withScript.getRGB(320, 200) & 0xffffff, "the script ran");
    }

    @Test
    void aPageThatDoesNotAnswerInTimeIsCutShort() {
        long started = System.nanoTime();
        PageScreenshots.Shot shot = engine.take(base + "/slow", new PageScreenshots.Options(320, 200, Duration.ofMillis(800), false, "t"));
        assertFalse(shot.complete());
        assertTrue(shot.problem().contains("had not finished loading"), shot.problem());
        assertTrue(System.nanoTime() - started < 3_500_000_000L, "gave up before the server answered");
    }

    @Test
    void aRefusedConnectionGivesNoScreenshot() throws IOException {
        int closed;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = s.getLocalPort();
        }
        PageScreenshots.Shot shot = engine.take("http://127.0.0.1:" + closed + "/", new PageScreenshots.Options(320, 200,
                Duration.ofSeconds(10), false, "t"));
        assertNull(shot.png());
        assertTrue(shot.problem().startsWith("the page did not load"), shot.problem());
    }
}
