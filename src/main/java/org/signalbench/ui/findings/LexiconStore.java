package org.signalbench.ui.findings;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.signalbench.exporting.SafeOutputFile;
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
     * Writes the edited copy in the shipped file's layout (pretty-printed JSON), whole or not at all
     * ({@link SafeOutputFile}), so a failed write never leaves half a lexicon behind.
     */
    public void save(DrugLexicon lexicon) throws IOException {
        SafeOutputFile.writeString(editable.toAbsolutePath(), (Path) null, json(lexicon));
    }

    static String json(DrugLexicon lexicon) throws JsonProcessingException {
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(lexicon) + "\n";
    }
}
