package org.signalbench.models.lstm;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;
import org.signalbench.jobs.JobContext;
import org.signalbench.models.Example;
import org.signalbench.models.ModelTrainer;
import org.signalbench.models.TrainedModel;
import org.signalbench.models.TrainingEpoch;

/**
 * The study's LSTM as a cross-validation model (id {@value #ID}): a preset ({@link LstmConfig#preset})
 * with hyperparameters overridden by name ({@code --param lstm.NAME=VALUE}), trained on the
 * {@link Example}s of a fold.
 *
 * <p>Inside each training part a seeded, label-stratified share ({@code validationShare}, 30 %) is
 * held out for the published early stopping. The network's blocks follow the texts, because an
 * {@code Example} does not carry its variant: a text block when some training text has a word, a
 * hashtag block when some has a hashtag ({@link #blocksOf}). On the three variants this is exactly
 * {@link LstmBlocks#forVariant}: no-hashtags texts have no hashtags, hashtags-only texts nothing
 * else; and a corpus without a single hashtag gets no hashtag block that could only read padding.
 */
public final class LstmModelTrainer implements ModelTrainer {
    public static final String ID = "lstm";
    /** The override naming the preset the other values start from ("laptop" unless given). */
    public static final String PRESET = "preset";
    public static final String DEFAULT_PRESET = "laptop";
    public static final double DEFAULT_VALIDATION_SHARE = 0.30;

    /** Hyperparameter names, in the order they are listed, each with the LstmConfig value it sets. */
    private enum Param {
        embeddingSize, lstmSize, blockDenseSize, mergedDenseSize, textWindow, hashtagWindow, minWordCount, dropout, recurrentDropout,
        learningRate, batchSize, maxEpochs, patience, validationShare, bucketing
    }

    /**
     * Each hyperparameter added after LSTM runs were first stored, with the value that reproduces how
     * a run stored without it ran (never today's preset value): minWordCount 0 (every dictionary word
     * read), recurrentDropout 0 (none). A run stored without them resumes with these (docs/models.md, "Resume").
     */
    public static final Map<String, String> BEFORE_ADDED = Map.of(Param.minWordCount.name(), "0",
            Param.recurrentDropout.name(), "0.0");

    private final LstmConfig config;
    private final double validationShare;
    private final boolean bucketing;

    /** {@code config}'s dictionary size, blocks and seed are set for each training part. */
    public LstmModelTrainer(LstmConfig config, double validationShare, boolean bucketing) {
        if (!(validationShare >= 0 && validationShare < 1)) {
            throw new IllegalArgumentException("validation share must be in [0, 1), not " + validationShare);
        }
        this.config = config;
        this.validationShare = validationShare;
        this.bucketing = bucketing;
    }

    /**
     * A trainer from {@code overrides} (name → value as text): {@value #PRESET} picks the preset
     * (default {@value #DEFAULT_PRESET}), every other name one of {@link #hyperparameters()}. An
     * unknown name or a bad value is an IllegalArgumentException naming it ({@code lstm.NAME}).
     */
    public static LstmModelTrainer create(Map<String, String> overrides) {
        String presetName = overrides.getOrDefault(PRESET, DEFAULT_PRESET);
        LstmConfig preset;
        try {
            preset = LstmConfig.preset(presetName);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(ID + "." + PRESET + ": " + e.getMessage(), e);
        }
        Map<String, Object> values = values(preset, DEFAULT_VALIDATION_SHARE, true);
        for (Map.Entry<String, String> o : overrides.entrySet()) {
            if (o.getKey().equals(PRESET)) {
                continue;
            }
            if (!values.containsKey(o.getKey())) {
                throw new IllegalArgumentException("model '" + ID + "' has no hyperparameter [" + o.getKey() + "] (it has "
                        + names() + ")");
            }
            Map<String, Object> one = new LinkedHashMap<>(values(preset, DEFAULT_VALIDATION_SHARE, true));
            Object value = parse(o.getKey(), one.get(o.getKey()), o.getValue());
            one.put(o.getKey(), value);
            try {
                of(preset.preset(), one); // checks this value alone, so the message names it
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(ID + "." + o.getKey() + ": " + e.getMessage(), e);
            }
            values.put(o.getKey(), value);
        }
        return of(preset.preset(), values);
    }

    /** Every hyperparameter name, the preset first. */
    public static List<String> names() {
        List<String> names = new ArrayList<>();
        names.add(PRESET);
        for (Param p : Param.values()) {
            names.add(p.name());
        }
        return names;
    }

    public LstmConfig config() {
        return config;
    }

    public double validationShare() {
        return validationShare;
    }

    @Override
    public String id() {
        return ID;
    }

    /** The preset and every value in effect; given back as overrides they rebuild this trainer. */
    @Override
    public Map<String, Object> hyperparameters() {
        Map<String, Object> h = new LinkedHashMap<>();
        h.put(PRESET, config.preset());
        h.putAll(values(config, validationShare, bucketing));
        return h;
    }

    @Override
    public Map<String, String> libraryVersions() {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("deeplearning4j", Dl4jVersion.DEEPLEARNING4J);
        v.put("nd4j", Dl4jVersion.ND4J);
        return v;
    }

    @Override
    public TrainedModel train(List<Example> training, int dictionarySize, long seed, JobContext context) {
        return train(training, dictionarySize, seed, context, epoch -> { });
    }

    @Override
    public TrainedModel train(List<Example> training, int dictionarySize, long seed, JobContext context,
                              Consumer<TrainingEpoch> epochs) {
        if (training.isEmpty()) {
            throw new IllegalArgumentException("no training texts");
        }
        LstmConfig sized = config.withDictionarySize(dictionarySize + 1).withBlocks(blocksOf(training)).withSeed(seed);
        boolean[] held = validationPart(training, validationShare, seed);
        List<LstmSequence> train = new ArrayList<>();
        List<LstmSequence> validation = new ArrayList<>();
        List<Integer> trainLabels = new ArrayList<>();
        List<Integer> validationLabels = new ArrayList<>();
        for (int i = 0; i < training.size(); i++) {
            Example e = training.get(i);
            (held[i] ? validation : train).add(sequence(e));
            (held[i] ? validationLabels : trainLabels).add(e.dealer() ? 1 : 0);
        }
        LstmModel model = new LstmTrainer(sized).bucketing(bucketing)
                .onEpoch(e -> epochs.accept(new TrainingEpoch(e.epoch(), e.trainLoss(), e.validationLoss(), e.best(),
                        e.seconds())))
                .train(train, ints(trainLabels), validation, ints(validationLabels), context);
        return new LstmTrainedModel(model);
    }

    /**
     * The blocks the texts call for: text when some text has a word (a token not starting with
     * '#'), hashtags when some has a hashtag.
     */
    public static LstmBlocks blocksOf(List<Example> examples) {
        boolean words = false;
        boolean hashtags = false;
        for (Example e : examples) {
            for (String t : e.tokens()) {
                if (t.startsWith("#")) {
                    hashtags = true;
                } else {
                    words = true;
                }
            }
        }
        if (words && hashtags) {
            return LstmBlocks.TEXT_AND_HASHTAGS;
        }
        if (hashtags) {
            return LstmBlocks.HASHTAGS_ONLY;
        }
        if (words) {
            return LstmBlocks.TEXT_ONLY;
        }
        throw new IllegalArgumentException("the training texts have no tokens at all");
    }

    /** An example as the network reads it: words to the text block, '#' tokens to the hashtag block. */
    public static LstmSequence sequence(Example e) {
        return LstmSequence.of(new org.signalbench.preprocess.VariantText(e.postId(), e.tokens(), e.indices()));
    }

    /**
     * Which examples are held out for validation: in each class, {@code share} of it (rounded) drawn
     * with a {@code Random(seed)} shuffle (dealers first, then the others).
     */
    static boolean[] validationPart(List<Example> examples, double share, long seed) {
        Random random = new Random(seed);
        boolean[] held = new boolean[examples.size()];
        for (boolean dealer : new boolean[] {true, false}) {
            List<Integer> members = new ArrayList<>();
            for (int i = 0; i < examples.size(); i++) {
                if (examples.get(i).dealer() == dealer) {
                    members.add(i);
                }
            }
            Collections.shuffle(members, random);
            int count = (int) Math.round(share * members.size());
            for (int i = 0; i < count; i++) {
                held[members.get(i)] = true;
            }
        }
        return held;
    }

    private static Map<String, Object> values(LstmConfig c, double validationShare, boolean bucketing) {
        Map<String, Object> v = new LinkedHashMap<>();
        for (Param p : Param.values()) {
            v.put(p.name(), switch (p) {
                case embeddingSize -> c.embeddingSize();
                case lstmSize -> c.lstmSize();
                case blockDenseSize -> c.blockDenseSize();
                case mergedDenseSize -> c.mergedDenseSize();
                case textWindow -> c.textWindow();
                case hashtagWindow -> c.hashtagWindow();
                case minWordCount -> c.minWordCount();
                case dropout -> c.dropout();
                case recurrentDropout -> c.recurrentDropout();
                case learningRate -> c.learningRate();
                case batchSize -> c.batchSize();
                case maxEpochs -> c.maxEpochs();
                case patience -> c.patience();
                case validationShare -> validationShare;
                case bucketing -> bucketing;
            });
        }
        return v;
    }

    private static LstmModelTrainer of(String preset, Map<String, Object> v) {
        LstmConfig c = new LstmConfig(preset, 0, LstmBlocks.TEXT_AND_HASHTAGS, integer(v, Param.textWindow),
                integer(v, Param.hashtagWindow), integer(v, Param.minWordCount), integer(v, Param.embeddingSize), integer(v, Param.lstmSize),
                integer(v, Param.blockDenseSize), integer(v, Param.mergedDenseSize), real(v, Param.dropout),
                real(v, Param.recurrentDropout), real(v, Param.learningRate), integer(v, Param.batchSize), integer(v, Param.maxEpochs),
                integer(v, Param.patience), LstmConfig.preset(preset).seed());
        return new LstmModelTrainer(c, real(v, Param.validationShare), (Boolean) v.get(Param.bucketing.name()));
    }

    private static Object parse(String name, Object defaultValue, String text) {
        String t = text.trim();
        try {
            if (defaultValue instanceof Integer) {
                return Integer.valueOf(t);
            }
            if (defaultValue instanceof Boolean) {
                if (!t.equalsIgnoreCase("true") && !t.equalsIgnoreCase("false")) {
                    throw new IllegalArgumentException(ID + "." + name + ": '" + text + "' is not true or false");
                }
                return Boolean.valueOf(t.toLowerCase(Locale.ROOT));
            }
            return Double.valueOf(t);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(ID + "." + name + ": '" + text + "' is not "
                    + (defaultValue instanceof Integer ? "a whole number" : "a number"), e);
        }
    }

    private static int integer(Map<String, Object> v, Param p) {
        return (Integer) v.get(p.name());
    }

    private static double real(Map<String, Object> v, Param p) {
        return (Double) v.get(p.name());
    }

    private static int[] ints(List<Integer> list) {
        return list.stream().mapToInt(Integer::intValue).toArray();
    }
}
