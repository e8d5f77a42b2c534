package org.signalbench.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.signalbench.domain.AuditEntry;
import org.signalbench.domain.Coder;
import org.signalbench.domain.Decision;
import org.signalbench.domain.QueueFilter;
import org.signalbench.domain.Role;
import org.signalbench.domain.ScoreOrder;

/**
 * The repository of coders with their labels and the experts' adjudications: the one writer of the
 * {@code coder}, {@code label} and {@code adjudication} tables. Rows are only ever appended.
 * {@code labels.LabelStore} holds the rules (codebook, blind reads, label times) and calls this.
 * The statements on the keystroke path are prepared once: one repository serves one session on one
 * thread.
 */
public final class Labels implements AutoCloseable {
    /** A person's latest stored answer to a question: its value and time (ISO-8601 UTC text, as stored). */
    public record Latest(String value, String at) {
    }

    /** One answer to append: a coder's label, or an expert's decision (with its reason, null for none). */
    public record FileAnswer(long postId, String question, String value, String at, String reason) {
    }

    /** A coder's or expert's latest answer to one post's question, with the post's caption, for a coder file. */
    public record OwnRow(String platform, String externalId, String caption, String question, String value, String at,
                         String reason) {
    }

    /** One post of a coder's queue in queue order, and whether the coder has answered its queue question. */
    public record QueueRow(long postId, boolean done) {
    }

    private final Session session;
    private final Connection c;
    private final PreparedStatement insertLabel;
    private final PreparedStatement latestOwn;
    private final PreparedStatement ownAnswers;

    public Labels(Session session) {
        this.session = session;
        this.c = session.connection();
        try {
            this.insertLabel = c.prepareStatement("INSERT INTO label (coder_id, post_id, question, value, labeled_at, codebook_version) "
                    + "VALUES (?, ?, ?, ?, ?, ?)");
            this.latestOwn = c.prepareStatement("SELECT value, labeled_at FROM label WHERE coder_id = ? AND post_id = ? AND question = ? "
                    + "ORDER BY labeled_at DESC, id DESC LIMIT 1");
            this.ownAnswers = c.prepareStatement("SELECT question, value FROM label WHERE coder_id = ? AND post_id = ? "
                    + "ORDER BY labeled_at, id");
        } catch (SQLException e) {
            throw new StoreException(e);
        }
    }

    /** The session this repository works on. */
    public Session session() {
        return session;
    }

    // ---- coders ---------------------------------------------------------------------------------

    /** Creates a coder (the one place {@code coder} rows are made). */
    public Coder createCoder(String name, Role role) {
        return session.call(c -> {
            try (PreparedStatement st = c.prepareStatement(
                    "INSERT INTO coder (name, role, created_at) VALUES (?, ?, ?) RETURNING id")) {
                st.setString(1, name);
                st.setString(2, role.key());
                st.setString(3, Instant.now().toString());
                try (ResultSet rs = st.executeQuery()) {
                    rs.next();
                    return new Coder(rs.getLong(1), name, role);
                }
            }
        });
    }

    public Optional<Coder> findCoder(String name) {
        return session.call(c -> {
            try (PreparedStatement st = c.prepareStatement("SELECT id, name, role FROM coder WHERE name = ?")) {
                st.setString(1, name);
                try (ResultSet rs = st.executeQuery()) {
                    return rs.next() ? Optional.of(coderRow(rs)) : Optional.empty();
                }
            }
        });
    }

    public Optional<Coder> findCoder(long id) {
        return session.call(c -> {
            try (PreparedStatement st = c.prepareStatement("SELECT id, name, role FROM coder WHERE id = ?")) {
                st.setLong(1, id);
                try (ResultSet rs = st.executeQuery()) {
                    return rs.next() ? Optional.of(coderRow(rs)) : Optional.empty();
                }
            }
        });
    }

    /** Every coder and expert, by name. */
    public List<Coder> coders() {
        return session.call(c -> {
            List<Coder> all = new ArrayList<>();
            try (PreparedStatement st = c.prepareStatement("SELECT id, name, role FROM coder ORDER BY name");
                 ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    all.add(coderRow(rs));
                }
            }
            return all;
        });
    }

    /** The coders (role coder) who labelled a post, by name. */
    public List<Coder> codersOf(long postId) {
        return session.call(c -> {
            List<Coder> list = new ArrayList<>();
            try (PreparedStatement st = c.prepareStatement("SELECT DISTINCT k.id, k.name, k.role FROM label l "
                    + "JOIN coder k ON k.id = l.coder_id WHERE l.post_id = ? AND k.role = 'coder' ORDER BY k.name")) {
                st.setLong(1, postId);
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        list.add(coderRow(rs));
                    }
                }
            }
            return list;
        });
    }

    private static Coder coderRow(ResultSet rs) throws SQLException {
        return new Coder(rs.getLong(1), rs.getString(2), Role.fromKey(rs.getString(3)));
    }

    // ---- labels ---------------------------------------------------------------------------------

    /** Appends one label row. */
    public void appendLabel(long coderId, long postId, String question, String value, String at, String codebookVersion) {
        session.call(c -> {
            insertLabel.setLong(1, coderId);
            insertLabel.setLong(2, postId);
            insertLabel.setString(3, question);
            insertLabel.setString(4, value);
            insertLabel.setString(5, at);
            insertLabel.setString(6, codebookVersion);
            return insertLabel.executeUpdate();
        });
    }

    /** The coder's latest label row for the question, if any. */
    public Optional<Latest> latestLabel(long coderId, long postId, String question) {
        return session.call(c -> {
            latestOwn.setLong(1, coderId);
            latestOwn.setLong(2, postId);
            latestOwn.setString(3, question);
            try (ResultSet rs = latestOwn.executeQuery()) {
                return rs.next() ? Optional.of(new Latest(rs.getString(1), rs.getString(2))) : Optional.empty();
            }
        });
    }

    /** The coder's latest value per question on a post (retractions included), oldest row first overwritten. */
    public Map<String, String> latestValues(long coderId, long postId) {
        return session.call(c -> {
            Map<String, String> answers = new TreeMap<>();
            ownAnswers.setLong(1, coderId);
            ownAnswers.setLong(2, postId);
            try (ResultSet rs = ownAnswers.executeQuery()) {
                while (rs.next()) {
                    answers.put(rs.getString(1), rs.getString(2));
                }
            }
            return answers;
        });
    }

    /** The latest answer of a coder (a label) or an expert (a decision) to a post's question, if any. */
    public Optional<Latest> latest(Coder person, long postId, String question) {
        String sql = person.role() == Role.EXPERT
                ? "SELECT value, decided_at FROM adjudication WHERE expert_id = ? AND post_id = ? AND question = ? "
                + "ORDER BY decided_at DESC, id DESC LIMIT 1"
                : "SELECT value, labeled_at FROM label WHERE coder_id = ? AND post_id = ? AND question = ? "
                + "ORDER BY labeled_at DESC, id DESC LIMIT 1";
        return session.call(c -> {
            try (PreparedStatement st = c.prepareStatement(sql)) {
                st.setLong(1, person.id());
                st.setLong(2, postId);
                st.setString(3, question);
                try (ResultSet rs = st.executeQuery()) {
                    return rs.next() ? Optional.of(new Latest(rs.getString(1), rs.getString(2))) : Optional.empty();
                }
            }
        });
    }

    /**
     * Appends answers for one person (labels for a coder, decisions for an expert); an answer already
     * stored with the same time adds nothing. Joins an open transaction; returns the rows added.
     */
    public int appendAll(Coder person, List<FileAnswer> answers, String codebookVersion) {
        boolean expert = person.role() == Role.EXPERT;
        String sql = expert
                ? "INSERT INTO adjudication (expert_id, post_id, question, value, decided_at, codebook_version, reason) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING"
                : "INSERT INTO label (coder_id, post_id, question, value, labeled_at, codebook_version) "
                + "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING";
        return session.inTransaction(c -> {
            try (PreparedStatement insert = c.prepareStatement(sql)) {
                for (FileAnswer a : answers) {
                    insert.setLong(1, person.id());
                    insert.setLong(2, a.postId());
                    insert.setString(3, a.question());
                    insert.setString(4, a.value());
                    insert.setString(5, a.at());
                    insert.setString(6, codebookVersion);
                    if (expert) {
                        insert.setString(7, a.reason());
                    }
                    insert.addBatch();
                }
                int added = 0;
                for (int count : insert.executeBatch()) {
                    added += Math.max(count, 0);
                }
                return added;
            }
        });
    }

    /** The person's latest row per post and question (retractions included), in post order, with the posts' captions. */
    public List<OwnRow> latestRowsOf(Coder coder) {
        boolean expert = coder.role() == Role.EXPERT;
        String sql = expert
                ? "SELECT p.platform, p.external_id, p.caption, a.question, a.value, a.decided_at, a.reason, p.id "
                + "FROM adjudication a JOIN post p ON p.id = a.post_id WHERE a.expert_id = ? "
                + "ORDER BY p.id, a.question, a.decided_at, a.id"
                : "SELECT p.platform, p.external_id, p.caption, l.question, l.value, l.labeled_at, NULL, p.id "
                + "FROM label l JOIN post p ON p.id = l.post_id WHERE l.coder_id = ? "
                + "ORDER BY p.id, l.question, l.labeled_at, l.id";
        return session.call(c -> {
            Map<String, OwnRow> latest = new LinkedHashMap<>();
            try (PreparedStatement st = c.prepareStatement(sql)) {
                st.setLong(1, coder.id());
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        OwnRow r = new OwnRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                                rs.getString(5), rs.getString(6), rs.getString(7));
                        latest.put(rs.getLong(8) + "\u0000" + r.question(), r);
                    }
                }
            }
            return new ArrayList<>(latest.values());
        });
    }

    // ---- the queue ------------------------------------------------------------------------------

    /**
     * The coder's queue under {@code filter}: posts without the coder's answer to {@code question}
     * first, then by model score (highest or most uncertain first) or post id.
     */
    public List<QueueRow> queue(long coderId, String question, QueueFilter filter) {
        QueueFilter f = filter == null ? QueueFilter.ALL : filter;
        // Fixed SQL fragments chosen by which filters are set; every value is a bound parameter.
        StringBuilder sql = new StringBuilder("SELECT p.id, ifnull((SELECT l.value FROM label l WHERE l.coder_id = ? "
                + "AND l.post_id = p.id AND l.question = ? ORDER BY l.labeled_at DESC, l.id DESC LIMIT 1), '') <> '' AS done "
                + "FROM post p");
        List<Object> args = new ArrayList<>(List.of(coderId, question));
        if (f.scoreModel() != null) {
            sql.append(" LEFT JOIN post_score s ON s.post_id = p.id AND s.model = ?");
            args.add(f.scoreModel());
        }
        sql.append(" WHERE 1 = 1");
        if (f.collection() != null && !f.collection().isBlank()) {
            String search = f.collection().strip();
            String bare = search.startsWith("#") ? search.substring(1) : search;
            sql.append(" AND EXISTS (SELECT 1 FROM post_collection pc WHERE pc.post_id = p.id AND pc.search IN (?, ?))");
            args.add(bare);
            args.add("#" + bare);
        }
        if (f.captionText() != null && !f.captionText().isBlank()) {
            sql.append(" AND p.caption LIKE ? ESCAPE '\\'");
            args.add("%" + f.captionText().strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        sql.append(" ORDER BY done");
        if (f.scoreModel() != null) {
            if (f.scoreOrder() == ScoreOrder.MOST_UNCERTAIN_FIRST) {
                sql.append(", s.score IS NULL, abs(s.score - ifnull((SELECT f.threshold FROM final_model f WHERE f.id = ?), ?))");
                args.add(f.scoreModel());
                args.add(ScoreOrder.DEFAULT_THRESHOLD);
            } else {
                sql.append(", s.score IS NULL, s.score DESC");
            }
        }
        sql.append(", p.id");
        return session.call(c -> {
            List<QueueRow> rows = new ArrayList<>();
            try (PreparedStatement st = c.prepareStatement(sql.toString())) {
                for (int i = 0; i < args.size(); i++) {
                    st.setObject(i + 1, args.get(i));
                }
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        rows.add(new QueueRow(rs.getLong(1), rs.getLong(2) != 0));
                    }
                }
            }
            return rows;
        });
    }

    /** A post's platform key and external id. */
    public record PostKey(String platform, String externalId) {
    }

    /** The platform key and external id of a stored post. */
    public PostKey postKey(long postId) {
        return session.call(c -> {
            try (PreparedStatement st = c.prepareStatement("SELECT platform, external_id FROM post WHERE id = ?")) {
                st.setLong(1, postId);
                try (ResultSet rs = st.executeQuery()) {
                    if (!rs.next()) {
                        throw new IllegalArgumentException("no post with id " + postId);
                    }
                    return new PostKey(rs.getString(1), rs.getString(2));
                }
            }
        });
    }

    // ---- adjudications --------------------------------------------------------------------------

    /** The decisions on a post, the latest per question. */
    public Map<String, Decision> decisions(long postId) {
        return session.call(c -> {
            Map<String, Decision> decisions = new TreeMap<>();
            try (PreparedStatement st = c.prepareStatement("SELECT a.question, a.value, a.reason, k.name, a.decided_at "
                    + "FROM adjudication a JOIN coder k ON k.id = a.expert_id WHERE a.post_id = ? ORDER BY a.decided_at, a.id")) {
                st.setLong(1, postId);
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        decisions.put(rs.getString(1), new Decision(postId, rs.getString(1), rs.getString(2),
                                rs.getString(3), rs.getString(4), rs.getString(5)));
                    }
                }
            }
            return decisions;
        });
    }

    /** Appends an expert's decision. */
    public void appendDecision(long expertId, long postId, String question, String value, String reason, String at,
                               String codebookVersion) {
        session.call(c -> {
            try (PreparedStatement st = c.prepareStatement("INSERT INTO adjudication "
                    + "(expert_id, post_id, question, value, reason, decided_at, codebook_version) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                st.setLong(1, expertId);
                st.setLong(2, postId);
                st.setString(3, question);
                st.setString(4, value);
                st.setString(5, reason);
                st.setString(6, at);
                st.setString(7, codebookVersion);
                return st.executeUpdate();
            }
        });
    }

    /** Who answered or decided what on a post, and when, oldest first. */
    public List<AuditEntry> history(long postId) {
        return session.call(c -> {
            List<AuditEntry> entries = new ArrayList<>();
            try (PreparedStatement st = c.prepareStatement(
                    "SELECT 'LABEL', k.name, k.role, l.question, l.value, NULL, l.labeled_at, l.codebook_version, l.id "
                            + "FROM label l JOIN coder k ON k.id = l.coder_id WHERE l.post_id = ? "
                            + "UNION ALL SELECT 'DECISION', k.name, k.role, a.question, a.value, a.reason, a.decided_at, a.codebook_version, a.id "
                            + "FROM adjudication a JOIN coder k ON k.id = a.expert_id WHERE a.post_id = ? "
                            + "ORDER BY 7, 1 DESC, 9")) {
                st.setLong(1, postId);
                st.setLong(2, postId);
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        entries.add(new AuditEntry(AuditEntry.Kind.valueOf(rs.getString(1)), rs.getString(2),
                                Role.fromKey(rs.getString(3)), rs.getString(4), rs.getString(5), rs.getString(6),
                                rs.getString(7), rs.getString(8)));
                    }
                }
            }
            return entries;
        });
    }

    /** Runs {@code work} in one transaction on this repository's session (joins an open one). */
    public <T> T inTransaction(java.util.function.Supplier<T> work) {
        return session.transaction(work);
    }

    /** Closes the prepared statements; the session stays open. */
    @Override
    public void close() {
        session.call(c -> {
            insertLabel.close();
            latestOwn.close();
            ownAnswers.close();
            return null;
        });
    }
}
