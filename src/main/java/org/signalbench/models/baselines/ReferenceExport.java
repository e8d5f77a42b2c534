package org.signalbench.models.baselines;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.signalbench.models.Example;
import org.signalbench.models.TfIdf;

/**
 * Writes, for the scikit-learn reference, the exact TF-IDF matrices the baselines train and test on
 * in every fold, and a manifest of what to run on them (benchmarks/README.md describes the layout):
 *
 * <pre>
 *   DIR/manifest.json
 *   DIR/VARIANT/min-df-K/fold-01-train.svmlight, fold-01-test.svmlight, ... (see {@link SvmLightExport})
 * </pre>
 *
 * One set of matrices per variant and document-frequency floor in use, shared by the models with
 * that floor. Training matrices hold the texts the baselines train on ({@link TribuoBaseline#trainable}:
 * a text left without any feature by the floor is not one); test matrices hold every test text. The manifest lists the folds, the seed, every matrix set (its feature count per fold)
 * and every (model, variant) with the model's hyperparameters.
 */
public final class ReferenceExport {
    public static final String FORMAT = "signalbench-baselines-export 1";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** The labelled texts of a variant and the fold (0..folds-1) of each. */
    public record VariantFolds(String variant, List<Example> examples, int[] foldOf) {
    }

    private ReferenceExport() {
    }

    /** The folder, relative to the export folder, of a variant's matrices with this floor. */
    public static String matrixFolder(String variant, int minDf) {
        return variant + "/min-df-" + minDf;
    }

    /** Writes the matrices and {@code manifest.json} into {@code dir}; returns the manifest's path. */
    public static Path write(Path dir, List<? extends TfIdfBaseline> models, List<VariantFolds> variants, int folds, long seed)
            throws IOException {
        List<Map<String, Object>> matrices = new ArrayList<>();
        List<Map<String, Object>> runs = new ArrayList<>();
        for (VariantFolds v : variants) {
            TreeSet<Integer> floors = new TreeSet<>();
            models.forEach(m -> floors.add(m.minDf()));
            for (int minDf : floors) {
                String folder = matrixFolder(v.variant(), minDf);
                List<Integer> features = new ArrayList<>();
                for (int fold = 0; fold < folds; fold++) {
                    List<Example> training = new ArrayList<>();
                    List<Example> test = new ArrayList<>();
                    for (int i = 0; i < v.examples().size(); i++) {
                        (v.foldOf()[i] == fold ? test : training).add(v.examples().get(i));
                    }
                    TfIdf tfIdf = TfIdf.fit(training, minDf);
                    String name = String.format("fold-%02d", fold + 1);
                    SvmLightExport.write(tfIdf, TribuoBaseline.trainable(tfIdf, training),
                            dir.resolve(folder).resolve(name + "-train.svmlight"));
                    SvmLightExport.write(tfIdf, test, dir.resolve(folder).resolve(name + "-test.svmlight"));
                    features.add(tfIdf.vocabularySize());
                }
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("variant", v.variant());
                m.put("minDf", minDf);
                m.put("path", folder);
                m.put("texts", v.examples().size());
                m.put("features", features);
                matrices.add(m);
            }
            for (TfIdfBaseline model : models) {
                Map<String, Object> r = new LinkedHashMap<>();
                r.put("model", model.id());
                r.put("variant", v.variant());
                r.put("matrices", matrixFolder(v.variant(), model.minDf()));
                r.put("hyperparameters", new java.util.TreeMap<>(model.hyperparameters()));
                runs.add(r);
            }
        }
        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("format", FORMAT);
        manifest.put("folds", folds);
        manifest.put("seed", seed);
        manifest.put("matrices", matrices);
        manifest.put("runs", runs);
        Path file = dir.resolve("manifest.json");
        // written last, whole or not at all: a folder with a manifest holds every matrix it names
        org.signalbench.exporting.SafeOutputFile.write(file, (Path) null, out -> JSON.writeValue(out, manifest));
        return file;
    }
}
