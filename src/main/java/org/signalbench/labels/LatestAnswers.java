package org.signalbench.labels;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.signalbench.store.LabelReads;
import org.signalbench.store.Session;

/**
 * Every coder's latest answer to one question, read in one pass: labels are append-only and the
 * latest row per coder, post and question counts; a latest row holding {@link LabelStore#RETRACTED}
 * means the coder has no answer. Only coders with role {@code coder} are read.
 */
public final class LatestAnswers {
    private LatestAnswers() {
    }

    /** A coder's answer and when it was given (ISO-8601 UTC). */
    public record Answer(String value, String at) {
    }

    /** Post id (ascending) to coder id (in first-answer order) to that coder's latest answer. */
    public static Map<Long, Map<Long, Answer>> of(Session session, String question) {
        Map<Long, Map<Long, Answer>> answers = new TreeMap<>();
        // Oldest first, so a later answer by the same coder replaces an earlier one.
        for (LabelReads.CoderAnswer row : LabelReads.coderAnswers(session, question)) {
            answers.computeIfAbsent(row.postId(), k -> new LinkedHashMap<>()).put(row.coderId(), new Answer(row.value(), row.at()));
        }
        answers.values().forEach(byCoder -> byCoder.values().removeIf(a -> LabelStore.RETRACTED.equals(a.value())));
        answers.values().removeIf(Map::isEmpty);
        return answers;
    }
}
