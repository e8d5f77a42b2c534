package org.signalbench.ui.findings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.signalbench.findings.DrugLexicon;

class LexiconFormTest {
    @TempDir
    Path dir;

    @Test
    void goodRowsBecomeALexiconWithHashtagsLowerCasedWithoutTheirSign() {
        LexiconForm.Checked checked = LexiconForm.check(List.of(
                new LexiconForm.Row(" Xanax ", "#Xanax, 2mgxanax,, xanax ,"),
                new LexiconForm.Row("LSD", "lsd25")));
        assertEquals(List.of(), checked.problems());
        assertEquals(new DrugLexicon(List.of(new DrugLexicon.Group("Xanax", List.of("xanax", "2mgxanax")),
                new DrugLexicon.Group("LSD", List.of("lsd25")))), checked.lexicon());
    }

    @Test
    void everyBadRowIsNamedWithItsReason() {
        LexiconForm.Checked checked = LexiconForm.check(List.of(
                new LexiconForm.Row("Xanax", "xanax"),
                new LexiconForm.Row("", "lsd25"),
                new LexiconForm.Row("Oxycodone", "oxy 80s, oxy-80"),
                new LexiconForm.Row("MDMA", " , "),
                new LexiconForm.Row("xanax", "greenxanax")));
        assertFalse(checked.ok());
        assertNull(checked.lexicon());
        assertEquals(List.of(
                "Row 2: the drug group has no name.",
                "Row 3 (Oxycodone): 'oxy 80s' contains a space; a hashtag is one word, separate hashtags with commas.",
                "Row 3 (Oxycodone): 'oxy-80' is not a hashtag (letters, digits and _ only, after an optional #).",
                "Row 4 (MDMA): the group has no hashtags.",
                "Row 5 (xanax): the group name is already used in row 1."), checked.problems());
    }

    @Test
    void noGroupsAtAllIsRefused() {
        assertEquals(List.of("The lexicon needs at least one drug group."), LexiconForm.check(List.of()).problems());
    }

    @Test
    void theSavedCopyReadsBackAndReplacesTheShippedLexicon() throws Exception {
        LexiconStore store = new LexiconStore(dir.resolve("resources/lexicons/drug-hashtags.json"), org.signalbench.findings.Lexicons.load());
        assertEquals(DrugLexicon.load(), store.load(), "the shipped lexicon until the user saves one");
        DrugLexicon edited = new DrugLexicon(List.of(new DrugLexicon.Group("Ketamine", List.of("ketamine", "kpowder"))));
        store.save(edited);
        assertEquals(edited, store.load());
        assertEquals(edited, store.lexicons().drugHashtags());
        assertEquals(List.of(store.file()), Files.list(store.file().getParent()).toList(), "no temporary file left");
    }
}
