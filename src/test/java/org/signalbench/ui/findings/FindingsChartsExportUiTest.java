package org.signalbench.ui.findings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import javafx.stage.Window;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.signalbench.app.Settings;
import org.signalbench.findings.Charts;
import org.signalbench.jobs.JobManager;
import org.signalbench.store.Workbench;
import org.signalbench.ui.common.BackgroundExecutor;
import org.signalbench.ui.common.CurrentWorkbench;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Findings view's exports into a chosen folder as a job: "Export all…" (every table as CSV,
 * every chart as SVG and PNG) and the selected table's charts, and the "computing…" placeholder the table shows until the findings arrive
 * (issue 13 item 10: it said "No columns in table").
 */
@ExtendWith(ApplicationExtension.class)
class FindingsChartsExportUiTest {
    @TempDir
    static Path dir;
    /** The findings computation waits here until the test lets it run. */
    final ConcurrentLinkedQueue<Runnable> held = new ConcurrentLinkedQueue<>();
    final ExecutorService jobsExecutor = BackgroundExecutor.create();
    volatile Path folder;
    FindingsViewModel model;
    Workbench workbench;

    @Start
    void start(Stage stage) throws Exception {
        Path here = Files.createDirectories(dir.resolve("t" + System.nanoTime()));
        Path file = here.resolve("study.sqlite");
        FindingsUiTest.fillWorkbench(file, here);
        workbench = Workbench.open(file);
        CurrentWorkbench current = new CurrentWorkbench();
        Settings settings = Settings.load();
        model = new FindingsViewModel(current, held::add, new JobManager(jobsExecutor),
                new LexiconStore(here.resolve("lexicon.json"), settings.lexicons()), settings.codebook());
        FindingsFiles files = new FindingsFiles() {
            @Override
            public Optional<Path> chooseSaveFile(Window owner, String title, String initialName, FileType... filters) {
                return Optional.empty();
            }

            @Override
            public Optional<Path> chooseFolder(Window owner, String title) {
                return Optional.ofNullable(folder);
            }

            @Override
            public Path editableLexicon() {
                return here.resolve("lexicon.json");
            }
        };
        stage.setScene(new Scene(new FindingsController(model, files).view(), 1100, 700));
        stage.show();
        current.workbenchProperty().set(workbench);
        model.activeProperty().set(true);
    }

    @AfterEach
    void stop() throws Exception {
        jobsExecutor.shutdownNow();
        jobsExecutor.awaitTermination(5, TimeUnit.SECONDS);
        workbench.close();
    }

    private void computeFindings() {
        Runnable r;
        while ((r = held.poll()) != null) {
            new Thread(r).start();
        }
        FindingsUiTest.waitUntil("the findings", () -> model.shownBinding().get() != null);
    }

    @Test
    void theTableSaysComputingUntilTheFindingsArrive(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        TableView<?> table = robot.lookup("#findingsTable").queryAs(TableView.class);
        assertTrue(model.computingProperty().get());
        assertEquals("Computing the findings…", ((Label) table.getPlaceholder()).getText());
        computeFindings();
        FindingsUiTest.waitUntil("the columns", () -> !table.getColumns().isEmpty());
        assertEquals("Drug hashtags in dealer posts (Table 2)", robot.lookup("#findingsTitle").queryAs(Label.class).getText());
    }

    @Test
    void everyTableAndChartAndOneTablesChartsGoOut(FxRobot robot) throws Exception {
        computeFindings();
        List<Charts.Chart> all = model.allCharts();
        assertTrue(all.stream().anyMatch(c -> c.name().equals("drug-hashtags-xanax")), all.toString());

        folder = dir.resolve("all-" + System.nanoTime());
        robot.clickOn("#exportAll");
        FindingsUiTest.waitUntil("every chart", () -> all.stream().allMatch(c -> Files.exists(folder.resolve(c.name() + ".png"))));
        // every table as CSV too, as shown (masked): the same text as "Copy as CSV"
        for (org.signalbench.findings.Table t : model.shownBinding().get().tables()) {
            Path csv = folder.resolve(t.key() + ".csv");
            FindingsUiTest.waitUntil(csv.toString(), () -> Files.exists(csv));
            assertEquals(org.signalbench.findings.TableFormat.CSV.render(t), Files.readString(csv));
        }
        assertFalse(Files.readString(folder.resolve("top-accounts.csv")).contains(FindingsUiTest.DEALER), "masked");
        for (Charts.Chart c : all) {
            BufferedImage png = ImageIO.read(folder.resolve(c.name() + ".png").toFile());
            assertNotNull(png, c.name());
            assertEquals(Math.round(c.width() * Charts.PNG_SCALE), png.getWidth());
            assertEquals(Math.round(c.height() * Charts.PNG_SCALE), png.getHeight());
            assertEquals("svg", DocumentBuilderFactory.newInstance().newDocumentBuilder()
                    .parse(folder.resolve(c.name() + ".svg").toFile()).getDocumentElement().getTagName());
        }
        int tables = model.shownBinding().get().tables().size();
        FindingsUiTest.waitUntil("the status", () -> robot.lookup("#findingsStatus").queryAs(Label.class).getText()
                .equals("Exported " + tables + " tables and " + all.size() + " charts (SVG and PNG) to " + folder + ", masked"));

        // the Table 2 section is selected: its charts only
        folder = dir.resolve("table2-" + System.nanoTime());
        robot.clickOn("#exportCharts");
        List<String> table2 = all.stream().filter(c -> c.tableKey().equals("drug-hashtags")).map(Charts.Chart::name).toList();
        FindingsUiTest.waitUntil("Table 2's charts", () -> table2.stream().allMatch(n -> Files.exists(folder.resolve(n + ".svg"))
                && Files.exists(folder.resolve(n + ".png"))));
        try (var files = Files.list(folder)) {
            assertEquals(2L * table2.size(), files.count());
        }
        assertFalse(Files.readString(folder.resolve("drug-hashtags-xanax.svg")).contains("<script"));
    }
}
