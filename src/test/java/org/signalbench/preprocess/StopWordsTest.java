package org.signalbench.preprocess;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.signalbench.store.DataLocations;

class StopWordsTest {
    private static StopWords read(String text) throws IOException {
        return StopWords.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "test.txt");
    }

    @Test
    void theShippedListIsNltksEnglishListOf179Words() {
        StopWords shipped = ShippedStopWords.read();
        assertEquals(List.of(), shipped.problems());
        assertEquals(179, shipped.words().size());
        List<String> words = List.copyOf(shipped.words());
        // NLTK's own order: it opens with the pronouns and closes with the n't contractions
        assertEquals(List.of("i", "me", "my", "myself", "we"), words.subList(0, 5));
        assertEquals(List.of("won", "won't", "wouldn", "wouldn't"), words.subList(175, 179));
        assertTrue(shipped.words().containsAll(Set.of("don't", "don", "t", "should've", "that'll", "any", "ma")));
        for (String word : words) {
            assertEquals(Preprocessor.normalizeWord(word), word);
        }
    }

    @Test
    void theShippedFileSaysWhereTheListComesFromInCommentsAtTheTop() throws IOException {
        Path file = Path.of("resources", StopWords.ENGLISH);
        List<String> lines = Files.readAllLines(file);
        assertTrue(lines.get(0).startsWith("#") && lines.get(0).contains("NLTK"), lines.get(0));
        long commentLines = lines.stream().takeWhile(l -> l.startsWith("#")).count();
        assertEquals(lines.stream().filter(l -> l.startsWith("#")).count(), commentLines, "comments only at the top");
        assertEquals(179, lines.size() - commentLines);
    }

    @Test
    void commentsAndBlankLinesAreSkippedAndWordsNormalized() throws IOException {
        StopWords list = read("\uFEFF# a comment\n\nThe\n  and  \ndon’t\n");
        assertEquals(Set.of("the", "and", "don't"), list.words());
        assertEquals(List.of(), list.problems());
    }

    @Test
    void aLineWithTwoWordsIsReportedWithItsLineNumberAndTheRestIsRead() throws IOException {
        StopWords list = read("# list\nthe\nof the\nand\nthe\n");
        assertEquals(Set.of("the", "and"), list.words());
        assertEquals(List.of(
                "test.txt line 3: 'of the' holds more than one word (one stop word per line); skipped",
                "test.txt line 5: 'the' is listed twice"), list.problems());
    }

    @Test
    void theDefaultPreprocessorUsesTheUsersEditedCopyWhenThereIsOne(@TempDir Path home) throws IOException {
        String previous = System.getProperty(DataLocations.HOME_PROPERTY);
        System.setProperty(DataLocations.HOME_PROPERTY, home.toString());
        try {
            assertTrue(Preprocessor.withDefaultStopWords().stopWords().contains("the"));
            assertEquals(179, Preprocessor.withDefaultStopWords().stopWords().size());
            Path edited = DataLocations.editableCopy(StopWords.ENGLISH);
            Files.createDirectories(edited.getParent());
            Files.writeString(edited, "# my list\nxanax\n");
            Preprocessor custom = Preprocessor.withDefaultStopWords();
            assertEquals(Set.of("xanax"), custom.stopWords());
            assertEquals(List.of("the", "bars"), custom.tokens("the xanax bars"));
            assertFalse(custom.stopWords().contains("the"));
        } finally {
            if (previous == null) {
                System.clearProperty(DataLocations.HOME_PROPERTY);
            } else {
                System.setProperty(DataLocations.HOME_PROPERTY, previous);
            }
        }
    }
}
