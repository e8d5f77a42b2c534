package org.signalbench.topics;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Everything needed to repeat a topic-model run and to tell it apart from others: the corpus (hash
 * and sizes), every hyperparameter in effect, seed, threads, library versions and the time taken.
 */
public record TopicProvenance(String corpusHash, int documents, int vocabulary, long tokens,
                              Map<String, Object> hyperparameters, long seed, int threads,
                              Map<String, String> libraryVersions, double seconds) {

    public TopicProvenance {
        // Unmodifiable copies that keep the caller's order: provenance JSON must not reorder between runs.
        hyperparameters = Collections.unmodifiableMap(new LinkedHashMap<>(hyperparameters));
        libraryVersions = Collections.unmodifiableMap(new LinkedHashMap<>(libraryVersions));
    }

    static TopicProvenance of(TopicCorpus corpus, Map<String, Object> hyperparameters, long seed, int threads,
                              Map<String, String> libraryVersions, double seconds) {
        Map<String, String> versions = new LinkedHashMap<>();
        versions.put("java", System.getProperty("java.version"));
        versions.putAll(libraryVersions);
        return new TopicProvenance(corpus.hash(), corpus.size(), corpus.vocabularySize(), corpus.tokenCount(),
                hyperparameters, seed, threads, versions, seconds);
    }
}
