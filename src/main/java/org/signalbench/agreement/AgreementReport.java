package org.signalbench.agreement;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.signalbench.domain.Coder;
import org.signalbench.domain.Role;
import org.signalbench.labels.Codebook;
import org.signalbench.labels.LatestAnswers;
import org.signalbench.store.LabelReads;
import org.signalbench.store.Session;

/**
 * Agreement figures read from a workbench: each coder's latest answer counts, retracted answers
 * do not, and only posts both coders answered are compared. Multiple-choice answers (channels)
 * compare as their canonical string, so "kik,wickr" and "kik" disagree.
 */
public final class AgreementReport {
    private final Session session;
    private final Codebook codebook;
    private final Map<String, Map<Long, Map<Long, LatestAnswers.Answer>>> answersByQuestion = new HashMap<>();

    public AgreementReport(Session session, Codebook codebook) {
        this.session = session;
        this.codebook = codebook;
    }

    /** Coders with role coder, by name. */
    public List<Coder> coders() {
        return LabelReads.coders(session).stream().filter(k -> k.role() == Role.CODER).toList();
    }

    private Map<Long, Map<Long, LatestAnswers.Answer>> answers(String question) {
        codebook.question(question).orElseThrow(() -> new IllegalArgumentException("unknown question '" + question + "'"));
        Map<Long, Map<Long, LatestAnswers.Answer>> answers = answersByQuestion.get(question);
        if (answers == null) {
            answers = LatestAnswers.of(session, question);
            answersByQuestion.put(question, answers);
        }
        return answers;
    }

    /** The posts both coders answered, with both latest answers; the later answer's time in {@code at}. */
    private List<Paired> paired(Coder first, Coder second, String question) {
        List<Paired> pairs = new ArrayList<>();
        answers(question).forEach((postId, byCoder) -> {
            LatestAnswers.Answer a = byCoder.get(first.id());
            LatestAnswers.Answer b = byCoder.get(second.id());
            if (a != null && b != null) {
                String later = a.at().compareTo(b.at()) >= 0 ? a.at() : b.at();
                pairs.add(new Paired(new ConfusionMatrix.Pair(postId, a.value(), b.value()), later));
            }
        });
        return pairs;
    }

    private record Paired(ConfusionMatrix.Pair pair, String at) {
    }

    /** Every two-coder coefficient for the posts both answered. */
    public PairAgreement pair(Coder first, Coder second, String question) {
        return Coefficients.pair(ConfusionMatrix.of(paired(first, second, question).stream().map(Paired::pair).toList(),
                categories(question)));
    }

    /**
     * Agreement per labeling batch, oldest first. A batch is the ISO week (UTC) in which the later
     * of the two answers was given: the week both answers existed, so drift shows in the week it happened.
     */
    public List<BatchAgreement> byWeek(Coder first, Coder second, String question) {
        Map<String, List<ConfusionMatrix.Pair>> batches = new TreeMap<>();
        for (Paired p : paired(first, second, question)) {
            batches.computeIfAbsent(isoWeek(p.at()), k -> new ArrayList<>()).add(p.pair());
        }
        List<BatchAgreement> list = new ArrayList<>();
        for (var e : batches.entrySet()) {
            list.add(new BatchAgreement(e.getKey(), Coefficients.pair(ConfusionMatrix.of(e.getValue(), categories(question)))));
        }
        return list;
    }

    static String isoWeek(String at) {
        var day = Instant.parse(at).atZone(ZoneOffset.UTC);
        return String.format("%d-W%02d", day.get(IsoFields.WEEK_BASED_YEAR), day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }

    /**
     * Fleiss' kappa over the posts every one of {@code coders} answered (empty when fewer than
     * three coders or no such post).
     */
    public Optional<MultiCoderAgreement> fleiss(Collection<Coder> coders, String question) {
        if (coders.size() < 3) {
            return Optional.empty();
        }
        List<String> categories = new ArrayList<>(categories(question));
        List<List<String>> units = new ArrayList<>();
        for (Map<Long, LatestAnswers.Answer> byCoder : answers(question).values()) {
            List<String> unit = new ArrayList<>();
            for (Coder k : coders) {
                LatestAnswers.Answer a = byCoder.get(k.id());
                if (a != null) {
                    unit.add(a.value());
                }
            }
            if (unit.size() == coders.size()) {
                units.add(unit);
                unit.stream().filter(v -> !categories.contains(v)).distinct().forEach(categories::add);
            }
        }
        if (units.isEmpty()) {
            return Optional.empty();
        }
        long[][] counts = new long[units.size()][categories.size()];
        for (int i = 0; i < units.size(); i++) {
            for (String v : units.get(i)) {
                counts[i][categories.indexOf(v)]++;
            }
        }
        return Optional.of(new MultiCoderAgreement(units.size(), Coefficients.fleissKappa(counts),
                Coefficients.krippendorffAlpha(units)));
    }

    /** The two coders (role coder) who answered the most posts in common; empty with fewer than two coders. */
    public Optional<List<Coder>> busiestPair(String question) {
        List<Coder> coders = coders();
        if (coders.size() < 2) {
            return Optional.empty();
        }
        Map<Long, Integer> index = new HashMap<>();
        coders.forEach(k -> index.put(k.id(), index.size()));
        long[][] common = new long[coders.size()][coders.size()];
        for (Map<Long, LatestAnswers.Answer> byCoder : answers(question).values()) {
            List<Integer> who = byCoder.keySet().stream().map(index::get).filter(i -> i != null).sorted().toList();
            for (int i = 0; i < who.size(); i++) {
                for (int j = i + 1; j < who.size(); j++) {
                    common[who.get(i)][who.get(j)]++;
                }
            }
        }
        int bestI = 0;
        int bestJ = 1;
        for (int i = 0; i < coders.size(); i++) {
            for (int j = i + 1; j < coders.size(); j++) {
                if (common[i][j] > common[bestI][bestJ]) {
                    bestI = i;
                    bestJ = j;
                }
            }
        }
        return Optional.of(List.of(coders.get(bestI), coders.get(bestJ)));
    }

    /** One pair of coders on one question. */
    public record PairRow(String question, Coder first, Coder second, PairAgreement agreement) {
    }

    /**
     * Every pair of coders (by name) on every codebook question, where the two answered at least
     * one post in common: the rows of the agreement view.
     */
    public List<PairRow> everyPair() {
        List<Coder> coders = coders();
        List<PairRow> rows = new ArrayList<>();
        for (Codebook.Question q : codebook.questions()) {
            for (int i = 0; i < coders.size(); i++) {
                for (int j = i + 1; j < coders.size(); j++) {
                    PairAgreement a = pair(coders.get(i), coders.get(j), q.key());
                    if (a.items() > 0) {
                        rows.add(new PairRow(q.key(), coders.get(i), coders.get(j), a));
                    }
                }
            }
        }
        return rows;
    }

    /** The codebook's values for single-choice questions (rows and columns even when unused); none for multiple choice. */
    private List<String> categories(String question) {
        Codebook.Question q = codebook.question(question).orElseThrow();
        return q.multiple() ? List.of() : q.values().stream().map(Codebook.Value::key).toList();
    }

}
