package org.signalbench.preprocess;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.signalbench.store.DataLocations;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Instagram study's text preprocessing, steps 1–5 (docs/preprocessing.md gives every rule and
 * why): clean each caption into lower-case tokens, build the dictionary, keep captions of two or
 * more tokens, derive the three variants and remove duplicates within each.
 *
 * <p>Thread-safe: it holds only the stop words and precompiled patterns.
 */
public final class Preprocessor {
    private static final Logger LOG = LoggerFactory.getLogger(Preprocessor.class);

    // A word or hashtag character: a letter, a number, or a combining mark (Devanagari vowel signs,
    // Arabic harakat belong to their word). Variation selectors and the keycap mark are emoji parts.
    private static final String PART = "\\p{L}\\p{M}\\p{N}&&[^\\uFE00-\\uFE0F\\u20E3]";
    private static final Pattern TOKEN = Pattern.compile(
            // 1: keycap emoji (1️⃣, #️⃣), removed whole, so the digit or # does not survive as a token
            "([0-9#*]\\uFE0F?\\u20E3)"
            // 2: hyperlinks, up to the next white space
            + "|((?<![\\p{L}\\p{N}_])(?:[hH][tT][tT][pP][sS]?://|[wW][wW][wW]\\.)\\S+)"
            // 3: HTML entities Twitter leaves in its text (&amp;), removed like other special characters
            + "|(&(?:amp|lt|gt|quot|apos|nbsp|#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6});)"
            // 4: hashtags: # then letters, digits or _
            + "|(#[_" + PART + "]+)"
            // 5: words: letters and digits, with inner apostrophes (don't, y'all)
            + "|([\\p{L}\\p{N}][" + PART + "]*(?:['\u2019][\\p{L}\\p{N}][" + PART + "]*)*)");
    private static final int HASHTAG = 4;
    private static final int WORD = 5;

    private final Set<String> stopWords;

    public Preprocessor(Set<String> stopWords) {
        this.stopWords = Set.copyOf(stopWords);
    }

    /**
     * A preprocessor with the study's stop words: the NLTK English list in
     * {@code stopwords/english.txt}, the user's edited copy if there is one. Problems in the file are
     * logged and the rest of it is used.
     */
    public static Preprocessor withDefaultStopWords() {
        try {
            StopWords list = StopWords.read(DataLocations.openResource(StopWords.ENGLISH), StopWords.ENGLISH);
            list.problems().forEach(LOG::warn);
            return new Preprocessor(list.words());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + StopWords.ENGLISH, e);
        }
    }

    public Set<String> stopWords() {
        return stopWords;
    }

    /**
     * Step 1 for one text: removes hyperlinks, emoji, punctuation, {@code @} and other special
     * characters and the stop words, and returns the remaining words and hashtags in lower case, in
     * text order. Hashtags keep their {@code #}.
     */
    public List<String> tokens(String text) {
        List<String> tokens = new ArrayList<>();
        if (text == null || text.isEmpty()) {
            return tokens;
        }
        Matcher m = TOKEN.matcher(normalize(text));
        while (m.find()) {
            if (m.start(HASHTAG) >= 0) {
                tokens.add(m.group(HASHTAG).toLowerCase(Locale.ROOT));
            } else if (m.start(WORD) >= 0) {
                String word = normalizeWord(m.group(WORD));
                if (!stopWords.contains(word)) {
                    tokens.add(word);
                }
            }
            // keycaps, links and entities are dropped; whatever no group matches is a special character
        }
        return tokens;
    }

    /** Steps 1–5 over the items (any order; post ids must be distinct). */
    public PreprocessedCorpus run(List<TextItem> items) {
        List<TextItem> sorted = new ArrayList<>(items);
        sorted.sort(Comparator.comparingLong(TextItem::postId));
        long[] ids = new long[sorted.size()];
        List<List<String>> tokens = new ArrayList<>(sorted.size());
        for (int i = 0; i < ids.length; i++) {
            ids[i] = sorted.get(i).postId();
            if (i > 0 && ids[i] == ids[i - 1]) {
                throw new IllegalArgumentException("post " + ids[i] + " is given twice");
            }
            tokens.add(List.copyOf(tokens(sorted.get(i).text())));
        }
        return PreprocessedCorpus.build(ids, tokens);
    }

    /** Lower case, with the typographic apostrophe read as the plain one (don’t = don't). */
    static String normalizeWord(String word) {
        String lower = word.toLowerCase(Locale.ROOT);
        return lower.indexOf('\u2019') < 0 ? lower : lower.replace('\u2019', '\'');
    }

    /**
     * Removes invisible characters and applies NFKC, which folds styled letters (𝐱𝐚𝐧𝐚𝐱, ｘａｎａｘ)
     * and fullwidth ＃ and ＠ into plain ones, so look-alike spellings become the same token.
     */
    static String normalize(String text) {
        String visible = stripInvisible(text);
        return Normalizer.isNormalized(visible, Normalizer.Form.NFKC)
                ? visible : Normalizer.normalize(visible, Normalizer.Form.NFKC);
    }

    /**
     * Zero-width characters (U+200B–U+200D, U+2060, U+FEFF), bidirectional marks and controls
     * (U+200E, U+200F, U+061C, U+202A–U+202E, U+2066–U+2069), invisible operators (U+2061–U+2064)
     * and the soft hyphen are deleted, so a word split by one ("xa\u200Bnax") is read whole.
     */
    static String stripInvisible(String text) {
        int first = 0;
        while (first < text.length() && !isInvisible(text.charAt(first))) {
            first++;
        }
        if (first == text.length()) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        out.append(text, 0, first);
        for (int i = first + 1; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!isInvisible(c)) {
                out.append(c);
            }
        }
        return out.toString();
    }

    static boolean isInvisible(char c) {
        return (c >= '\u200B' && c <= '\u200F')
                || (c >= '\u202A' && c <= '\u202E')
                || (c >= '\u2060' && c <= '\u2064')
                || (c >= '\u2066' && c <= '\u2069')
                || c == '\uFEFF' || c == '\u061C' || c == '\u00AD';
    }
}
