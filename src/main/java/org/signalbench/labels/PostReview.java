package org.signalbench.labels;

import java.util.List;
import java.util.Map;
import org.signalbench.domain.Decision;

/** Everything the expert sees on a post: every coder's latest answers and the latest decision per question. */
public record PostReview(long postId, List<CoderAnswers> coders, Map<String, Decision> decisions) {
}
