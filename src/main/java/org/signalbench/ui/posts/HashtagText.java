package org.signalbench.ui.posts;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import org.signalbench.domain.Hashtags;

/** Splits a text into plain runs and hashtags ({@link Hashtags#HASHTAG}), for highlighting. */
public final class HashtagText {
    private HashtagText() {
    }

    /** A run of the text; {@code hashtag} says whether it is one. */
    public record Run(String text, boolean hashtag) {
    }

    public static List<Run> split(String text) {
        List<Run> runs = new ArrayList<>();
        if (text == null || text.isEmpty()) {
            return runs;
        }
        Matcher m = Hashtags.HASHTAG.matcher(text);
        int at = 0;
        while (m.find()) {
            if (m.start() > at) {
                runs.add(new Run(text.substring(at, m.start()), false));
            }
            runs.add(new Run(m.group(), true));
            at = m.end();
        }
        if (at < text.length()) {
            runs.add(new Run(text.substring(at), false));
        }
        return runs;
    }
}
