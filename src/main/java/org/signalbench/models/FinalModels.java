package org.signalbench.models;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.signalbench.exporting.SafeOutputFile;
import org.signalbench.jobs.CancelledException;
import org.signalbench.jobs.JobContext;
import org.signalbench.jobs.UnitProgress;
import org.signalbench.labels.FinalLabel;
import org.signalbench.labels.FinalLabels;
import org.signalbench.models.baselines.BaselineModel;
import org.signalbench.models.lstm.LstmModel;
import org.signalbench.models.lstm.LstmTrainedModel;
import org.signalbench.preprocess.Captions;
import org.signalbench.preprocess.PreprocessedCorpus;
import org.signalbench.preprocess.Preprocessor;
import org.signalbench.preprocess.Variant;
import org.signalbench.preprocess.VariantText;
import org.signalbench.store.DataLocations;
import org.signalbench.store.FinalModelRecords;
import org.signalbench.store.Session;

/**
 * Final models: one model trained on every labelled text of one variant (the final dealer labels,
 * as cross-validation uses them), saved to a file, recorded in {@code final_model}, and used to
 * score the posts still to be labelled ({@code post_score}, under the final model's id) so the
 * annotate queue can put likely dealers or uncertain posts first.
 *
 * <p>The saved file is the model's own (a Tribuo baseline or a DL4J LSTM, {@link ModelFiles}) with
 * one more entry, {@value #DESCRIPTION_ENTRY}: the final model's record and the preprocessing
 * dictionary it was trained with (word → index). Scoring maps each text's words through that
 * dictionary, because the workbench's dictionary is ranked by frequency and its indices move as
 * posts are added; words the model never knew are left out. A file can therefore be scored in
 * another workbench too ({@link #scoreFile}); it is then recorded there.
 */
public final class FinalModels {
    public static final String DESCRIPTION_ENTRY = "signalbench-final-model.json";
    /** Training reports three steps (read, train, save) of this many sub-steps each, so the LSTM's batches move the bar. */
    public static final long STEPS_PER_STEP = 1000;
    private static final int FORMAT = 1;
    private static final int SCORING_BATCH = 512;
    private static final int TOP = 10;
    private static final ObjectMapper JSON = StoredJson.MAPPER;
    private static final DateTimeFormatter ID_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    /**
     * One final model. {@code threshold}: a post is predicted dealer when its score is above it (0.5
     * for the LSTM's probability, 0 for the baselines' decision values and vote differences).
     */
    public record FinalModel(String id, String model, String variant, Map<String, Object> hyperparameters, Path file,
                             String corpusFingerprint, int trainingPosts, int dealerPosts, double threshold, long seed,
                             Map<String, String> libraryVersions, Instant trainedAt, double seconds) {
        FinalModel withFile(Path newFile) {
            return new FinalModel(id, model, variant, hyperparameters, newFile, corpusFingerprint, trainingPosts, dealerPosts,
                    threshold, seed, libraryVersions, trainedAt, seconds);
        }
    }

    /**
     * What a scoring did: how many posts got a score, how many were left out because they have a
     * final label, how many have no text in the model's variant, and the highest-scored posts.
     */
    public record ScoreResult(String finalModelId, int scored, int skippedLabelled, int withoutText, List<Scored> top) {
    }

    /** What {@value #DESCRIPTION_ENTRY} holds. */
    record Description(int format, FinalModel finalModel, Map<String, Integer> vocabulary) {
    }

    private final Session session;
    private final FinalModelRecords records;
    private final Supplier<PreprocessedCorpus> corpus;
    private final Path directory;
    private Map<String, String> provenance = Map.of();

    /**
     * Final models that read and preprocess the posts themselves when they need them.
     *
     * @param directory where model files are saved ({@link #directoryFor} the workbench in the app and
     *                  on the command line)
     */
    public FinalModels(Session session, Preprocessor preprocessor, Path directory) {
        this(session, () -> Captions.preprocess(session, null, preprocessor), directory);
    }

    /** Final models over a preprocessed corpus someone else owns (the application's corpus owner). */
    public FinalModels(Session session, Supplier<PreprocessedCorpus> corpus, Path directory) {
        this.session = session;
        this.records = new FinalModelRecords(session);
        this.corpus = corpus;
        this.directory = directory;
    }

    /**
     * Entries recorded beside the library versions of every model trained from now on: the
     * application's version and the settings' content hashes.
     */
    public FinalModels provenance(Map<String, String> entries) {
        this.provenance = Map.copyOf(entries);
        return this;
    }

    /**
     * Where the final models of the workbench in {@code workbenchFile} are saved: {@code models/} in
     * the workbench's own data folder ({@link DataLocations#workbenchDataFolder}), beside its file.
     */
    public static Path directoryFor(Path workbenchFile) {
        return DataLocations.workbenchDataFolder(workbenchFile).resolve("models");
    }

    /**
     * {@code models/} in the user's data directory: where SignalBench saved every workbench's final
     * models before they moved beside the workbench. Nothing is saved there any more; models saved
     * there stay readable, since their records hold that absolute path.
     */
    public static Path formerDirectory() {
        return DataLocations.dataDirectory().resolve("models");
    }

    /** Trains a catalogue model ({@link ModelCatalog}, with the same overrides as cross-validation). */
    public FinalModel train(String model, Variant variant, Map<String, String> overrides, long seed, JobContext context)
            throws IOException {
        return train(ModelCatalog.trainer(model, overrides), variant, seed, context);
    }

    /**
     * Trains {@code trainer} on every labelled text of {@code variant}, saves the model under the
     * models directory as {@code <id>.zip} and records it. Throws CancelledException when cancelled
     * (nothing is saved or recorded), IllegalArgumentException when the variant lacks dealer or
     * other texts.
     */
    public FinalModel train(ModelTrainer trainer, Variant variant, long seed, JobContext context)
            throws IOException {
        context.progress(0, 3 * STEPS_PER_STEP, "reading and preprocessing the posts");
        PreprocessedCorpus corpus = preprocess();
        LabeledCorpus labelled = LabeledCorpus.of(corpus, FinalLabels.of(session, LabeledCorpus.QUESTION));
        List<Example> examples = labelled.examples(variant);
        int dealers = (int) examples.stream().filter(Example::dealer).count();
        if (dealers == 0 || dealers == examples.size()) {
            throw new IllegalArgumentException("variant " + variant.key() + " has " + dealers + " dealer and "
                    + (examples.size() - dealers) + " other labelled texts; a final model needs some of each");
        }
        checkCancelled(context);
        String training = "training " + trainer.id() + " on " + examples.size() + " " + variant.key() + " texts";
        context.progress(STEPS_PER_STEP, 3 * STEPS_PER_STEP, training);
        long start = System.nanoTime();
        TrainedModel trained = trainer.train(examples, labelled.dictionarySize(), seed,
                UnitProgress.within(context, 1, 3, STEPS_PER_STEP, training));
        double seconds = (System.nanoTime() - start) / 1e9;
        checkCancelled(context);
        context.progress(2 * STEPS_PER_STEP, 3 * STEPS_PER_STEP, "saving");

        Instant now = Instant.now();
        String id = newId(trainer.id() + "-" + variant.key() + "-" + ID_TIME.format(now));
        Files.createDirectories(directory);
        Path file = directory.resolve(id + ".zip").toAbsolutePath();
        Map<String, String> libraries = new LinkedHashMap<>();
        libraries.put("java", System.getProperty("java.version"));
        libraries.putAll(trainer.libraryVersions());
        new java.util.TreeMap<>(provenance).forEach(libraries::put);
        FinalModel[] saved = new FinalModel[1];
        // saved, read back and described under a temporary name, moved into place only when complete
        SafeOutputFile.writeFile(file, session, temp -> {
            trained.save(temp);
            // read back: checks the file and tells which kind of score (and so which threshold) it gives
            double threshold = threshold(ModelFiles.load(temp));
            saved[0] = new FinalModel(id, trainer.id(), variant.key(), new LinkedHashMap<>(trainer.hyperparameters()),
                    file, labelled.fingerprint(List.of(variant)), examples.size(), dealers, threshold, seed, libraries,
                    now, seconds);
            ModelFiles.putEntry(temp, DESCRIPTION_ENTRY,
                    JSON.writeValueAsBytes(new Description(FORMAT, saved[0], corpus.dictionary().asMap())));
        });
        FinalModel finalModel = saved[0];
        try {
            record(finalModel);
            context.progress(3 * STEPS_PER_STEP, 3 * STEPS_PER_STEP, "saved " + file);
            return finalModel;
        } catch (RuntimeException e) { // not recorded: the saved file is removed again
            Files.deleteIfExists(file);
            throw e;
        }
    }

    private static double threshold(TrainedModel model) {
        if (model instanceof LstmTrainedModel) {
            return LstmModel.THRESHOLD;
        }
        if (model instanceof BaselineModel) {
            return BaselineModel.THRESHOLD;
        }
        throw new IllegalStateException("no threshold known for " + model.getClass().getSimpleName());
    }

    private String newId(String base) {
        String id = base;
        for (int n = 2; find(id).isPresent() || Files.exists(directory.resolve(id + ".zip")); n++) {
            id = base + "-" + n;
        }
        return id;
    }

    private void record(FinalModel m) {
        records.insert(new FinalModelRecords.FinalModelRow(m.id(), m.model(), m.variant(), StoredJson.write(m.hyperparameters()),
                storedPath(m.file()), m.corpusFingerprint(), m.trainingPosts(), m.dealerPosts(), m.threshold(), m.seed(),
                StoredJson.write(m.libraryVersions()), m.trainedAt().toString(), m.seconds()));
    }

    /**
     * How a model file's path is recorded: relative to the models directory when it lies in it (so
     * the workbench moves with its data folder), else absolute (a file scored from elsewhere, or a
     * model saved in the {@link #formerDirectory()}).
     */
    private String storedPath(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        Path folder = directory.toAbsolutePath().normalize();
        return absolute.startsWith(folder) ? folder.relativize(absolute).toString() : absolute.toString();
    }

    /** A recorded path as a file: relative ones lie in the models directory, absolute ones where they say. */
    private Path recordedPath(String stored) {
        Path path = Path.of(stored);
        return path.isAbsolute() ? path : directory.toAbsolutePath().normalize().resolve(path);
    }

    /** Every recorded final model, newest first. */
    public List<FinalModel> list() {
        return records.all().stream().map(this::finalModel).collect(java.util.stream.Collectors.toCollection(ArrayList::new));
    }

    public Optional<FinalModel> find(String id) {
        return records.find(id).map(this::finalModel);
    }

    private FinalModel finalModel(FinalModelRecords.FinalModelRow r) {
        return new FinalModel(r.id(), r.model(), r.variant(),
                StoredJson.read(r.hyperparametersJson(), new TypeReference<Map<String, Object>>() { }, "final model"),
                recordedPath(r.file()), r.corpusFingerprint(), r.trainingPosts(), r.dealerPosts(), r.threshold(), r.seed(),
                StoredJson.read(r.libraryVersionsJson(), new TypeReference<Map<String, String>>() { }, "final model"),
                Instant.parse(r.trainedAt()), r.seconds());
    }

    /** Removes a final model: its record, its scores and its file. */
    public void delete(String id) throws IOException {
        Optional<FinalModel> m = find(id);
        records.delete(id);
        if (m.isPresent()) {
            Files.deleteIfExists(m.get().file());
        }
    }

    /** Scores with a recorded final model; see {@link #scoreFile}. */
    public ScoreResult score(String finalModelId, boolean includeLabelled, JobContext context) throws IOException {
        FinalModel m = find(finalModelId).orElseThrow(() -> new IllegalArgumentException("no final model '" + finalModelId + "'"));
        return scoreFile(m.file(), includeLabelled, context);
    }

    /**
     * Scores the posts with a text in the model's variant and no final dealer label (every such
     * post with {@code includeLabelled}) with the final model saved in {@code file}, and replaces
     * that model's rows of {@code post_score} in one transaction. A file not yet recorded in this
     * workbench is recorded. Throws CancelledException (nothing written) when cancelled.
     */
    public ScoreResult scoreFile(Path file, boolean includeLabelled, JobContext context) throws IOException {
        context.progress(0, 1, "loading " + file);
        Description description = description(file);
        TrainedModel model = ModelFiles.load(file);
        FinalModel m = description.finalModel().withFile(file.toAbsolutePath());
        if (find(m.id()).isEmpty()) {
            record(m);
        }
        context.progress(0, 1, "reading and preprocessing the posts");
        PreprocessedCorpus corpus = preprocess();
        Map<Long, FinalLabel> labels = FinalLabels.of(session, LabeledCorpus.QUESTION);
        List<VariantText> texts = corpus.texts(Variant.fromKey(m.variant()));
        List<Example> toScore = new ArrayList<>();
        int skipped = 0;
        for (VariantText text : texts) {
            FinalLabel label = labels.get(text.postId());
            if (!includeLabelled && label != null && label.isFinal()) {
                skipped++;
            } else {
                toScore.add(remap(text, description.vocabulary()));
            }
        }
        List<Scored> scored = new ArrayList<>(toScore.size());
        for (int from = 0; from < toScore.size(); from += SCORING_BATCH) {
            checkCancelled(context);
            context.progress(from, toScore.size(), "scoring with " + m.id());
            scored.addAll(model.score(toScore.subList(from, Math.min(toScore.size(), from + SCORING_BATCH))));
        }
        checkCancelled(context);
        writeScores(m.id(), scored);
        context.progress(toScore.size(), toScore.size(), "scored " + scored.size() + (scored.size() == 1 ? " post" : " posts"));
        List<Scored> top = scored.stream().sorted(Comparator.comparingDouble(Scored::score).reversed()
                .thenComparingLong(Scored::postId)).limit(TOP).toList();
        return new ScoreResult(m.id(), scored.size(), skipped, corpus.posts() - texts.size(), top);
    }

    private static Description description(Path file) throws IOException {
        byte[] bytes = ModelFiles.entry(file, DESCRIPTION_ENTRY).orElseThrow(() -> new IOException(file
                + ": a model file but not a final model (no " + DESCRIPTION_ENTRY + "; `train` writes final models)"));
        try {
            Description d = JSON.readValue(bytes, Description.class);
            if (d.format() != FORMAT) {
                throw new IOException(file + ": final-model format " + d.format() + ", this SignalBench reads " + FORMAT);
            }
            return d;
        } catch (JsonProcessingException e) {
            throw new IOException(file + ": unreadable " + DESCRIPTION_ENTRY + ": " + e.getOriginalMessage(), e);
        }
    }

    /** A text as the model saw words: indices from the model's own dictionary; words it never knew left out. */
    private static Example remap(VariantText text, Map<String, Integer> vocabulary) {
        List<String> tokens = new ArrayList<>(text.tokens().size());
        int[] indices = new int[text.tokens().size()];
        for (String token : text.tokens()) {
            Integer index = vocabulary.get(token);
            if (index != null) {
                indices[tokens.size()] = index;
                tokens.add(token);
            }
        }
        return new Example(text.postId(), tokens, java.util.Arrays.copyOf(indices, tokens.size()), false);
    }

    private void writeScores(String modelId, List<Scored> scored) {
        records.replaceScores(modelId, scored.stream().map(x -> new FinalModelRecords.ScoreRow(x.postId(), x.score())).toList());
    }

    private PreprocessedCorpus preprocess() {
        return corpus.get();
    }

    private static void checkCancelled(JobContext context) {
        if (context.isCancelled()) {
            throw new CancelledException();
        }
    }
}
