package org.signalbench.exporting;

import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.signalbench.labels.Codebook;

/**
 * The codebook beside an exported label table, as a CSV every statistics package reads
 * ({@code variable,variable_label,value,value_label}), and a short script each for R, Stata and
 * SPSS that reads the table with those labels attached. No maintained Java library on Maven
 * Central writes Stata {@code .dta} or SPSS {@code .sav}, so the table stays CSV (decision 0010).
 */
public final class StatsScripts {
    private StatsScripts() {
    }

    /** The codebook CSV: one row per column without fixed values, one row per value of the others. */
    public static String codebookCsv(LabelTable table, Codebook codebook) throws IOException {
        StringWriter out = new StringWriter();
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.RFC4180.builder()
                .setHeader("variable", "variable_label", "value", "value_label").get())) {
            for (LabelTable.Column c : table.columns()) {
                List<String[]> values = values(c, codebook);
                if (values.isEmpty()) {
                    csv.printRecord(c.name(), c.label(), "", "");
                }
                for (String[] v : values) {
                    csv.printRecord(c.name(), c.label(), v[0], v[1]);
                }
            }
        }
        return out.toString();
    }

    /** A column's values and their labels: the codebook's answers (plus "none" for a multiple-choice one), or the fixed values. */
    static List<String[]> values(LabelTable.Column c, Codebook codebook) {
        List<String[]> values = new ArrayList<>();
        if (c.question() != null) {
            Codebook.Question q = codebook.question(c.question()).orElse(null);
            if (q != null && !q.multiple()) {
                q.values().forEach(v -> values.add(new String[] {v.key(), v.label()}));
            } else if (q != null) {
                values.add(new String[] {Codebook.NONE, "None of these"});
                values.add(new String[] {"(several)", "Chosen values joined by commas, e.g. phone,wickr"});
                q.values().forEach(v -> values.add(new String[] {v.key(), v.label()}));
            }
        } else {
            c.values().forEach(v -> values.add(new String[] {v, v}));
        }
        return values;
    }

    /** An R script: reads the CSV (missing as NA), labels every column, and makes the single-choice answers factors. */
    public static String r(LabelTable table, Codebook codebook, String csvFile) {
        StringBuilder s = new StringBuilder();
        s.append("# Reads ").append(csvFile).append(" (written by SignalBench) with its codebook's labels.\n");
        s.append("# Run it from the folder the CSV is in: source(\"").append(csvFile.replaceFirst("\\.csv$", ".R")).append("\")\n");
        s.append("labels <- read.csv(").append(rString(csvFile)).append(", colClasses = \"character\", na.strings = \"\", ")
                .append("encoding = \"UTF-8\", check.names = FALSE)\n");
        for (LabelTable.Column c : table.columns()) {
            List<String[]> values = values(c, codebook);
            boolean factor = !values.isEmpty() && values.stream().noneMatch(v -> v[0].startsWith("("));
            if (factor) {
                s.append("labels$").append(c.name()).append(" <- factor(labels$").append(c.name()).append(", levels = c(")
                        .append(join(values, 0)).append("), labels = c(").append(join(values, 1)).append("))\n");
            } else if (c.name().endsWith("_coders") || List.of("items").contains(c.name())) {
                s.append("labels$").append(c.name()).append(" <- as.integer(labels$").append(c.name()).append(")\n");
            }
            s.append("attr(labels$").append(c.name()).append(", \"label\") <- ").append(rString(c.label())).append('\n');
        }
        return s.toString();
    }

    /** A Stata do-file: imports the CSV as text, labels every variable, and encodes the coded answers with value labels. */
    public static String stata(LabelTable table, Codebook codebook, String csvFile) {
        StringBuilder s = new StringBuilder();
        s.append("* Reads ").append(csvFile).append(" (written by SignalBench) with its codebook's labels.\n");
        s.append("import delimited using \"").append(csvFile).append("\", varnames(1) encoding(\"utf-8\") stringcols(_all) bindquote(strict) clear\n");
        for (LabelTable.Column c : table.columns()) {
            s.append("label variable ").append(c.name()).append(" \"").append(stataText(c.label(), 80)).append("\"\n");
            List<String[]> values = values(c, codebook);
            boolean coded = !values.isEmpty() && values.stream().noneMatch(v -> v[0].startsWith("("));
            if (coded && c.name().length() <= 28) {
                // encode maps each text to the code whose label is that text: define the codes first, in codebook order.
                s.append("label define ").append(c.name()).append("_l");
                for (int i = 0; i < values.size(); i++) {
                    s.append(' ').append(i + 1).append(" \"").append(stataText(values.get(i)[0], 80)).append('"');
                }
                s.append('\n');
                s.append("encode ").append(c.name()).append(", generate(").append(c.name()).append("_n) label(")
                        .append(c.name()).append("_l) noextend\n");
            }
        }
        return s.toString();
    }

    /** An SPSS syntax file: reads the CSV with every column as text, with variable and value labels. */
    public static String spss(LabelTable table, Codebook codebook, String csvFile) {
        StringBuilder s = new StringBuilder();
        s.append("* Reads ").append(csvFile).append(" (written by SignalBench) with its codebook's labels.\n");
        s.append("GET DATA /TYPE=TXT /FILE=\"").append(csvFile).append("\" /ENCODING='UTF8' /DELCASE=LINE /DELIMITERS=\",\" ")
                .append("/QUALIFIER='\"' /ARRANGEMENT=DELIMITED /FIRSTCASE=2\n  /VARIABLES=");
        for (int i = 0; i < table.columns().size(); i++) {
            int width = 1;
            for (List<String> row : table.rows()) {
                String cell = row.get(i);
                width = Math.max(width, cell == null ? 0 : cell.getBytes(java.nio.charset.StandardCharsets.UTF_8).length);
            }
            s.append("\n    ").append(table.columns().get(i).name()).append(" A").append(Math.min(width, 32767));
        }
        s.append(".\nVARIABLE LABELS");
        for (LabelTable.Column c : table.columns()) {
            s.append("\n    ").append(c.name()).append(" \"").append(c.label().replace("\"", "''")).append('"');
        }
        s.append(".\n");
        for (LabelTable.Column c : table.columns()) {
            List<String[]> values = values(c, codebook);
            if (!values.isEmpty() && values.stream().noneMatch(v -> v[0].startsWith("("))) {
                s.append("VALUE LABELS ").append(c.name());
                for (String[] v : values) {
                    s.append(" '").append(v[0].replace("'", "''")).append("' '").append(v[1].replace("'", "''")).append('\'');
                }
                s.append(".\n");
            }
        }
        s.append("EXECUTE.\n");
        return s.toString();
    }

    private static String join(List<String[]> values, int part) {
        return String.join(", ", values.stream().map(v -> rString(v[part])).toList());
    }

    private static String rString(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static String stataText(String text, int max) {
        String t = text.replace("\"", "'");
        return t.length() <= max ? t : t.substring(0, max);
    }
}
