package org.signalbench.ui.findings;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.signalbench.findings.DrugLexicon;
import org.signalbench.findings.Lexicons;

/**
 * The drug-hashtag lexicon the app counts with: the user's edited copy when there is one, else
 * the shipped {@code resources/lexicons/drug-hashtags.json}. Saving writes the edited copy.
 */
public final class LexiconStore {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Path editable;
    private final Lexicons defaults;

    /** A store of the edited copy at {@code editable}, over the lexicons the settings hold. */
    public LexiconStore(Path editable, Lexicons defaults) {
        this.editable = editable;
        this.defaults = defaults;
    }

    /** The edited copy (it may not exist yet). */
    public Path file() {
        return editable;
    }

    public DrugLexicon load() {
        return Files.isRegularFile(editable) ? DrugLexicon.load(editable) : defaults.drugHashtags();
    }

    /** All lexicons the findings need, with this store's drug hashtags. */
    public Lexicons lexicons() {
        return defaults.withDrugHashtags(load());
    }

    /**
     * Writes the edited copy in the shipped file's layout (pretty-printed JSON), through a temporary
     * file, so a failed write never leaves half a lexicon behind.
     */
    public void save(DrugLexicon lexicon) throws IOException {
        Path dir = editable.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path temp = Files.createTempFile(dir, "drug-hashtags", ".tmp");
        try {
            Files.writeString(temp, json(lexicon));
            Files.move(temp, editable, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    static String json(DrugLexicon lexicon) throws JsonProcessingException {
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(lexicon) + "\n";
    }
}
