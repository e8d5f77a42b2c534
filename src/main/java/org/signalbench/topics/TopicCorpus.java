package org.signalbench.topics;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The documents a topic model learns from: each document a sequence of word ids into one
 * vocabulary. Immutable by convention: callers must not change the arrays they get back.
 */
public record TopicCorpus(List<int[]> documents, List<String> vocabulary) {

    public TopicCorpus {
        documents = List.copyOf(documents);
        vocabulary = List.copyOf(vocabulary);
        int w = vocabulary.size();
        for (int d = 0; d < documents.size(); d++) {
            for (int id : documents.get(d)) {
                if (id < 0 || id >= w) {
                    throw new IllegalArgumentException("document " + d + " has word id " + id + " outside the vocabulary of " + w);
                }
            }
        }
    }

    /**
     * Builds a corpus from token lists; word ids follow the order in which words first appear, so
     * the same token lists always give the same corpus (and the same hash).
     */
    public static TopicCorpus fromTokens(List<? extends List<String>> tokenLists) {
        Map<String, Integer> ids = new HashMap<>();
        List<String> vocabulary = new ArrayList<>();
        List<int[]> docs = new ArrayList<>(tokenLists.size());
        for (List<String> tokens : tokenLists) {
            int[] doc = new int[tokens.size()];
            for (int i = 0; i < doc.length; i++) {
                String token = Objects.requireNonNull(tokens.get(i), "null token");
                Integer id = ids.get(token);
                if (id == null) {
                    id = vocabulary.size();
                    ids.put(token, id);
                    vocabulary.add(token);
                }
                doc[i] = id;
            }
            docs.add(doc);
        }
        return new TopicCorpus(docs, vocabulary);
    }

    public int size() {
        return documents.size();
    }

    public int vocabularySize() {
        return vocabulary.size();
    }

    public int[] document(int d) {
        return documents.get(d);
    }

    /** Word occurrences over all documents. */
    public long tokenCount() {
        long n = 0;
        for (int[] doc : documents) {
            n += doc.length;
        }
        return n;
    }

    /** The documents at {@code indices}, in that order, over the same vocabulary (word ids unchanged). */
    public TopicCorpus subset(int[] indices) {
        List<int[]> docs = new ArrayList<>(indices.length);
        for (int i : indices) {
            docs.add(documents.get(i));
        }
        return new TopicCorpus(docs, vocabulary);
    }

    /** SHA-256 over the vocabulary and every document, hex: identifies the corpus in a run's provenance. */
    public String hash() {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            ByteBuffer buf = ByteBuffer.allocate(8);
            sha.update(buf.putInt(0, vocabulary.size()).putInt(4, documents.size()).array());
            for (String word : vocabulary) {
                sha.update(word.getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
            }
            for (int[] doc : documents) {
                ByteBuffer b = ByteBuffer.allocate(4 * (doc.length + 1)).putInt(doc.length);
                for (int w : doc) {
                    b.putInt(w);
                }
                sha.update(b.array());
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }

    /** Document frequency of every word: in how many documents it occurs at least once. */
    public int[] documentFrequencies() {
        int[] df = new int[vocabulary.size()];
        int[] lastSeen = new int[vocabulary.size()];
        java.util.Arrays.fill(lastSeen, -1);
        for (int d = 0; d < documents.size(); d++) {
            for (int w : documents.get(d)) {
                if (lastSeen[w] != d) {
                    lastSeen[w] = d;
                    df[w]++;
                }
            }
        }
        return df;
    }
}
