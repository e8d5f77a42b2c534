package org.signalbench.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The link review's repository (migration V8): the one writer of {@code link_review},
 * {@code link_candidate}, {@code link_candidate_copy}, {@code link_evidence} and {@code site_report},
 * and the reads of retrieved tweets with their links and accounts.
 */
public final class LinkReviews {
    /** A retrieved tweet as the funnel needs it. */
    public record TweetRow(long postId, String externalId, String author, String postedAt, String caption,
                           String retweetOf, String accountId, List<String> urls) {
    }

    /** A tweet's account as its latest imported tweet showed it. */
    public record AccountRow(String accountId, String handle, String createdAt, Long tweetCount, Long followers,
                             String seenAt, int tweetsInWorkbench) {
    }

    /** One stored candidate and the copies it stands for. */
    public record CandidateRow(long postId, String externalId, String url, String domain, String account, String contacts,
                               Map<Long, String> copies) {
    }

    /** A stored funnel run. */
    public record ReviewRow(long id, String source, int retrieved, String createdAt) {
    }

    /** The evidence about one link; null fields are unknown. */
    public record EvidenceRow(String url, String rawUrl, String finalUrl, String redirectChain, Integer httpStatus,
                              String liveness, String checkedAt, String title, String screenshotPath,
                              String screenshotSha256, String snapshotPath, String snapshotSha256, String domain,
                              String registrar, String registrantCountry, String domainCreated, String ipAddress,
                              String ipCountry, String legitScript, String notes, String source) {
    }

    /** A site reported to an agency. */
    public record ReportRow(String domain, String agency, String reportedAt, String reference, String packetSha256) {
    }

    private final Session session;

    public LinkReviews(Session session) {
        this.session = session;
    }

    /** The tweets among {@code postIds} (others are ignored), with their links in order, in post-id order. */
    public List<TweetRow> tweets(Collection<Long> postIds) {
        return session.call(c -> {
            Map<Long, TweetRow> rows = new LinkedHashMap<>();
            createIdTable(c, postIds);
            try (PreparedStatement st = c.prepareStatement(
                    "SELECT p.id, p.external_id, p.author, p.posted_at, p.caption, t.retweet_of, t.account_id "
                            + "FROM temp.wanted w JOIN post p ON p.id = w.id LEFT JOIN tweet t ON t.post_id = p.id "
                            + "WHERE p.platform = 'twitter' ORDER BY p.id");
                 ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    rows.put(rs.getLong(1), new TweetRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getString(6), rs.getString(7), new ArrayList<>()));
                }
            }
            try (PreparedStatement st = c.prepareStatement(
                    "SELECT u.post_id, COALESCE(u.expanded_url, u.unwound_url) FROM temp.wanted w JOIN tweet_url u ON u.post_id = w.id "
                            + "ORDER BY u.post_id, u.position");
                 ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    TweetRow row = rows.get(rs.getLong(1));
                    if (row != null && rs.getString(2) != null) {
                        row.urls().add(rs.getString(2));
                    }
                }
            }
            dropIdTable(c);
            return List.copyOf(rows.values());
        });
    }

    /** Post ids of Twitter posts by external id; unknown ids are left out. */
    public Map<String, Long> postIds(Collection<String> externalIds) {
        return session.call(c -> {
            Map<String, Long> ids = new LinkedHashMap<>();
            try (PreparedStatement st = c.prepareStatement("SELECT id FROM post WHERE platform = 'twitter' AND external_id = ?")) {
                for (String e : externalIds) {
                    st.setString(1, e);
                    try (ResultSet rs = st.executeQuery()) {
                        if (rs.next()) {
                            ids.put(e, rs.getLong(1));
                        }
                    }
                }
            }
            return ids;
        });
    }

    private static void createIdTable(Connection c, Collection<Long> ids) throws SQLException {
        try (var st = c.createStatement()) {
            st.execute("DROP TABLE IF EXISTS temp.wanted");
            st.execute("CREATE TEMP TABLE wanted (id INTEGER PRIMARY KEY)");
        }
        try (PreparedStatement ins = c.prepareStatement("INSERT OR IGNORE INTO temp.wanted (id) VALUES (?)")) {
            for (long id : ids) {
                ins.setLong(1, id);
                ins.addBatch();
            }
            ins.executeBatch();
        }
    }

    private static void dropIdTable(Connection c) throws SQLException {
        try (var st = c.createStatement()) {
            st.execute("DROP TABLE IF EXISTS temp.wanted");
        }
    }

    /** Stores a funnel run with its candidates in one transaction; returns the run's id. */
    public long saveReview(String source, int retrieved, List<CandidateRow> candidates) {
        return session.inTransaction(c -> {
            long id;
            try (PreparedStatement st = c.prepareStatement(
                    "INSERT INTO link_review (source, retrieved, created_at) VALUES (?, ?, ?) RETURNING id")) {
                st.setString(1, source);
                st.setInt(2, retrieved);
                st.setString(3, Instant.now().toString());
                try (ResultSet rs = st.executeQuery()) {
                    rs.next();
                    id = rs.getLong(1);
                }
            }
            try (PreparedStatement cand = c.prepareStatement(
                    "INSERT INTO link_candidate (review_id, post_id, url, domain, account, contacts) VALUES (?, ?, ?, ?, ?, ?)");
                 PreparedStatement copy = c.prepareStatement(
                         "INSERT INTO link_candidate_copy (review_id, candidate_id, post_id, kind) VALUES (?, ?, ?, ?)")) {
                for (CandidateRow row : candidates) {
                    cand.setLong(1, id);
                    cand.setLong(2, row.postId());
                    cand.setString(3, row.url());
                    cand.setString(4, row.domain());
                    cand.setString(5, row.account());
                    cand.setString(6, row.contacts());
                    cand.addBatch();
                    for (var e : row.copies().entrySet()) {
                        copy.setLong(1, id);
                        copy.setLong(2, row.postId());
                        copy.setLong(3, e.getKey());
                        copy.setString(4, e.getValue());
                        copy.addBatch();
                    }
                }
                cand.executeBatch();
                copy.executeBatch();
            }
            return id;
        });
    }

    /** The latest funnel run, if any. */
    public Optional<ReviewRow> latestReview() {
        return session.call(c -> {
            try (PreparedStatement st = c.prepareStatement(
                    "SELECT id, source, retrieved, created_at FROM link_review ORDER BY id DESC LIMIT 1");
                 ResultSet rs = st.executeQuery()) {
                return rs.next() ? Optional.of(new ReviewRow(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getString(4)))
                        : Optional.empty();
            }
        });
    }

    /** A run's candidates with their copies, in post-id order. */
    public List<CandidateRow> candidates(long reviewId) {
        return session.call(c -> {
            Map<Long, CandidateRow> rows = new LinkedHashMap<>();
            try (PreparedStatement st = c.prepareStatement(
                    "SELECT k.post_id, p.external_id, k.url, k.domain, k.account, k.contacts FROM link_candidate k "
                            + "JOIN post p ON p.id = k.post_id WHERE k.review_id = ? ORDER BY k.post_id")) {
                st.setLong(1, reviewId);
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        rows.put(rs.getLong(1), new CandidateRow(rs.getLong(1), rs.getString(2), rs.getString(3),
                                rs.getString(4), rs.getString(5), rs.getString(6), new LinkedHashMap<>()));
                    }
                }
            }
            try (PreparedStatement st = c.prepareStatement(
                    "SELECT candidate_id, post_id, kind FROM link_candidate_copy WHERE review_id = ? ORDER BY post_id")) {
                st.setLong(1, reviewId);
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        rows.get(rs.getLong(1)).copies().put(rs.getLong(2), rs.getString(3));
                    }
                }
            }
            return List.copyOf(rows.values());
        });
    }

    /** The accounts with the given handles, with how many tweets of theirs the workbench holds. */
    public List<AccountRow> accounts(Collection<String> handles) {
        return session.call(c -> {
            List<AccountRow> rows = new ArrayList<>();
            try (PreparedStatement st = c.prepareStatement(
                    "SELECT a.account_id, a.handle, a.created_at, a.tweet_count, a.followers, a.seen_at, "
                            + "(SELECT COUNT(*) FROM tweet t WHERE t.account_id = a.account_id) "
                            + "FROM twitter_account a WHERE a.handle = ?")) {
                for (String id : handles) {
                    st.setString(1, id);
                    try (ResultSet rs = st.executeQuery()) {
                        if (rs.next()) {
                            rows.add(new AccountRow(rs.getString(1), rs.getString(2), rs.getString(3),
                                    nullableLong(rs, 4), nullableLong(rs, 5),
                                    rs.getString(6), rs.getInt(7)));
                        }
                    }
                }
            }
            return rows;
        });
    }

    private static Integer nullableInt(ResultSet rs, int column) throws SQLException {
        int v = rs.getInt(column);
        return rs.wasNull() ? null : v;
    }

    private static Long nullableLong(ResultSet rs, int column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }

    /** How many Twitter posts the workbench holds. */
    public int twitterPosts() {
        return session.call(c -> {
            try (PreparedStatement st = c.prepareStatement("SELECT COUNT(*) FROM post WHERE platform = 'twitter'");
                 ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        });
    }

    // ---- evidence ---------------------------------------------------------------------------------

    private static final String EVIDENCE_COLUMNS = "url, raw_url, final_url, redirect_chain, http_status, liveness, checked_at, "
            + "title, screenshot_path, screenshot_sha256, snapshot_path, snapshot_sha256, domain, registrar, "
            + "registrant_country, domain_created, ip_address, ip_country, legitscript, notes, source";

    /** Stores (or replaces) the evidence records in one transaction. */
    public void saveEvidence(Collection<EvidenceRow> rows) {
        session.inTransaction(c -> {
            try (PreparedStatement st = c.prepareStatement("INSERT OR REPLACE INTO link_evidence (" + EVIDENCE_COLUMNS
                    + ", updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                String now = Instant.now().toString();
                for (EvidenceRow r : rows) {
                    Object[] values = {r.url(), r.rawUrl(), r.finalUrl(), r.redirectChain(), r.httpStatus(), r.liveness(),
                            r.checkedAt(), r.title(), r.screenshotPath(), r.screenshotSha256(), r.snapshotPath(),
                            r.snapshotSha256(), r.domain(), r.registrar(), r.registrantCountry(), r.domainCreated(),
                            r.ipAddress(), r.ipCountry(), r.legitScript() == null ? "not-checked" : r.legitScript(),
                            r.notes(), r.source(), now};
                    for (int i = 0; i < values.length; i++) {
                        if (values[i] == null) {
                            st.setNull(i + 1, values[i] instanceof Integer || i == 4 ? Types.INTEGER : Types.VARCHAR);
                        } else {
                            st.setObject(i + 1, values[i]);
                        }
                    }
                    st.addBatch();
                }
                st.executeBatch();
            }
            return null;
        });
    }

    /** Every evidence record by URL. */
    public Map<String, EvidenceRow> evidence() {
        return session.call(c -> {
            Map<String, EvidenceRow> rows = new LinkedHashMap<>();
            try (PreparedStatement st = c.prepareStatement("SELECT " + EVIDENCE_COLUMNS + " FROM link_evidence ORDER BY url");
                 ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    rows.put(rs.getString(1), new EvidenceRow(rs.getString(1), rs.getString(2), rs.getString(3),
                            rs.getString(4), nullableInt(rs, 5), rs.getString(6), rs.getString(7),
                            rs.getString(8), rs.getString(9), rs.getString(10), rs.getString(11), rs.getString(12),
                            rs.getString(13), rs.getString(14), rs.getString(15), rs.getString(16), rs.getString(17),
                            rs.getString(18), rs.getString(19), rs.getString(20), rs.getString(21)));
                }
            }
            return rows;
        });
    }

    // ---- reports ----------------------------------------------------------------------------------

    /** Records that a site was reported to an agency. */
    public void saveReport(ReportRow report) {
        session.inTransaction(c -> {
            try (PreparedStatement st = c.prepareStatement(
                    "INSERT INTO site_report (domain, agency, reported_at, reference, packet_sha256) VALUES (?, ?, ?, ?, ?) "
                            + "ON CONFLICT (domain, agency, reported_at) DO UPDATE SET reference = excluded.reference, "
                            + "packet_sha256 = excluded.packet_sha256")) {
                st.setString(1, report.domain());
                st.setString(2, report.agency());
                st.setString(3, report.reportedAt());
                st.setString(4, report.reference());
                st.setString(5, report.packetSha256());
                st.executeUpdate();
            }
            return null;
        });
    }

    /** Every report, oldest first. */
    public List<ReportRow> reports() {
        return session.call(c -> {
            List<ReportRow> rows = new ArrayList<>();
            try (PreparedStatement st = c.prepareStatement(
                    "SELECT domain, agency, reported_at, reference, packet_sha256 FROM site_report ORDER BY reported_at, id");
                 ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    rows.add(new ReportRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)));
                }
            }
            return rows;
        });
    }
}
