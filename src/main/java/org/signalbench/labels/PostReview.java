package org.signalbench.labels;

import org.signalbench.domain.Decision;
import java.util.List;
import java.util.Map;

/** Everything the expert sees on a post: every coder's latest answers and the latest decision per question. */
public record PostReview(long postId, List<CoderAnswers> coders, Map<String, Decision> decisions) {
}
