package org.signalbench.preprocess;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Step 1, one rule at a time, on hand-checked captions. */
class TokensTest {
    private final Preprocessor preprocessor = ShippedStopWords.preprocessor();

    private List<String> tokens(String text) {
        return preprocessor.tokens(text);
    }

    @Test
    void emptyAndMissingTextsHaveNoTokens() {
        assertEquals(List.of(), tokens(null));
        assertEquals(List.of(), tokens(""));
        assertEquals(List.of(), tokens("  \n\t "));
    }

    @Test
    void aHugeCaptionIsCleanedInLinearTime() {
        String caption = "#Xanax xanax💊 &amp; https://example.com/a'b ".repeat(7_000);   // about 300 kB
        long start = System.nanoTime();
        List<String> tokens = tokens(caption);
        assertEquals(14_000, tokens.size());
        assertEquals(List.of("#xanax", "xanax"), tokens.subList(0, 2));
        assertTrue(System.nanoTime() - start < 2_000_000_000L, "took more than 2 s");
    }

    @Nested
    class Hyperlinks {
        @Test
        void httpAndHttpsLinksAreRemovedWithTheirPathAndQuery() {
            assertEquals(List.of("order", "today"), tokens("order https://shop.example.com/xanax?id=2&ref=ig today"));
            assertEquals(List.of("order", "today"), tokens("order http://example.com/a/b today"));
            assertEquals(List.of("order", "today"), tokens("order HTTPS://EXAMPLE.COM/PLUG today"));
        }

        @Test
        void wwwLinksAreRemoved() {
            assertEquals(List.of("menu", "pills"), tokens("menu www.example.com/menu pills"));
        }

        @Test
        void aLinkRunsToTheNextSpace() {
            assertEquals(List.of("link", "dm"), tokens("link:https://example.com/x,dm DM"));
            assertEquals(List.of("dm"), tokens("(https://example.com/x) dm"));
        }

        @Test
        void wwwInsideAWordIsNotALink() {
            assertEquals(List.of("awww", "cute"), tokens("awww.cute"));
        }

        @Test
        void bareDomainsAreNotLinksAndBreakIntoWords() {
            assertEquals(List.of("example", "com"), tokens("example.com"));
        }
    }

    @Nested
    class SpecialCharacters {
        @Test
        void punctuationSeparatesWordsAndIsRemoved() {
            assertEquals(List.of("xanax", "bars", "2mg", "cheap"), tokens("Xanax bars... 2mg!!! (cheap)?"));
            assertEquals(List.of("oxy", "30s", "percs"), tokens("oxy/30s|percs"));
        }

        @Test
        void emojiAreRemoved() {
            assertEquals(List.of("xanax", "bars"), tokens("💊💊xanax🔥 bars 👌🏽"));
            assertEquals(List.of("family"), tokens("👨\u200D👩\u200D👧 family ❤️ 🇺🇸"));
        }

        @Test
        void keycapEmojiAreRemovedWhole() {
            assertEquals(List.of("pills", "tabs"), tokens("1️⃣ pills 2️⃣ tabs #️⃣"));
        }

        @Test
        void htmlEntitiesInTweetsAreRemoved() {
            assertEquals(List.of("rock", "roll", "fun", "3"), tokens("rock &amp; roll &gt; &#39;fun&#39; &lt;3"));
        }

        @Test
        void underscoresSeparateWordsOutsideHashtags() {
            assertEquals(List.of("snap", "plug"), tokens("snap_plug"));
        }

        @Test
        void styledAndFullwidthLettersAreReadAsPlainLetters() {
            assertEquals(List.of("xanax", "xanax", "#oxy"), tokens("𝐱𝐚𝐧𝐚𝐱 ｘａｎａｘ ＃ｏｘｙ"));
        }
    }

    @Nested
    class Mentions {
        @Test
        void theAtSignIsRemovedAndTheHandleStaysAsWords() {
            assertEquals(List.of("plug", "hit"), tokens("@plug hit me up"));
            assertEquals(List.of("hit", "xan", "plug", "99"), tokens("hit @xan_plug.99"));
        }

        @Test
        void anEmailAddressBreaksIntoWords() {
            assertEquals(List.of("orders", "example", "com"), tokens("orders@example.com"));
        }

        @Test
        void aLoneAtSignLeavesNothing() {
            assertEquals(List.of("meet", "5pm"), tokens("meet @ 5pm"));
        }
    }

    @Nested
    class StopWordsRule {
        @Test
        void nltkStopWordsAreRemovedWhateverTheirCase() {
            assertEquals(List.of("best", "pills"), tokens("I have THE best pills for you"));
        }

        @Test
        void contractionsAreOneTokenAndRemovedWhenNltkListsThem() {
            assertEquals(List.of("worry", "sell"), tokens("Don't worry, I don’t sell. It's"));
            assertEquals(List.of("y'all", "ready"), tokens("y'all ready"));
        }

        @Test
        void quotesAroundAWordAreNotPartOfIt() {
            assertEquals(List.of("legit", "plug"), tokens("'legit' ‘plug’"));
        }

        @Test
        void stopWordsStayWhenWrittenAsHashtags() {
            assertEquals(List.of("#the", "#me", "plug"), tokens("#the #me plug"));
        }

        @Test
        void aCustomListReplacesTheDefault() {
            Preprocessor custom = new Preprocessor(java.util.Set.of("pills"));
            assertEquals(List.of("i", "have", "the", "best"), custom.tokens("I have the best pills"));
        }
    }

    @Nested
    class Hashtags {
        @Test
        void hashtagsMatchCaseInsensitivelyAndAreLowerCased() {
            assertEquals(List.of("#xanax", "#xanax", "#xanax"), tokens("#Xanax #XANAX #xanax"));
            assertEquals(List.of("#2mgxanax"), tokens("#2mgXanax"));
        }

        @Test
        void underscoresAndDigitsBelongToTheHashtag() {
            assertEquals(List.of("#lsd_25", "#oxy80s"), tokens("#lsd_25 #oxy80s"));
        }

        @Test
        void punctuationEndsAHashtag() {
            assertEquals(List.of("#xanax", "#bars", "#mdma", "online"), tokens("#xanax, #bars! #mdma-online"));
        }

        @Test
        void aHashSignAloneIsNotAHashtag() {
            assertEquals(List.of("alone"), tokens("# alone #"));
            assertEquals(List.of("pills"), tokens("#💊 pills"));
        }

        @Test
        void aHashInsideAWordStartsAHashtag() {
            assertEquals(List.of("abc", "#def"), tokens("abc#def"));
        }

        @Test
        void chainedHashtagsAreSeparate() {
            assertEquals(List.of("#xanax", "#oxy", "#lsd"), tokens("#xanax#oxy#lsd"));
        }

        @Test
        void hashtagsInOtherScriptsKeepTheirCombiningMarks() {
            assertEquals(List.of("#नशा", "#مخدرات"), tokens("#नशा #مخدرات"));
        }

        @Test
        void aFullwidthHashSignIsAHashSign() {
            assertEquals(List.of("#xanax"), tokens("＃xanax"));
        }
    }

    @Nested
    class InvisibleAndRightToLeftText {
        @Test
        void zeroWidthCharactersAreDeletedSoSplitWordsAreReadWhole() {
            assertEquals(List.of("xanax", "bars", "pills", "oxy"),
                    tokens("xa\u200Bnax ba\u200Crs\u200D \uFEFFpi\u2060lls o\u200Dxy"));
            assertEquals(List.of("#xanax"), tokens("#xa\u200Bnax"));
        }

        @Test
        void variationSelectorsAreDeletedSoEmojiLettersJoinTheirWord() {
            // Ⓜ is folded to M by NFKC; the U+FE0F after it must not split the word
            assertEquals(List.of("mdma", "molly"), tokens("Ⓜ️DMA molly\uFE0E"));
        }

        @Test
        void bidirectionalControlsAreDeleted() {
            assertEquals(List.of("مخدرات", "للبيع"), tokens("\u202Bمخدرات\u200F للبيع\u202C"));
            assertEquals(List.of("xanax"), tokens("\u2067xa\u200Enax\u2069"));
        }

        @Test
        void arabicAndHebrewWordsAreTokensInTextOrder() {
            assertEquals(List.of("حبوب", "נמכר", "xanax", "#للبيع"), tokens("حبوب، נמכר xanax #للبيع"));
        }

        @Test
        void arabicDiacriticsStayInTheirWord() {
            assertEquals(List.of("مُخَدِّرَات"), tokens("مُخَدِّرَات"));
        }
    }
}
