package org.signalbench.domain;

import java.time.Instant;

/** One step of the topic rounds' funnel: what a filter ({@code ruleJson}) kept of its parent corpus (null: all tweets). */
public record TopicCorpusStep(long id, Long parentId, Long sourceRunId, String ruleJson, Instant createdAt,
                              int postsBefore, int posts) {
}
