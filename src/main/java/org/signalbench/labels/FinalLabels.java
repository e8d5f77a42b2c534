package org.signalbench.labels;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.signalbench.store.LabelReads;
import org.signalbench.store.Session;

/**
 * Works out the final label of every coded post for a question: the expert's latest decision
 * when there is one, otherwise the coders' answer when all who answered agree; posts where coders
 * disagree and no decision exists are disputed. Only each coder's latest answer counts, and a
 * retracted answer ({@link LabelStore#RETRACTED}) is no answer.
 */
public final class FinalLabels {
    private FinalLabels() {
    }

    /** Final labels by post id, in post-id order. */
    public static Map<Long, FinalLabel> of(Session session, String question) {
        Map<Long, Map<Long, LatestAnswers.Answer>> coderAnswers = LatestAnswers.of(session, question);
        Map<Long, String> decisions = new HashMap<>(LabelReads.latestDecisions(session, question));
        Map<Long, FinalLabel> result = new LinkedHashMap<>();
        for (var entry : coderAnswers.entrySet()) {
            long postId = entry.getKey();
            String decision = decisions.remove(postId);
            if (decision != null) {
                result.put(postId, new FinalLabel(postId, question, decision, FinalLabel.Status.SETTLED));
                continue;
            }
            var distinct = entry.getValue().values().stream().map(LatestAnswers.Answer::value).distinct().toList();
            if (distinct.size() == 1) {
                var status = entry.getValue().size() == 1 ? FinalLabel.Status.SINGLE_CODER : FinalLabel.Status.AGREED;
                result.put(postId, new FinalLabel(postId, question, distinct.get(0), status));
            } else {
                result.put(postId, new FinalLabel(postId, question, null, FinalLabel.Status.DISPUTED));
            }
        }
        // An expert may decide a post no coder answered (e.g. a CSV of final answers).
        decisions.forEach((postId, value) -> result.put(postId, new FinalLabel(postId, question, value, FinalLabel.Status.SETTLED)));
        return result;
    }
}
