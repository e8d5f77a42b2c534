package org.signalbench.labels;

import org.signalbench.domain.AuditEntry;
import org.signalbench.domain.Coder;
import org.signalbench.domain.Decision;
import org.signalbench.domain.QueueFilter;
import org.signalbench.testing.Labelling;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.signalbench.testing.TestWorkbenches.insertPost;
import static org.signalbench.testing.TestWorkbenches.scalar;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.signalbench.domain.Role;
import org.signalbench.store.Session;
import org.signalbench.store.Workbench;
import org.signalbench.testing.TestWorkbenches;

class LabelStoreTest {
    @TempDir
    Path dir;
    Workbench workbench;
    Connection c;
    LabelStore store;
    Coder a;
    Coder b;
    Coder expert;
    long p1;
    long p2;
    long p3;
    long p4;

    @BeforeEach
    void setUp() throws Exception {
        workbench = TestWorkbenches.open(dir);
        c = workbench.connection();
        p1 = insertPost(c, "instagram", "P1", "u1", "bars #xanax wickr frosty_tabs_44");
        p2 = insertPost(c, "instagram", "P2", "u2", "beach day 100%_fun");
        p3 = insertPost(c, "instagram", "P3", "u3", "percs available kik me");
        p4 = insertPost(c, "twitter", "1004", "u4", "nothing to see");
        try (PreparedStatement st = c.prepareStatement("INSERT INTO post_collection (post_id, search) VALUES (?, ?)")) {
            for (Object[] row : new Object[][] {{p1, "#xanax"}, {p3, "#xanax"}, {p3, "#percs"}, {p2, "beach"}}) {
                st.setLong(1, (Long) row[0]);
                st.setString(2, (String) row[1]);
                st.executeUpdate();
            }
        }
        store = Labelling.labelStore(c);
        a = store.coder("coder-a", Role.CODER);
        b = store.coder("coder-b", Role.CODER);
        expert = store.coder("expert", Role.EXPERT);
    }

    @Test
    void codersAreFoundByNameAndKeepTheirRole() throws Exception {
        assertEquals(a, store.coder("coder-a", Role.CODER));
        assertEquals(a, store.findCoder("coder-a").orElseThrow());
        var e = assertThrows(IllegalArgumentException.class, () -> store.coder("coder-a", Role.EXPERT));
        assertTrue(e.getMessage().contains("already a coder"), e.getMessage());
        assertEquals(List.of("coder-a", "coder-b", "expert"), store.coders().stream().map(Coder::name).toList());
        assertThrows(IllegalArgumentException.class, () -> store.coder("  ", Role.CODER));
    }

    @Test
    void answersAreAppendedCanonicalAndCommittedAtOnce() throws Exception {
        SavedAnswer first = store.saveAnswer(a.id(), p1, "dealer", "yes", "imprint visible");
        store.saveAnswer(a.id(), p1, "channels", "wickr, kik", null);
        assertEquals(1, first.doneDelta());
        assertNull(first.previousValue());
        // A second connection sees the rows: they were committed before saveAnswer returned.
        try (Connection other = workbench.newConnection()) {
            assertEquals(3, scalar(other, "SELECT count(*) FROM label WHERE coder_id = ?", a.id()));
            assertEquals(1, scalar(other, "SELECT count(*) FROM label WHERE question = 'channels' AND value = 'kik,wickr'"));
            assertEquals(1, scalar(other, "SELECT count(*) FROM label WHERE codebook_version = '1' AND question = 'note'"));
        }
        SavedAnswer changed = store.saveAnswer(a.id(), p1, "dealer", "no", null);
        assertEquals("yes", changed.previousValue());
        assertEquals(0, changed.doneDelta());
        assertEquals(Map.of("dealer", "no", "channels", "kik,wickr", "note", "imprint visible"), store.answersOf(a.id(), p1));
        // Never updated: both dealer rows are still there, the later one counts.
        assertEquals(2, scalar(c, "SELECT count(*) FROM label WHERE coder_id = ? AND post_id = ? AND question = 'dealer'", a.id(), p1));
        assertTrue(changed.at().compareTo(first.at()) > 0);
        var bad = assertThrows(IllegalArgumentException.class, () -> store.saveAnswer(a.id(), p1, "dealer", "maybe", null));
        assertTrue(bad.getMessage().contains("'maybe' is not an answer to dealer"));
        assertThrows(IllegalArgumentException.class, () -> store.saveAnswer(expert.id(), p1, "dealer", "yes", null));
    }

    @Test
    void anAnswerSavedNowOutranksAnImportedOneWithALaterTime() throws Exception {
        try (PreparedStatement st = c.prepareStatement("INSERT INTO label (coder_id, post_id, question, value, labeled_at) "
                + "VALUES (?, ?, 'dealer', 'yes', '2099-01-01T00:00:00Z')")) {
            st.setLong(1, a.id());
            st.setLong(2, p2);
            st.executeUpdate();
        }
        store.saveAnswer(a.id(), p2, "dealer", "no", null);
        assertEquals("no", store.answersOf(a.id(), p2).get("dealer"));
        assertEquals("no", FinalLabels.of(Session.over(c), "dealer").get(p2).value());
    }

    @Test
    void undoAppendsWhatWasThereBeforeAndKeepsHistory() throws Exception {
        SavedAnswer first = store.saveAnswer(a.id(), p1, "dealer", "yes", "first note");
        SavedAnswer second = store.saveAnswer(a.id(), p1, "dealer", "no", "second note");
        SavedAnswer undone = store.undo(second);
        assertEquals(Map.of("dealer", "yes", "note", "first note"), store.answersOf(a.id(), p1));
        assertEquals(0, undone.doneDelta());
        SavedAnswer undoneFirst = store.undo(first);
        // Nothing was there before the first answer: the post is unanswered again and off the progress.
        assertEquals(Map.of(), store.answersOf(a.id(), p1));
        assertEquals(-1, undoneFirst.doneDelta());
        assertFalse(FinalLabels.of(Session.over(c), "dealer").containsKey(p1));
        // Undoing the undo redoes the answer.
        store.undo(undoneFirst);
        assertEquals(Map.of("dealer", "yes", "note", "first note"), store.answersOf(a.id(), p1));
        List<AuditEntry> history = store.history(expert.id(), p1);
        assertEquals(List.of("yes", "no", "yes", LabelStore.RETRACTED, "yes"),
                history.stream().filter(e -> e.question().equals("dealer")).map(AuditEntry::value).toList());
        assertEquals(5, scalar(c, "SELECT count(*) FROM label WHERE question = 'dealer'"));
    }

    @Test
    void codersReadOnlyTheirOwnAnswersAndNeverDecisions() throws Exception {
        store.saveAnswer(a.id(), p1, "dealer", "yes", "A's note");
        store.saveAnswer(b.id(), p1, "dealer", "no", null);
        store.settle(expert.id(), p1, "dealer", "yes", "wickr handle in caption");
        assertEquals(Map.of("dealer", "no"), store.answersOf(b.id(), p1));
        assertEquals(Map.of("dealer", "yes", "note", "A's note"), store.answersOf(a.id(), p1));
        assertEquals(Map.of(), store.answersOf(b.id(), p3));
        // The expert-only reads refuse a coder's id.
        assertThrows(IllegalArgumentException.class, () -> store.review(b.id(), p1));
        assertThrows(IllegalArgumentException.class, () -> store.disagreements(b.id()));
        assertThrows(IllegalArgumentException.class, () -> store.history(b.id(), p1));
        assertThrows(IllegalArgumentException.class, () -> store.answersOf(expert.id(), p1));

        PostReview review = store.review(expert.id(), p1);
        assertEquals(List.of("coder-a", "coder-b"), review.coders().stream().map(x -> x.coder().name()).toList());
        assertEquals("A's note", review.coders().get(0).note());
        assertEquals("yes", review.decisions().get("dealer").value());
        assertEquals("wickr handle in caption", review.decisions().get("dealer").reason());
    }

    @Test
    void progressCountsDealerAnswersInTheQueue() throws Exception {
        assertEquals(new Progress(0, 4), store.progress(a.id(), QueueFilter.ALL));
        store.saveAnswer(a.id(), p3, "dealer", "yes", null);
        store.saveAnswer(a.id(), p3, "channels", "kik", null);
        store.saveAnswer(a.id(), p2, "exchange", "no", null); // not a dealer answer
        store.saveAnswer(b.id(), p1, "dealer", "no", null);   // someone else's
        assertEquals(new Progress(1, 4), store.progress(a.id(), QueueFilter.ALL));
        assertEquals(new Progress(1, 2), store.progress(a.id(), new QueueFilter("xanax", null, null)));
        assertEquals(new Progress(1, 4).plus(1), new Progress(2, 4));
    }

    @Test
    void theQueuePutsUnlabeledPostsFirstAndFilters() throws Exception {
        store.saveAnswer(a.id(), p1, "dealer", "no", null);
        assertEquals(List.of(p2, p3, p4, p1), store.queue(a.id(), QueueFilter.ALL));
        assertEquals(List.of(p1, p2, p3, p4), store.queue(b.id(), QueueFilter.ALL));
        assertEquals(List.of(p3, p1), store.queue(a.id(), new QueueFilter("#xanax", null, null)));
        assertEquals(List.of(p3, p1), store.queue(a.id(), new QueueFilter("xanax", null, null)));
        assertEquals(List.of(p2), store.queue(a.id(), new QueueFilter("beach", null, null)));
        assertEquals(List.of(p3), store.queue(a.id(), new QueueFilter(null, "KIK", null)));
        // LIKE wildcards in the search text are taken literally.
        assertEquals(List.of(p2), store.queue(a.id(), new QueueFilter(null, "100%_", null)));
        assertEquals(List.of(), store.queue(a.id(), new QueueFilter(null, "1_0", null)));
        assertEquals(List.of(p3), store.queue(a.id(), new QueueFilter("#percs", "kik", null)));
        // A model's scores order the unlabeled posts, highest first; posts without a score come last.
        try (PreparedStatement st = c.prepareStatement("INSERT INTO post_score (post_id, model, score) VALUES (?, 'lstm', ?)")) {
            for (Object[] row : new Object[][] {{p2, 0.1}, {p4, 0.9}, {p1, 0.99}}) {
                st.setLong(1, (Long) row[0]);
                st.setDouble(2, (Double) row[1]);
                st.executeUpdate();
            }
        }
        assertEquals(List.of(p4, p2, p3, p1), store.queue(a.id(), new QueueFilter(null, null, "lstm")));
        // A retracted dealer answer puts the post back among the unlabeled.
        store.undo(store.saveAnswer(a.id(), p4, "dealer", "yes", null));
        assertEquals(List.of(p4, p2, p3, p1), store.queue(a.id(), new QueueFilter(null, null, "lstm")));
    }

    @Test
    void disagreementsAreExactlyThePostsWhereLatestAnswersDiffer() throws Exception {
        store.saveAnswer(a.id(), p1, "dealer", "yes", "contact in caption");
        store.saveAnswer(b.id(), p1, "dealer", "no", "looks like a meme");
        store.saveAnswer(a.id(), p2, "dealer", "no", null);
        store.saveAnswer(b.id(), p2, "dealer", "no", null);
        store.saveAnswer(a.id(), p3, "dealer", "yes", null);
        store.saveAnswer(b.id(), p3, "dealer", "yes", null);
        store.saveAnswer(a.id(), p3, "channels", "kik", null);
        store.saveAnswer(b.id(), p3, "channels", "kik,wickr", null);
        // p4: they differed, then coder-b changed to agree; only latest answers count.
        store.saveAnswer(a.id(), p4, "dealer", "no", null);
        store.saveAnswer(b.id(), p4, "dealer", "yes", null);
        store.saveAnswer(b.id(), p4, "dealer", "no", null);
        // A question only one coder answered is no disagreement.
        store.saveAnswer(a.id(), p2, "exchange", "yes", null);

        List<Disagreement> list = store.disagreements(expert.id());
        assertEquals(List.of(p1, p3), list.stream().map(Disagreement::postId).toList());
        assertEquals(Set.of("dealer"), list.get(0).questions());
        assertEquals(Set.of("channels"), list.get(1).questions());
        assertEquals("looks like a meme", list.get(0).coders().get(1).note());
        assertFalse(list.get(0).settled());

        Decision d = store.settle(expert.id(), p1, "dealer", "yes", "handle and price in caption");
        assertEquals("expert", d.expert());
        assertTrue(store.disagreements(expert.id()).get(0).settled());
        assertEquals("yes", FinalLabels.of(Session.over(c), "dealer").get(p1).value());
        assertEquals(FinalLabel.Status.SETTLED, FinalLabels.of(Session.over(c), "dealer").get(p1).status());
        assertThrows(IllegalArgumentException.class, () -> store.settle(expert.id(), p1, "dealer", "yes", " "));
        assertThrows(IllegalArgumentException.class, () -> store.settle(a.id(), p1, "dealer", "yes", "x"));
        // The expert changes their mind: a new row, the history keeps both, in order.
        store.settle(expert.id(), p1, "dealer", "no", "second look: the handle belongs to a meme page");
        List<AuditEntry> history = store.history(expert.id(), p1);
        List<AuditEntry> decisions = history.stream().filter(e -> e.kind() == AuditEntry.Kind.DECISION).toList();
        assertEquals(List.of("yes", "no"), decisions.stream().map(AuditEntry::value).toList());
        assertEquals(Role.EXPERT, decisions.get(0).role());
        assertEquals("coder-a", history.get(0).who());
        assertEquals(2, scalar(c, "SELECT count(*) FROM adjudication"));
        assertEquals("no", store.review(expert.id(), p1).decisions().get("dealer").value());
    }
}
