package org.signalbench.findings;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
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

    public static Report compute(Connection c, DrugLexicon lexicon) throws SQLException {
        List<PlatformStats> platforms = new ArrayList<>();
        try (PreparedStatement st = c.prepareStatement(
                "SELECT platform, count(*), count(DISTINCT author), substr(min(posted_at), 1, 10), substr(max(posted_at), 1, 10), "
                        + "(SELECT count(DISTINCT m.post_id) FROM post_media m JOIN post q ON q.id = m.post_id WHERE q.platform = p.platform), "
                        + "(SELECT count(*) FROM post_media m JOIN post q ON q.id = m.post_id WHERE q.platform = p.platform), "
                        + "(SELECT count(*) FROM post_comment k JOIN post q ON q.id = k.post_id WHERE q.platform = p.platform) "
                        + "FROM post p GROUP BY platform ORDER BY platform");
             ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
                platforms.add(new PlatformStats(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getString(4),
                        rs.getString(5), rs.getLong(6), rs.getLong(7), rs.getLong(8)));
            }
        }
        Map<Long, FinalLabel> dealer = FinalLabels.of(c, QuestionId.DEALER_KEY);
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
        return new Report(
                scalar(c, "SELECT count(*) FROM post"),
                scalar(c, "SELECT count(*) FROM (SELECT DISTINCT platform, author FROM post WHERE author IS NOT NULL)"),
                scalar(c, "SELECT count(*) FROM coder"),
                scalar(c, "SELECT count(*) FROM label"),
                scalar(c, "SELECT count(*) FROM adjudication"),
                platforms,
                new FinalCounts(dealer.size(), agreed, single, settled, disputed),
                dealerStats(c, dealerIds, lexicon));
    }

    private static DealerStats dealerStats(Connection c, Set<Long> dealerIds, DrugLexicon lexicon) throws SQLException {
        Set<String> accounts = new HashSet<>();
        List<Set<String>> hashtags = new ArrayList<>();
        long withoutHashtags = 0, withImage = 0;
        try (PreparedStatement st = c.prepareStatement(
                "SELECT p.id, p.platform, p.author, p.caption, "
                        + "EXISTS (SELECT 1 FROM post_media m WHERE m.post_id = p.id AND m.kind = 'image') FROM post p");
             ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
                if (!dealerIds.contains(rs.getLong(1))) {
                    continue;
                }
                accounts.add(rs.getString(2) + ":" + rs.getString(3));
                Set<String> tags = Hashtags.of(rs.getString(4));
                hashtags.add(tags);
                withoutHashtags += tags.isEmpty() ? 1 : 0;
                withImage += rs.getBoolean(5) ? 1 : 0;
            }
        }
        Map<String, Long> channels = new TreeMap<>();
        for (FinalLabel f : finalAmong(c, "channels", dealerIds)) {
            Codebook.choices(f.value()).forEach(ch -> channels.merge(ch, 1L, Long::sum));
        }
        Map<String, Long> imageCategories = new TreeMap<>();
        finalAmong(c, "image_category", dealerIds).forEach(f -> imageCategories.merge(f.value(), 1L, Long::sum));
        long exchange = finalAmong(c, "exchange", dealerIds).stream().filter(f -> "yes".equals(f.value())).count();
        long contactNote = finalAmong(c, "image_contact_note", dealerIds).stream().filter(f -> "yes".equals(f.value())).count();
        return new DealerStats(dealerIds.size(), accounts.size(), withoutHashtags, withImage,
                new LinkedHashMap<>(channels), exchange, imageCategories, contactNote,
                DrugHashtagTable.of(lexicon, hashtags));
    }

    private static List<FinalLabel> finalAmong(Connection c, String question, Set<Long> postIds) throws SQLException {
        return FinalLabels.of(c, question).values().stream()
                .filter(f -> f.isFinal() && postIds.contains(f.postId()))
                .toList();
    }

    private static long scalar(Connection c, String sql) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(sql); ResultSet rs = st.executeQuery()) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }
}
