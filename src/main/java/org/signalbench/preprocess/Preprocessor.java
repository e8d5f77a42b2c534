package org.signalbench.preprocess;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.signalbench.store.DataLocations;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Instagram study's text preprocessing, steps 1–5 (docs/preprocessing.md gives every rule and
 * why): clean each caption into lower-case tokens, build the dictionary, keep captions of two or
 * more tokens, derive the three variants and remove duplicates within each.
 *
 * <p>Thread-safe: it holds only its stop words.
 */
public final class Preprocessor {
    private static final Logger LOG = LoggerFactory.getLogger(Preprocessor.class);

    // Twitter's text keeps these escaped (&amp;); they are special characters like the rest.
    private static final Pattern HTML_ENTITY =
            Pattern.compile("&(?:amp|lt|gt|quot|apos|nbsp|#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6});");

    private final Set<String> stopWords;

    /** A preprocessor removing these stop words (normalized as caption words are: lower case, ’ as '). */
    public Preprocessor(Set<String> stopWords) {
        this.stopWords = stopWords.stream().map(Preprocessor::normalizeWord).collect(Collectors.toUnmodifiableSet());
    }

    /**
     * A preprocessor with the study's stop words: the NLTK English list in
     * {@code stopwords/english.txt}, the user's edited copy if there is one. Problems in the file are
     * logged and the rest of it is used.
     */
    public static Preprocessor withDefaultStopWords() {
        Path edited = DataLocations.editableCopy(StopWords.ENGLISH);
        String source = Files.isRegularFile(edited) ? edited.toString() : StopWords.ENGLISH;
        try {
            StopWords list = StopWords.read(DataLocations.openResource(StopWords.ENGLISH), source);
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
        // One pass over the code points: a hand-written scanner is several times faster than a
        // regex alternation tried at every position, and 100,000 captions must take seconds.
        String s = normalize(text);
        int n = s.length();
        int i = 0;
        while (i < n) {
            int c = s.codePointAt(i);
            int next = i + Character.charCount(c);
            if (isKeycap(s, i, c)) {
                i = next + 1;
            } else if (c == '#') {
                int end = scan(s, next, true);
                if (end > next) {
                    tokens.add(s.substring(i, end).toLowerCase(Locale.ROOT));
                }
                i = end;
            } else if (isLetterOrNumber(c)) {
                if (startsLink(s, i)) {
                    i = endOfLink(s, i);
                    continue;
                }
                int end = scanWord(s, next);
                String word = normalizeWord(s.substring(i, end));
                if (!stopWords.contains(word)) {
                    tokens.add(word);
                }
                i = end;
            } else if (c == '&') {
                Matcher entity = HTML_ENTITY.matcher(s).region(i, n);
                i = entity.lookingAt() ? entity.end() : next;
            } else {
                i = next;   // a special character: punctuation, @, emoji, symbol, space
            }
        }
        return tokens;
    }

    /** End of a word begun before {@code from}: word characters, and apostrophes between two of them. */
    private static int scanWord(String s, int from) {
        int i = scan(s, from, false);
        while (i + 1 < s.length() && isApostrophe(s.charAt(i)) && isLetterOrNumber(s.codePointAt(i + 1))) {
            i = scan(s, i + 1, false);
        }
        return i;
    }

    /** End of the run of word characters (and underscores, in a hashtag) from {@code from}. */
    private static int scan(String s, int from, boolean hashtag) {
        int i = from;
        while (i < s.length()) {
            int c = s.codePointAt(i);
            if (!(isWordPart(c) || (hashtag && c == '_'))) {
                break;
            }
            i += Character.charCount(c);
        }
        return i;
    }

    /** A link starts here: http://, https:// or www., not glued to a word or hashtag before it. */
    private static boolean startsLink(String s, int i) {
        char c = s.charAt(i);
        if (c != 'h' && c != 'H' && c != 'w' && c != 'W') {
            return false;
        }
        if (i > 0) {
            int before = s.codePointBefore(i);
            if (isLetterOrNumber(before) || before == '_') {
                return false;
            }
        }
        return s.regionMatches(true, i, "http://", 0, 7)
                || s.regionMatches(true, i, "https://", 0, 8)
                || s.regionMatches(true, i, "www.", 0, 4);
    }

    /** A link runs to the next white space. */
    private static int endOfLink(String s, int i) {
        while (i < s.length() && !Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        return i;
    }

    /** A keycap emoji (1️⃣, #️⃣): a digit or # or *, then U+20E3 (the U+FE0F between is already deleted). */
    private static boolean isKeycap(String s, int i, int c) {
        if (!((c >= '0' && c <= '9') || c == '#' || c == '*')) {
            return false;
        }
        return i + 1 < s.length() && s.charAt(i + 1) == '\u20E3';
    }

    private static boolean isApostrophe(char c) {
        return c == '\'' || c == '\u2019';
    }

    /** Letters and numbers of any script start words. */
    static boolean isLetterOrNumber(int c) {
        return switch (Character.getType(c)) {
            case Character.UPPERCASE_LETTER, Character.LOWERCASE_LETTER, Character.TITLECASE_LETTER,
                    Character.MODIFIER_LETTER, Character.OTHER_LETTER,
                    Character.DECIMAL_DIGIT_NUMBER, Character.LETTER_NUMBER, Character.OTHER_NUMBER -> true;
            default -> false;
        };
    }

    /**
     * Letters, numbers and combining marks continue words and hashtags (Devanagari vowel signs and
     * Arabic harakat belong to their word); the keycap mark is an emoji part.
     */
    static boolean isWordPart(int c) {
        if (c == 0x20E3) {
            return false;
        }
        return switch (Character.getType(c)) {
            case Character.NON_SPACING_MARK, Character.ENCLOSING_MARK, Character.COMBINING_SPACING_MARK -> true;
            default -> isLetterOrNumber(c);
        };
    }

    /** Steps 1–5 over the items (any order; post ids must be distinct). */
    public PreprocessedCorpus run(List<TextItem> items) {
        List<TextItem> sorted = new ArrayList<>(items);
        sorted.sort(Comparator.comparingLong(TextItem::postId));
        long[] ids = new long[sorted.size()];
        List<List<String>> cleaned = new ArrayList<>(sorted.size());
        for (int i = 0; i < ids.length; i++) {
            ids[i] = sorted.get(i).postId();
            if (i > 0 && ids[i] == ids[i - 1]) {
                throw new IllegalArgumentException("post " + ids[i] + " is given twice");
            }
            cleaned.add(tokens(sorted.get(i).text()));
        }
        return PreprocessedCorpus.build(ids, cleaned);
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
     * (U+200E, U+200F, U+061C, U+202A–U+202E, U+2066–U+2069), invisible operators (U+2061–U+2064),
     * variation selectors (U+FE00–U+FE0F) and the soft hyphen are deleted, so a word split by one
     * ("xa\u200Bnax", "Ⓜ\uFE0FDMA") is read whole.
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
                || (c >= '\uFE00' && c <= '\uFE0F')
                || c == '\uFEFF' || c == '\u061C' || c == '\u00AD';
    }
}
