package org.signalbench.domain;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Hashtags as the Instagram study defines them: {@code #} followed by letters (with their combining
 * marks, so Devanagari or Arabic tags stay whole), digits or
 * underscores, compared case-insensitively (so they are returned in lower case).
 */
public final class Hashtags {
    public static final Pattern HASHTAG = Pattern.compile("#[\\p{L}\\p{M}\\p{N}_]+");

    private Hashtags() {
    }

    /** The distinct hashtags of a text, lower-cased, with their {@code #}, in order of first appearance. */
    public static Set<String> of(String text) {
        Set<String> tags = new LinkedHashSet<>();
        if (text == null || text.indexOf('#') < 0) {
            return tags;
        }
        Matcher m = HASHTAG.matcher(text);
        while (m.find()) {
            tags.add(m.group().toLowerCase(Locale.ROOT));
        }
        return tags;
    }
}
