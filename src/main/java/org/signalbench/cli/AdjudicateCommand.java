package org.signalbench.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.signalbench.app.Services;
import org.signalbench.domain.Role;
import org.signalbench.labels.CoderAnswers;
import org.signalbench.labels.Disagreement;
import org.signalbench.labels.LabelStore;
import org.signalbench.store.Session;
import org.signalbench.store.Workbench;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

/** {@code adjudicate}: the expert's side: what the coders disagree on, and final answers from CSV. */
@Command(name = "adjudicate", mixinStandardHelpOptions = true,
        description = "List disagreements or import the expert's final answers.",
        subcommands = {AdjudicateCommand.ImportDecisions.class, AdjudicateCommand.ListDisagreements.class})
public final class AdjudicateCommand {

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = {"Import the expert's final dealer answers from CSV (external_id,label[,platform][,reason]; label 1/0 or yes/no).",
                    "Exit 0 when the file was read (bad lines are listed), 1 when it was refused whole, 2 for bad usage."})
    static final class ImportDecisions extends LabelsCommand.AnswersImport {
        @Option(names = "--expert", defaultValue = "expert", paramLabel = "NAME", description = "The expert (default: ${DEFAULT-VALUE}).")
        String expert;

        @Parameters(paramLabel = "FILE.csv")
        Path file;

        @Override
        Path file() {
            return file;
        }

        @Override
        int importFile() throws Exception {
            return importCsv(expert, Role.EXPERT);
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "List the posts where coders' latest answers differ, with each coder's answers and any decision.")
    static final class ListDisagreements implements Callable<Integer> {
        @Mixin
        WorkbenchOption workbench;

        @Option(names = "--expert", defaultValue = "expert", paramLabel = "NAME", description = "The expert reading (default: ${DEFAULT-VALUE}).")
        String expert;

        @Option(names = "--open", description = "Only disagreements the expert has not settled.")
        boolean openOnly;

        @Option(names = "--json", description = "Print as JSON.")
        boolean json;

        @Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            try (Workbench wb = workbench.openExisting(); LabelStore store = new LabelStore(Session.over(wb.connection()), Services.load().settings().codebook())) {
                var found = store.findCoder(expert);
                if (found.isEmpty() || found.get().role() != Role.EXPERT) {
                    spec.commandLine().getErr().println("error: no expert '" + expert + "' in " + workbench.path());
                    return SignalBenchCommand.EXIT_FAILURE;
                }
                List<Disagreement> list = store.disagreements(found.get().id()).stream()
                        .filter(d -> !openOnly || !d.settled()).toList();
                var out = spec.commandLine().getOut();
                if (json) {
                    List<Map<String, Object>> items = new ArrayList<>();
                    for (Disagreement d : list) {
                        Map<String, Object> m = new LinkedHashMap<>();
                        m.put("platform", d.platform());
                        m.put("externalId", d.externalId());
                        m.put("questions", d.questions());
                        Map<String, Object> coders = new LinkedHashMap<>();
                        for (CoderAnswers a : d.coders()) {
                            coders.put(a.coder().name(), a.answers());
                        }
                        m.put("coders", coders);
                        Map<String, Object> decisions = new LinkedHashMap<>();
                        d.decisions().forEach((q, dec) -> decisions.put(q, Map.of("value", dec.value(),
                                "expert", dec.expert(), "at", dec.at(), "reason", dec.reason() == null ? "" : dec.reason())));
                        m.put("decisions", decisions);
                        m.put("settled", d.settled());
                        items.add(m);
                    }
                    Json.print(out, items);
                } else {
                    for (Disagreement d : list) {
                        out.printf("%s:%s  %s  %s%n", d.platform(), d.externalId(), String.join(",", d.questions()),
                                d.settled() ? "settled" : "open");
                    }
                    out.printf("%d disagreements%n", list.size());
                    out.flush();
                }
            }
            return 0;
        }
    }
}
