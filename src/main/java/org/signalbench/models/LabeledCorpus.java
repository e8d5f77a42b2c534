package org.signalbench.models;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.signalbench.domain.QuestionId;
import org.signalbench.labels.FinalLabel;
import org.signalbench.labels.FinalLabels;
import org.signalbench.preprocess.Captions;
import org.signalbench.preprocess.PreprocessedCorpus;
import org.signalbench.preprocess.Preprocessor;
import org.signalbench.preprocess.Variant;
import org.signalbench.preprocess.VariantText;
import org.signalbench.store.Session;

/**
 * The training data: every caption preprocessed (so the dictionary is the preprocessing
 * dictionary), then, per variant, the kept texts of posts whose final dealer label is yes or no.
 * Disputed posts, posts without a dealer label and texts a variant dropped stay out.
 */
public final class LabeledCorpus {
    public static final String QUESTION = QuestionId.DEALER_KEY;

    private final int dictionarySize;
    private final Map<Variant, List<Example>> examples;

    public LabeledCorpus(int dictionarySize, Map<Variant, List<Example>> examples) {
        this.dictionarySize = dictionarySize;
        this.examples = new EnumMap<>(examples);
    }

    /** Reads and preprocesses the workbench's posts and final dealer labels. */
    public static LabeledCorpus load(Session session, Preprocessor preprocessor) {
        PreprocessedCorpus corpus = Captions.preprocess(session, null, preprocessor);
        return of(corpus, FinalLabels.of(session, QUESTION));
    }

    /** The labelled examples of an already preprocessed corpus (texts of posts whose final dealer label is yes or no). */
    public static LabeledCorpus of(PreprocessedCorpus corpus, Map<Long, FinalLabel> labels) {
        Map<Variant, List<Example>> byVariant = new EnumMap<>(Variant.class);
        for (Variant variant : Variant.values()) {
            List<Example> list = new ArrayList<>();
            for (VariantText text : corpus.texts(variant)) {
                FinalLabel label = labels.get(text.postId());
                if (label == null || !label.isFinal()) {
                    continue;
                }
                if ("yes".equals(label.value()) || "no".equals(label.value())) {
                    list.add(new Example(text.postId(), text.tokens(), text.indices(), "yes".equals(label.value())));
                }
            }
            byVariant.put(variant, List.copyOf(list));
        }
        return new LabeledCorpus(corpus.dictionary().size(), byVariant);
    }

    public int dictionarySize() {
        return dictionarySize;
    }

    /** The labelled texts of a variant, in post-id order. */
    public List<Example> examples(Variant variant) {
        return examples.get(variant);
    }

    /**
     * SHA-256 over, for each variant in order and each of its examples in post-id order, the line
     * {@code variant \t postId \t yes|no \t tokens joined by spaces}: it changes whenever a training
     * post, its label or its preprocessed text changes.
     */
    public String fingerprint(List<Variant> variants) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (Variant v : variants) {
                for (Example e : examples(v)) {
                    String line = v.key() + "\t" + e.postId() + "\t" + (e.dealer() ? "yes" : "no") + "\t"
                            + String.join(" ", e.tokens()) + "\n";
                    sha.update(line.getBytes(StandardCharsets.UTF_8));
                }
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
