package org.signalbench.preprocess;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A stop-word file: one word per line, UTF-8; blank lines and lines starting with {@code #} are
 * ignored. Words are normalized as caption words are (NFKC, lower case, ’ read as '), so an entry
 * matches exactly the tokens it should. A line holding more than one word is reported and skipped.
 */
public record StopWords(Set<String> words, List<String> problems) {
    /** Where the study's list lives among the editable resources. */
    public static final String ENGLISH = "stopwords/english.txt";

    public StopWords {
        words = Collections.unmodifiableSet(new LinkedHashSet<>(words));
        problems = List.copyOf(problems);
    }

    /** Reads a stop-word file; {@code source} names it in problem messages. The stream is closed. */
    public static StopWords read(InputStream in, String source) throws IOException {
        Set<String> words = new LinkedHashSet<>();
        List<String> problems = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                String entry = line.strip();
                if (number == 1 && entry.startsWith("\uFEFF")) {
                    entry = entry.substring(1).strip();
                }
                if (entry.isEmpty() || entry.startsWith("#")) {
                    continue;
                }
                if (entry.codePoints().anyMatch(Character::isWhitespace)) {
                    problems.add(source + " line " + number + ": '" + entry
                            + "' holds more than one word (one stop word per line); skipped");
                    continue;
                }
                if (!words.add(Preprocessor.normalizeWord(entry))) {
                    problems.add(source + " line " + number + ": '" + entry + "' is listed twice");
                }
            }
        }
        return new StopWords(words, problems);
    }
}
