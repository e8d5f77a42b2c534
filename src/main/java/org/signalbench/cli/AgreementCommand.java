package org.signalbench.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.signalbench.agreement.AgreementReport;
import org.signalbench.agreement.BatchAgreement;
import org.signalbench.agreement.MultiCoderAgreement;
import org.signalbench.agreement.PairAgreement;
import org.signalbench.app.Services;
import org.signalbench.domain.Coder;
import org.signalbench.domain.QuestionId;
import org.signalbench.labels.Codebook;
import org.signalbench.store.Session;
import org.signalbench.store.Workbench;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

/** {@code agreement}: how well two coders agree on one question. */
@Command(name = "agreement", mixinStandardHelpOptions = true,
        description = {"Agreement between two coders on one question: observed agreement, Cohen's kappa with a 95%% "
                + "confidence interval, Scott's pi, Krippendorff's alpha, Gwet's AC1, the confusion matrix, and "
                + "kappa per ISO week; Fleiss' kappa when three or more coders exist.",
                "Exit 1 when fewer than two coders exist or a named coder is unknown."})
public final class AgreementCommand implements Callable<Integer> {
    @Mixin
    WorkbenchOption workbench;

    @Option(names = "--coders", split = ",", paramLabel = "A,B",
            description = "The two coders (default: the two with the most posts in common).")
    List<String> coderNames;

    @Option(names = "--question", defaultValue = QuestionId.DEALER_KEY, paramLabel = "KEY",
            description = "Codebook question (default: ${DEFAULT-VALUE}).")
    String question;

    @Option(names = "--json", description = "Print the figures as JSON.")
    boolean json;

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (coderNames != null && (coderNames.size() != 2 || coderNames.get(0).equals(coderNames.get(1)))) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--coders takes two different names, e.g. --coders coder-a,coder-b");
        }
        Codebook codebook = Services.load().settings().codebook();
        if (codebook.question(question).isEmpty() || Codebook.NOTE.equals(question)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "unknown --question '" + question + "'");
        }
        var err = spec.commandLine().getErr();
        try (Workbench wb = workbench.openExisting()) {
            AgreementReport report = new AgreementReport(Session.over(wb.connection()), codebook);
            List<Coder> all = report.coders();
            List<Coder> pair;
            if (coderNames == null) {
                Optional<List<Coder>> busiest = report.busiestPair(question);
                if (busiest.isEmpty()) {
                    err.println("error: agreement needs two coders; this workbench has " + all.size()
                            + (all.isEmpty() ? "" : " (" + all.get(0).name() + ")"));
                    return SignalBenchCommand.EXIT_FAILURE;
                }
                pair = busiest.get();
            } else {
                pair = new ArrayList<>();
                for (String name : coderNames) {
                    Optional<Coder> found = all.stream().filter(k -> k.name().equals(name.trim())).findFirst();
                    if (found.isEmpty()) {
                        err.println("error: no coder '" + name.trim() + "' (role coder) in " + workbench.path()
                                + "; coders: " + String.join(", ", all.stream().map(Coder::name).toList()));
                        return SignalBenchCommand.EXIT_FAILURE;
                    }
                    pair.add(found.get());
                }
            }
            PairAgreement a = report.pair(pair.get(0), pair.get(1), question);
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("question", question);
            out.put("coders", List.of(pair.get(0).name(), pair.get(1).name()));
            out.put("items", a.items());
            out.put("observedAgreement", JsonOrText.finiteOrNull(a.observedAgreement()));
            out.put("cohenKappa", JsonOrText.finiteOrNull(a.cohenKappa()));
            out.put("kappaCi95", java.util.Arrays.asList(JsonOrText.finiteOrNull(a.kappaLow()), JsonOrText.finiteOrNull(a.kappaHigh())));
            out.put("krippendorffAlpha", JsonOrText.finiteOrNull(a.krippendorffAlpha()));
            out.put("gwetAc1", JsonOrText.finiteOrNull(a.gwetAc1()));
            out.put("confusion", a.confusion().cells());
            out.put("scottPi", JsonOrText.finiteOrNull(a.scottPi()));
            out.put("kappaStandardError", JsonOrText.finiteOrNull(a.kappaStandardError()));
            List<Map<String, Object>> weeks = new ArrayList<>();
            for (BatchAgreement b : report.byWeek(pair.get(0), pair.get(1), question)) {
                Map<String, Object> w = new LinkedHashMap<>();
                w.put("batch", b.batch());
                w.put("items", b.agreement().items());
                w.put("observedAgreement", JsonOrText.finiteOrNull(b.agreement().observedAgreement()));
                w.put("cohenKappa", JsonOrText.finiteOrNull(b.agreement().cohenKappa()));
                weeks.add(w);
            }
            out.put("byWeek", weeks);
            Optional<MultiCoderAgreement> fleiss = report.fleiss(all, question);
            fleiss.ifPresent(f -> {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("coders", all.stream().map(Coder::name).toList());
                m.put("items", f.items());
                m.put("fleissKappa", JsonOrText.finiteOrNull(f.fleissKappa()));
                m.put("krippendorffAlpha", JsonOrText.finiteOrNull(f.krippendorffAlpha()));
                out.put("allCoders", m);
            });
            if (json) {
                Json.print(spec.commandLine().getOut(), out);
            } else {
                printText(out, a);
            }
        }
        return 0;
    }

    private void printText(Map<String, Object> out, PairAgreement a) {
        var o = spec.commandLine().getOut();
        o.printf("question:            %s%n", out.get("question"));
        o.printf("coders:              %s%n", String.join(", ", castList(out.get("coders"))));
        o.printf("items:               %d%n", a.items());
        o.printf("observed agreement:  %.4f%n", a.observedAgreement());
        o.printf("Cohen's kappa:       %.4f (95%% CI %.4f to %.4f)%n", a.cohenKappa(), a.kappaLow(), a.kappaHigh());
        o.printf("Scott's pi:          %.4f%n", a.scottPi());
        o.printf("Krippendorff alpha:  %.4f%n", a.krippendorffAlpha());
        o.printf("Gwet's AC1:          %.4f%n", a.gwetAc1());
        o.println("confusion (first|second):");
        a.confusion().cells().forEach((cell, n) -> o.printf("  %-24s %d%n", cell, n));
        o.flush();
    }

    @SuppressWarnings("unchecked")
    private static List<String> castList(Object o) {
        return (List<String>) o;
    }

}
