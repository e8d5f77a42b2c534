package org.signalbench.models.lstm;

import java.util.List;
import org.signalbench.preprocess.VariantText;

/**
 * One post as the network reads it: the dictionary indices of its words (text block) and of its
 * hashtags (hashtag block), in text order, not yet cut or padded. Index 0 is padding and never
 * appears in a real text. A block the network does not have ignores its part.
 */
public record LstmSequence(long postId, int[] text, int[] hashtags) {
    public LstmSequence {
        text = text.clone();
        hashtags = hashtags.clone();
    }

    /** Splits a preprocessed text into words and hashtags (a hashtag token starts with '#'). */
    public static LstmSequence of(VariantText variantText) {
        List<String> tokens = variantText.tokens();
        int[] indices = variantText.indices();
        int hashtagCount = (int) tokens.stream().filter(t -> t.startsWith("#")).count();
        int[] words = new int[tokens.size() - hashtagCount];
        int[] tags = new int[hashtagCount];
        int w = 0;
        int h = 0;
        for (int i = 0; i < tokens.size(); i++) {
            if (tokens.get(i).startsWith("#")) {
                tags[h++] = indices[i];
            } else {
                words[w++] = indices[i];
            }
        }
        return new LstmSequence(variantText.postId(), words, tags);
    }
}
