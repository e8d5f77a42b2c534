package org.signalbench.importing;

import org.signalbench.domain.PostDraft;

/**
 * Decides at import which posts to leave out (for example tweets without the study's keywords, or
 * not in English). A post left out is counted in the report's {@code skipped} under the kind the
 * filter names; it is not a refusal.
 */
@FunctionalInterface
public interface ImportFilter {
    /** Keeps everything. */
    ImportFilter NONE = draft -> null;

    /** The kind retweets left out are counted under. */
    String RETWEET = "retweet";

    /**
     * Leaves out retweets: a tweet the source marks as retweeting another (v1.1
     * {@code retweeted_status}, v2 {@code referenced_tweets} of type {@code retweeted}), or any post
     * whose text starts with {@code RT @} (how Twitter wrote retweets before it had a retweet
     * button, and how SignalBench stores them). A CSV row whose {@code retweet} column says so is
     * left out by the CSV reader under the same kind (docs/formats/csv.md).
     */
    ImportFilter RETWEETS = draft -> draft.tweet() != null && draft.tweet().retweetOf() != null
            || isRetweetText(draft.caption()) ? RETWEET : null;

    /** Why the draft is left out (the kind it is counted under), or null to import it. */
    String leaveOut(PostDraft draft);

    /** Whether a post's text is a retweet's: {@code RT @handle…}, after any leading spaces. */
    static boolean isRetweetText(String text) {
        return text != null && text.stripLeading().startsWith("RT @");
    }

    /** This filter, then {@code next} for the drafts this one keeps. */
    default ImportFilter then(ImportFilter next) {
        return draft -> {
            String reason = leaveOut(draft);
            return reason != null ? reason : next.leaveOut(draft);
        };
    }
}
