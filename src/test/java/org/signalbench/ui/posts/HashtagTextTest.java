package org.signalbench.ui.posts;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.signalbench.ui.posts.HashtagText.Run;

class HashtagTextTest {
    @Test
    void splitsHashtagsFromTheRestKeepingEveryCharacter() {
        String text = "plug 💊 #Xanax,#2mg_bars! email a#b #ñandú #";
        List<Run> runs = HashtagText.split(text);
        assertEquals(List.of(
                new Run("plug 💊 ", false), new Run("#Xanax", true), new Run(",", false), new Run("#2mg_bars", true),
                new Run("! email a", false), new Run("#b", true), new Run(" ", false), new Run("#ñandú", true),
                new Run(" #", false)), runs);
        assertEquals(text, runs.stream().map(Run::text).reduce("", String::concat));
    }

    @Test
    void emptyAndHashtagFreeTexts() {
        assertEquals(List.of(), HashtagText.split(""));
        assertEquals(List.of(new Run("no tags here", false)), HashtagText.split("no tags here"));
    }
}
