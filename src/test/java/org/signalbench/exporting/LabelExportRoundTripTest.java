package org.signalbench.exporting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.signalbench.domain.Role;
import org.signalbench.labels.Codebook;
import org.signalbench.labels.FinalLabel;
import org.signalbench.labels.FinalLabels;
import org.signalbench.labels.LabelStore;
import org.signalbench.store.Session;
import org.signalbench.store.Workbench;
import org.signalbench.testing.CliRun;
import org.signalbench.testing.TestWorkbenches;

/**
 * {@code export --format final-labels} and {@code coder-answers}: the CSV read back matches the
 * database (every post, every question's final label and how it was reached), and the codebook
 * and the R, Stata and SPSS scripts name every column.
 */
class LabelExportRoundTripTest {
    @TempDir
    Path dir;

    private static List<CSVRecord> read(Path csv) throws Exception {
        try (Reader r = Files.newBufferedReader(csv, StandardCharsets.UTF_8);
             CSVParser p = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(r)) {
            return p.getRecords();
        }
    }

    @Test
    void finalLabelsReadBackMatchTheDatabase() throws Exception {
        Path db = dir.resolve("test.sqlite");
        Map<String, Long> ids = new LinkedHashMap<>();
        Codebook codebook = Codebook.load();
        try (Workbench wb = TestWorkbenches.open(dir)) {
            var c = wb.connection();
            for (String id : List.of("agreed", "disputed", "settled", "single", "uncoded", "formula")) {
                ids.put(id, TestWorkbenches.insertPost(c, "instagram", id, "u_" + id, id.equals("formula") ? "=HYPERLINK(\"x\")" : "caption of " + id));
            }
            try (LabelStore store = new LabelStore(org.signalbench.store.Session.over(c), codebook)) {
                long a = store.coder("coder_a", Role.CODER).id();
                long b = store.coder("coder-b", Role.CODER).id();
                long expert = store.coder("expert_1", Role.EXPERT).id();
                store.saveAnswer(a, ids.get("agreed"), "dealer", "yes", "a's note, with a comma");
                store.saveAnswer(b, ids.get("agreed"), "dealer", "yes", null);
                store.saveAnswer(a, ids.get("agreed"), "channels", "wickr,phone", null);
                store.saveAnswer(b, ids.get("agreed"), "channels", "phone,wickr", null);
                store.saveAnswer(a, ids.get("agreed"), "exchange", "yes", null);
                store.saveAnswer(b, ids.get("agreed"), "exchange", "no", null);
                store.saveAnswer(a, ids.get("disputed"), "dealer", "yes", null);
                store.saveAnswer(b, ids.get("disputed"), "dealer", "no", null);
                store.saveAnswer(a, ids.get("settled"), "dealer", "no", null);
                store.saveAnswer(b, ids.get("settled"), "dealer", "yes", null);
                store.settle(expert, ids.get("settled"), "dealer", "yes", "the image shows a menu");
                store.saveAnswer(a, ids.get("single"), "dealer", "no", null);
                store.saveAnswer(a, ids.get("single"), "channels", "none", null);
                store.saveAnswer(a, ids.get("formula"), "dealer", "no", null);
            }
        }

        Path out = dir.resolve("out/final labels.csv");
        CliRun run = CliRun.of("export", "--db", db.toString(), "--format", "final-labels", "--out", out.toString());
        assertEquals(0, run.exit(), run.err());
        List<CSVRecord> rows = read(out);
        assertEquals(ids.size(), rows.size(), "one row per post");
        List<String> header = rows.get(0).getParser().getHeaderNames();
        assertEquals(List.of("platform", "external_id", "dealer", "dealer_source"), header.subList(0, 4));

        // Every question's value and source, read back, are the database's final labels.
        Map<String, CSVRecord> byId = new HashMap<>();
        rows.forEach(r -> byId.put(r.get("external_id"), r));
        try (Workbench wb = Workbench.open(db)) {
            Session s = Session.over(wb.connection());
            for (Codebook.Question q : codebook.questions()) {
                Map<Long, FinalLabel> finals = FinalLabels.of(s, q.key());
                for (var e : ids.entrySet()) {
                    CSVRecord row = byId.get(e.getKey());
                    FinalLabel f = finals.get(e.getValue());
                    assertEquals(f == null || !f.isFinal() ? "" : f.value(), row.get(q.key()), e.getKey() + " " + q.key());
                    assertEquals(LabelTables.source(f), row.get(q.key() + "_source"), e.getKey() + " " + q.key());
                }
            }
        }
        // And what they are, spelled out for the dealer question and the channels.
        assertEquals(List.of("yes", "agreed"), List.of(byId.get("agreed").get("dealer"), byId.get("agreed").get("dealer_source")));
        assertEquals(List.of("", "disputed"), List.of(byId.get("disputed").get("dealer"), byId.get("disputed").get("dealer_source")));
        assertEquals(List.of("yes", "settled"), List.of(byId.get("settled").get("dealer"), byId.get("settled").get("dealer_source")));
        assertEquals(List.of("no", "agreed", "1"), List.of(byId.get("single").get("dealer"), byId.get("single").get("dealer_source"),
                byId.get("single").get("dealer_coders")));
        assertEquals(List.of("", "uncoded", "0"), List.of(byId.get("uncoded").get("dealer"), byId.get("uncoded").get("dealer_source"),
                byId.get("uncoded").get("dealer_coders")));
        assertEquals(List.of("phone,wickr", "1", "1", "0"), List.of(byId.get("agreed").get("channels"),
                byId.get("agreed").get("channels_phone"), byId.get("agreed").get("channels_wickr"), byId.get("agreed").get("channels_kik")));
        assertEquals(List.of("none", "0"), List.of(byId.get("single").get("channels"), byId.get("single").get("channels_phone")));
        assertEquals(List.of("", "disputed"), List.of(byId.get("agreed").get("exchange"), byId.get("agreed").get("exchange_source")));
        assertEquals("caption of agreed", byId.get("agreed").get("caption"));
        assertTrue(header.containsAll(List.of("text_with_hashtags", "text_hashtags_only", "text_no_hashtags")), header.toString());
        assertEquals("'=HYPERLINK(\"x\")", byId.get("formula").get("caption"), "a formula is neutralised");

        // The codebook names every column; the scripts read the file by its name and label every column.
        Path base = out.resolveSibling("final labels");
        List<CSVRecord> codebookRows = read(Path.of(base + "-codebook.csv"));
        assertEquals(header, codebookRows.stream().map(r -> r.get("variable")).distinct().toList());
        assertTrue(codebookRows.stream().anyMatch(r -> r.get("variable").equals("dealer") && r.get("value").equals("yes")
                && r.get("value_label").equals("Yes")));
        String r = Files.readString(Path.of(base + ".R"));
        String stata = Files.readString(Path.of(base + ".do"));
        String spss = Files.readString(Path.of(base + ".sps"));
        assertTrue(r.contains("read.csv(\"final labels.csv\""), r);
        assertTrue(stata.contains("import delimited using \"final labels.csv\""), stata);
        assertTrue(spss.contains("/FILE=\"final labels.csv\""), spss);
        for (String column : header) {
            assertTrue(r.contains("attr(labels$" + column + ", \"label\")"), column);
            assertTrue(stata.contains("label variable " + column + " "), column);
            assertTrue(spss.contains("\n    " + column + " A"), column);
        }
        assertTrue(r.contains("labels$dealer <- factor(labels$dealer, levels = c(\"yes\", \"no\"), labels = c(\"Yes\", \"No\"))"), r);

        // Where R is installed, the script itself reads the file: six posts, the dealer labels as factors.
        Path rscript = Path.of("/usr/bin/Rscript");
        if (Files.isExecutable(rscript)) {
            Process p = new ProcessBuilder(rscript.toString(), "-e", "source('final labels.R'); cat(nrow(labels), "
                    + "paste(levels(labels$dealer), collapse = '/'), sum(is.na(labels$dealer)), '\\n')")
                    .directory(out.getParent().toFile()).redirectErrorStream(true).start();
            String said = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(0, p.waitFor(), said);
            assertEquals("6 Yes/No 2", said.strip(), said);
        }
    }

    @Test
    void coderAnswersSideBySideWithTheExpertAndAgreement() throws Exception {
        Path db = dir.resolve("test.sqlite");
        try (Workbench wb = TestWorkbenches.open(dir)) {
            var c = wb.connection();
            long p1 = TestWorkbenches.insertPost(c, "instagram", "P1", "u1", "one");
            long p2 = TestWorkbenches.insertPost(c, "instagram", "P2", "u2", "two");
            TestWorkbenches.insertPost(c, "instagram", "P3", "u3", "never coded");
            try (LabelStore store = new LabelStore(org.signalbench.store.Session.over(c), Codebook.load())) {
                long a = store.coder("coder_a", Role.CODER).id();
                long b = store.coder("Coder B", Role.CODER).id();
                long expert = store.coder("expert_1", Role.EXPERT).id();
                store.saveAnswer(a, p1, "dealer", "yes", "looks like a menu");
                store.saveAnswer(b, p1, "dealer", "no", null);
                store.settle(expert, p1, "dealer", "yes", "menu");
                store.saveAnswer(a, p2, "dealer", "no", null);
                store.saveAnswer(b, p2, "dealer", "no", null);
            }
        }
        Path out = dir.resolve("answers.csv");
        CliRun run = CliRun.of("export", "--db", db.toString(), "--format", "coder-answers", "--out", out.toString());
        assertEquals(0, run.exit(), run.err());
        List<CSVRecord> rows = read(out);
        assertEquals(List.of("P1", "P2"), rows.stream().map(r -> r.get("external_id")).toList(), "only posts someone answered");
        CSVRecord first = rows.get(0);
        assertEquals(List.of("yes", "no", "yes", "yes"), List.of(first.get("dealer__coder_a"), first.get("dealer__coder_b"),
                first.get("dealer__expert"), first.get("dealer__final")));
        assertEquals("looks like a menu", first.get("note__coder_a"));
        assertEquals(List.of("no", "no", "", "no"), List.of(rows.get(1).get("dealer__coder_a"), rows.get(1).get("dealer__coder_b"),
                rows.get(1).get("dealer__expert"), rows.get(1).get("dealer__final")));

        Path agreement = dir.resolve("agreement.csv");
        run = CliRun.of("export", "--db", db.toString(), "--format", "agreement", "--out", agreement.toString());
        assertEquals(0, run.exit(), run.err());
        List<CSVRecord> figures = read(agreement);
        CSVRecord dealer = figures.stream().filter(r -> r.get("question").equals("dealer")).findFirst().orElseThrow();
        assertEquals(List.of("pair", "2", "0.500000"), List.of(dealer.get("kind"), dealer.get("items"), dealer.get("observed")));
        assertEquals(new ArrayList<>(List.of("Coder B;coder_a")), List.of(dealer.get("coders")));

        CliRun bad = CliRun.of("export", "--db", db.toString(), "--format", "labels", "--out", out.toString());
        assertEquals(2, bad.exit());
        assertTrue(bad.err().contains("final-labels"), bad.err());
    }
}
