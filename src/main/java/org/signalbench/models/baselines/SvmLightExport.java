package org.signalbench.models.baselines;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.signalbench.models.Example;
import org.signalbench.models.TfIdf;

/**
 * Writes TF-IDF matrices in svmlight format for the scikit-learn reference
 * ({@code benchmarks/sklearn_baselines.py}, read with {@code load_svmlight_file(zero_based=False)}).
 * One text per line: its label (1 dealer, 0 other), then {@code column:value} for every nonzero
 * feature, columns 1-based in {@link TfIdf#vocabulary()} order, values as Java's shortest exact
 * decimal of the double, then {@code # post ID}. A text without a known word keeps its (empty) row,
 * so the rows stay parallel to the fold's texts; Tribuo's own svmlight writer works on Tribuo
 * datasets, which drop such texts.
 */
public final class SvmLightExport {
    private SvmLightExport() {
    }

    /** The line of one text under these TF-IDF weights (no line break). */
    public static String line(TfIdf tfIdf, Example e) {
        TfIdf.Vector v = tfIdf.transform(e);
        StringBuilder b = new StringBuilder(16 + 24 * v.names().length);
        b.append(e.dealer() ? '1' : '0');
        // transform() sorts by word and columns follow the sorted vocabulary, so columns come out ascending
        for (int i = 0; i < v.names().length; i++) {
            b.append(' ').append(tfIdf.column(v.names()[i]) + 1).append(':').append(v.values()[i]);
        }
        return b.append(" # post ").append(e.postId()).toString();
    }

    /** Writes every example's line to {@code file}, in the examples' order. */
    public static void write(TfIdf tfIdf, List<Example> examples, Path file) throws IOException {
        org.signalbench.exporting.SafeOutputFile.write(file, (Path) null, out -> {
            BufferedWriter w = new BufferedWriter(new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8));
            for (Example e : examples) {
                w.write(line(tfIdf, e));
                w.newLine();
            }
            w.flush();
        });
    }
}
