package org.signalbench.sample;

import java.time.Instant;
import java.util.Random;

/** Platform-shaped identifiers: Instagram media ids with their shortcodes, Twitter snowflakes. */
final class Ids {
    private static final String SHORTCODE_ALPHABET =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    /** Instagram's id epoch (2011-08-24), in milliseconds. */
    private static final long INSTAGRAM_EPOCH_MS = 1_314_220_021_721L;
    private static final long TWITTER_EPOCH_MS = 1_288_834_974_657L;

    private Ids() {
    }

    /** A media id as Instagram builds one: 41 bits of time, 13 bits of shard, 10 bits of sequence. */
    static long instagramMediaId(Instant at, Random random) {
        long ms = at.toEpochMilli() - INSTAGRAM_EPOCH_MS;
        return (ms << 23) | ((long) random.nextInt(1 << 13) << 10) | random.nextInt(1 << 10);
    }

    /** The shortcode of a media id: the id written in URL-safe base 64. */
    static String shortcode(long mediaId) {
        StringBuilder sb = new StringBuilder();
        long v = mediaId;
        while (v > 0) {
            sb.append(SHORTCODE_ALPHABET.charAt((int) (v & 63)));
            v >>>= 6;
        }
        return sb.reverse().toString();
    }

    static long tweetId(Instant at, Random random) {
        return ((at.toEpochMilli() - TWITTER_EPOCH_MS) << 22) | random.nextInt(1 << 22);
    }
}
