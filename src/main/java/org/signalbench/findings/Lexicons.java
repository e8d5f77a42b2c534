package org.signalbench.findings;

/** Every editable list the findings use, loaded together from {@code resources/lexicons/}. */
public record Lexicons(DrugLexicon drugHashtags, HashtagCategories hashtagCategories, ContactPatterns contactPatterns,
                       ExchangePatterns exchangePatterns, DrugKeywords drugKeywords) {

    /** The user's edited copies where they exist, else the shipped lexicons. */
    public static Lexicons load() {
        return new Lexicons(DrugLexicon.load(), HashtagCategories.load(), ContactPatterns.load(),
                ExchangePatterns.load(), DrugKeywords.load());
    }

    /** Every list's content as one text, stable across runs: what the settings' "lexicons" hash is taken of. */
    public String contentText() {
        return String.join("\n", drugHashtags.toString(), hashtagCategories.toString(), contactPatterns.contentText(),
                exchangePatterns.contentText(), drugKeywords.toString());
    }

    public Lexicons withDrugHashtags(DrugLexicon lexicon) {
        return new Lexicons(lexicon, hashtagCategories, contactPatterns, exchangePatterns, drugKeywords);
    }
}
