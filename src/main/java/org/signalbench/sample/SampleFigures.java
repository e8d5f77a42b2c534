package org.signalbench.sample;

import java.util.ArrayList;
import java.util.List;

/**
 * The published Instagram study's figures that the sample reproduces, optionally scaled to another
 * corpus size (for the import benchmark). At the study's size, 12,857 posts, every figure is exact.
 */
public record SampleFigures(
        int posts,
        int dealerPosts,
        int dealerAccounts,
        int dealersWithoutHashtags,
        List<HashtagGroup> groups,
        int wickr, int telegram, int kik, int whatsapp, int phone, int email, int other,
        int exchange,
        int rxOnly, int illicitOnly, int both, int unclassifiable, int unrelated,
        int contactNotes,
        int coderDisagreements,
        int negativesWithImages) {

    public static final int STUDY_POSTS = 12_857;

    /** One drug's hashtags (without '#') with the number of dealer posts carrying each, and the union. */
    public record HashtagGroup(String drug, List<String> hashtags, List<Integer> counts, int union) {
        public HashtagGroup {
            hashtags = List.copyOf(hashtags);
            counts = List.copyOf(counts);
        }
    }

    /** The study's Table 2 (the study lists #oxycodone twice, 30 and 212; 212 is used). */
    public static List<HashtagGroup> table2() {
        return List.of(
                new HashtagGroup("Xanax", List.of("xanax", "xanaxfamily", "2mgxanax", "zanax", "greenxanax"),
                        List.of(802, 530, 321, 112, 84), 1078),
                new HashtagGroup("Oxycodone", List.of("oxycodine", "oxy80s", "oxycontin", "oxicotin", "oxycodone"),
                        List.of(261, 213, 215, 233, 212), 321),
                new HashtagGroup("LSD", List.of("lsd25", "lsdtabs"), List.of(138, 130), 213),
                new HashtagGroup("MDMA", List.of("mdmapills", "mdmaforsale", "mdmazing", "mdmaonline"),
                        List.of(50, 21, 40, 21), 94));
    }

    public static SampleFigures study() {
        return new SampleFigures(STUDY_POSTS, 1228, 267, 32, table2(),
                445, 245, 225, 188, 90, 40, 80,
                232,
                175, 60, 15, 5, 5,
                60,
                44,
                640);
    }

    /** The study's figures scaled to {@code posts} posts (identical to {@link #study()} at 12,857). */
    public static SampleFigures scaledTo(int posts) {
        return scaledTo(posts, Double.NaN);
    }

    /**
     * The study's figures scaled to {@code posts} posts of which a share {@code dealerShare} are
     * dealer posts (NaN: the study's 1,228 / 12,857); the dealers' figures scale with the dealer
     * posts, the others with the posts.
     */
    public static SampleFigures scaledTo(int posts, double dealerShare) {
        if (posts < 50) {
            throw new IllegalArgumentException("need at least 50 posts, got " + posts);
        }
        if (!Double.isNaN(dealerShare) && !(dealerShare > 0 && dealerShare < 0.5)) {
            throw new IllegalArgumentException("the dealer share must be above 0 and below 0.5, got " + dealerShare);
        }
        SampleFigures s = study();
        if (posts == STUDY_POSTS && Double.isNaN(dealerShare)) {
            return s;
        }
        double fp = (double) posts / STUDY_POSTS;
        int dealers = Math.max(8, Double.isNaN(dealerShare) ? scale(s.dealerPosts, fp) : (int) Math.round(posts * dealerShare));
        double f = Double.isNaN(dealerShare) ? fp : (double) dealers / s.dealerPosts;
        int accounts = Math.max(2, Math.min(dealers, scale(s.dealerAccounts, f)));
        int withoutTags = Math.max(1, scale(s.dealersWithoutHashtags, f));
        int hashtagged = dealers - withoutTags;
        List<HashtagGroup> groups = new ArrayList<>();
        for (HashtagGroup g : s.groups) {
            int union = Math.max(1, Math.min(hashtagged, scale(g.union(), f)));
            List<Integer> counts = new ArrayList<>();
            for (int c : g.counts()) {
                counts.add(Math.max(1, Math.min(union, scale(c, f))));
            }
            groups.add(new HashtagGroup(g.drug(), g.hashtags(), counts, union));
        }
        int images = Math.min(dealers, scale(260, f));
        int unrelated = scale(s.unrelated, f);
        int unclassifiable = scale(s.unclassifiable, f);
        int both = scale(s.both, f);
        int illicit = scale(s.illicitOnly, f);
        int rx = Math.max(0, images - unrelated - unclassifiable - both - illicit);
        return new SampleFigures(posts, dealers, accounts, withoutTags, groups,
                scale(s.wickr, f), scale(s.telegram, f), scale(s.kik, f), scale(s.whatsapp, f),
                scale(s.phone, f), scale(s.email, f), scale(s.other, f),
                scale(s.exchange, f),
                rx, illicit, both, unclassifiable, unrelated,
                Math.min(scale(s.contactNotes, f), images - unrelated),
                scale(s.coderDisagreements, fp),
                scale(s.negativesWithImages, fp));
    }

    public int dealerImages() {
        return rxOnly + illicitOnly + both + unclassifiable + unrelated;
    }

    private static int scale(int value, double f) {
        return (int) Math.round(value * f);
    }
}
