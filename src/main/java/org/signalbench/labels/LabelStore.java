package org.signalbench.labels;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import org.signalbench.domain.QuestionId;
import org.signalbench.domain.Role;
import org.signalbench.store.Session;
import org.signalbench.store.Transactions;

/**
 * The annotation store the app works through: coders, their answers, the coding queue, and the
 * expert's view and decisions.
 *
 * <p>Nothing is ever updated or deleted: an answer is a new {@code label} row, a decision a new
 * {@code adjudication} row, and the latest row counts. Every write is committed before the method
 * returns. Coder reads are blind: they return only that coder's own answers; everything else
 * needs an expert id. The statements on the keystroke path are prepared once, so one store
 * serves one connection on one thread.
 */
public final class LabelStore implements AutoCloseable {
    /** The value of a label row that takes an answer back: the coder has no answer again. */
    public static final String RETRACTED = "";
    /** The question every post must have answered; progress counts it. */
    public static final String DEALER = QuestionId.DEALER_KEY;

    private final Connection c;
    private final Codebook codebook;
    private final PreparedStatement insertLabel;
    private final PreparedStatement latestOwn;
    private final PreparedStatement ownAnswers;
    private final Map<Long, Coder> coders = new HashMap<>();
    private Instant lastTime = Instant.EPOCH;

    public LabelStore(Connection connection) throws SQLException {
        this(connection, Codebook.load());
    }

    public LabelStore(Connection connection, Codebook codebook) throws SQLException {
        this.c = connection;
        this.codebook = codebook;
        this.insertLabel = c.prepareStatement("INSERT INTO label (coder_id, post_id, question, value, labeled_at, codebook_version) "
                + "VALUES (?, ?, ?, ?, ?, ?)");
        this.latestOwn = c.prepareStatement("SELECT value, labeled_at FROM label WHERE coder_id = ? AND post_id = ? AND question = ? "
                + "ORDER BY labeled_at DESC, id DESC LIMIT 1");
        this.ownAnswers = c.prepareStatement("SELECT question, value FROM label WHERE coder_id = ? AND post_id = ? "
                + "ORDER BY labeled_at, id");
    }

    public Codebook codebook() {
        return codebook;
    }

    // ---- coders ---------------------------------------------------------------------------------

    /** The coder of this name, created with the role when new; refuses a name that has the other role. */
    public Coder coder(String name, Role role) throws SQLException {
        String trimmed = name == null ? "" : name.trim();
        if (trimmed.isEmpty()) {
            throw new IllegalArgumentException("a coder needs a name");
        }
        if (role == Role.ANALYST) {
            throw new IllegalArgumentException("an analyst codes nothing and answers nothing: only coders and the expert are stored");
        }
        Optional<Coder> found = findCoder(trimmed);
        if (found.isPresent()) {
            if (found.get().role() != role) {
                throw new IllegalArgumentException("'" + trimmed + "' is already a " + found.get().role().key()
                        + " in this workbench, not a " + role.key());
            }
            return found.get();
        }
        org.signalbench.domain.PersonName.check(trimmed); // a new name: no NUL, line break or direction mark
        try (PreparedStatement st = c.prepareStatement(
                "INSERT INTO coder (name, role, created_at) VALUES (?, ?, ?) RETURNING id")) {
            st.setString(1, trimmed);
            st.setString(2, role.key());
            st.setString(3, Instant.now().toString());
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                Coder coder = new Coder(rs.getLong(1), trimmed, role);
                coders.put(coder.id(), coder);
                return coder;
            }
        }
    }

    public Optional<Coder> findCoder(String name) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("SELECT id, name, role FROM coder WHERE name = ?")) {
            st.setString(1, name.trim());
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() ? Optional.of(coderRow(rs)) : Optional.empty();
            }
        }
    }

    /** Every coder and expert, by name. */
    public List<Coder> coders() throws SQLException {
        List<Coder> all = new ArrayList<>();
        try (PreparedStatement st = c.prepareStatement("SELECT id, name, role FROM coder ORDER BY name");
             ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
                all.add(coderRow(rs));
            }
        }
        return all;
    }

    private static Coder coderRow(ResultSet rs) throws SQLException {
        return new Coder(rs.getLong(1), rs.getString(2), Role.fromKey(rs.getString(3)));
    }

    private Coder require(long id, Role role) throws SQLException {
        Coder coder = coders.get(id);
        if (coder == null) {
            try (PreparedStatement st = c.prepareStatement("SELECT id, name, role FROM coder WHERE id = ?")) {
                st.setLong(1, id);
                try (ResultSet rs = st.executeQuery()) {
                    if (!rs.next()) {
                        throw new IllegalArgumentException("no coder with id " + id);
                    }
                    coder = coderRow(rs);
                    coders.put(id, coder);
                }
            }
        }
        if (coder.role() != role) {
            throw new IllegalArgumentException("'" + coder.name() + "' is a " + coder.role().key()
                    + "; this needs a " + role.key());
        }
        return coder;
    }

    // ---- a coder's answers ----------------------------------------------------------------------

    /**
     * Appends a coder's answer (checked against the codebook and stored in canonical form) and,
     * when {@code note} is not null, the post's note (blank clears it). Committed on return.
     */
    public SavedAnswer saveAnswer(long coderId, long postId, String question, String value, String note) throws SQLException {
        require(coderId, Role.CODER);
        if (Codebook.NOTE.equals(question)) {
            throw new IllegalArgumentException("the note is saved with an answer, not as a question");
        }
        String canonical = codebook.canonical(question, value);
        return inTransaction(() -> {
            String[] before = latest(coderId, postId, question);
            String[] noteBefore = note == null ? null : latest(coderId, postId, Codebook.NOTE);
            // The answer and its note share one time, so a coder file carries them as one entry.
            String at = nextTime(later(before, noteBefore));
            append(coderId, postId, question, canonical, at);
            String previousNote = null;
            String newNote = null;
            if (note != null) {
                previousNote = noteBefore == null || noteBefore[0].equals(RETRACTED) ? null : noteBefore[0];
                String wanted = note.isBlank() ? RETRACTED : note.strip();
                newNote = wanted;
                if (!wanted.equals(previousNote == null ? RETRACTED : previousNote)) {
                    append(coderId, postId, Codebook.NOTE, wanted, at);
                }
            }
            String previous = before == null || before[0].equals(RETRACTED) ? null : before[0];
            return new SavedAnswer(coderId, postId, question, canonical, previous, newNote, previousNote, at,
                    doneDelta(question, previous, canonical));
        });
    }

    /**
     * Undoes a save by appending what it replaced: the previous answer, or {@link #RETRACTED} when
     * there was none (the note likewise). History keeps both rows. Returns the undo as a save of
     * its own, so undoing it again redoes the answer.
     */
    public SavedAnswer undo(SavedAnswer saved) throws SQLException {
        require(saved.coderId(), Role.CODER);
        return inTransaction(() -> {
            String restored = saved.previousValue() == null ? RETRACTED : saved.previousValue();
            String[] before = latest(saved.coderId(), saved.postId(), saved.question());
            String[] noteBefore = saved.note() == null ? null : latest(saved.coderId(), saved.postId(), Codebook.NOTE);
            String at = nextTime(later(before, noteBefore));
            append(saved.coderId(), saved.postId(), saved.question(), restored, at);
            String restoredNote = null;
            if (saved.note() != null) {
                restoredNote = saved.previousNote() == null ? RETRACTED : saved.previousNote();
                if (noteBefore == null || !noteBefore[0].equals(restoredNote)) {
                    append(saved.coderId(), saved.postId(), Codebook.NOTE, restoredNote, at);
                }
            }
            String current = before == null || before[0].equals(RETRACTED) ? null : before[0];
            return new SavedAnswer(saved.coderId(), saved.postId(), saved.question(), restored, current,
                    restoredNote, saved.note() == null || saved.note().equals(RETRACTED) ? null : saved.note(), at,
                    doneDelta(saved.question(), current, restored));
        });
    }

    /** The later labeled_at of two {value, labeled_at} rows (either may be null). */
    private static String later(String[] x, String[] y) {
        if (x == null || y == null) {
            return x == null ? (y == null ? null : y[1]) : x[1];
        }
        return x[1].compareTo(y[1]) >= 0 ? x[1] : y[1];
    }

    private static int doneDelta(String question, String before, String after) {
        if (!DEALER.equals(question)) {
            return 0;
        }
        boolean had = before != null;
        boolean has = !after.equals(RETRACTED);
        return had == has ? 0 : has ? 1 : -1;
    }

    /** The coder's latest answers to a post (question to value, the note under "note"); never anyone else's. */
    public Map<String, String> answersOf(long coderId, long postId) throws SQLException {
        require(coderId, Role.CODER);
        return ownAnswers(coderId, postId);
    }

    private Map<String, String> ownAnswers(long coderId, long postId) throws SQLException {
        Map<String, String> answers = new TreeMap<>();
        ownAnswers.setLong(1, coderId);
        ownAnswers.setLong(2, postId);
        try (ResultSet rs = ownAnswers.executeQuery()) {
            while (rs.next()) {
                answers.put(rs.getString(1), rs.getString(2));
            }
        }
        answers.values().removeIf(RETRACTED::equals);
        return answers;
    }

    /** {value, labeled_at} of the coder's latest row for the question, or null. */
    private String[] latest(long coderId, long postId, String question) throws SQLException {
        latestOwn.setLong(1, coderId);
        latestOwn.setLong(2, postId);
        latestOwn.setString(3, question);
        try (ResultSet rs = latestOwn.executeQuery()) {
            return rs.next() ? new String[] {rs.getString(1), rs.getString(2)} : null;
        }
    }

    private void append(long coderId, long postId, String question, String value, String at) throws SQLException {
        insertLabel.setLong(1, coderId);
        insertLabel.setLong(2, postId);
        insertLabel.setString(3, question);
        insertLabel.setString(4, value);
        insertLabel.setString(5, at);
        insertLabel.setString(6, codebook.version());
        insertLabel.executeUpdate();
    }

    /** Now, strictly after {@code after} and after the last time this store gave out, so the new row is the latest. */
    private String nextTime(String after) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Instant t = Instant.parse(timeAfter(now.isAfter(lastTime) ? now : lastTime.plusMillis(1), after));
        lastTime = t;
        return t.toString();
    }

    /**
     * A label time (ISO-8601 UTC, milliseconds) no earlier than {@code now} and strictly after
     * {@code after} (null for none), also as text. Whole seconds are moved on by a millisecond: Instant prints
     * them without a fraction, and "10Z" would sort after "10.500Z" as text.
     */
    public static String timeAfter(Instant now, String after) {
        Instant t = now.truncatedTo(ChronoUnit.MILLIS);
        if (after != null) {
            Instant floor = Instant.parse(after).truncatedTo(ChronoUnit.MILLIS);
            if (!t.isAfter(floor)) {
                t = floor.plusMillis(1);
            }
        }
        if (t.getNano() == 0) {
            t = t.plusMillis(1);
        }
        // Rows sort by their text: step on until the text sorts after too ("10Z" > "10.001Z").
        while (after != null && t.toString().compareTo(after) <= 0) {
            t = t.plusMillis(t.getNano() == 999_000_000 ? 2 : 1);
        }
        return t.toString();
    }

    // ---- progress and queue ---------------------------------------------------------------------

    /** Posts in the queue with this coder's dealer answer, out of all posts in the queue. */
    public Progress progress(long coderId, QueueFilter filter) throws SQLException {
        int done = 0;
        int total = 0;
        for (long[] row : queueRows(coderId, filter)) {
            total++;
            done += (int) row[1];
        }
        return new Progress(done, total);
    }

    /**
     * The coder's queue: posts without their dealer answer first, then by model score (highest or most
     * uncertain first, {@link ScoreOrder}) or post id.
     */
    public List<Long> queue(long coderId, QueueFilter filter) throws SQLException {
        List<Long> ids = new ArrayList<>();
        for (long[] row : queueRows(coderId, filter)) {
            ids.add(row[0]);
        }
        return ids;
    }

    /** {post id, 1 when the coder has answered dealer} in queue order. */
    private List<long[]> queueRows(long coderId, QueueFilter filter) throws SQLException {
        require(coderId, Role.CODER);
        QueueFilter f = filter == null ? QueueFilter.ALL : filter;
        // Fixed SQL fragments chosen by which filters are set; every value is a bound parameter.
        StringBuilder sql = new StringBuilder("SELECT p.id, ifnull((SELECT l.value FROM label l WHERE l.coder_id = ? "
                + "AND l.post_id = p.id AND l.question = ? ORDER BY l.labeled_at DESC, l.id DESC LIMIT 1), '') <> '' AS done "
                + "FROM post p");
        List<Object> args = new ArrayList<>(List.of(coderId, DEALER));
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
        List<long[]> rows = new ArrayList<>();
        try (PreparedStatement st = c.prepareStatement(sql.toString())) {
            for (int i = 0; i < args.size(); i++) {
                st.setObject(i + 1, args.get(i));
            }
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    rows.add(new long[] {rs.getLong(1), rs.getLong(2)});
                }
            }
        }
        return rows;
    }

    // ---- the expert -----------------------------------------------------------------------------

    /** Every coder's latest answers to a post and the latest decisions on it. Experts only. */
    public PostReview review(long expertId, long postId) throws SQLException {
        require(expertId, Role.EXPERT);
        List<CoderAnswers> answers = new ArrayList<>();
        for (Coder coder : codersOf(postId)) {
            Map<String, String> own = ownAnswers(coder.id(), postId);
            if (!own.isEmpty()) {
                answers.add(new CoderAnswers(coder, own));
            }
        }
        return new PostReview(postId, answers, decisions(postId));
    }

    private List<Coder> codersOf(long postId) throws SQLException {
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
    }

    private Map<String, Decision> decisions(long postId) throws SQLException {
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
    }

    /**
     * The posts where coders' latest answers differ on any codebook question (two or more coders
     * answered it, not all alike), settled or not, in post order. Experts only.
     */
    public List<Disagreement> disagreements(long expertId) throws SQLException {
        require(expertId, Role.EXPERT);
        Map<Long, TreeSet<String>> differing = new TreeMap<>();
        for (Codebook.Question q : codebook.questions()) {
            LatestAnswers.of(Session.over(c), q.key()).forEach((postId, byCoder) -> {
                if (byCoder.size() > 1 && byCoder.values().stream().map(LatestAnswers.Answer::value).distinct().count() > 1) {
                    differing.computeIfAbsent(postId, k -> new TreeSet<>()).add(q.key());
                }
            });
        }
        List<Disagreement> list = new ArrayList<>();
        try (PreparedStatement post = c.prepareStatement("SELECT platform, external_id FROM post WHERE id = ?")) {
            for (var e : differing.entrySet()) {
                PostReview review = review(expertId, e.getKey());
                post.setLong(1, e.getKey());
                try (ResultSet rs = post.executeQuery()) {
                    rs.next();
                    list.add(new Disagreement(e.getKey(), rs.getString(1), rs.getString(2), e.getValue(),
                            review.coders(), review.decisions()));
                }
            }
        }
        return list;
    }

    /** Appends the expert's final answer to a question on a post, with the reason. Committed on return. */
    public Decision settle(long expertId, long postId, String question, String value, String reason) throws SQLException {
        Coder expert = require(expertId, Role.EXPERT);
        if (Codebook.NOTE.equals(question)) {
            throw new IllegalArgumentException("a note is not decided; give the reason instead");
        }
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("a decision needs a reason");
        }
        String canonical = codebook.canonical(question, value);
        Decision current = decisions(postId).get(question);
        String at = nextTime(current == null ? null : current.at());
        try (PreparedStatement st = c.prepareStatement("INSERT INTO adjudication "
                + "(expert_id, post_id, question, value, reason, decided_at, codebook_version) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            st.setLong(1, expertId);
            st.setLong(2, postId);
            st.setString(3, question);
            st.setString(4, canonical);
            st.setString(5, reason.strip());
            st.setString(6, at);
            st.setString(7, codebook.version());
            st.executeUpdate();
        }
        return new Decision(postId, question, canonical, reason.strip(), expert.name(), at);
    }

    /** Who answered or decided what on a post, and when, oldest first. Experts only. */
    public List<AuditEntry> history(long expertId, long postId) throws SQLException {
        require(expertId, Role.EXPERT);
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
    }

    // ---- answers from files ------------------------------------------------------------------

    /** One answer read from a file: a coder's label, or an expert's decision (with its reason, null for none). */
    public record FileAnswer(long postId, String question, String value, String at, String reason) {
    }

    /** A person's latest stored answer to a question: its value and time. */
    public record Latest(String value, String at) {
    }

    /** The latest answer of a coder (a label) or an expert (a decision) to a post's question, if any. */
    public Optional<Latest> latest(Coder person, long postId, String question) throws SQLException {
        String sql = person.role() == Role.EXPERT
                ? "SELECT value, decided_at FROM adjudication WHERE expert_id = ? AND post_id = ? AND question = ? "
                + "ORDER BY decided_at DESC, id DESC LIMIT 1"
                : "SELECT value, labeled_at FROM label WHERE coder_id = ? AND post_id = ? AND question = ? "
                + "ORDER BY labeled_at DESC, id DESC LIMIT 1";
        try (PreparedStatement st = c.prepareStatement(sql)) {
            st.setLong(1, person.id());
            st.setLong(2, postId);
            st.setString(3, question);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() ? Optional.of(new Latest(rs.getString(1), rs.getString(2))) : Optional.empty();
            }
        }
    }

    /**
     * Appends answers read from a file for one person: labels for a coder, decisions for an expert.
     * An answer already stored with the same time adds nothing, so a file imported twice changes
     * nothing. {@code codebookVersion} is the codebook the answers were given under ({@code null}
     * when the file does not say). Runs in the caller's transaction when one is open (an import
     * keeps a file's answers together); returns the rows added.
     */
    public int appendFromFile(Coder person, List<FileAnswer> answers, String codebookVersion) throws SQLException {
        boolean expert = person.role() == Role.EXPERT;
        String sql = expert
                ? "INSERT INTO adjudication (expert_id, post_id, question, value, decided_at, codebook_version, reason) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING"
                : "INSERT INTO label (coder_id, post_id, question, value, labeled_at, codebook_version) "
                + "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING";
        return inTransaction(() -> {
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

    /** Closes the prepared statements; the connection stays open. */
    @Override
    public void close() throws SQLException {
        insertLabel.close();
        latestOwn.close();
        ownAnswers.close();
    }

    private <T> T inTransaction(Transactions.Query<T> work) throws SQLException {
        return Transactions.call(c, work);
    }

}
