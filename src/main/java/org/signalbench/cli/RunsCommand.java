package org.signalbench.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.signalbench.models.FoldResult;
import org.signalbench.models.PublishedValues;
import org.signalbench.models.RunExport;
import org.signalbench.models.RunStore;
import org.signalbench.models.RunSummary;
import org.signalbench.preprocess.Variant;
import org.signalbench.store.Workbench;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code runs}: the stored cross-validation runs: list, show, export. */
@Command(name = "runs", mixinStandardHelpOptions = true,
        description = "Stored cross-validation runs (cv): list them, show one, export its Table 1.",
        subcommands = {RunsCommand.ListRuns.class, RunsCommand.ShowRun.class, RunsCommand.ExportRun.class})
public final class RunsCommand {

    /** What every runs subcommand takes. */
    abstract static class RunsSubcommand implements Callable<Integer> {
        @Mixin
        WorkbenchOption workbench;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            try (Workbench wb = workbench.openExisting()) {
                work(new RunStore(org.signalbench.store.Session.over(wb.connection())), spec.commandLine().getOut());
                spec.commandLine().getOut().flush();
                return 0;
            }
        }

        abstract void work(RunStore store, PrintWriter out) throws Exception;

        /** A time as the JSON prints it: ISO-8601 UTC text, null when unset. */
        static String iso(java.time.Instant time) {
            return time == null ? null : time.toString();
        }

        /** The run of this id, or of the one run whose id starts with it (the app shows the first 8 characters). */
        static RunStore.Run run(RunStore store, String id) throws Exception {
            var exact = store.run(id);
            if (exact.isPresent()) {
                return exact.get();
            }
            var matching = id.length() < 4 ? List.<RunStore.Run>of()
                    : store.all().stream().filter(r -> r.id().startsWith(id)).toList();
            if (matching.size() == 1) {
                return matching.get(0);
            }
            if (matching.size() > 1) {
                throw new IllegalArgumentException("'" + id + "' starts " + matching.size() + " run ids ("
                        + String.join(", ", matching.stream().map(RunStore.Run::id).toList()) + "); give more of it");
            }
            throw new IllegalArgumentException("no run '" + id + "' in this workbench (`runs list`)");
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "Every stored run, newest first; status stale = interrupted (its process is gone): `cv --resume ID`.")
    static final class ListRuns extends RunsSubcommand {
        @Option(names = "--json", description = "Print the runs as JSON.")
        boolean json;

        @Override
        void work(RunStore store, PrintWriter out) throws Exception {
            List<Map<String, Object>> list = new ArrayList<>();
            for (RunStore.Run r : store.all()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("id", r.id());
                m.put("startedAt", iso(r.startedAt()));
                m.put("finishedAt", iso(r.finishedAt()));
                m.put("status", r.status().key());
                m.put("models", r.config().models());
                m.put("variants", r.config().variants().stream().map(Variant::key).toList());
                m.put("folds", r.config().folds());
                m.put("seed", r.config().seed());
                m.put("unitsDone", store.finishedFolds(r.id()).size());
                m.put("unitsTotal", r.config().folds() * r.config().variants().size() * r.config().models().size());
                m.put("durationSeconds", r.durationSeconds());
                list.add(m);
            }
            if (json) {
                Json.print(out, list);
                return;
            }
            out.printf(Locale.ROOT, "%-36s %-20s %-9s %-7s %-22s %-40s %9s%n", "run", "started", "status", "units", "models",
                    "variants", "seconds");
            for (Map<String, Object> m : list) {
                out.printf(Locale.ROOT, "%-36s %-20s %-9s %-7s %-22s %-40s %9.1f%n", m.get("id"),
                        String.valueOf(m.get("startedAt")).replaceFirst("\\.\\d+Z$", "Z"), m.get("status"),
                        m.get("unitsDone") + "/" + m.get("unitsTotal"), String.join(",", names(m, "models")),
                        String.join(",", names(m, "variants")), (Double) m.get("durationSeconds"));
            }
        }

        @SuppressWarnings("unchecked")
        private static List<String> names(Map<String, Object> m, String key) {
            return (List<String>) m.get(key);
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true,
            description = "One run: provenance, the Table-1 figures and every fold.")
    static final class ShowRun extends RunsSubcommand {
        @Parameters(paramLabel = "RUN_ID")
        String id;

        @Option(names = "--json", description = "Print as JSON (fractions 0-1; undefined values null).")
        boolean json;

        @Override
        void work(RunStore store, PrintWriter out) throws Exception {
            RunStore.Run r = run(store, id);
            id = r.id();
            List<RunSummary.Row> rows = RunSummary.rows(store, id);
            List<FoldResult> folds = new ArrayList<>();
            for (Variant v : r.config().variants()) {
                for (String model : r.config().models()) {
                    folds.addAll(store.folds(id, v.key(), model));
                }
            }
            Map<String, Object> run = provenance(r);
            if (json) {
                Map<String, Object> all = new LinkedHashMap<>();
                all.put("run", run);
                all.put("rows", rows.stream().map(ShowRun::row).toList());
                all.put("folds", folds.stream().map(ShowRun::fold).toList());
                Json.print(out, all);
                return;
            }
            for (var entry : run.entrySet()) {
                Object v = entry.getValue();
                out.printf(Locale.ROOT, "%-18s %s%n", entry.getKey(),
                        v instanceof Map || v instanceof List ? Json.mapper().writer().without(
                                com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT).writeValueAsString(v) : v);
            }
            out.printf(Locale.ROOT, "%n%s%n", RunExport.export(RunExport.Format.MARKDOWN, rows));
            out.printf(Locale.ROOT, "%-14s %-7s %4s %6s %5s %5s %5s %5s %5s %9s %7s %7s %7s %8s %7s%n", "variant", "model", "fold",
                    "train", "test", "tp", "fp", "tn", "fn", "precision", "recall", "F1", "AUC", "train s", "test s");
            for (FoldResult f : folds) {
                out.printf(Locale.ROOT, "%-14s %-7s %4d %6d %5d %5d %5d %5d %5d %9.3f %7.3f %7.3f %7.3f %8.1f %7.1f%n", f.variant(),
                        f.model(), f.fold() + 1, f.trainSize(), f.testSize(), f.counts().tp(), f.counts().fp(), f.counts().tn(),
                        f.counts().fn(), f.counts().precision(), f.counts().recall(), f.counts().f1(), f.auc(), f.trainSeconds(),
                        f.testSeconds());
            }
        }

        private static Map<String, Object> provenance(RunStore.Run r) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", r.id());
            m.put("status", r.status().key());
            m.put("startedAt", iso(r.startedAt()));
            m.put("finishedAt", iso(r.finishedAt()));
            m.put("seed", r.config().seed());
            m.put("folds", r.config().folds());
            m.put("foldScheme", r.config().scheme().name().toLowerCase(Locale.ROOT));
            m.put("variants", r.config().variants().stream().map(Variant::key).toList());
            m.put("models", r.config().models());
            m.put("corpusFingerprint", r.corpusFingerprint());
            m.put("dictionarySize", r.dictionarySize());
            m.put("hyperparameters", r.hyperparameters());
            m.put("libraryVersions", r.libraryVersions());
            m.put("durationSeconds", r.durationSeconds());
            return m;
        }

        private static Map<String, Object> row(RunSummary.Row r) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("variant", r.variant());
            m.put("model", r.model());
            m.put("folds", r.folds());
            m.put("precision", number(r.precision()));
            m.put("recall", number(r.recall()));
            m.put("f1", number(r.f1()));
            m.put("auc", number(r.auc()));
            m.put("aucPooled", number(r.aucPooled()));
            m.put("precisionSd", number(r.precisionSd()));
            m.put("recallSd", number(r.recallSd()));
            m.put("f1Sd", number(r.f1Sd()));
            m.put("aucSd", number(r.aucSd()));
            // the published value and run - paper per cell, as the CSV export's paper_ and diff_ columns
            for (RunExport.PaperCell c : RunExport.paperCells(r, PublishedValues.load())) {
                m.put("paper" + camel(c.paperKey()), number(c.paper()));
                m.put("diff" + camel(c.runKey()), number(c.difference()));
            }
            return m;
        }

        /** "auc_pooled" → "AucPooled", "f1" → "F1". */
        private static String camel(String key) {
            StringBuilder b = new StringBuilder();
            for (String part : key.split("_")) {
                b.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
            }
            return b.toString();
        }

        private static Map<String, Object> fold(FoldResult f) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("variant", f.variant());
            m.put("model", f.model());
            m.put("fold", f.fold());
            m.put("trainSize", f.trainSize());
            m.put("testSize", f.testSize());
            m.put("tp", f.counts().tp());
            m.put("fp", f.counts().fp());
            m.put("tn", f.counts().tn());
            m.put("fn", f.counts().fn());
            m.put("precision", f.counts().precision());
            m.put("recall", f.counts().recall());
            m.put("f1", f.counts().f1());
            m.put("auc", number(f.auc()));
            m.put("trainSeconds", f.trainSeconds());
            m.put("testSeconds", f.testSeconds());
            return m;
        }

        /** NaN (undefined AUC) is written as null: JSON has no NaN. */
        private static Double number(double x) {
            return Double.isNaN(x) ? null : x;
        }
    }

    @Command(name = "export", mixinStandardHelpOptions = true,
            description = "A run's Table 1 as CSV (one line per variant and model), Markdown or LaTeX.")
    static final class ExportRun extends RunsSubcommand {
        @Parameters(paramLabel = "RUN_ID")
        String id;

        @Option(names = "--format", required = true, paramLabel = "FORMAT", description = "csv, markdown or latex.")
        String format;

        @Option(names = "--out", paramLabel = "FILE", description = "Write to FILE instead of standard output.")
        Path out;

        @Override
        void work(RunStore store, PrintWriter stdout) throws Exception {
            RunExport.Format f;
            try {
                f = RunExport.Format.fromName(format);
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), "--format: " + e.getMessage());
            }
            id = run(store, id).id();
            if (out == null) {
                stdout.print(RunExport.export(f, RunSummary.rows(store, id)));
            } else {
                RunExport.write(store, id, f, out);
                spec.commandLine().getErr().println("wrote " + out);
            }
        }
    }
}
