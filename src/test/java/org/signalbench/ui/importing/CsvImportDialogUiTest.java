package org.signalbench.ui.importing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import javafx.stage.Window;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.signalbench.domain.Platform;
import org.signalbench.importing.CsvOptions;
import org.signalbench.importing.ImportReport;
import org.signalbench.importing.ImportService;
import org.signalbench.jobs.JobContext;
import org.signalbench.store.Workbench;
import org.signalbench.testing.Labelling;
import org.signalbench.ui.AppConfig;
import org.signalbench.ui.common.BackgroundExecutor;
import org.signalbench.ui.main.MainWindow;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * File → Import CSV with column mapping…, headless: the preview of a European Excel file (semicolons,
 * windows-1252), the encoding and delimiter detected and changeable, a column chosen per field, the
 * time format checked live on the preview rows, drop retweets, and the import run as a job with the
 * same options the command line takes. With {@code -Dsignalbench.screenshots=true} it also writes
 * docs/screenshots/csv-import.png (the dialog at 1280×720).
 */
@ExtendWith(ApplicationExtension.class)
class CsvImportDialogUiTest {
    static final Charset CP1252 = Charset.forName("windows-1252");

    @TempDir
    static Path dir;
    final ExecutorService executor = BackgroundExecutor.create();
    Path csv;
    /** What File → Import files… answers (the CSV file unless a test says otherwise). */
    volatile List<Path> chosen;
    Path workbench;
    MainWindow window;

    @Start
    void start(Stage stage) throws Exception {
        csv = dir.resolve("excel-export.csv");
        // Column names no alias matches (Kennung, Datum, Geteilt), local times with a dot-date.
        String text = "Kennung;Text;Nutzer;Datum;Geteilt\r\n"
                + "Ex001;Grüße aus München – Preis 20 € #xanax;händler_a;19.07.2018 14:03;nein\r\n"
                + "Ex002;\"Ruf an: 555-0142; oder mail an kontakt@example.com\";vendeur_b;20.07.2018 08:00;0\r\n"
                + "Ex003;RT @händler_a: Grüße aus München;fan_c;20.07.2018 09:15;ja\r\n"
                + "Ex004;café à côté, 555-0177;vendeur_b;21.07.2018 23:59;\r\n";
        Files.write(csv, text.getBytes(CP1252));
        chosen = List.of(csv);
        workbench = dir.resolve("csv-" + System.nanoTime() + ".sqlite");
        Workbench.open(workbench).close();
        PostImporter importer = new PostImporter() {
            @Override
            public ImportReport run(Workbench wb, List<Path> sources, JobContext job) throws Exception {
                return run(wb, sources, CsvOptions.DEFAULT, job);
            }

            @Override
            public ImportReport run(Workbench wb, List<Path> sources, CsvOptions options, JobContext job) throws Exception {
                return new ImportService(wb, Labelling.CODEBOOK).run(sources, null, job, null, options);
            }
        };
        FileDialogs dialogs = new FileDialogs() {
            @Override
            public Optional<Path> chooseFolder(Window owner, String title) {
                return Optional.empty();
            }

            @Override
            public List<Path> chooseFiles(Window owner, String title) {
                return chosen;
            }

            @Override
            public Optional<Path> chooseWorkbenchToOpen(Window owner) {
                return Optional.empty();
            }

            @Override
            public Optional<Path> chooseNewWorkbench(Window owner) {
                return Optional.empty();
            }
        };
        window = MainWindow.open(stage, new AppConfig(workbench, false, executor, importer, () -> dir.resolve("sample"),
                null, dialogs));
        stage.setWidth(1280);
        stage.setHeight(720);
    }

    @AfterEach
    void stop() throws Exception {
        executor.shutdownNow();
        executor.awaitTermination(10, TimeUnit.SECONDS);
    }

    static void waitUntil(String what, BooleanSupplier condition) {
        try {
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> condition.getAsBoolean());
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("timed out waiting for " + what, e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    @SuppressWarnings("unchecked")
    private static ComboBox<String> combo(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(ComboBox.class);
    }

    private static String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    private static Button importButton(FxRobot robot) {
        return robot.lookup("#csvImportButton").queryAs(Button.class);
    }

    /** Opens the dialog from the File menu and waits for its preview. */
    private static void openDialog(FxRobot robot) {
        robot.clickOn("File").clickOn("Import CSV with column mapping…");
        waitUntil("the preview", () -> robot.lookup("#csvPreview").tryQuery().isPresent()
                && robot.lookup("#csvPreview").queryAs(TableView.class).getItems().size() == 4);
    }

    @Test
    void mapsColumnsChecksTheTimeFormatAndImportsAsAJob(FxRobot robot) throws Exception {
        openDialog(robot);
        // Detected, shown in the boxes that change them.
        assertEquals("windows-1252", combo(robot, "#csvEncoding").getValue());
        assertEquals(";", combo(robot, "#csvDelimiter").getValue());
        assertEquals("Read as windows-1252, cells separated by semicolons", text(robot, "#csvDetected"));
        TableView<?> preview = robot.lookup("#csvPreview").queryAs(TableView.class);
        assertEquals(List.of("Kennung", "Text", "Nutzer", "Datum", "Geteilt"),
                preview.getColumns().stream().map(c -> c.getText()).toList());
        assertEquals("Grüße aus München – Preis 20 € #xanax", preview.getColumns().get(1).getCellData(0));
        // Matched by alias: Text is the caption; nothing holds the id yet, so Import waits.
        assertEquals("Text", combo(robot, "#csvField-caption").getValue());
        assertEquals(CsvImportDialog.NONE, combo(robot, "#csvField-external_id").getValue());
        assertTrue(importButton(robot).isDisabled());
        assertTrue(text(robot, "#csvProblem").contains("no column for the field 'external_id'"), text(robot, "#csvProblem"));

        robot.interact(() -> {
            combo(robot, "#csvField-external_id").setValue("Kennung");
            combo(robot, "#csvField-author").setValue("Nutzer");
        });
        assertTrue(text(robot, "#csvProblem").contains("no column for the field 'platform'"), text(robot, "#csvProblem"));
        robot.interact(() -> robot.lookup("#csvPlatform").queryAs(ComboBox.class).getSelectionModel().select(Platform.INSTAGRAM));
        assertEquals("", text(robot, "#csvProblem"));
        assertFalse(importButton(robot).isDisabled());

        // The time column: the default ISO reading fails on every preview row, so Import waits for a format.
        robot.interact(() -> combo(robot, "#csvField-posted_at").setValue("Datum"));
        assertTrue(text(robot, "#csvTimeCheck").startsWith("0 of 4 times in the preview read; line 2: posted_at '19.07.2018 14:03'"),
                text(robot, "#csvTimeCheck"));
        assertTrue(importButton(robot).isDisabled());
        robot.clickOn("#csvTimeFormat").write("dd.MM.yyyy HH:mm");
        waitUntil("the time check", () -> text(robot, "#csvTimeCheck").startsWith("All 4 times"));
        assertEquals("All 4 times in the preview read, e.g. 19.07.2018 14:03 → 2018-07-19T14:03:00Z", text(robot, "#csvTimeCheck"));
        robot.doubleClickOn("#csvTimeZone").write("Europe/Berlin");
        waitUntil("the zone", () -> text(robot, "#csvTimeCheck").endsWith("2018-07-19T12:03:00Z"));

        robot.interact(() -> combo(robot, "#csvField-retweet").setValue("Geteilt"));
        robot.clickOn("#csvDropRetweets");
        assertFalse(importButton(robot).isDisabled());
        robot.clickOn("#csvImportButton");

        waitUntil("the summary", () -> robot.lookup("#importCounts").tryQuery().isPresent());
        assertEquals("Imported: 3\nDuplicates: 0\nLabels: 0\nLeft out: 1 retweet\nRejected: 0",
                robot.lookup("#importCounts").queryAs(Label.class).getText());
        robot.clickOn("OK");
        try (Workbench wb = Workbench.open(workbench); Statement st = wb.connection().createStatement();
             ResultSet rs = st.executeQuery("SELECT external_id, platform, author, posted_at, caption FROM post ORDER BY external_id")) {
            List<String> rows = new ArrayList<>();
            while (rs.next()) {
                rows.add(String.join("|", rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)));
            }
            assertEquals(List.of(
                    "Ex001|instagram|händler_a|2018-07-19T12:03:00Z|Grüße aus München – Preis 20 € #xanax",
                    "Ex002|instagram|vendeur_b|2018-07-20T06:00:00Z|Ruf an: 555-0142; oder mail an kontakt@example.com",
                    "Ex004|instagram|vendeur_b|2018-07-21T21:59:00Z|café à côté, 555-0177"), rows);
        }
    }

    @Test
    void theFileMenuDropsRetweetsOfTwitterImportsToo(FxRobot robot) throws Exception {
        Path tweets = dir.resolve("stream-" + System.nanoTime() + ".jsonl");
        Files.writeString(tweets, "{\"id_str\": \"1050000000000000401\", \"text\": \"own words 555-0111\", "
                + "\"user\": {\"screen_name\": \"made_up_s\"}}\n"
                + "{\"id_str\": \"1050000000000000402\", \"text\": \"RT @made_up_s: own words 555-0111\", "
                + "\"user\": {\"screen_name\": \"made_up_t\"}, \"retweeted_status\": {\"id_str\": \"1050000000000000401\", "
                + "\"text\": \"own words 555-0111\", \"user\": {\"screen_name\": \"made_up_s\"}}}\n");
        chosen = List.of(tweets);
        robot.clickOn("File").clickOn("Drop retweets when importing");
        robot.clickOn("File").clickOn("Import files…");
        waitUntil("the summary", () -> robot.lookup("#importCounts").tryQuery().isPresent());
        assertEquals("Imported: 1\nDuplicates: 0\nLabels: 0\nLeft out: 1 retweet\nRejected: 0",
                robot.lookup("#importCounts").queryAs(Label.class).getText());
        robot.clickOn("OK");
        // The CSV dialog starts with the same choice.
        chosen = List.of(csv);
        openDialog(robot);
        assertTrue(robot.lookup("#csvDropRetweets").queryAs(javafx.scene.control.CheckBox.class).isSelected());
        robot.clickOn("Cancel");
    }

    @Test
    void changingTheEncodingRereadsThePreview(FxRobot robot) {
        openDialog(robot);
        robot.interact(() -> combo(robot, "#csvEncoding").setValue("UTF-8"));
        waitUntil("the refusal", () -> text(robot, "#csvProblem").contains("is not UTF-8 text"));
        assertTrue(text(robot, "#csvProblem").startsWith("line 2: byte 0xFC is not UTF-8 text"), text(robot, "#csvProblem"));
        assertTrue(importButton(robot).isDisabled());
        robot.interact(() -> combo(robot, "#csvEncoding").setValue("windows-1252"));
        waitUntil("the rows again", () -> robot.lookup("#csvPreview").queryAs(TableView.class).getItems().size() == 4
                && !text(robot, "#csvProblem").contains("UTF-8"));
        robot.interact(() -> combo(robot, "#csvEncoding").setValue("klingon-8"));
        assertEquals("unknown encoding 'klingon-8' (expected UTF-8, windows-1252, ISO-8859-1 or auto)", text(robot, "#csvProblem"));
        assertTrue(importButton(robot).isDisabled());
        robot.interact(() -> combo(robot, "#csvEncoding").setValue("windows-1252"));
        waitUntil("the file read again", () -> !text(robot, "#csvProblem").contains("klingon"));
        robot.interact(() -> combo(robot, "#csvDelimiter").setValue(","));
        waitUntil("one column", () -> robot.lookup("#csvPreview").queryAs(TableView.class).getColumns().size() == 1);
        robot.clickOn("Cancel");
    }

    @Test
    void theDialogFitsA1280x720Screen(FxRobot robot) throws Exception {
        openDialog(robot);
        robot.interact(() -> {
            combo(robot, "#csvField-external_id").setValue("Kennung");
            combo(robot, "#csvField-author").setValue("Nutzer");
            combo(robot, "#csvField-posted_at").setValue("Datum");
            combo(robot, "#csvField-retweet").setValue("Geteilt");
            robot.lookup("#csvPlatform").queryAs(ComboBox.class).getSelectionModel().select(Platform.INSTAGRAM);
        });
        robot.clickOn("#csvTimeFormat").write("dd.MM.yyyy HH:mm");
        robot.clickOn("#csvDropRetweets");
        DialogPane pane = robot.lookup("#csvImportDialog").queryAs(DialogPane.class);
        Stage dialogStage = (Stage) pane.getScene().getWindow();
        robot.interact(() -> {
            dialogStage.setWidth(1280);
            dialogStage.setHeight(720);
        });
        WaitForAsyncUtils.waitForFxEvents();
        double width = pane.getScene().getWidth();
        double height = pane.getScene().getHeight();
        for (String id : List.of("#csvEncoding", "#csvDelimiter", "#csvPlatform", "#csvPreview", "#csvField-retweet",
                "#csvTimeFormat", "#csvTimeZone", "#csvTimeCheck", "#csvDropRetweets", "#csvImportButton")) {
            Node node = robot.lookup(id).query();
            Bounds b = node.localToScene(node.getLayoutBounds());
            assertTrue(b.getMinX() >= 0 && b.getMinY() >= 0 && b.getMaxX() <= width && b.getMaxY() <= height,
                    id + " at " + b + " outside the " + width + "×" + height + " dialog");
        }
        if (Boolean.getBoolean("signalbench.screenshots")) {
            Path out = Path.of(System.getProperty("signalbench.screenshots.out", "docs/screenshots")).resolve("csv-import.png");
            Files.createDirectories(out.getParent());
            javafx.scene.image.Image image = WaitForAsyncUtils.asyncFx(() -> pane.getScene().snapshot(null)).get(20, TimeUnit.SECONDS);
            ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", out.toFile());
        }
        robot.clickOn("Cancel");
    }
}
