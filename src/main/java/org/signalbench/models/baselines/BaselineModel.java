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
 * A trained baseline: its TF-IDF weights and its Tribuo model. It saves to a zip file holding
 * {@value #DESCRIPTION_ENTRY} (model id, hyperparameters, idf weights; JSON) and
 * {@value #TRIBUO_ENTRY} (the Tribuo model in Tribuo's own protobuf format), which
 * {@link #load(Path)} reads back into a model that gives exactly the same scores.
 */
public final class BaselineModel implements TrainedModel {
    /** The zip entry that marks a SignalBench baseline file. */
    public static final String DESCRIPTION_ENTRY = "signalbench-baseline.json";
    static final String TRIBUO_ENTRY = "tribuo-model.pb";
    /** Scores are dealer minus other (trees, forests) or decision values (SVMs): dealer above 0. */
    public static final double THRESHOLD = 0.0;
    private static final int FORMAT = 1;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What {@value #DESCRIPTION_ENTRY} holds. */
    record Description(int format, String model, Map<String, Object> hyperparameters, Map<String, Double> idf) {
    }

    private final String id;
    private final Map<String, Object> hyperparameters;
    private final TfIdf tfIdf;
    private final Model<Label> model;

    BaselineModel(String id, Map<String, Object> hyperparameters, TfIdf tfIdf, Model<Label> model) {
        this.id = id;
        this.hyperparameters = hyperparameters;
        this.tfIdf = tfIdf;
        this.model = model;
    }

    /** The model id (dt, rf, svm, libsvm). */
    public String id() {
        return id;
    }

    public Map<String, Object> hyperparameters() {
        return hyperparameters;
    }

    @Override
    public List<Scored> score(List<Example> examples) {
        List<Scored> scored = new ArrayList<>(examples.size());
        for (Example e : examples) {
            scored.add(TribuoBaseline.score(model, tfIdf, e));
        }
        return scored;
    }

    @Override
    public void save(Path file) throws IOException {
        Description description = new Description(FORMAT, id, new LinkedHashMap<>(hyperparameters), tfIdf.idfWeights());
        try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry(DESCRIPTION_ENTRY));
            zip.write(JSON.writeValueAsBytes(description));
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry(TRIBUO_ENTRY));
            model.serialize().writeTo(zip);
            zip.closeEntry();
        }
    }

    /** Reads a file written by {@link #save(Path)}; an IOException names the file and what is wrong. */
    @SuppressWarnings("unchecked")
    public static BaselineModel load(Path file) throws IOException {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            ZipEntry descriptionEntry = zip.getEntry(DESCRIPTION_ENTRY);
            ZipEntry modelEntry = zip.getEntry(TRIBUO_ENTRY);
            if (descriptionEntry == null || modelEntry == null) {
                throw new IOException(file + ": not a SignalBench baseline model (needs entries " + DESCRIPTION_ENTRY
                        + " and " + TRIBUO_ENTRY + ")");
            }
            Description d;
            try {
                d = JSON.readValue(zip.getInputStream(descriptionEntry), new TypeReference<Description>() { });
            } catch (IOException e) {
                throw new IOException(file + ": unreadable " + DESCRIPTION_ENTRY + ": " + e.getMessage(), e);
            }
            if (d.format() != FORMAT) {
                throw new IOException(file + ": baseline file format " + d.format() + ", this SignalBench reads " + FORMAT);
            }
            Model<?> model;
            try {
                model = Model.deserialize(ModelProto.parseFrom(zip.getInputStream(modelEntry)));
            } catch (IOException | RuntimeException e) {
                throw new IOException(file + ": unreadable Tribuo model in " + TRIBUO_ENTRY + ": " + e.getMessage(), e);
            }
            if (!model.validate(Label.class)) {
                throw new IOException(file + ": the Tribuo model is not a classifier");
            }
            return new BaselineModel(d.model(), d.hyperparameters(), TfIdf.of(d.idf()), (Model<Label>) model);
        }
    }
}
