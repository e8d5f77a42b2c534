package org.signalbench.filters;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Keeps English tweets, as the Twitter study did before its analysis. The tweet's own {@code lang}
 * (Twitter's detection) decides when it names a language: {@code en} (and {@code en-GB} …) is
 * English, any other code is not. When {@code lang} is missing or {@code und}/{@code zxx}/{@code qme}
 * …, a simple heuristic decides (docs/formats/twitter.md): after removing links, @mentions and
 * #hashtags, a text of at least {@value #MIN_WORDS} words is English when at least
 * {@value #MIN_SHARE_PERCENT}% of its words are common English function words and at most a fifth
 * of its letters are outside the Latin alphabet; shorter texts cannot be judged and are kept.
 * No maintained, small Java language detector was found; this heuristic is deliberately plain.
 */
public final class EnglishFilter {
    /** What decided. */
    public enum Basis { LANG_FIELD, HEURISTIC, TOO_SHORT }

    /** The decision and why. */
    public record Decision(boolean english, Basis basis) {
    }

    static final int MIN_WORDS = 4;
    static final int MIN_SHARE_PERCENT = 20;
    /** Twitter's codes for "no language" (undetermined, no text, media only, hashtags only, …). */
    private static final Set<String> NO_LANGUAGE = Set.of("und", "zxx", "qme", "qht", "qam", "qst", "qct", "art");
    private static final Pattern NOT_WORDS = Pattern.compile("https?://\\S+|www\\.\\S+|[@#][\\p{L}\\p{N}_]+");
    /** Common English function words (closed-class words that occur in almost every English sentence). */
    private static final Set<String> FUNCTION_WORDS = Set.copyOf(List.of(
            "a", "about", "after", "all", "am", "an", "and", "any", "are", "as", "at", "be", "been", "but", "by",
            "can", "could", "did", "do", "does", "dont", "for", "from", "get", "got", "had", "has", "have", "he",
            "her", "him", "his", "how", "i", "if", "im", "in", "into", "is", "it", "its", "just", "me", "my", "no",
            "not", "now", "of", "on", "one", "or", "our", "out", "so", "some", "than", "that", "the", "their",
            "them", "then", "there", "they", "this", "to", "up", "was", "we", "were", "what", "when", "which",
            "who", "why", "will", "with", "would", "you", "your"));

    /** Whether a tweet is English: by its {@code lang} when that names a language, else by the heuristic. */
    public Decision decide(String lang, String text) {
        if (lang != null && !lang.isBlank() && !NO_LANGUAGE.contains(lang.strip().toLowerCase(Locale.ROOT))) {
            String code = lang.strip().toLowerCase(Locale.ROOT);
            return new Decision(code.equals("en") || code.startsWith("en-"), Basis.LANG_FIELD);
        }
        return byText(text);
    }

    /** True when {@link #decide} says English. */
    public boolean isEnglish(String lang, String text) {
        return decide(lang, text).english();
    }

    /** The heuristic alone. */
    public Decision byText(String text) {
        String plain = NOT_WORDS.matcher(text == null ? "" : text).replaceAll(" ");
        int letters = 0;
        int nonLatin = 0;
        for (int i = 0; i < plain.length(); ) {
            int cp = plain.codePointAt(i);
            if (Character.isLetter(cp)) {
                letters++;
                if (Character.UnicodeScript.of(cp) != Character.UnicodeScript.LATIN) {
                    nonLatin++;
                }
            }
            i += Character.charCount(cp);
        }
        List<String> words = KeywordFilter.Words.of(plain.replace("'", "").replace("’", ""));
        if (letters > 0 && nonLatin * 5 > letters) {
            return new Decision(false, Basis.HEURISTIC);
        }
        if (words.size() < MIN_WORDS) {
            return new Decision(true, Basis.TOO_SHORT);
        }
        long function = words.stream().filter(FUNCTION_WORDS::contains).count();
        return new Decision(function * 100 >= (long) MIN_SHARE_PERCENT * words.size(), Basis.HEURISTIC);
    }
}
