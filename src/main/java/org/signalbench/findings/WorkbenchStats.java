package org.signalbench.findings;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.signalbench.domain.Hashtags;
import org.signalbench.domain.QuestionId;
import org.signalbench.labels.Codebook;
import org.signalbench.labels.FinalLabel;
import org.signalbench.labels.FinalLabels;
import org.signalbench.store.Session;
import org.signalbench.store.WorkbenchCounts;

/**
 * What a workbench holds: posts and accounts per platform, coders and labels, and what the final
 * labels say about dealer posts (the figures the Instagram study reports).
 */
public final class WorkbenchStats {
    private WorkbenchStats() {
    }

    public record PlatformStats(String platform, long posts, long accounts, String firstPost, String lastPost,
                                long postsWithMedia, long mediaFiles, long comments) {
    }

    public record FinalCounts(long coded, long agreed, long singleCoder, long settled, long disputed) {
    }

    /** Figures over the posts whose final dealer label is yes. */
    public record DealerStats(long posts, long accounts, long withoutHashtags, long withImage,
                              Map<String, Long> contactChannels, long sellBuyExchange,
                              Map<String, Long> imageCategories, long imageContactNote,
                              DrugHashtagTable drugHashtags) {
    }

    public record Report(long posts, long accounts, long coders, long labels, long adjudications,
                         List<PlatformStats> platforms, FinalCounts dealerQuestion, DealerStats dealers) {
    }

    public static Report compute(Session session, DrugLexicon lexicon) {
        List<PlatformStats> platforms = WorkbenchCounts.platforms(session).stream()
                .map(r -> new PlatformStats(r.platform(), r.posts(), r.accounts(), r.firstDay(), r.lastDay(),
                        r.postsWithMedia(), r.mediaFiles(), r.comments()))
                .toList();
        Map<Long, FinalLabel> dealer = FinalLabels.of(session, QuestionId.DEALER_KEY);
        long agreed = 0, single = 0, settled = 0, disputed = 0;
        Set<Long> dealerIds = new HashSet<>();
        for (FinalLabel f : dealer.values()) {
            switch (f.status()) {
                case AGREED -> agreed++;
                case SINGLE_CODER -> single++;
                case SETTLED -> settled++;
                case DISPUTED -> disputed++;
            }
            if (f.isFinal() && "yes".equals(f.value())) {
                dealerIds.add(f.postId());
            }
        }
        WorkbenchCounts.Totals totals = WorkbenchCounts.totals(session);
        return new Report(totals.posts(), totals.accounts(), totals.coders(), totals.labels(), totals.adjudications(),
                platforms,
                new FinalCounts(dealer.size(), agreed, single, settled, disputed),
                dealerStats(session, dealerIds, lexicon));
    }

    private static DealerStats dealerStats(Session session, Set<Long> dealerIds, DrugLexicon lexicon) {
        Set<String> accounts = new HashSet<>();
        List<Set<String>> hashtags = new ArrayList<>();
        long[] withoutHashtagsAndWithImage = new long[2];
        WorkbenchCounts.forEachPost(session, p -> {
            if (!dealerIds.contains(p.id())) {
                return;
            }
            accounts.add(p.platform() + ":" + p.author());
            Set<String> tags = Hashtags.of(p.caption());
            hashtags.add(tags);
            withoutHashtagsAndWithImage[0] += tags.isEmpty() ? 1 : 0;
            withoutHashtagsAndWithImage[1] += p.hasImage() ? 1 : 0;
        });
        long withoutHashtags = withoutHashtagsAndWithImage[0];
        long withImage = withoutHashtagsAndWithImage[1];
        Map<String, Long> channels = new TreeMap<>();
        for (FinalLabel f : finalAmong(session, "channels", dealerIds)) {
            Codebook.choices(f.value()).forEach(ch -> channels.merge(ch, 1L, Long::sum));
        }
        Map<String, Long> imageCategories = new TreeMap<>();
        finalAmong(session, "image_category", dealerIds).forEach(f -> imageCategories.merge(f.value(), 1L, Long::sum));
        long exchange = finalAmong(session, "exchange", dealerIds).stream().filter(f -> "yes".equals(f.value())).count();
        long contactNote = finalAmong(session, "image_contact_note", dealerIds).stream().filter(f -> "yes".equals(f.value())).count();
        return new DealerStats(dealerIds.size(), accounts.size(), withoutHashtags, withImage,
                new LinkedHashMap<>(channels), exchange, imageCategories, contactNote,
                DrugHashtagTable.of(lexicon, hashtags));
    }

    private static List<FinalLabel> finalAmong(Session session, String question, Set<Long> postIds) {
        return FinalLabels.of(session, question).values().stream()
                .filter(f -> f.isFinal() && postIds.contains(f.postId()))
                .toList();
    }
}
