package org.signalbench.labels;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.signalbench.domain.Decision;

/**
 * A post whose coders' latest answers differ on at least one question.
 *
 * @param questions the questions they differ on (two or more coders answered and not alike)
 * @param decisions the expert's latest decisions on this post, by question
 */
public record Disagreement(long postId, String platform, String externalId, Set<String> questions,
                           List<CoderAnswers> coders, Map<String, Decision> decisions) {
    /** True when the expert has decided every question the coders differ on. */
    public boolean settled() {
        return decisions.keySet().containsAll(questions);
    }
}
