package org.signalbench.findings;

/** Every editable list the findings use, loaded together from {@code resources/lexicons/}. */
public record Lexicons(DrugLexicon drugHashtags, HashtagCategories hashtagCategories, ContactPatterns contactPatterns,
                       ExchangePatterns exchangePatterns, DrugKeywords drugKeywords) {

    /** The user's edited copies where they exist, else the shipped lexicons. */
    public static Lexicons load() {
        return new Lexicons(DrugLexicon.load(), HashtagCategories.load(), ContactPatterns.load(),
                ExchangePatterns.load(), DrugKeywords.load());
    }

    public Lexicons withDrugHashtags(DrugLexicon lexicon) {
        return new Lexicons(lexicon, hashtagCategories, contactPatterns, exchangePatterns, drugKeywords);
    }
}
