package org.signalbench.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.signalbench.preprocess.Variant;
import org.signalbench.store.Workbench;
import org.signalbench.testing.CliRun;
import org.signalbench.testing.TestWorkbenches;

/**
 * A small stored run with hand-made folds: svm and dt on no-hashtags, svm alone on with-hashtags
 * (dt's with-hashtags folds never finished), 2 folds each.
 *
 * <pre>
 * no-hashtags svm   fold 1: tp 2 fp 0 tn 2 fn 0 (P = R = F1 = 1)   fold 2: tp 1 fp 1 tn 1 fn 1 (P = R = F1 = 0.5)
 *                   mean 0.75, SD sqrt(2 · 0.25² / 1) = 0.353553…; AUC 1 and 0.5
 * no-hashtags dt    fold 1: tp 0 fp 0 tn 4 fn 0 (one class: AUC undefined)   fold 2: tp 1 fp 0 tn 2 fn 1
 * with-hashtags svm fold 1 and 2: tp 2 fp 0 tn 2 fn 0
 * </pre>
 */
class RunExportTest {
    @TempDir
    static Path dir;
    static String db;
    static final String RUN = "run-export-test";

    @BeforeAll
    static void storedRun() throws Exception {
        try (Workbench wb = TestWorkbenches.open(dir)) {
            db = wb.file().toString();
            RunStore store = new RunStore(org.signalbench.store.Session.over(wb.connection()));
            store.create(RUN, new CvConfig(List.of(Variant.NO_HASHTAGS, Variant.WITH_HASHTAGS), List.of("svm", "dt"), Map.of(),
                    2, 5, Folds.Scheme.STRATIFIED), "fingerprint", 42, Map.of("svm", Map.of("cost", 1.0)), Map.of("tribuo", "4.3.2"));
            fold(store, "no-hashtags", "svm", 0, new BinaryMetrics(2, 0, 2, 0), 1.0,
                    new double[] {0.9, 0.8, -0.5, -0.7}, new boolean[] {true, true, false, false});
            fold(store, "no-hashtags", "svm", 1, new BinaryMetrics(1, 1, 1, 1), 0.5,
                    new double[] {0.9, -0.8, 0.5, -0.7}, new boolean[] {true, true, false, false});
            fold(store, "no-hashtags", "dt", 0, new BinaryMetrics(0, 0, 4, 0), Double.NaN,
                    new double[] {-1, -1, -1, -1}, new boolean[] {false, false, false, false});
            fold(store, "no-hashtags", "dt", 1, new BinaryMetrics(1, 0, 2, 1), 0.75,
                    new double[] {1, -1, -1, -1}, new boolean[] {true, true, false, false});
            fold(store, "with-hashtags", "svm", 0, new BinaryMetrics(2, 0, 2, 0), 1.0,
                    new double[] {0.9, 0.8, -0.5, -0.7}, new boolean[] {true, true, false, false});
            fold(store, "with-hashtags", "svm", 1, new BinaryMetrics(2, 0, 2, 0), 1.0,
                    new double[] {0.9, 0.8, -0.5, -0.7}, new boolean[] {true, true, false, false});
            store.setStatus(RUN, RunStatus.FINISHED, 3.5);
        }
    }

    private static void fold(RunStore store, String variant, String model, int fold, BinaryMetrics counts, double auc,
                             double[] scores, boolean[] dealer) throws Exception {
        List<Scored> scored = new ArrayList<>();
        List<Boolean> truth = new ArrayList<>();
        for (int i = 0; i < scores.length; i++) {
            scored.add(new Scored(fold * 10 + i + 1, scores[i], scores[i] > 0));
            truth.add(dealer[i]);
        }
        store.saveFold(RUN, new FoldResult(variant, model, fold, 4, 4, counts, auc, 0.25, 0.05), scored, truth);
    }

    private static List<RunSummary.Row> rows() throws Exception {
        try (Workbench wb = Workbench.open(Path.of(db))) {
            return RunSummary.rows(new RunStore(org.signalbench.store.Session.over(wb.connection())), RUN);
        }
    }

    @Test
    void csvHasOneParseableRecordPerVariantAndModel() throws Exception {
        String csv = RunExport.csv(rows(), PublishedValues.none());
        List<CSVRecord> records = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(csv)).getRecords();
        assertEquals(3, records.size());
        CSVRecord svm = records.get(0);
        assertEquals(List.of("no-hashtags", "svm", "2"), List.of(svm.get("variant"), svm.get("model"), svm.get("folds")));
        assertEquals(0.75, Double.parseDouble(svm.get("f1")));
        assertEquals(Math.sqrt(0.125), Double.parseDouble(svm.get("f1_sd")), 1e-15);
        assertEquals(0.75, Double.parseDouble(svm.get("auc")));
        CSVRecord dt = records.get(1);
        assertEquals("dt", dt.get("model"));
        assertEquals(0.75, Double.parseDouble(dt.get("auc")), "the one-class fold is left out of the AUC mean");
        assertEquals(0.0, Double.parseDouble(dt.get("auc_sd")), "one defined fold AUC");
        RunSummary.Row oneClass = new RunSummary.Row("hashtags-only", "svm", 2, 0, 0, 0, Double.NaN, Double.NaN, 0, 0, 0, Double.NaN);
        CSVRecord undefined = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(RunExport.csv(List.of(oneClass), PublishedValues.none()))).getRecords().get(0);
        assertEquals(List.of("", "", ""), List.of(undefined.get("auc"), undefined.get("auc_sd"), undefined.get("auc_pooled")),
                "an undefined figure is an empty cell");
        assertTrue(RunExport.markdown(List.of(oneClass), PublishedValues.none()).contains("| AUC pooled | – | – | – |"));
        assertEquals(0.25, Double.parseDouble(dt.get("recall")), "(0 + 0.5) / 2");
        assertEquals("with-hashtags", records.get(2).get("variant"));
        assertTrue(csv.startsWith("variant,model,folds,precision,precision_sd,recall,recall_sd,f1,f1_sd,auc,auc_sd,auc_pooled,"
                + "paper_precision,diff_precision,paper_recall,diff_recall,paper_f1,diff_f1,paper_auc,diff_auc_pooled\r\n"), csv);
    }

    @Test
    void csvGivesThePapersValueAndTheDifferenceBesideEachFigure() throws Exception {
        List<CSVRecord> records = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(RunExport.csv(rows(), PublishedValues.load()))).getRecords();
        CSVRecord svm = records.get(0);
        assertEquals(0.9337, Double.parseDouble(svm.get("paper_f1")), 1e-12, "Table 1, text without hashtags, SVM F1 93.37");
        assertEquals(0.75 - 0.9337, Double.parseDouble(svm.get("diff_f1")), 1e-12);
        assertEquals(0.9349, Double.parseDouble(svm.get("paper_auc")), 1e-12);
        assertEquals(Double.parseDouble(svm.get("auc_pooled")) - 0.9349, Double.parseDouble(svm.get("diff_auc_pooled")), 1e-12,
                "the paper's AUC is compared with the pooled one");
        RunSummary.Row unknown = new RunSummary.Row("no-hashtags", "libsvm", 2, 0.5, 0.5, 0.5, 0.5, 0.5, 0, 0, 0, 0);
        CSVRecord none = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(RunExport.csv(List.of(unknown), PublishedValues.load()))).getRecords().get(0);
        assertEquals(List.of("", ""), List.of(none.get("paper_f1"), none.get("diff_f1")), "the paper has no libsvm");
    }

    @Test
    void markdownAndLatexAreTable1WithThePapersValueAndTheDifference() throws Exception {
        String md = RunExport.markdown(rows(), PublishedValues.load());
        List<String> lines = md.lines().toList();
        assertEquals("| variant | measure | svm | svm paper | svm Δ | dt | dt paper | dt Δ |", lines.get(0));
        assertEquals("|---|---|---|---|---|---|---|---|", lines.get(1));
        assertEquals(2 + 2 * 5, lines.size(), "two variants × five measures");
        assertTrue(lines.contains("|  | F1 | 0.750 ± 0.354 | 0.9337 | -0.184 | 0.333 ± 0.471 | 0.9073 | -0.574 |"), md);
        assertTrue(lines.contains("|  | AUC | 0.750 ± 0.354 | – | – | 0.750 ± 0.000 | – | – |"),
                "the paper's AUC is the pooled one, not a fold mean: " + md);
        assertTrue(lines.contains("| with-hashtags | precision | 1.000 ± 0.000 | 0.9686 | +0.031 | – | 0.9505 | – |"),
                "dt never ran there: " + md);

        String tex = RunExport.latex(rows(), PublishedValues.load());
        List<String> texLines = tex.lines().toList();
        assertEquals("\\begin{tabular}{llrrrrrr}", texLines.get(0));
        assertEquals("\\end{tabular}", texLines.get(texLines.size() - 1));
        assertTrue(texLines.contains(" & F1 & 0.750 $\\pm$ 0.354 & 0.9337 & -0.184 & 0.333 $\\pm$ 0.471 & 0.9073 & -0.574 \\\\"), tex);
        assertTrue(texLines.contains("with-hashtags & precision & 1.000 $\\pm$ 0.000 & 0.9686 & +0.031 & -- & 0.9505 & -- \\\\"), tex);
        long dataRows = texLines.stream().filter(l -> l.endsWith("\\\\")).count();
        assertEquals(1 + 10, dataRows, "header and ten figure rows");
        assertTrue(texLines.stream().filter(l -> l.endsWith("\\\\")).allMatch(l -> l.chars().filter(ch -> ch == '&').count() == 7));

        String withoutPaper = RunExport.markdown(rows(), PublishedValues.none());
        assertTrue(withoutPaper.lines().toList().contains("|  | F1 | 0.750 ± 0.354 | – | – | 0.333 ± 0.471 | – | – |"), withoutPaper);
    }

    @Test
    void runsCommandsListShowAndExport() throws Exception {
        CliRun list = CliRun.of("runs", "list", "--db", db, "--json");
        assertEquals(0, list.exit(), list.err());
        JsonNode runs = new ObjectMapper().readTree(list.out());
        assertEquals(RUN, runs.get(0).get("id").asText());
        assertEquals("finished", runs.get(0).get("status").asText());
        assertEquals(6, runs.get(0).get("unitsDone").asInt());
        assertEquals(8, runs.get(0).get("unitsTotal").asInt());
        CliRun listText = CliRun.of("runs", "list", "--db", db);
        assertTrue(listText.out().contains(RUN) && listText.out().contains("6/8"), listText.out());

        CliRun show = CliRun.of("runs", "show", RUN, "--db", db, "--json");
        assertEquals(0, show.exit(), show.err());
        JsonNode json = new ObjectMapper().readTree(show.out());
        assertEquals(5, json.get("run").get("seed").asInt());
        assertEquals("fingerprint", json.get("run").get("corpusFingerprint").asText());
        assertEquals(1.0, json.get("run").get("hyperparameters").get("svm").get("cost").asDouble());
        assertEquals(3, json.get("rows").size());
        assertEquals(0.75, json.get("rows").get(0).get("f1").asDouble());
        // the paper's value and the difference per cell, as the text output and the CSV export
        JsonNode first = json.get("rows").get(0);
        RunSummary.Row firstRow = rows().get(0);
        PublishedValues paper = PublishedValues.load();
        double paperF1 = paper.value(firstRow.variant(), firstRow.model(), "f1").orElseThrow();
        assertEquals(paperF1, first.get("paperF1").asDouble());
        assertEquals(0.75 - paperF1, first.get("diffF1").asDouble(), 1e-12);
        assertEquals(paper.value(firstRow.variant(), firstRow.model(), "auc").orElseThrow(), first.get("paperAuc").asDouble());
        assertEquals(firstRow.aucPooled() - first.get("paperAuc").asDouble(), first.get("diffAucPooled").asDouble(), 1e-12);
        for (String key : List.of("paperPrecision", "diffPrecision", "paperRecall", "diffRecall")) {
            assertTrue(first.has(key), key + " in " + first);
        }
        assertEquals(6, json.get("folds").size());
        assertTrue(json.get("folds").get(2).get("auc").isNull(), "undefined AUC is null");
        CliRun showText = CliRun.of("runs", "show", RUN, "--db", db);
        assertTrue(showText.out().contains("|  | F1 | 0.750 ± 0.354 | 0.9337 | -0.184 |"), showText.out());

        Path out = dir.resolve("table1.tex");
        CliRun export = CliRun.of("runs", "export", RUN, "--db", db, "--format", "latex", "--out", out.toString());
        assertEquals(0, export.exit(), export.err());
        assertEquals(RunExport.latex(rows(), PublishedValues.load()), Files.readString(out));
        CliRun csv = CliRun.of("runs", "export", RUN, "--db", db, "--format", "CSV");
        assertEquals(RunExport.csv(rows(), PublishedValues.load()), csv.out());

        assertEquals(2, CliRun.of("runs", "export", RUN, "--db", db, "--format", "pdf").exit());
        assertEquals(2, CliRun.of("runs", "export", RUN, "--db", db).exit(), "--format is required");
        CliRun missing = CliRun.of("runs", "show", "no-such-run", "--db", db);
        assertEquals(1, missing.exit());
        assertTrue(missing.err().contains("no run 'no-such-run'"), missing.err());
    }
}
