package org.signalbench.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.signalbench.domain.TopicCorpusStep;
import org.signalbench.domain.TopicRun;
import org.signalbench.domain.TopicWord;

/**
 * The topic rounds of a workbench (V10): the only writer of {@code topic_corpus}, {@code topic_run},
 * {@code topic}, {@code topic_tag}, {@code topic_tag_decision}, {@code topic_document},
 * {@code topic_comparison} and {@code tweet_theme_class}.
 */
public final class TopicStore {
    /** The three tags a theme may get. */
    public static final List<String> TAGS = TopicWord.TAGS;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One theme of a round; {@code name} null until someone names it. */
    public record TopicRow(int topic, int size, List<TopicWord> words, String name) {
        public TopicRow {
            words = List.copyOf(words);
        }
    }

    /** A document's most likely topics ({@code topics[i]} with {@code ps[i]}, most likely first, one to three). */
    public record DocumentRow(long postId, int[] topics, double[] ps) {
    }

    /** A tweet with its first two topics ({@code secondTopic} -1 and {@code p2} 0 when the model gives one). */
    public record TweetTopics(long postId, String externalId, String author, String text,
                              int firstTopic, double p1, int secondTopic, double p2) {
    }

    /** A coder's tag of a theme. */
    public record Tag(int topic, String coder, String tag, Instant taggedAt) {
    }

    /** A comparison's row: {@code TopicComparison.Row}'s fields. */
    public record ComparisonRow(String model, int k, long seed, double purity, double purityMacro, double nmi,
                                double npmi, double umass, double diversity, double perplexity, double seconds) {
    }

    /** A stored comparison. */
    public record ComparisonRun(long id, Long corpusId, String corpusHash, String classes, String settingsJson,
                                Instant startedAt, Instant finishedAt) {
    }

    private final Connection connection;

    public TopicStore(Connection connection) {
        this.connection = connection;
    }

    // --- corpora (the funnel) ---

    /** Stores a filter's outcome over {@code parentId} (null: all tweets) with its kept posts; returns its id. */
    public long createCorpus(Long parentId, Long sourceRunId, String ruleJson, int postsBefore, long[] keptPostIds)
            throws SQLException {
        return Transactions.call(connection, () -> {
            long id;
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO topic_corpus (parent_id, "
                    + "source_run_id, rule, created_at, posts_before, posts) VALUES (?, ?, ?, ?, ?, ?) RETURNING id")) {
                setLong(insert, 1, parentId);
                setLong(insert, 2, sourceRunId);
                insert.setString(3, ruleJson);
                insert.setString(4, Instant.now().toString());
                insert.setInt(5, postsBefore);
                insert.setInt(6, keptPostIds.length);
                try (ResultSet rs = insert.executeQuery()) {
                    rs.next();
                    id = rs.getLong(1);
                }
            }
            try (PreparedStatement post = connection.prepareStatement(
                    "INSERT INTO topic_corpus_post (corpus_id, post_id) VALUES (?, ?)")) {
                for (long postId : keptPostIds) {
                    post.setLong(1, id);
                    post.setLong(2, postId);
                    post.addBatch();
                }
                post.executeBatch();
            }
            return id;
        });
    }

    /** Every stored corpus, oldest first. */
    public List<TopicCorpusStep> corpora() throws SQLException {
        List<TopicCorpusStep> out = new ArrayList<>();
        try (PreparedStatement q = connection.prepareStatement("SELECT id, parent_id, source_run_id, rule, created_at, "
                + "posts_before, posts FROM topic_corpus ORDER BY id");
             ResultSet rs = q.executeQuery()) {
            while (rs.next()) {
                out.add(new TopicCorpusStep(rs.getLong(1), getLong(rs, 2), getLong(rs, 3), rs.getString(4),
                        Instant.parse(rs.getString(5)), rs.getInt(6), rs.getInt(7)));
            }
        }
        return out;
    }

    /** The corpus with this id. */
    public Optional<TopicCorpusStep> corpus(long id) throws SQLException {
        return corpora().stream().filter(c -> c.id() == id).findFirst();
    }

    /** The posts a corpus kept, in id order. */
    public long[] corpusPosts(long corpusId) throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (PreparedStatement q = connection.prepareStatement(
                "SELECT post_id FROM topic_corpus_post WHERE corpus_id = ? ORDER BY post_id")) {
            q.setLong(1, corpusId);
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
        }
        return ids.stream().mapToLong(Long::longValue).toArray();
    }

    // --- runs ---

    /**
     * Stores a finished round in one transaction: its provenance ({@code run.id} is ignored), its
     * topics and every document's topics; returns the run's id.
     */
    public long saveRun(TopicRun run, List<TopicRow> topics, List<DocumentRow> documents) throws SQLException {
        return Transactions.call(connection, () -> {
            long id;
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO topic_run (corpus_id, model, k, "
                    + "iterations, seed, threads, corpus_hash, posts, documents, vocabulary, tokens, hyperparameters, "
                    + "library_versions, seconds, started_at, finished_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
                    + "?, ?, ?, ?) RETURNING id")) {
                setLong(insert, 1, run.corpusId());
                insert.setString(2, run.model());
                insert.setInt(3, run.k());
                insert.setInt(4, run.iterations());
                insert.setLong(5, run.seed());
                insert.setInt(6, run.threads());
                insert.setString(7, run.corpusHash());
                insert.setInt(8, run.posts());
                insert.setInt(9, run.documents());
                insert.setInt(10, run.vocabulary());
                insert.setLong(11, run.tokens());
                insert.setString(12, json(run.hyperparameters()));
                insert.setString(13, json(run.libraryVersions()));
                insert.setDouble(14, run.seconds());
                insert.setString(15, run.startedAt().toString());
                insert.setString(16, run.finishedAt().toString());
                try (ResultSet rs = insert.executeQuery()) {
                    rs.next();
                    id = rs.getLong(1);
                }
            }
            try (PreparedStatement topic = connection.prepareStatement(
                    "INSERT INTO topic (run_id, topic, size, words, name) VALUES (?, ?, ?, ?, ?)")) {
                for (TopicRow t : topics) {
                    topic.setLong(1, id);
                    topic.setInt(2, t.topic());
                    topic.setInt(3, t.size());
                    topic.setString(4, json(t.words()));
                    topic.setString(5, t.name());
                    topic.addBatch();
                }
                topic.executeBatch();
            }
            try (PreparedStatement doc = connection.prepareStatement("INSERT INTO topic_document (run_id, post_id, "
                    + "topic1, p1, topic2, p2, topic3, p3) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                int batched = 0;
                for (DocumentRow d : documents) {
                    doc.setLong(1, id);
                    doc.setLong(2, d.postId());
                    for (int i = 0; i < 3; i++) {
                        if (i < d.topics().length) {
                            doc.setInt(3 + 2 * i, d.topics()[i]);
                            doc.setDouble(4 + 2 * i, d.ps()[i]);
                        } else {
                            doc.setNull(3 + 2 * i, Types.INTEGER);
                            doc.setNull(4 + 2 * i, Types.REAL);
                        }
                    }
                    doc.addBatch();
                    if (++batched % 10_000 == 0) {
                        doc.executeBatch();
                    }
                }
                doc.executeBatch();
            }
            return id;
        });
    }

    /** Every round, oldest first. */
    public List<TopicRun> runs() throws SQLException {
        return queryRuns("", null);
    }

    /** The round with this id. */
    public Optional<TopicRun> run(long id) throws SQLException {
        return queryRuns(" WHERE id = ?", id).stream().findFirst();
    }

    private List<TopicRun> queryRuns(String where, Long id) throws SQLException {
        List<TopicRun> out = new ArrayList<>();
        try (PreparedStatement q = connection.prepareStatement("SELECT id, corpus_id, model, k, iterations, seed, "
                + "threads, corpus_hash, posts, documents, vocabulary, tokens, hyperparameters, library_versions, "
                + "seconds, started_at, finished_at FROM topic_run" + where + " ORDER BY id")) {
            if (id != null) {
                q.setLong(1, id);
            }
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    out.add(new TopicRun(rs.getLong(1), getLong(rs, 2), rs.getString(3), rs.getInt(4), rs.getInt(5),
                            rs.getLong(6), rs.getInt(7), rs.getString(8), rs.getInt(9), rs.getInt(10), rs.getInt(11),
                            rs.getLong(12), parse(rs.getString(13), new TypeReference<LinkedHashMap<String, Object>>() { }),
                            parse(rs.getString(14), new TypeReference<LinkedHashMap<String, String>>() { }),
                            rs.getDouble(15), Instant.parse(rs.getString(16)), Instant.parse(rs.getString(17))));
                }
            }
        }
        return out;
    }

    /** A round's topics in order. */
    public List<TopicRow> topics(long runId) throws SQLException {
        List<TopicRow> out = new ArrayList<>();
        try (PreparedStatement q = connection.prepareStatement(
                "SELECT topic, size, words, name FROM topic WHERE run_id = ? ORDER BY topic")) {
            q.setLong(1, runId);
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    out.add(new TopicRow(rs.getInt(1), rs.getInt(2),
                            parse(rs.getString(3), new TypeReference<List<TopicWord>>() { }), rs.getString(4)));
                }
            }
        }
        return out;
    }

    /** Names a theme (null or blank clears the name); false when the round has no such topic. */
    public boolean name(long runId, int topic, String name) throws SQLException {
        try (PreparedStatement u = connection.prepareStatement("UPDATE topic SET name = ? WHERE run_id = ? AND topic = ?")) {
            u.setString(1, name == null || name.isBlank() ? null : name.strip());
            u.setLong(2, runId);
            u.setInt(3, topic);
            return u.executeUpdate() == 1;
        }
    }

    /** Records (or replaces) a coder's tag of a theme. */
    public void tag(long runId, int topic, String coder, String tag) throws SQLException {
        try (PreparedStatement u = connection.prepareStatement("INSERT INTO topic_tag (run_id, topic, coder, tag, "
                + "tagged_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT (run_id, topic, coder) DO UPDATE SET tag = excluded.tag, "
                + "tagged_at = excluded.tagged_at")) {
            u.setLong(1, runId);
            u.setInt(2, topic);
            u.setString(3, coder);
            u.setString(4, tag);
            u.setString(5, Instant.now().toString());
            u.executeUpdate();
        }
    }

    /** Records (or replaces) the expert's decision on a theme's tag. */
    public void decide(long runId, int topic, String expert, String tag) throws SQLException {
        try (PreparedStatement u = connection.prepareStatement("INSERT INTO topic_tag_decision (run_id, topic, expert, "
                + "tag, decided_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT (run_id, topic) DO UPDATE SET expert = "
                + "excluded.expert, tag = excluded.tag, decided_at = excluded.decided_at")) {
            u.setLong(1, runId);
            u.setInt(2, topic);
            u.setString(3, expert);
            u.setString(4, tag);
            u.setString(5, Instant.now().toString());
            u.executeUpdate();
        }
    }

    /** Every coder's tags of a round's themes. */
    public List<Tag> tags(long runId) throws SQLException {
        List<Tag> out = new ArrayList<>();
        try (PreparedStatement q = connection.prepareStatement(
                "SELECT topic, coder, tag, tagged_at FROM topic_tag WHERE run_id = ? ORDER BY topic, coder")) {
            q.setLong(1, runId);
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    out.add(new Tag(rs.getInt(1), rs.getString(2), rs.getString(3), Instant.parse(rs.getString(4))));
                }
            }
        }
        return out;
    }

    /** The expert's decisions of a round: topic to tag. */
    public Map<Integer, String> decisions(long runId) throws SQLException {
        Map<Integer, String> out = new HashMap<>();
        try (PreparedStatement q = connection.prepareStatement(
                "SELECT topic, tag FROM topic_tag_decision WHERE run_id = ?")) {
            q.setLong(1, runId);
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getInt(1), rs.getString(2));
                }
            }
        }
        return out;
    }

    // --- documents ---

    /** Every document of a round with its first topic, in post-id order: post id to first topic. */
    public Map<Long, Integer> firstTopics(long runId) throws SQLException {
        Map<Long, Integer> out = new LinkedHashMap<>();
        try (PreparedStatement q = connection.prepareStatement(
                "SELECT post_id, topic1 FROM topic_document WHERE run_id = ? ORDER BY post_id")) {
            q.setLong(1, runId);
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getLong(1), rs.getInt(2));
                }
            }
        }
        return out;
    }

    /**
     * The tweets of a round whose first or second topic is one of {@code topics}, most likely
     * first (by the probability of the matching topic), with their text.
     */
    public List<TweetTopics> tweetsWithTopics(long runId, Collection<Integer> topics) throws SQLException {
        if (topics.isEmpty()) {
            return List.of();
        }
        String in = topics.stream().map(t -> Integer.toString(t)).collect(Collectors.joining(","));
        return queryTweets("d.run_id = ? AND (d.topic1 IN (" + in + ") OR d.topic2 IN (" + in + "))",
                "CASE WHEN d.topic1 IN (" + in + ") THEN d.p1 ELSE d.p2 END DESC, d.post_id", runId, -1);
    }

    /** The {@code limit} tweets most likely of a topic among those whose first topic it is: its representative tweets. */
    public List<TweetTopics> representativeTweets(long runId, int topic, int limit) throws SQLException {
        return queryTweets("d.run_id = ? AND d.topic1 = " + topic, "d.p1 DESC, d.post_id", runId, limit);
    }

    private List<TweetTopics> queryTweets(String where, String order, long runId, int limit) throws SQLException {
        List<TweetTopics> out = new ArrayList<>();
        try (PreparedStatement q = connection.prepareStatement("SELECT d.post_id, p.external_id, p.author, p.caption, "
                + "d.topic1, d.p1, d.topic2, d.p2 FROM topic_document d JOIN post p ON p.id = d.post_id WHERE " + where
                + " ORDER BY " + order + (limit > 0 ? " LIMIT " + limit : ""))) {
            q.setLong(1, runId);
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    int second = rs.getInt(7);
                    boolean hasSecond = !rs.wasNull();
                    out.add(new TweetTopics(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getInt(5), rs.getDouble(6), hasSecond ? second : -1, hasSecond ? rs.getDouble(8) : 0));
                }
            }
        }
        return out;
    }

    // --- comparisons ---

    /** Stores a comparison and its rows in one transaction; returns its id. */
    public long saveComparison(Long corpusId, String corpusHash, String classes, String settingsJson, Instant startedAt,
                               Instant finishedAt, List<ComparisonRow> rows) throws SQLException {
        return Transactions.call(connection, () -> {
            long id;
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO topic_comparison (corpus_id, "
                    + "corpus_hash, classes, settings, started_at, finished_at) VALUES (?, ?, ?, ?, ?, ?) RETURNING id")) {
                setLong(insert, 1, corpusId);
                insert.setString(2, corpusHash);
                insert.setString(3, classes);
                insert.setString(4, settingsJson);
                insert.setString(5, startedAt.toString());
                insert.setString(6, finishedAt.toString());
                try (ResultSet rs = insert.executeQuery()) {
                    rs.next();
                    id = rs.getLong(1);
                }
            }
            try (PreparedStatement row = connection.prepareStatement("INSERT INTO topic_comparison_row (comparison_id, "
                    + "model, k, seed, purity, purity_macro, nmi, npmi, umass, diversity, perplexity, seconds) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (ComparisonRow r : rows) {
                    row.setLong(1, id);
                    row.setString(2, r.model());
                    row.setInt(3, r.k());
                    row.setLong(4, r.seed());
                    double[] values = {r.purity(), r.purityMacro(), r.nmi(), r.npmi(), r.umass(), r.diversity(),
                            r.perplexity()};
                    for (int i = 0; i < values.length; i++) {
                        if (Double.isFinite(values[i])) {
                            row.setDouble(5 + i, values[i]);
                        } else {
                            row.setNull(5 + i, Types.REAL);
                        }
                    }
                    row.setDouble(12, r.seconds());
                    row.addBatch();
                }
                row.executeBatch();
            }
            return id;
        });
    }

    /** Every stored comparison, oldest first. */
    public List<ComparisonRun> comparisons() throws SQLException {
        List<ComparisonRun> out = new ArrayList<>();
        try (PreparedStatement q = connection.prepareStatement("SELECT id, corpus_id, corpus_hash, classes, settings, "
                + "started_at, finished_at FROM topic_comparison ORDER BY id");
             ResultSet rs = q.executeQuery()) {
            while (rs.next()) {
                out.add(new ComparisonRun(rs.getLong(1), getLong(rs, 2), rs.getString(3), rs.getString(4),
                        rs.getString(5), Instant.parse(rs.getString(6)), Instant.parse(rs.getString(7))));
            }
        }
        return out;
    }

    /** A comparison's rows (a measure that was not defined is NaN). */
    public List<ComparisonRow> comparisonRows(long comparisonId) throws SQLException {
        List<ComparisonRow> out = new ArrayList<>();
        try (PreparedStatement q = connection.prepareStatement("SELECT model, k, seed, purity, purity_macro, nmi, npmi, "
                + "umass, diversity, perplexity, seconds FROM topic_comparison_row WHERE comparison_id = ? "
                + "ORDER BY k, model, seed")) {
            q.setLong(1, comparisonId);
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    double[] v = new double[7];
                    for (int i = 0; i < v.length; i++) {
                        v[i] = rs.getDouble(4 + i);
                        if (rs.wasNull()) {
                            v[i] = Double.NaN;
                        }
                    }
                    out.add(new ComparisonRow(rs.getString(1), rs.getInt(2), rs.getLong(3), v[0], v[1], v[2], v[3],
                            v[4], v[5], v[6], rs.getDouble(11)));
                }
            }
        }
        return out;
    }

    // --- theme classes ---

    /** Stores (or replaces) tweets' theme classes from {@code source}; post id to class. */
    public void saveThemeClasses(Map<Long, String> classes, String source) throws SQLException {
        Transactions.run(connection, () -> {
            try (PreparedStatement u = connection.prepareStatement("INSERT INTO tweet_theme_class (post_id, class, "
                    + "source) VALUES (?, ?, ?) ON CONFLICT (post_id) DO UPDATE SET class = excluded.class, "
                    + "source = excluded.source")) {
                for (Map.Entry<Long, String> e : classes.entrySet()) {
                    u.setLong(1, e.getKey());
                    u.setString(2, e.getValue());
                    u.setString(3, source);
                    u.addBatch();
                }
                u.executeBatch();
            }
        });
    }

    /** The coded theme classes: post id to class. */
    public Map<Long, String> themeClasses() throws SQLException {
        Map<Long, String> out = new HashMap<>();
        try (PreparedStatement q = connection.prepareStatement("SELECT post_id, class FROM tweet_theme_class");
             ResultSet rs = q.executeQuery()) {
            while (rs.next()) {
                out.put(rs.getLong(1), rs.getString(2));
            }
        }
        return out;
    }

    /** Post ids of the Twitter posts with these external ids: external id to post id (unknown ids are absent). */
    public Map<String, Long> tweetIds(Collection<String> externalIds) throws SQLException {
        Map<String, Long> out = new HashMap<>();
        try (PreparedStatement q = connection.prepareStatement(
                "SELECT id FROM post WHERE platform = 'twitter' AND external_id = ?")) {
            for (String ext : externalIds) {
                q.setString(1, ext);
                try (ResultSet rs = q.executeQuery()) {
                    if (rs.next()) {
                        out.put(ext, rs.getLong(1));
                    }
                }
            }
        }
        return out;
    }

    private static void setLong(PreparedStatement s, int index, Long value) throws SQLException {
        if (value == null) {
            s.setNull(index, Types.INTEGER);
        } else {
            s.setLong(index, value);
        }
    }

    private static Long getLong(ResultSet rs, int index) throws SQLException {
        long v = rs.getLong(index);
        return rs.wasNull() ? null : v;
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }

    private static <T> T parse(String text, TypeReference<T> type) {
        try {
            return JSON.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored JSON is damaged: " + e.getOriginalMessage(), e);
        }
    }
}
