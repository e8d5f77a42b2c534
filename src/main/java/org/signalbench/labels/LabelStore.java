package org.signalbench.labels;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import org.signalbench.domain.AuditEntry;
import org.signalbench.domain.Coder;
import org.signalbench.domain.Decision;
import org.signalbench.domain.QuestionId;
import org.signalbench.domain.QueueFilter;
import org.signalbench.domain.Role;
import org.signalbench.domain.ScoreOrder;
import org.signalbench.store.Labels;
import org.signalbench.store.Session;

/**
 * The annotation store the app works through: coders, their answers, the coding queue, and the
 * expert's view and decisions.
 *
 * <p>Nothing is ever updated or deleted: an answer is a new {@code label} row, a decision a new
 * {@code adjudication} row, and the latest row counts. Every write is committed before the method
 * returns. Coder reads are blind: they return only that coder's own answers; everything else
 * needs an expert id. The rows are read and written by {@link Labels}, the tables' one writer in
 * {@code store}; one store serves one session on one thread.
 */
public final class LabelStore implements AutoCloseable {
    /** The value of a label row that takes an answer back: the coder has no answer again. */
    public static final String RETRACTED = "";
    /** The question every post must have answered; progress counts it. */
    public static final String DEALER = QuestionId.DEALER_KEY;

    private final Labels rows;
    private final Codebook codebook;
    private final Map<Long, Coder> coders = new HashMap<>();
    private Instant lastTime = Instant.EPOCH;

    public LabelStore(Session session, Codebook codebook) {
        this.rows = new Labels(session);
        this.codebook = codebook;
    }

    public Codebook codebook() {
        return codebook;
    }

    // ---- coders ---------------------------------------------------------------------------------

    /** The coder of this name, created with the role when new; refuses a name that has the other role. */
    public Coder coder(String name, Role role) {
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
        Coder coder = rows.createCoder(trimmed, role);
        coders.put(coder.id(), coder);
        return coder;
    }

    public Optional<Coder> findCoder(String name) {
        return rows.findCoder(name.trim());
    }

    /** Every coder and expert, by name. */
    public List<Coder> coders() {
        return rows.coders();
    }

    private Coder require(long id, Role role) {
        Coder coder = coders.get(id);
        if (coder == null) {
            coder = rows.findCoder(id).orElseThrow(() -> new IllegalArgumentException("no coder with id " + id));
            coders.put(id, coder);
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
    public SavedAnswer saveAnswer(long coderId, long postId, String question, String value, String note) {
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
    public SavedAnswer undo(SavedAnswer saved) {
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

    /** +1 when an answer gives the codebook's progress question (dealer) its first answer, -1 when it takes it back. */
    private int doneDelta(String question, String before, String after) {
        if (!codebook.progressQuestion().equals(question)) {
            return 0;
        }
        boolean had = before != null;
        boolean has = !after.equals(RETRACTED);
        return had == has ? 0 : has ? 1 : -1;
    }

    /** The coder's latest answers to a post (question to value, the note under "note"); never anyone else's. */
    public Map<String, String> answersOf(long coderId, long postId) {
        require(coderId, Role.CODER);
        return ownAnswers(coderId, postId);
    }

    private Map<String, String> ownAnswers(long coderId, long postId) {
        Map<String, String> answers = rows.latestValues(coderId, postId);
        answers.values().removeIf(RETRACTED::equals);
        return answers;
    }

    /** {value, labeled_at} of the coder's latest row for the question, or null. */
    private String[] latest(long coderId, long postId, String question) {
        return rows.latestLabel(coderId, postId, question).map(l -> new String[] {l.value(), l.at()}).orElse(null);
    }

    private void append(long coderId, long postId, String question, String value, String at) {
        rows.appendLabel(coderId, postId, question, value, at, codebook.version());
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
    public Progress progress(long coderId, QueueFilter filter) {
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
    public List<Long> queue(long coderId, QueueFilter filter) {
        List<Long> ids = new ArrayList<>();
        for (long[] row : queueRows(coderId, filter)) {
            ids.add(row[0]);
        }
        return ids;
    }

    /** {post id, 1 when the coder has answered dealer} in queue order. */
    private List<long[]> queueRows(long coderId, QueueFilter filter) {
        require(coderId, Role.CODER);
        List<long[]> list = new ArrayList<>();
        for (Labels.QueueRow row : rows.queue(coderId, DEALER, filter)) {
            list.add(new long[] {row.postId(), row.done() ? 1 : 0});
        }
        return list;
    }

    // ---- the expert -----------------------------------------------------------------------------

    /** Every coder's latest answers to a post and the latest decisions on it. Experts only. */
    public PostReview review(long expertId, long postId) {
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

    private List<Coder> codersOf(long postId) {
        return rows.codersOf(postId);
    }

    private Map<String, Decision> decisions(long postId) {
        return rows.decisions(postId);
    }

    /**
     * The posts where coders' latest answers differ on any codebook question (two or more coders
     * answered it, not all alike), settled or not, in post order. Experts only.
     */
    public List<Disagreement> disagreements(long expertId) {
        require(expertId, Role.EXPERT);
        Map<Long, TreeSet<String>> differing = new TreeMap<>();
        for (Codebook.Question q : codebook.questions()) {
            LatestAnswers.of(rows.session(), q.key()).forEach((postId, byCoder) -> {
                if (byCoder.size() > 1 && byCoder.values().stream().map(LatestAnswers.Answer::value).distinct().count() > 1) {
                    differing.computeIfAbsent(postId, k -> new TreeSet<>()).add(q.key());
                }
            });
        }
        List<Disagreement> list = new ArrayList<>();
        for (var e : differing.entrySet()) {
            PostReview review = review(expertId, e.getKey());
            Labels.PostKey post = rows.postKey(e.getKey());
            list.add(new Disagreement(e.getKey(), post.platform(), post.externalId(), e.getValue(),
                    review.coders(), review.decisions()));
        }
        return list;
    }

    /** Appends the expert's final answer to a question on a post, with the reason. Committed on return. */
    public Decision settle(long expertId, long postId, String question, String value, String reason) {
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
        rows.appendDecision(expertId, postId, question, canonical, reason.strip(), at, codebook.version());
        return new Decision(postId, question, canonical, reason.strip(), expert.name(), at);
    }

    /** Who answered or decided what on a post, and when, oldest first. Experts only. */
    public List<AuditEntry> history(long expertId, long postId) {
        require(expertId, Role.EXPERT);
        return rows.history(postId);
    }

    // ---- answers from files ------------------------------------------------------------------

    /** The latest answer of a coder (a label) or an expert (a decision) to a post's question, if any. */
    public Optional<Labels.Latest> latest(Coder person, long postId, String question) {
        return rows.latest(person, postId, question);
    }

    /**
     * Appends answers read from a file for one person: labels for a coder, decisions for an expert.
     * An answer already stored with the same time adds nothing, so a file imported twice changes
     * nothing. {@code codebookVersion} is the codebook the answers were given under ({@code null}
     * when the file does not say). Runs in the caller's transaction when one is open (an import
     * keeps a file's answers together); returns the rows added.
     */
    public int appendFromFile(Coder person, List<Labels.FileAnswer> answers, String codebookVersion) {
        return rows.appendAll(person, answers, codebookVersion);
    }

    /** Closes the repository's prepared statements; the session stays open. */
    @Override
    public void close() {
        rows.close();
    }

    private <T> T inTransaction(java.util.function.Supplier<T> work) {
        return rows.inTransaction(work);
    }
}
