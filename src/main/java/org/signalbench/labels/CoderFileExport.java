package org.signalbench.labels;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.signalbench.domain.Role;

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

    private record Row(String platform, String externalId, String caption, String question, String value,
                       String at, String reason) {
    }

    /** Writes the file (replacing it whole, never half-written) and returns how many entries it holds. */
    public static int write(Connection c, Coder coder, Codebook codebook, Path out) throws SQLException, IOException {
        org.signalbench.exporting.SafeOutputFile.check(out, org.signalbench.store.Session.over(c)); // never onto the workbench or any database
        List<Row> latest = latestRows(c, coder);
        // Group per post and moment (and reason, for experts): one file entry each.
        Map<String, List<Row>> entries = new LinkedHashMap<>();
        List<String> corpus = new ArrayList<>();
        for (Row r : latest) {
            entries.computeIfAbsent(r.platform() + "\u0000" + r.externalId() + "\u0000" + r.at() + "\u0000" + r.reason(),
                    k -> new ArrayList<>()).add(r);
            corpus.add(CorpusFingerprint.line(r.platform(), r.externalId(), r.caption()));
        }
        CorpusFingerprint fingerprint = CorpusFingerprint.ofLines(corpus);
        Path absolute = out.toAbsolutePath();
        if (absolute.getParent() != null) {
            Files.createDirectories(absolute.getParent());
        }
        Path temp = Files.createTempFile(absolute.getParent(), absolute.getFileName().toString(), ".part");
        try (JsonGenerator g = new JsonFactory().createGenerator(temp.toFile(), JsonEncoding.UTF8)) {
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
            for (List<Row> rows : entries.values()) {
                Row first = rows.get(0);
                g.writeStartObject();
                g.writeStringField("platform", first.platform());
                g.writeStringField("externalId", first.externalId());
                g.writeStringField("at", first.at());
                String note = null;
                Map<String, String> values = new TreeMap<>();
                for (Row r : rows) {
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
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
        Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return entries.size();
    }

    /** The person's latest row per post and question, retractions dropped, in post order. */
    private static List<Row> latestRows(Connection c, Coder coder) throws SQLException {
        boolean expert = coder.role() == Role.EXPERT;
        String sql = expert
                ? "SELECT p.platform, p.external_id, p.caption, a.question, a.value, a.decided_at, a.reason, p.id "
                + "FROM adjudication a JOIN post p ON p.id = a.post_id WHERE a.expert_id = ? "
                + "ORDER BY p.id, a.question, a.decided_at, a.id"
                : "SELECT p.platform, p.external_id, p.caption, l.question, l.value, l.labeled_at, NULL, p.id "
                + "FROM label l JOIN post p ON p.id = l.post_id WHERE l.coder_id = ? "
                + "ORDER BY p.id, l.question, l.labeled_at, l.id";
        Map<String, Row> latest = new LinkedHashMap<>();
        try (PreparedStatement st = c.prepareStatement(sql)) {
            st.setLong(1, coder.id());
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    Row r = new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getString(6), rs.getString(7));
                    latest.put(rs.getLong(8) + "\u0000" + r.question(), r);
                }
            }
        }
        latest.values().removeIf(r -> LabelStore.RETRACTED.equals(r.value()));
        return new ArrayList<>(latest.values());
    }
}
