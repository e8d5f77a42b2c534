package org.signalbench.models.baselines;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import org.signalbench.models.Example;
import org.signalbench.models.Scored;
import org.signalbench.models.TfIdf;

/** A predictor that scores TF-IDF sparse rows one by one, dealer above 0 (SignalBench's own learners). */
interface SparsePredictor extends BaselineModel.Predictor {

    /** The score of row {@code r}, which has at least one known word: above 0 means dealer. */
    double rowScore(SparseRows rows, int r);

    @Override
    default List<Scored> score(TfIdf tfIdf, List<Example> examples) {
        SparseRows rows = SparseRows.of(tfIdf, examples);
        List<Scored> scored = new ArrayList<>(examples.size());
        for (int r = 0; r < examples.size(); r++) {
            // a text without a known word scores 0, "not dealer" (docs/models.md), whatever the learner
            double score = rows.length(r) == 0 ? 0.0 : rowScore(rows, r);
            scored.add(new Scored(examples.get(r).postId(), score, score > 0));
        }
        return scored;
    }

    /** A binary entry opened with the predictor's magic number (the rest is written as big-endian ints and exact double bits). */
    static DataOutputStream startEntry(OutputStream stream, int magic) throws IOException {
        DataOutputStream out = new DataOutputStream(stream);
        out.writeInt(magic);
        return out;
    }

    /** The rest of an entry {@link #startEntry} began with {@code magic}; another number is an IOException with {@code refusal}. */
    static DataInputStream openEntry(InputStream stream, int magic, String refusal) throws IOException {
        DataInputStream in = new DataInputStream(stream);
        if (in.readInt() != magic) {
            throw new IOException(refusal);
        }
        return in;
    }
}
