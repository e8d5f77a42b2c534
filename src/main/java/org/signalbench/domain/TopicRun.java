package org.signalbench.domain;

import java.time.Instant;
import java.util.Map;

/** A topic round's provenance; {@code corpusId} null for all Twitter posts of the workbench. */
public record TopicRun(long id, Long corpusId, String model, int k, int iterations, long seed, int threads,
                       String corpusHash, int posts, int documents, int vocabulary, long tokens,
                       Map<String, Object> hyperparameters, Map<String, String> libraryVersions, double seconds,
                       Instant startedAt, Instant finishedAt) {
}
