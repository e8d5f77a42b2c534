package org.signalbench.ui;

import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.stage.Window;
import org.signalbench.store.TestPosts.TestComment;
import org.signalbench.store.TestPosts;
import org.signalbench.store.Workbench;
import org.signalbench.ui.common.BackgroundExecutor;
import org.signalbench.ui.importing.FileDialogs;
import org.signalbench.ui.importing.PostImporter;
import org.signalbench.ui.preprocessing.CorpusExplainer;
import org.testfx.util.WaitForAsyncUtils;

/** What UI tests run the window on: a temp workbench with a few posts, and fakes for the outside world. */
public final class FakeWorld {
    static final String DEALER_CAPTION = "legit plug 💊 #xanax and #2mgXanax bars, wickr: frosty_tabs_44";

    final Path dir;
    final ExecutorService executor = BackgroundExecutor.create();
    Path chosenFolder;
    /** What File → Open workbench… answers; null for cancel. */
    Path workbenchToOpen;
    /** What File → New workbench… answers; null for cancel. */
    Path newWorkbench;

    /** Makes File → New workbench… answer {@code file}. */
    public void answerNewWorkbench(Path file) {
        newWorkbench = file;
    }

    public FakeWorld(Path dir) {
        this.dir = dir;
        this.chosenFolder = dir.resolve("incoming");
    }

    /** Writes three posts into a new workbench at {@code file}. */
    static void fillWorkbench(Path file) throws Exception {
        try (Workbench workbench = Workbench.open(file)) {
            TestPosts posts = new TestPosts(workbench.connection());
            posts.insert("instagram", "Bq3x9kLmN0a", "frosty_tabs_44", "2018-07-19T14:03:11Z", DEALER_CAPTION,
                    List.of("#xanax", "#2mgxanax"),
                    List.of(new TestComment("night_owl_21", "price for 20? #asking"),
                            new TestComment("frosty_tabs_44", "dm me on wickr")),
                    List.of(), List.of("https://example.com/menu"));
            posts.insert("instagram", "Bq4aaaaaaa1", "sober_sunrise_7", "2018-07-20T09:00:00Z",
                    "#recovery #oxy #day90", "#oxy");
            posts.insert("twitter", "1019990000000000001", "county_health_news", "2018-07-21T10:00:00Z",
                    "Overdose helpline 213-555-0142, open 24/7 #naloxone", "#oxycodone");
        }
    }

    public AppConfig config(Path workbench, boolean isDefault, PostImporter importer) {
        return new AppConfig(workbench, isDefault, executor, importer, () -> dir.resolve("sample"), CorpusExplainer.factory(new org.signalbench.app.WorkbenchCorpus(org.signalbench.app.Settings.load())), dialogs());
    }

    FileDialogs dialogs() {
        return new FileDialogs() {
            @Override
            public Optional<Path> chooseFolder(Window owner, String title) {
                return Optional.of(chosenFolder);
            }

            @Override
            public List<Path> chooseFiles(Window owner, String title) {
                return List.of(chosenFolder.resolve("posts.jsonl"));
            }

            @Override
            public Optional<Path> chooseWorkbenchToOpen(Window owner) {
                return Optional.ofNullable(workbenchToOpen);
            }

            @Override
            public Optional<Path> chooseNewWorkbench(Window owner) {
                return Optional.ofNullable(newWorkbench);
            }

            @Override
            public Optional<Path> chooseCsvToWrite(Window owner, String title, String initialName) {
                return Optional.of(dir.resolve("exports").resolve(initialName));
            }
        };
    }

    /** Inserts {@code count} posts named {@code prefix0..} over a connection of its own, as an importer would. */
    static void insertPosts(Workbench workbench, String prefix, int from, int to) throws Exception {
        try (Connection c = workbench.newConnection()) {
            TestPosts posts = new TestPosts(c);
            for (int i = from; i < to; i++) {
                posts.insert("instagram", prefix + i, "imported_" + i, "2018-08-01T00:00:0" + (i % 10) + "Z",
                        "imported post " + i + " #xanax", "#xanax");
            }
        }
    }

    public static void waitUntil(String what, BooleanSupplier condition) {
        try {
            // Checked on the FX thread, where the state it reads lives.
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                    () -> WaitForAsyncUtils.asyncFx(condition::getAsBoolean).get());
        } catch (Exception e) {
            throw new AssertionError("timed out waiting until " + what, e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    public void close() throws Exception {
        executor.shutdownNow();
        executor.awaitTermination(5, TimeUnit.SECONDS);
    }
}
