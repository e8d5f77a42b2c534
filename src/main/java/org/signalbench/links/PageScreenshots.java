package org.signalbench.links;

import java.time.Duration;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * Takes a screenshot of a web page: THIS CONTACTS THE SITE (and whatever the page loads). The link
 * check's port for a browser engine; the app's implementation is an off-screen JavaFX
 * {@code WebView} in {@code ui.links}, found through {@link ServiceLoader} so that the logic and
 * command-line layers need no JavaFX. Implementations may block the calling thread (never the UI
 * thread) until the page is drawn or {@link Options#timeout} has passed.
 */
public interface PageScreenshots {
    /** A fixed viewport in CSS pixels, the time-out, and whether the page's JavaScript may run (off unless the user turns it on). */
    record Options(int width, int height, Duration timeout, boolean javaScript, String userAgent) {
        public Options {
            if (width < 100 || height < 100 || width > 4000 || height > 4000) {
                throw new IllegalArgumentException("viewport " + width + "x" + height + " is outside 100..4000 pixels");
            }
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("the screenshot time-out must be positive");
            }
        }

        public static Options defaults() {
            return new Options(1280, 900, Duration.ofSeconds(30), false, LinkChecker.Options.defaults().userAgent());
        }

        public Options withJavaScript(boolean on) {
            return new Options(width, height, timeout, on, userAgent);
        }

        public Options withTimeout(Duration t) {
            return new Options(width, height, t, javaScript, userAgent);
        }
    }

    /** A PNG of the viewport, or why there is none ({@code png} null). {@code complete} is false when the time-out cut the load short. */
    record Shot(byte[] png, boolean complete, String problem) {
        public static Shot failed(String problem) {
            return new Shot(null, false, problem);
        }
    }

    /** Loads {@code url} with the options and returns the viewport as PNG. */
    Shot take(String url, Options options);

    /**
     * The installed implementation, started and ready, or empty with the reason in {@code why}
     * (none on the class path, or its toolkit cannot start here, e.g. no display).
     */
    static Optional<PageScreenshots> find(StringBuilder why) {
        for (Provider provider : ServiceLoader.load(Provider.class)) {
            try {
                return Optional.of(provider.start());
            } catch (RuntimeException | LinkageError e) {
                why.append(provider.getClass().getSimpleName()).append(" cannot start: ")
                        .append(e.getMessage() == null ? e.toString() : e.getMessage());
                return Optional.empty();
            }
        }
        why.append("no screenshot engine on the class path");
        return Optional.empty();
    }

    /** A screenshot engine that can be found by {@link ServiceLoader} ({@code META-INF/services}). */
    interface Provider {
        /** Starts the engine (e.g. the JavaFX toolkit); throws when it cannot run here. */
        PageScreenshots start();
    }
}
