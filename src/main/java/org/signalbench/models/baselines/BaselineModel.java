package org.signalbench.models.baselines;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.signalbench.models.Example;
import org.signalbench.models.Scored;
import org.signalbench.models.TfIdf;
import org.signalbench.models.TrainedModel;
import org.tribuo.Model;
import org.tribuo.classification.Label;
import org.tribuo.protos.core.ModelProto;

/**
 * A trained baseline: its TF-IDF weights and its predictor, either SignalBench's own sparse learners
 * ({@link TreeEnsemble} for dt and rf, {@link LinearSvm} for svm) or a Tribuo model (libsvm and the
 * {@code tribuo-*} ids). It saves to a zip file holding {@value #DESCRIPTION_ENTRY} (model id,
 * hyperparameters, idf weights; JSON) and the predictor's entry ({@value TreeEnsemble#ENTRY},
 * {@value LinearSvm#ENTRY}: binary, every double as its exact bits; {@value #TRIBUO_ENTRY}: the
 * Tribuo model in Tribuo's own protobuf format), which {@link #load(Path)} reads back into a model
 * that gives exactly the same scores.
 */
public final class BaselineModel implements TrainedModel {
    /** The zip entry that marks a SignalBench baseline file. */
    public static final String DESCRIPTION_ENTRY = "signalbench-baseline.json";
    static final String TRIBUO_ENTRY = "tribuo-model.pb";
    /** Scores are dealer minus other (trees, forests) or decision values (SVMs): dealer above 0. */
    public static final double THRESHOLD = 0.0;
    /** Format 1: a Tribuo predictor; 2: a SignalBench sparse predictor (format 1 readers refuse it by number). */
    private static final int TRIBUO_FORMAT = 1;
    private static final int SPARSE_FORMAT = 2;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What {@value #DESCRIPTION_ENTRY} holds. */
    record Description(int format, String model, Map<String, Object> hyperparameters, Map<String, Double> idf) {
    }

    /** What scores TF-IDF vectors: a trained learner that can write itself into one zip entry. */
    interface Predictor {
        /** One answer per example, in their order; a text without a known word scores 0, "not dealer". */
        List<Scored> score(TfIdf tfIdf, List<Example> examples);

        /** The zip entry the predictor is saved in. */
        String entry();

        void write(OutputStream out) throws IOException;
    }

    /** A Tribuo classifier as a predictor. */
    private record TribuoPredictor(Model<Label> model) implements Predictor {
        @Override
        public List<Scored> score(TfIdf tfIdf, List<Example> examples) {
            List<Scored> scored = new ArrayList<>(examples.size());
            for (Example e : examples) {
                scored.add(TribuoBaseline.score(model, tfIdf, e));
            }
            return scored;
        }

        @Override
        public String entry() {
            return TRIBUO_ENTRY;
        }

        @Override
        public void write(OutputStream out) throws IOException {
            model.serialize().writeTo(out);
        }
    }

    private final String id;
    private final Map<String, Object> hyperparameters;
    private final TfIdf tfIdf;
    private final Predictor predictor;

    BaselineModel(String id, Map<String, Object> hyperparameters, TfIdf tfIdf, Model<Label> model) {
        this(id, hyperparameters, tfIdf, new TribuoPredictor(model));
    }

    BaselineModel(String id, Map<String, Object> hyperparameters, TfIdf tfIdf, Predictor predictor) {
        this.id = id;
        this.hyperparameters = hyperparameters;
        this.tfIdf = tfIdf;
        this.predictor = predictor;
    }

    /** What scores the texts (a {@link TreeEnsemble}, a {@link LinearSvm} or a Tribuo model). */
    Predictor predictor() {
        return predictor;
    }

    /** The model id (dt, rf, svm, libsvm, or a tribuo-* id). */
    public String id() {
        return id;
    }

    public Map<String, Object> hyperparameters() {
        return hyperparameters;
    }

    @Override
    public List<Scored> score(List<Example> examples) {
        return predictor.score(tfIdf, examples);
    }

    @Override
    public void save(Path file) throws IOException {
        int format = predictor instanceof TribuoPredictor ? TRIBUO_FORMAT : SPARSE_FORMAT;
        Description description = new Description(format, id, new LinkedHashMap<>(hyperparameters), tfIdf.idfWeights());
        try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry(DESCRIPTION_ENTRY));
            zip.write(JSON.writeValueAsBytes(description));
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry(predictor.entry()));
            predictor.write(zip);
            zip.closeEntry();
        }
    }

    /** Reads a file written by {@link #save(Path)}; an IOException names the file and what is wrong. */
    public static BaselineModel load(Path file) throws IOException {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            ZipEntry descriptionEntry = zip.getEntry(DESCRIPTION_ENTRY);
            ZipEntry modelEntry = null;
            for (String name : List.of(TreeEnsemble.ENTRY, LinearSvm.ENTRY, TRIBUO_ENTRY)) {
                modelEntry = modelEntry != null ? modelEntry : zip.getEntry(name);
            }
            if (descriptionEntry == null || modelEntry == null) {
                throw new IOException(file + ": not a SignalBench baseline model (needs entries " + DESCRIPTION_ENTRY
                        + " and one of " + TreeEnsemble.ENTRY + ", " + LinearSvm.ENTRY + ", " + TRIBUO_ENTRY + ")");
            }
            Description d;
            try {
                d = JSON.readValue(zip.getInputStream(descriptionEntry), new TypeReference<Description>() { });
            } catch (IOException e) {
                throw new IOException(file + ": unreadable " + DESCRIPTION_ENTRY + ": " + e.getMessage(), e);
            }
            int expected = modelEntry.getName().equals(TRIBUO_ENTRY) ? TRIBUO_FORMAT : SPARSE_FORMAT;
            if (d.format() != expected) {
                throw new IOException(file + ": baseline file format " + d.format() + " with entry " + modelEntry.getName()
                        + ", this SignalBench reads format " + expected + " there");
            }
            Predictor predictor;
            try (var in = new java.io.BufferedInputStream(zip.getInputStream(modelEntry))) {
                predictor = switch (modelEntry.getName()) {
                    case TreeEnsemble.ENTRY -> TreeEnsemble.read(in);
                    case LinearSvm.ENTRY -> LinearSvm.read(in);
                    default -> new TribuoPredictor(tribuoModel(file, in));
                };
            } catch (IOException | RuntimeException e) {
                throw new IOException(file + ": unreadable model in " + modelEntry.getName() + ": " + e.getMessage(), e);
            }
            return new BaselineModel(d.model(), d.hyperparameters(), TfIdf.of(d.idf()), predictor);
        }
    }

    @SuppressWarnings("unchecked")
    private static Model<Label> tribuoModel(Path file, java.io.InputStream in) throws IOException {
        Model<?> model = Model.deserialize(ModelProto.parseFrom(in));
        if (!model.validate(Label.class)) {
            throw new IOException(file + ": the Tribuo model is not a classifier");
        }
        return (Model<Label>) model;
    }
}
