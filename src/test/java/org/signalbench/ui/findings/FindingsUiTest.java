package org.signalbench.ui.findings;

import org.signalbench.testing.Labelling;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.signalbench.testing.TestWorkbenches.insertPost;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.Clipboard;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.signalbench.findings.DrugLexicon;
import org.signalbench.findings.Masking;
import org.signalbench.importing.Rejection;
import org.signalbench.jobs.Job;
import org.signalbench.jobs.JobStatus;
import org.signalbench.store.Workbench;
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
 * The Findings tab over a small labelled workbench: Table 2 counts (a post with several hashtags of
 * one group, upper-case tags, a dealer post without hashtags, a non-dealer and a disputed post),
 * masked and unmasked copies, exports, the HTML report as a job, and the lexicon editor.
 */
@ExtendWith(ApplicationExtension.class)
class FindingsUiTest {
    static final String DEALER = "frosty_tabs_44";

    @TempDir
    static Path dir;
    final ExecutorService executor = BackgroundExecutor.create();
    Path workbenchFile;
    Path lexiconFile;
    /** What the save chooser answers next. */
    volatile Path saveAs;
    MainWindow window;

    @Start
    void start(Stage stage) throws Exception {
        Path here = Files.createDirectories(dir.resolve("t" + System.nanoTime()));
        workbenchFile = here.resolve("study.sqlite");
        lexiconFile = here.resolve("home/resources/lexicons/drug-hashtags.json");
        fillWorkbench(workbenchFile, here);
        FindingsFiles files = new FindingsFiles() {
            @Override
            public Optional<Path> chooseSaveFile(Window owner, String title, String initialName, FileType... filters) {
                return Optional.ofNullable(saveAs);
            }

            @Override
            public Path editableLexicon() {
                return lexiconFile;
            }
        };
        window = MainWindow.open(stage, new AppConfig(workbenchFile, false, executor, PostImporter.UNAVAILABLE,
                () -> here.resolve("sample"), null, FileDialogs.NATIVE, files));
    }

    @AfterEach
    void stop() throws Exception {
        executor.shutdownNow();
        executor.awaitTermination(5, TimeUnit.SECONDS);
    }

    private static String answer(String id, String values) {
        return "{\"platform\": \"instagram\", \"externalId\": \"" + id + "\", \"at\": \"2018-11-02T09:00:00Z\", \"values\": {" + values + "}}";
    }

    private static Path coderFile(Path dir, String name, String... answers) throws Exception {
        Path f = dir.resolve(name + ".json");
        Files.writeString(f, "{\"format\": \"signalbench-coder-file\", \"version\": 1, \"coder\": {\"name\": \"" + name
                + "\", \"role\": \"coder\"}, \"answers\": [" + String.join(",\n", answers) + "]}");
        return f;
    }

    /**
     * Four dealer posts (both coders say yes): D1 has #Xanax, #2mgxanax and #XANAX; D2 #xanaxfamily;
     * D3 #lsd25 and #LSDTABS; D4 no hashtag. N1 is no dealer, X1 is disputed: neither counts. D1 and
     * D2 share #xanaxplug, on no lexicon: the one hashtag discovered for the next loop.
     */
    static void fillWorkbench(Path file, Path dir) throws Exception {
        try (Workbench wb = Workbench.open(file)) {
            Connection c = wb.connection();
            insertPost(c, "instagram", "D1", DEALER, "#Xanax #2mgxanax #XANAX #xanaxplug bars, wickr: " + DEALER + " or text 213-555-0142");
            insertPost(c, "instagram", "D2", DEALER, "#xanaxfamily #XanaxPlug restock, kik me");
            insertPost(c, "instagram", "D3", "blotter_owl_17", "#lsd25 #LSDTABS tabs ready");
            insertPost(c, "instagram", "D4", "blotter_owl_17", "no tags here, dm for the menu");
            insertPost(c, "instagram", "N1", "sober_sunrise_7", "#xanax ruined my year, 90 days clean");
            insertPost(c, "instagram", "X1", "maybe_plug_9", "#xanax maybe");
            String dealer = "\"dealer\": \"yes\", \"channels\": \"wickr\", \"exchange\": \"no\"";
            List<Rejection> rejected = new ArrayList<>();
            for (String coder : List.of("coder_a", "coder_b")) {
                Labelling.importCoderFile(c, coderFile(dir, coder,
                        answer("D1", dealer), answer("D2", dealer), answer("D3", dealer), answer("D4", dealer),
                        answer("N1", "\"dealer\": \"no\""),
                        answer("X1", "\"dealer\": \"" + (coder.equals("coder_a") ? "yes" : "no") + "\"")), rejected::add);
            }
            assertEquals(List.of(), rejected);
        }
    }

    static void waitUntil(String what, BooleanSupplier condition) {
        try {
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(condition::getAsBoolean).get());
        } catch (Exception e) {
            throw new AssertionError("timed out waiting until " + what, e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Opens the Findings tab and waits for the first findings. */
    private void openFindings(FxRobot robot) {
        org.signalbench.ui.annotate.AnnotationUi.signInAsAnalyst(robot);
        robot.clickOn("Findings");
        waitUntil("the findings", () -> window.findings().shownBinding().get() != null);
    }

    /** The rows of the table on screen, as the cells' values. */
    @SuppressWarnings("unchecked")
    private static List<List<Object>> shownRows(FxRobot robot) {
        TableView<Object> table = robot.lookup("#findingsTable").queryAs(TableView.class);
        List<List<Object>> rows = new ArrayList<>();
        for (Object item : table.getItems()) {
            List<Object> cells = new ArrayList<>();
            for (TableColumn<Object, ?> column : table.getColumns()) {
                cells.add(column.getCellData(item));
            }
            rows.add(cells);
        }
        return rows;
    }

    /** The second cell of the rows drawn bold as totals. */
    @SuppressWarnings("unchecked")
    /**
     * The table's total rows (second column "Total"), after checking that every row drawn on screen
     * is bold exactly when it is a total: the table is virtual, so how many rows are drawn depends on
     * the window's height, and the data decide what the totals are.
     */
    private static List<Object> totalRows(FxRobot robot) {
        TableView<Object> table = robot.lookup("#findingsTable").queryAs(TableView.class);
        javafx.css.PseudoClass total = javafx.css.PseudoClass.getPseudoClass("total");
        int drawnTotals = 0;
        for (javafx.scene.control.TableRow<Object> r : robot.lookup(".table-row-cell").queryAllAs(javafx.scene.control.TableRow.class)) {
            if (r.getItem() != null && r.getTableView() == table) {
                boolean isTotal = "Total".equals(table.getColumns().get(1).getCellData(r.getItem()));
                assertEquals(isTotal, r.getPseudoClassStates().contains(total), "row " + r.getItem());
                drawnTotals += isTotal ? 1 : 0;
            }
        }
        List<Object> totals = table.getItems().stream().map(i -> table.getColumns().get(1).getCellData(i))
                .filter("Total"::equals).map(Object.class::cast).toList();
        assertTrue(totals.isEmpty() || drawnTotals > 0, "no total row drawn");
        return totals;
    }

    private static List<Object> row(Object... cells) {
        return List.of(cells);
    }

    private static void select(FxRobot robot, String sectionTitle) {
        robot.clickOn(robot.lookup(".list-cell").<ListCell<String>>match(cell -> sectionTitle.equals(cell.getText())).<ListCell<String>>query());
        waitUntil("the section " + sectionTitle, () -> sectionTitle.equals(robot.lookup("#findingsTitle").queryAs(Label.class).getText()));
    }

    private static String clipboard() throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> Clipboard.getSystemClipboard().getString()).get();
    }

    @Test
    @SuppressWarnings("unchecked")
    void tableTwoCountsDealerPostsOncePerHashtagAndGroup(FxRobot robot) {
        openFindings(robot);
        assertEquals("N = 4 final dealer posts", robot.lookup("#findingsStatus").queryAs(Label.class).getText());
        assertEquals("Drug hashtags in dealer posts (Table 2)", robot.lookup("#findingsTitle").queryAs(Label.class).getText());
        TableView<?> table = robot.lookup("#findingsTable").queryAs(TableView.class);
        assertEquals(List.of("Drug", "Hashtag", "Posts", "% of N"), table.getColumns().stream().map(TableColumn::getText).toList());
        List<List<Object>> rows = shownRows(robot);
        // D1's #Xanax/#XANAX count once; the group total is a union (D1, D2), not the sum 3 of its rows.
        assertEquals(row("Xanax", "#xanax", 1L, 25.0), rows.get(0));
        assertEquals(row("Xanax", "#xanaxfamily", 1L, 25.0), rows.get(1));
        assertEquals(row("Xanax", "#2mgxanax", 1L, 25.0), rows.get(2));
        assertEquals(row("Xanax", "Total", 2L, 50.0), rows.stream().filter(r -> r.get(0).equals("Xanax") && r.get(1).equals("Total")).findFirst().orElseThrow());
        assertEquals(row("LSD", "#lsdtabs", 1L, 25.0), rows.stream().filter(r -> r.get(1).equals("#lsdtabs")).findFirst().orElseThrow());
        assertEquals(row("LSD", "Total", 1L, 25.0), rows.stream().filter(r -> r.get(0).equals("LSD") && r.get(1).equals("Total")).findFirst().orElseThrow());
        assertEquals(row("Oxycodone", "Total", 0L, 0.0), rows.stream().filter(r -> r.get(0).equals("Oxycodone") && r.get(1).equals("Total")).findFirst().orElseThrow());
        // Cells read as in the exports, and the charts are drawn beside the table.
        assertTrue(robot.lookup(".table-cell").queryAllAs(javafx.scene.control.TableCell.class).stream().anyMatch(c -> "50.0".equals(c.getText())));
        assertEquals(2, robot.lookup("#findingsCharts").queryAs(javafx.scene.layout.VBox.class).getChildren().size());

        assertEquals(List.of("Total", "Total", "Total", "Total"), totalRows(robot));

        select(robot, "Contact channels in dealer posts: coded and detected");
        assertEquals(List.of(), totalRows(robot), "no row of the next table keeps Table 2's bold totals");
        select(robot, "Overview");
        assertTrue(shownRows(robot).contains(row("Dealer posts without caption hashtags", 1L)));
        assertTrue(shownRows(robot).contains(row("Posts with a disputed dealer label (counted nowhere)", 1L)));
    }

    @Test
    void copyAsMarkdownMasksAccountsUnlessTheBoxIsOff(FxRobot robot) throws Exception {
        openFindings(robot);
        select(robot, "Dealer accounts with the most posts");
        robot.clickOn("#copyMarkdown");
        String masked = clipboard();
        assertTrue(masked.startsWith("## Dealer accounts with the most posts"), masked);
        assertTrue(masked.contains("| " + Masking.maskAccount(DEALER) + " | instagram | 2 |"), masked);
        assertFalse(masked.contains(DEALER), masked);
        assertEquals("Copied “Dealer accounts with the most posts” as Markdown, masked", status(robot));

        robot.clickOn("#maskFindings");
        robot.clickOn("#copyMarkdown");
        String plain = clipboard();
        assertTrue(plain.contains("| " + org.signalbench.exporting.MarkdownText.cell(DEALER) + " | instagram | 2 |"), plain); // the Markdown reads frosty\_tabs\_44

        robot.clickOn("#copyCsv");
        String csv = clipboard();
        assertTrue(csv.startsWith("Account,Platform,Dealer posts\r\n") && csv.contains("\r\n" + DEALER + ",instagram,2\r\n"), csv);
    }

    @Test
    void exportWritesMarkdownOrCsvByTheChosenName(FxRobot robot) throws Exception {
        openFindings(robot);
        saveAs = dir.resolve("exports/table2.md");
        robot.clickOn("#exportTable");
        waitUntil("the Markdown file", () -> Files.exists(saveAs));
        String markdown = Files.readString(saveAs);
        assertTrue(markdown.startsWith("## Drug hashtags in dealer posts (Table 2)"), markdown);
        assertTrue(markdown.contains("| Xanax | Total | 2 | 50.0 |"), markdown);

        select(robot, "Dealer accounts with the most posts");
        saveAs = dir.resolve("exports/accounts.csv");
        robot.clickOn("#exportTable");
        waitUntil("the CSV file", () -> Files.exists(saveAs));
        String csv = Files.readString(saveAs);
        assertTrue(csv.startsWith("Account,Platform,Dealer posts\r\n"), csv);
        assertTrue(csv.contains("\r\n" + Masking.maskAccount(DEALER) + ",instagram,2\r\n"), csv);
        assertFalse(csv.contains(DEALER), csv);
        assertFalse(robot.lookup("#saveSearchList").queryButton().isVisible(), "the search list goes with the discovery table only");

        select(robot, "Hashtags to search next");
        saveAs = dir.resolve("exports/next-searches.txt");
        robot.clickOn("#saveSearchList");
        waitUntil("the search list", () -> Files.exists(saveAs));
        assertEquals("#xanaxplug\n", Files.readString(saveAs));
    }

    @Test
    void reportIsWrittenAsAJob(FxRobot robot) throws Exception {
        openFindings(robot);
        saveAs = dir.resolve("report-" + System.nanoTime() + ".html");
        robot.clickOn("#findingsReport");
        waitUntil("the report job to finish", () -> window.model().jobs().manager().jobs().stream()
                .anyMatch(j -> j.name().equals("Writing the findings report") && j.status() == JobStatus.DONE));
        String html = Files.readString(saveAs);
        assertTrue(html.startsWith("<!DOCTYPE html>"), html);
        assertTrue(html.contains("N = 4 final dealer posts"), html);
        assertTrue(html.contains(Masking.maskAccount(DEALER)), html);
        assertFalse(html.contains(DEALER), "masked by default");
        assertFalse(html.contains("<script"), "self-contained, no scripts");
        // the app's report has the command's sections: agreement of the two coders, no finished run yet
        var doc = org.jsoup.Jsoup.parse(html);
        assertEquals("Agreement between coders", doc.getElementById("agreement").text());
        assertTrue(doc.getElementById("agreement-agreement-dealer").nextElementSibling().text().contains("coder_a – coder_b 6"),
                doc.getElementById("agreement-agreement-dealer").nextElementSibling().text());
        assertTrue(doc.select("p.empty").eachText().stream().anyMatch(t -> t.startsWith("No model results to show")));
        Job job = window.model().jobs().manager().jobs().stream().filter(j -> j.name().equals("Writing the findings report")).findFirst().orElseThrow();
        assertEquals(JobStatus.DONE, job.status());
    }

    @Test
    void theLexiconEditorRefusesBadRowsThenSavesAndTheCountsChange(FxRobot robot) throws Exception {
        openFindings(robot);
        robot.clickOn("#editLexicon");
        waitUntil("the editor", () -> robot.lookup("#lexiconEditor").tryQuery().isPresent());
        List<TextField> drugs = new ArrayList<>(robot.lookup(".lexicon-drug").queryAllAs(TextField.class));
        List<TextField> tags = new ArrayList<>(robot.lookup(".lexicon-hashtags").queryAllAs(TextField.class));
        assertEquals("Xanax", drugs.get(0).getText());
        assertEquals("xanax, xanaxfamily, 2mgxanax, zanax, greenxanax", tags.get(0).getText());

        robot.interact(() -> {
            drugs.get(0).setText(" ");
            tags.get(0).setText("xanax, 2mg xanax");
        });
        robot.clickOn("Save");
        Label problems = robot.lookup("#lexiconProblems").queryAs(Label.class);
        assertEquals("Row 1: the drug group has no name.\n"
                + "Row 1: '2mg xanax' contains a space; a hashtag is one word, separate hashtags with commas.", problems.getText());
        assertTrue(robot.lookup("#lexiconEditor").tryQuery().isPresent(), "the editor stays open");
        assertFalse(Files.exists(lexiconFile));

        // Without #xanaxfamily, D2 leaves the Xanax group: its total falls from 2 to 1.
        robot.interact(() -> {
            drugs.get(0).setText("Xanax");
            tags.get(0).setText("#XANAX, 2mgxanax");
        });
        robot.clickOn("Save");
        waitUntil("the saved lexicon", () -> Files.exists(lexiconFile));
        assertEquals(List.of("xanax", "2mgxanax"), DrugLexicon.load(lexiconFile).groups().get(0).hashtags());
        waitUntil("the recomputed Table 2", () -> shownRows(robot).contains(row("Xanax", "Total", 1L, 25.0)));
        assertFalse(shownRows(robot).stream().anyMatch(r -> r.get(1).equals("#xanaxfamily")));
        assertEquals(4, DrugLexicon.load(lexiconFile).groups().size());
    }

    /** Labels a new post as a dealer post by both coders, behind the window's back. */
    private void addDealerPost(String id, String caption) throws Exception {
        try (Workbench wb = Workbench.open(workbenchFile)) {
            insertPost(wb.connection(), "instagram", id, "new_plug_3", caption);
            for (String coder : List.of("coder_a", "coder_b")) {
                Labelling.importCoderFile(wb.connection(), coderFile(workbenchFile.getParent(), coder + "_" + id,
                        answer(id, "\"dealer\": \"yes\"")), r -> { });
            }
        }
    }

    private static String status(FxRobot robot) {
        return robot.lookup("#findingsStatus").queryAs(Label.class).getText();
    }

    @Test
    void findingsFollowImportsAndTheRefreshButton(FxRobot robot) throws Exception {
        openFindings(robot);
        // An import that finishes tells the window the posts changed; the showing view recomputes.
        addDealerPost("D5", "#oxy80s #OXYCONTIN in stock");
        robot.interact(() -> window.model().current().postsChanged());
        waitUntil("N = 5", () -> "N = 5 final dealer posts".equals(status(robot)));
        assertTrue(shownRows(robot).contains(row("Oxycodone", "Total", 1L, 20.0)));
        assertTrue(shownRows(robot).contains(row("Xanax", "Total", 2L, 40.0)));

        addDealerPost("D6", "#lsdtabs fresh sheets");
        robot.clickOn("#refreshFindings");
        waitUntil("N = 6", () -> "N = 6 final dealer posts".equals(status(robot)));
        assertTrue(shownRows(robot).contains(row("LSD", "Total", 2L, 33.3)));
    }
}
