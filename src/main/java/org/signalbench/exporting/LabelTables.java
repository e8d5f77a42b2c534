package org.signalbench.exporting;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.signalbench.agreement.AgreementReport;
import org.signalbench.agreement.MultiCoderAgreement;
import org.signalbench.agreement.PairAgreement;
import org.signalbench.labels.Codebook;
import org.signalbench.domain.Coder;
import org.signalbench.labels.FinalLabel;
import org.signalbench.labels.FinalLabels;
import org.signalbench.labels.LatestAnswers;
import org.signalbench.preprocess.PreprocessedCorpus;
import org.signalbench.preprocess.Variant;
import org.signalbench.preprocess.VariantText;
import org.signalbench.store.ExportReads;
import org.signalbench.store.LabelReads;
import org.signalbench.store.Session;

/**
 * Builds the label tables researchers take to R, Stata or SPSS: each post's final label for every
 * question (docs/export.md), every coder's answers beside the expert's, and the agreement figures.
 */
public final class LabelTables {
    /** How a final label was reached, as the {@code *_source} columns say it. */
    public static final List<String> SOURCES = List.of("agreed", "settled", "disputed", "uncoded");
    static final String DEALER = org.signalbench.domain.QuestionId.DEALER_KEY;

    private LabelTables() {
    }

    /**
     * One row per post: {@code platform, external_id, dealer, dealer_source}, then a value and source
     * column per other question (and a 0/1 column per choice of a multiple-choice question), the
     * number of coders who answered the dealer question, the caption and, when {@code corpus} is
     * given, the three text variants the models read.
     */
    public static LabelTable finalLabels(Session session, Codebook codebook, PreprocessedCorpus corpus) {
        List<ExportReads.PostKey> posts = ExportReads.posts(session);
        List<Codebook.Question> questions = new ArrayList<>(codebook.questions());
        questions.sort((a, b) -> Boolean.compare(!DEALER.equals(a.key()), !DEALER.equals(b.key())));
        Map<String, Map<Long, FinalLabel>> finals = new LinkedHashMap<>();
        for (Codebook.Question q : questions) {
            finals.put(q.key(), FinalLabels.of(session, q.key()));
        }
        Map<Long, Map<Long, LatestAnswers.Answer>> dealerAnswers = LatestAnswers.of(session, DEALER);

        List<LabelTable.Column> columns = new ArrayList<>();
        columns.add(LabelTable.Column.free("platform", "Platform the post was collected from"));
        columns.add(LabelTable.Column.free("external_id", "The platform's id of the post (Instagram shortcode, tweet id)"));
        for (Codebook.Question q : questions) {
            columns.add(new LabelTable.Column(q.key(), q.label() + " (final label; empty while disputed or uncoded)", q.key(), List.of()));
            columns.add(new LabelTable.Column(q.key() + "_source", "How the final " + q.label() + " label was reached", null, SOURCES));
            if (q.multiple()) {
                for (Codebook.Value v : q.values()) {
                    columns.add(new LabelTable.Column(q.key() + "_" + v.key(), q.label() + ": " + v.label() + " (1 chosen, 0 not; empty without a final label)",
                            null, List.of("0", "1")));
                }
            }
        }
        columns.add(LabelTable.Column.free(DEALER + "_coders", "How many coders answered the dealer question (1: a single coder's answer)"));
        columns.add(LabelTable.Column.free("caption", "The caption as collected"));
        Map<Variant, Map<Long, String>> texts = new LinkedHashMap<>();
        if (corpus != null) {
            for (Variant v : Variant.values()) {
                columns.add(LabelTable.Column.free("text_" + v.key().replace('-', '_'),
                        "The preprocessed text the models read, variant " + v.key() + " (empty when the variant drops the post)"));
                Map<Long, String> byPost = new TreeMap<>();
                for (VariantText t : corpus.texts(v)) {
                    byPost.put(t.postId(), String.join(" ", t.tokens()));
                }
                texts.put(v, byPost);
            }
        }

        List<List<String>> rows = new ArrayList<>();
        for (ExportReads.PostKey post : posts) {
            List<String> row = new ArrayList<>();
            row.add(post.platform());
            row.add(post.externalId());
            for (Codebook.Question q : questions) {
                FinalLabel label = finals.get(q.key()).get(post.id());
                String value = label == null || !label.isFinal() ? "" : label.value();
                row.add(value);
                row.add(source(label));
                if (q.multiple()) {
                    List<String> chosen = Codebook.choices(value);
                    for (Codebook.Value v : q.values()) {
                        row.add(value.isEmpty() ? "" : chosen.contains(v.key()) ? "1" : "0");
                    }
                }
            }
            row.add(Integer.toString(dealerAnswers.getOrDefault(post.id(), Map.of()).size()));
            row.add(post.caption());
            for (Map<Long, String> byPost : texts.values()) {
                row.add(byPost.getOrDefault(post.id(), ""));
            }
            rows.add(row);
        }
        return new LabelTable(columns, rows);
    }

    /** The {@code *_source} cell of a final label (null: no coder answered and no expert decided). */
    static String source(FinalLabel label) {
        if (label == null) {
            return "uncoded";
        }
        return switch (label.status()) {
            case AGREED, SINGLE_CODER -> "agreed";
            case SETTLED -> "settled";
            case DISPUTED -> "disputed";
        };
    }

    /**
     * One row per post any coder answered or the expert decided: for every question, each coder's
     * latest answer ({@code dealer__coder_a}), the expert's decision ({@code dealer__expert}) and the
     * final label; then each coder's note.
     */
    public static LabelTable coderAnswers(Session session, Codebook codebook) {
        List<ExportReads.PostKey> posts = ExportReads.posts(session);
        List<org.signalbench.domain.Coder> coders = LabelReads.coders(session).stream()
                .filter(c -> c.role() == org.signalbench.domain.Role.CODER).toList();
        List<LabelTable.Column> columns = new ArrayList<>();
        columns.add(LabelTable.Column.free("platform", "Platform the post was collected from"));
        columns.add(LabelTable.Column.free("external_id", "The platform's id of the post"));
        List<Map<Long, Map<Long, LatestAnswers.Answer>>> answerMaps = new ArrayList<>();
        List<Map<Long, String>> decisionMaps = new ArrayList<>();
        List<Map<Long, FinalLabel>> finalMaps = new ArrayList<>();
        java.util.Set<Long> touched = new java.util.HashSet<>();
        for (Codebook.Question q : codebook.questions()) {
            for (org.signalbench.domain.Coder c : coders) {
                columns.add(new LabelTable.Column(q.key() + "__" + columnName(c.name()), q.label() + ": answer of coder " + c.name(),
                        q.key(), List.of()));
            }
            columns.add(new LabelTable.Column(q.key() + "__expert", q.label() + ": the expert's decision", q.key(), List.of()));
            columns.add(new LabelTable.Column(q.key() + "__final", q.label() + ": the final label (empty while disputed)", q.key(), List.of()));
            Map<Long, Map<Long, LatestAnswers.Answer>> answers = LatestAnswers.of(session, q.key());
            Map<Long, String> decisions = LabelReads.latestDecisions(session, q.key());
            answerMaps.add(answers);
            decisionMaps.add(decisions);
            finalMaps.add(FinalLabels.of(session, q.key()));
            touched.addAll(answers.keySet());
            touched.addAll(decisions.keySet());
        }
        for (org.signalbench.domain.Coder c : coders) {
            columns.add(LabelTable.Column.free(Codebook.NOTE + "__" + columnName(c.name()), "The note of coder " + c.name()));
        }
        Map<Long, Map<Long, LatestAnswers.Answer>> notes = LatestAnswers.of(session, Codebook.NOTE);
        touched.addAll(notes.keySet());

        List<List<String>> rows = new ArrayList<>();
        for (ExportReads.PostKey post : posts) {
            if (!touched.contains(post.id())) {
                continue;
            }
            List<String> row = new ArrayList<>(List.of(post.platform(), post.externalId()));
            for (int i = 0; i < codebook.questions().size(); i++) {
                Map<Long, LatestAnswers.Answer> byCoder = answerMaps.get(i).getOrDefault(post.id(), Map.of());
                for (org.signalbench.domain.Coder c : coders) {
                    LatestAnswers.Answer a = byCoder.get(c.id());
                    row.add(a == null ? "" : a.value());
                }
                row.add(decisionMaps.get(i).getOrDefault(post.id(), ""));
                FinalLabel f = finalMaps.get(i).get(post.id());
                row.add(f == null || !f.isFinal() ? "" : f.value());
            }
            Map<Long, LatestAnswers.Answer> byCoder = notes.getOrDefault(post.id(), Map.of());
            for (org.signalbench.domain.Coder c : coders) {
                LatestAnswers.Answer a = byCoder.get(c.id());
                row.add(a == null ? "" : a.value());
            }
            rows.add(row);
        }
        return new LabelTable(columns, rows);
    }

    /**
     * The agreement figures: one row per pair of coders and question (Cohen's kappa with its 95%
     * interval, Scott's pi, Krippendorff's alpha, Gwet's AC1) and one per question over all coders
     * (Fleiss' kappa, Krippendorff's alpha) when three or more coders answered.
     */
    public static LabelTable agreement(Session session, Codebook codebook) {
        AgreementReport report = new AgreementReport(session, codebook);
        List<LabelTable.Column> columns = List.of(
                new LabelTable.Column("question", "The codebook question", null, codebook.questions().stream().map(Codebook.Question::key).toList()),
                LabelTable.Column.free("coders", "The coders compared, separated by ';'"),
                new LabelTable.Column("kind", "pair: two coders; all: every coder (Fleiss)", null, List.of("pair", "all")),
                LabelTable.Column.free("items", "Posts every coder compared answered"),
                LabelTable.Column.free("observed", "Observed agreement (share of posts with the same answer)"),
                LabelTable.Column.free("cohen_kappa", "Cohen's kappa (pairs)"),
                LabelTable.Column.free("kappa_ci_low", "Lower end of kappa's 95% confidence interval"),
                LabelTable.Column.free("kappa_ci_high", "Upper end of kappa's 95% confidence interval"),
                LabelTable.Column.free("scott_pi", "Scott's pi (pairs)"),
                LabelTable.Column.free("krippendorff_alpha", "Krippendorff's alpha (nominal)"),
                LabelTable.Column.free("gwet_ac1", "Gwet's AC1 (pairs)"),
                LabelTable.Column.free("fleiss_kappa", "Fleiss' kappa (all coders)"));
        List<List<String>> rows = new ArrayList<>();
        for (AgreementReport.PairRow p : report.everyPair()) {
            PairAgreement a = p.agreement();
            rows.add(List.of(p.question(), p.first().name() + ";" + p.second().name(), "pair", Long.toString(a.items()),
                    number(a.observedAgreement()), number(a.cohenKappa()), number(a.kappaLow()), number(a.kappaHigh()),
                    number(a.scottPi()), number(a.krippendorffAlpha()), number(a.gwetAc1()), ""));
        }
        List<Coder> coders = report.coders();
        if (coders.size() >= 3) {
            for (Codebook.Question q : codebook.questions()) {
                java.util.Optional<MultiCoderAgreement> m = report.fleiss(coders, q.key());
                m.ifPresent(f -> rows.add(List.of(q.key(), String.join(";", coders.stream().map(Coder::name).toList()), "all",
                        Long.toString(f.items()), "", "", "", "", "", number(f.krippendorffAlpha()), "", number(f.fleissKappa()))));
            }
        }
        return new LabelTable(columns, rows);
    }

    /**
     * One person's latest dealer answers in the labels CSV that {@code labels import} reads
     * ({@code external_id,label,platform}; docs/formats/csv.md): a coder's answers, or the expert's decisions.
     */
    public static LabelTable dealerAnswersOf(Session session, long personId, org.signalbench.domain.Role role) {
        Map<Long, String> values = new TreeMap<>();
        if (role == org.signalbench.domain.Role.EXPERT) {
            values.putAll(LabelReads.latestDecisions(session, DEALER));
        } else {
            LatestAnswers.of(session, DEALER).forEach((postId, byCoder) -> {
                LatestAnswers.Answer a = byCoder.get(personId);
                if (a != null) {
                    values.put(postId, a.value());
                }
            });
        }
        List<List<String>> rows = new ArrayList<>();
        for (ExportReads.PostKey post : ExportReads.posts(session)) {
            String value = values.get(post.id());
            if (value != null) {
                rows.add(List.of(post.externalId(), value, post.platform()));
            }
        }
        return new LabelTable(List.of(LabelTable.Column.free("external_id", "The platform's id of the post"),
                new LabelTable.Column("label", "The dealer answer", DEALER, List.of()),
                LabelTable.Column.free("platform", "Platform the post was collected from")), rows);
    }

    /** A number as R reads it: a dot, no grouping; empty when not a number (NaN: undefined). */
    static String number(double d) {
        return Double.isNaN(d) || Double.isInfinite(d) ? "" : String.format(Locale.ROOT, "%.6f", d);
    }

    /** A coder's name as part of a column name: letters, digits and underscores only. */
    static String columnName(String name) {
        String s = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]+", "_").replaceAll("^_+|_+$", "");
        return s.isEmpty() ? "coder" : s;
    }
}
