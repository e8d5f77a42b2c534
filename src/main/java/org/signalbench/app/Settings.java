package org.signalbench.app;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;
import org.signalbench.findings.Lexicons;
import org.signalbench.labels.Codebook;
import org.signalbench.preprocess.Preprocessor;

/**
 * The editable settings results depend on, as one value: the codebook, the preprocessing's stop
 * words and the findings' lexicons, each with a content hash. Loaded once at the edge (the command line's entry, the app's
 * start) and passed in; runs and final models record the hashes, so a stored result says which
 * settings produced it.
 *
 * @param hashes SHA-256 of each setting's content, by name ("codebook", "stopWords", "lexicons")
 */
public record Settings(Codebook codebook, Preprocessor preprocessor, Lexicons lexicons, Map<String, String> hashes) {
    /** Provenance key of the application's version. */
    public static final String APP_VERSION = "signalbench";
    /** Prefix of the provenance keys of the settings' hashes ("settings.codebook", ...). */
    public static final String HASH_PREFIX = "settings.";

    public Settings {
        hashes = Map.copyOf(hashes);
    }

    /** The settings in use: the shipped files, or the user's edited copies in the data directory. */
    public static Settings load() {
        return of(Codebook.load(), Preprocessor.withDefaultStopWords(), Lexicons.load());
    }

    /** Settings of these values, hashed by content. */
    public static Settings of(Codebook codebook, Preprocessor preprocessor, Lexicons lexicons) {
        Map<String, String> hashes = new LinkedHashMap<>();
        try {
            hashes.put("codebook", sha256(new ObjectMapper().writeValueAsString(codebook)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a codebook always serializes", e);
        }
        hashes.put("stopWords", sha256(String.join("\n", new TreeSet<>(preprocessor.stopWords()))));
        hashes.put("lexicons", sha256(lexicons.contentText()));
        return new Settings(codebook, preprocessor, lexicons, hashes);
    }

    /** The hash of the settings that shape the preprocessed corpus (the stop words). */
    public String corpusHash() {
        return hashes.get("stopWords");
    }

    /** What a stored run or final model records beside its library versions: the app's version and every hash. */
    public Map<String, String> provenance() {
        Map<String, String> entries = new LinkedHashMap<>();
        entries.put(APP_VERSION, AppVersion.current());
        hashes.forEach((name, hash) -> entries.put(HASH_PREFIX + name, hash));
        return entries;
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
