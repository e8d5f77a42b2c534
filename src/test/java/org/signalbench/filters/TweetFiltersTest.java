package org.signalbench.filters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TweetFiltersTest {
    @TempDir
    Path dir;

    @Test
    void theStudysKeywordsMatchWholeWordsIgnoringCaseAndHashes() {
        KeywordFilter filter = KeywordFilter.studyDefault();
        assertEquals(List.of("codeine", "fentanyl", "hydrocodone", "oxycodone", "Oxycontin", "Percocet", "Vicodin"),
                filter.keywords());
        assertTrue(filter.matches("Police seize FENTANYL in bust"));
        assertTrue(filter.matches("so tired #Percocet"));
        assertTrue(filter.matches("oxycontin's maker sued"), "an apostrophe ends the word");
        assertFalse(filter.matches("fentanyls and analogues"), "a plural is another word, as in Twitter's track filter");
        assertFalse(filter.matches("xanax bars"));
        assertEquals(List.of("fentanyl", "Percocet"), filter.matchedKeywords("percocet laced with fentanyl"));
    }

    @Test
    void keywordListsAreEditableAndPhrasesNeedAllTheirWords() throws Exception {
        Path file = Files.writeString(dir.resolve("keywords.txt"), "# my list\nlean\n\nfake pills\n");
        KeywordFilter filter = KeywordFilter.fromFile(file);
        assertEquals(List.of("lean", "fake pills"), filter.keywords());
        assertTrue(filter.matches("pills that are fake"));
        assertFalse(filter.matches("fake news"));
        assertTrue(filter.matches("sippin LEAN"));
        Path json = Files.writeString(dir.resolve("k.json"), "{\"keywords\": [\"codeine\", 3]}");
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class, () -> KeywordFilter.fromFile(json));
        assertTrue(bad.getMessage().contains("keywords[1] must be a string"), bad.getMessage());
        assertThrows(IllegalArgumentException.class, () -> KeywordFilter.of(List.of(" ", "!!")));
    }

    @Test
    void theLangFieldDecidesWhenItNamesALanguage() {
        EnglishFilter filter = new EnglishFilter();
        assertEquals(new EnglishFilter.Decision(true, EnglishFilter.Basis.LANG_FIELD), filter.decide("en", "hola amigos"));
        assertEquals(new EnglishFilter.Decision(false, EnglishFilter.Basis.LANG_FIELD), filter.decide("es", "the pills are in the bag"));
        assertTrue(filter.isEnglish("en-gb", "x"));
    }

    @Test
    void withoutALanguageTheHeuristicJudgesFunctionWordsAndScript() {
        EnglishFilter filter = new EnglishFilter();
        assertTrue(filter.isEnglish("und", "my back is killing me and the percocet is not working https://t.co/x #pain"));
        assertFalse(filter.isEnglish(null, "la policía detuvo a dos hombres con fentanilo en la frontera"));
        assertFalse(filter.isEnglish(null, "Полиция изъяла фентанил и оксикодон в аэропорту"));
        assertEquals(EnglishFilter.Basis.TOO_SHORT, filter.decide(null, "percocet lol @someone").basis());
        assertTrue(filter.isEnglish(null, "percocet lol"), "too short to judge: kept");
    }
}
