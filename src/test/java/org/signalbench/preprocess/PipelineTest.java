package org.signalbench.preprocess;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Random;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Steps 2-5 on small hand-checked corpora. */
class PipelineTest {
    private final Preprocessor preprocessor = ShippedStopWords.preprocessor();

    private PreprocessedCorpus run(TextItem... items) {
        return preprocessor.run(List.of(items));
    }

    private static TextItem post(long id, String caption) {
        return new TextItem(id, caption);
    }

    private static List<Long> ids(PreprocessedCorpus corpus, Variant variant) {
        return corpus.texts(variant).stream().map(VariantText::postId).toList();
    }

    @Nested
    class DictionaryStep {
        @Test
        void indicesFollowDescendingFrequencyThenAlphabeticalOrderFromOne() {
            PreprocessedCorpus corpus = run(
                    post(1, "pills pills bars"),
                    post(2, "bars pills #xanax"),
                    post(3, "zebra apple"));
            // pills 3, bars 2, then #xanax, apple, zebra once each: '#' sorts before letters
            assertEquals(List.of("pills", "bars", "#xanax", "apple", "zebra"), corpus.dictionary().words());
            assertEquals(1, corpus.dictionary().indexOf("pills"));
            assertEquals(2, corpus.dictionary().indexOf("bars"));
            assertEquals(5, corpus.dictionary().indexOf("zebra"));
            assertEquals(Dictionary.ABSENT, corpus.dictionary().indexOf("the"));
            assertEquals("apple", corpus.dictionary().word(4));
            assertEquals(3, corpus.dictionary().count("pills"));
            assertEquals(5, corpus.dictionary().size());
            assertThrows(IndexOutOfBoundsException.class, () -> corpus.dictionary().word(Dictionary.PADDING));
        }

        @Test
        void theDictionaryDoesNotDependOnInputOrder() {
            List<TextItem> items = new ArrayList<>();
            String[] words = {"xanax", "oxy", "bars", "lean", "perc", "molly", "tabs", "plug", "#xanax", "#lsd"};
            Random random = new Random(7);
            for (int id = 1; id <= 300; id++) {
                StringBuilder caption = new StringBuilder();
                for (int w = 0; w < 1 + random.nextInt(6); w++) {
                    caption.append(words[random.nextInt(words.length)]).append(' ');
                }
                items.add(post(id, caption.toString()));
            }
            Map<String, Integer> inOrder = preprocessor.run(items).dictionary().asMap();
            List<TextItem> shuffled = new ArrayList<>(items);
            Collections.shuffle(shuffled, new Random(11));
            assertEquals(new ArrayList<>(inOrder.entrySet()),
                    new ArrayList<>(preprocessor.run(shuffled).dictionary().asMap().entrySet()));
        }

        @Test
        void wordsOfCaptionsDroppedLaterAreStillInTheDictionary() {
            PreprocessedCorpus corpus = run(post(1, "lonely"), post(2, "two words"));
            assertTrue(corpus.dictionary().contains("lonely"));
            assertEquals(List.of(2L), ids(corpus, Variant.WITH_HASHTAGS));
        }

        @Test
        void keptTextsCarryTheirDictionaryIndices() {
            PreprocessedCorpus corpus = run(post(1, "bars bars #xanax"), post(2, "bars oxy"));
            VariantText first = corpus.texts(Variant.WITH_HASHTAGS).get(0);
            assertEquals(List.of("bars", "bars", "#xanax"), first.tokens());
            assertArrayEquals(new int[] {1, 1, 2}, first.indices());
            assertArrayEquals(new int[] {2}, corpus.texts(Variant.HASHTAGS_ONLY).get(0).indices());
        }
    }

    @Nested
    class MoreThanOneIndex {
        @Test
        void captionsWithFewerThanTwoTokensAfterCleaningAreDroppedFromEveryVariant() {
            PreprocessedCorpus corpus = run(
                    post(1, "xanax"),                    // one word
                    post(2, "The pills!!! 💊"),          // "the" is a stop word: one token left
                    post(3, "💊🔥 https://example.com"),  // nothing left
                    post(4, ""),
                    post(5, "#xanax"),                   // one hashtag
                    post(6, "xanax xanax"));             // two tokens, one index twice: kept
            assertEquals(List.of(6L), ids(corpus, Variant.WITH_HASHTAGS));
            for (long id = 1; id <= 5; id++) {
                for (Variant v : Variant.values()) {
                    VariantOutcome outcome = corpus.explain(id).outcomes().get(v);
                    assertFalse(outcome.kept(), "post " + id + " " + v);
                    assertEquals("fewer than two dictionary words", outcome.reason());
                }
            }
            assertEquals(5, corpus.dropCounts(Variant.WITH_HASHTAGS).get("fewer than two dictionary words"));
            assertEquals(5, corpus.dropCounts(Variant.NO_HASHTAGS).get("fewer than two dictionary words"));
        }

        @Test
        void theRuleIsAppliedToTheFullTextSoAOneTokenVariantIsKept() {
            PreprocessedCorpus corpus = run(post(1, "#xanax bars"));
            assertEquals(List.of("#xanax"), corpus.texts(Variant.HASHTAGS_ONLY).get(0).tokens());
            assertEquals(List.of("bars"), corpus.texts(Variant.NO_HASHTAGS).get(0).tokens());
        }
    }

    @Nested
    class Variants {
        private final PreprocessedCorpus corpus = run(
                post(1, "Best #Xanax bars, DM @plug #2mgXanax"),
                post(2, "#xanax #oxy #lsd_25"),
                post(3, "selling bars today hit me up"));

        @Test
        void withHashtagsKeepsEveryToken() {
            assertEquals(List.of(1L, 2L, 3L), ids(corpus, Variant.WITH_HASHTAGS));
            assertEquals(List.of("best", "#xanax", "bars", "dm", "plug", "#2mgxanax"),
                    corpus.texts(Variant.WITH_HASHTAGS).get(0).tokens());
        }

        @Test
        void hashtagsOnlyKeepsTheHashtagsAndDropsCaptionsWithoutAny() {
            assertEquals(List.of(1L, 2L), ids(corpus, Variant.HASHTAGS_ONLY));
            assertEquals(List.of("#xanax", "#2mgxanax"), corpus.texts(Variant.HASHTAGS_ONLY).get(0).tokens());
            assertEquals(List.of("#xanax", "#oxy", "#lsd_25"), corpus.texts(Variant.HASHTAGS_ONLY).get(1).tokens());
            VariantOutcome third = corpus.explain(3).outcomes().get(Variant.HASHTAGS_ONLY);
            assertEquals("no hashtags", third.reason());
            assertEquals(List.of(), third.tokens());
        }

        @Test
        void noHashtagsRemovesTheHashtagsAndDropsCaptionsLeftEmpty() {
            assertEquals(List.of(1L, 3L), ids(corpus, Variant.NO_HASHTAGS));
            assertEquals(List.of("best", "bars", "dm", "plug"), corpus.texts(Variant.NO_HASHTAGS).get(0).tokens());
            assertEquals("empty without hashtags", corpus.explain(2).outcomes().get(Variant.NO_HASHTAGS).reason());
        }

        @Test
        void dropCountsListEveryReasonOfTheVariantInPipelineOrder() {
            Map<String, Integer> expected = new LinkedHashMap<>();
            expected.put("fewer than two dictionary words", 0);
            expected.put("no hashtags", 1);
            expected.put("duplicate", 0);
            assertEquals(expected, corpus.dropCounts(Variant.HASHTAGS_ONLY));
            assertEquals(List.of("fewer than two dictionary words", "empty without hashtags", "duplicate"),
                    List.copyOf(corpus.dropCounts(Variant.NO_HASHTAGS).keySet()));
            assertEquals(List.of("fewer than two dictionary words", "duplicate"),
                    List.copyOf(corpus.dropCounts(Variant.WITH_HASHTAGS).keySet()));
        }

        @Test
        void explainGivesTheTokensAndEachVariantsOutcome() {
            PostExplanation explanation = corpus.explain(3);
            assertEquals(List.of("selling", "bars", "today", "hit"), explanation.tokens());
            VariantOutcome with = explanation.outcomes().get(Variant.WITH_HASHTAGS);
            assertTrue(with.kept());
            assertNull(with.reason());
            assertEquals(3, explanation.outcomes().size());
        }
    }

    @Nested
    class Duplicates {
        @Test
        void duplicatesAreRemovedPerVariantKeepingTheLowestPostId() {
            // given out of order: the first by post id is kept whatever the input order
            PreprocessedCorpus corpus = preprocessor.run(List.of(
                    post(30, "Best bars!!! #xanax"),
                    post(20, "best bars #oxy"),
                    post(10, "#Xanax best bars"),
                    post(40, "#XANAX 🔥 #Oxy")));
            // with hashtags: 10 [#xanax best bars], 20 [best bars #oxy], 30 [best bars #xanax] all differ (order counts)
            assertEquals(List.of(10L, 20L, 30L, 40L), ids(corpus, Variant.WITH_HASHTAGS));
            // no hashtags: all three are [best bars]; 40 is empty
            assertEquals(List.of(10L), ids(corpus, Variant.NO_HASHTAGS));
            assertEquals("duplicate of post 10", corpus.explain(20).outcomes().get(Variant.NO_HASHTAGS).reason());
            assertEquals("duplicate of post 10", corpus.explain(30).outcomes().get(Variant.NO_HASHTAGS).reason());
            assertEquals("empty without hashtags", corpus.explain(40).outcomes().get(Variant.NO_HASHTAGS).reason());
            // hashtags only: 10 [#xanax], 20 [#oxy], 30 [#xanax] repeats 10, 40 [#xanax #oxy]
            assertEquals(List.of(10L, 20L, 40L), ids(corpus, Variant.HASHTAGS_ONLY));
            assertEquals("duplicate of post 10", corpus.explain(30).outcomes().get(Variant.HASHTAGS_ONLY).reason());
            assertEquals(2, corpus.dropCounts(Variant.NO_HASHTAGS).get("duplicate"));
            assertEquals(1, corpus.dropCounts(Variant.HASHTAGS_ONLY).get("duplicate"));
            assertEquals(0, corpus.dropCounts(Variant.WITH_HASHTAGS).get("duplicate"));
        }

        @Test
        void textsThatDifferOnlyInCaseLinksOrEmojiAreDuplicates() {
            PreprocessedCorpus corpus = run(
                    post(5, "XANAX bars https://example.com/a"),
                    post(6, "xanax bars 💊💊"),
                    post(7, "Xanax... bars!"));
            assertEquals(List.of(5L), ids(corpus, Variant.WITH_HASHTAGS));
            assertEquals("duplicate of post 5", corpus.explain(7).outcomes().get(Variant.WITH_HASHTAGS).reason());
            assertEquals(List.of("xanax", "bars"), corpus.explain(7).outcomes().get(Variant.WITH_HASHTAGS).tokens());
        }
    }

    @Test
    void keptTextsAndSizesAgree() {
        PreprocessedCorpus corpus = run(post(2, "a b c d"), post(1, "oxy perc #oxy"), post(3, "oxy perc #oxy"));
        for (Variant v : Variant.values()) {
            assertEquals(corpus.texts(v).size(), corpus.size(v));
            int dropped = corpus.dropCounts(v).values().stream().mapToInt(Integer::intValue).sum();
            assertEquals(corpus.posts(), corpus.size(v) + dropped, v.key());
        }
        assertEquals(List.of(1L, 2L), ids(corpus, Variant.WITH_HASHTAGS));
    }

    @Test
    void anUnknownPostCannotBeExplained() {
        PreprocessedCorpus corpus = run(post(1, "two words"));
        assertThrows(NoSuchElementException.class, () -> corpus.explain(99));
    }

    @Test
    void aPostGivenTwiceIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> run(post(4, "one two"), post(4, "three four")));
        assertTrue(e.getMessage().contains("post 4"), e.getMessage());
    }

    @Test
    void variantKeysAreTheDocumentedNames() {
        assertEquals("with-hashtags", Variant.WITH_HASHTAGS.key());
        assertEquals("hashtags-only", Variant.HASHTAGS_ONLY.key());
        assertEquals("no-hashtags", Variant.NO_HASHTAGS.key());
        assertEquals(Variant.HASHTAGS_ONLY, Variant.fromKey("Hashtags-Only"));
        assertThrows(IllegalArgumentException.class, () -> Variant.fromKey("hashtags"));
    }
}
