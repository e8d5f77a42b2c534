package org.signalbench.labels;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.signalbench.domain.Coder;
import org.signalbench.store.Labels;
import org.signalbench.store.Session;

/**
 * Writes one person's latest answers as a coder file (docs/formats/coder-file.md) with a
 * {@code corpus} block fingerprinting the posts they refer to. A coder's labels and notes, or an
 * expert's decisions with their reasons. Answers given at the same moment share one entry, so
 * every answer keeps its own time and importing the file back into the same workbench adds nothing.
 */
public final class CoderFileExport {
    public static final String FORMAT = "signalbench-coder-file";

    private CoderFileExport() {
    }

    /** Writes the file (replacing it whole, never half-written) and returns how many entries it holds. */
    public static int write(Session session, Coder coder, Codebook codebook, Path out) throws IOException {
        org.signalbench.exporting.SafeOutputFile.check(out, session); // before the work: never onto the workbench or any database
        List<Labels.OwnRow> latest = latestRows(session, coder);
        // Group per post and moment (and reason, for experts): one file entry each.
        Map<String, List<Labels.OwnRow>> entries = new LinkedHashMap<>();
        List<String> corpus = new ArrayList<>();
        for (Labels.OwnRow r : latest) {
            entries.computeIfAbsent(r.platform() + "\u0000" + r.externalId() + "\u0000" + r.at() + "\u0000" + r.reason(),
                    k -> new ArrayList<>()).add(r);
            corpus.add(CorpusFingerprint.line(r.platform(), r.externalId(), r.caption()));
        }
        CorpusFingerprint fingerprint = CorpusFingerprint.ofLines(corpus);
        org.signalbench.exporting.SafeOutputFile.write(out, session, stream -> {
            try (JsonGenerator g = new JsonFactory().createGenerator(stream, JsonEncoding.UTF8)) {
                writeFile(g, coder, codebook, fingerprint, entries);
            }
        });
        return entries.size();
    }

    private static void writeFile(JsonGenerator g, Coder coder, Codebook codebook, CorpusFingerprint fingerprint,
                                  Map<String, List<Labels.OwnRow>> entries) throws IOException {
        g.useDefaultPrettyPrinter();
        g.writeStartObject();
        g.writeStringField("format", FORMAT);
        g.writeNumberField("version", 1);
        g.writeObjectFieldStart("coder");
        g.writeStringField("name", coder.name());
        g.writeStringField("role", coder.role().key());
        g.writeEndObject();
        g.writeStringField("codebookVersion", codebook.version());
        g.writeObjectFieldStart("corpus");
        g.writeNumberField("posts", fingerprint.posts());
        g.writeStringField("sha256", fingerprint.sha256());
        g.writeEndObject();
        g.writeArrayFieldStart("answers");
        for (List<Labels.OwnRow> rows : entries.values()) {
            Labels.OwnRow first = rows.get(0);
            g.writeStartObject();
            g.writeStringField("platform", first.platform());
            g.writeStringField("externalId", first.externalId());
            g.writeStringField("at", first.at());
            String note = null;
            Map<String, String> values = new TreeMap<>();
            for (Labels.OwnRow r : rows) {
                if (Codebook.NOTE.equals(r.question())) {
                    note = r.value();
                } else {
                    values.put(r.question(), r.value());
                }
            }
            g.writeObjectFieldStart("values");
            for (var v : values.entrySet()) {
                g.writeStringField(v.getKey(), v.getValue());
            }
            g.writeEndObject();
            if (note != null) {
                g.writeStringField(Codebook.NOTE, note);
            }
            if (first.reason() != null) {
                g.writeStringField("reason", first.reason());
            }
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    /** The person's latest row per post and question, retractions dropped, in post order. */
    private static List<Labels.OwnRow> latestRows(Session session, Coder coder) {
        List<Labels.OwnRow> latest;
        try (Labels labels = new Labels(session)) {
            latest = new ArrayList<>(labels.latestRowsOf(coder));
        }
        latest.removeIf(r -> LabelStore.RETRACTED.equals(r.value()));
        return latest;
    }
}
