package org.signalbench.labels;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;

/**
 * Identifies the posts a coder file talks about: SHA-256 over the sorted lines
 * {@code platform:externalId:sha256(caption)}, one per post, joined by newlines, plus the count.
 * Two workbenches holding the same posts with the same captions give the same fingerprint.
 */
public record CorpusFingerprint(int posts, String sha256) {

    /** The line one post contributes. */
    public static String line(String platform, String externalId, String caption) {
        return platform + ":" + externalId + ":" + hex(sha256(caption == null ? "" : caption));
    }

    /** The fingerprint of these lines (order does not matter; duplicates count once). */
    public static CorpusFingerprint ofLines(Collection<String> lines) {
        List<String> sorted = new ArrayList<>(new java.util.TreeSet<>(lines));
        return new CorpusFingerprint(sorted.size(), hex(sha256(String.join("\n", sorted))));
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
