package org.signalbench.app;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.signalbench.agreement.Coefficients;
import org.signalbench.agreement.ConfusionMatrix;
import org.signalbench.agreement.PairAgreement;
import org.signalbench.domain.Platform;
import org.signalbench.filters.KeywordFilter;
import org.signalbench.jobs.CancelledException;
import org.signalbench.jobs.JobContext;
import org.signalbench.store.PostQuery;
import org.signalbench.store.Session;
import org.signalbench.store.TopicStore;
import org.signalbench.store.Workbench;
import org.signalbench.topics.TopicComparison;
import org.signalbench.topics.TopicCorpus;
import org.signalbench.topics.TopicMeasures;
import org.signalbench.topics.TopicModelResult;
import org.signalbench.topics.TopicModels;
import org.signalbench.topics.TopicParams;

/**
 * Topic rounds of the Twitter study as use cases, for the Topics view and the {@code topics}
 * commands alike: fit a round on the current corpus of tweets, tag and name its themes, filter the
 * corpus (noise themes or keywords) for the next round, retrieve the signal tweets, compare models,
 * and the funnel of corpora. Tweets are preprocessed with the settings' preprocessor (the Instagram
 * study's cleaning and stop words, tokens only: no deduplication, as every tweet gets its topics).
 */
public final class TopicsService {
    /** The corpus id that means all the workbench's tweets (the top of the funnel). */
    public static final long ALL_TWEETS = 0;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Settings settings;

    public TopicsService(Settings settings) {
        this.settings = settings;
    }

    /**
     * What to fit.
     *
     * @param corpusId     the corpus (a funnel step) to fit on; null for the latest step, {@link #ALL_TWEETS} for all
     * @param dropKeywords keywords whose tweets are dropped first (a keyword step is added to the funnel); may be empty
     */
    public record FitRequest(String model, int k, int iterations, long seed, int threads, Map<String, Double> options,
                             Long corpusId, List<String> dropKeywords) {
        public FitRequest {
            TopicModels.trainer(model);   // refuses an unknown model before any work
            options = Map.copyOf(options);
            dropKeywords = List.copyOf(dropKeywords);
        }

        public static FitRequest of(String model, int k, int iterations, long seed) {
            return new FitRequest(model, k, iterations, seed, 1, Map.of(), null, List.of());
        }

        public FitRequest withThreads(int n) {
            return new FitRequest(model, k, iterations, seed, n, options, corpusId, dropKeywords);
        }

        public FitRequest withCorpus(Long id) {
            return new FitRequest(model, k, iterations, seed, threads, options, id, dropKeywords);
        }

        public FitRequest withDropKeywords(List<String> keywords) {
            return new FitRequest(model, k, iterations, seed, threads, options, corpusId, keywords);
        }
    }

    /**
     * A theme of a round.
     *
     * @param tag       the settled tag: the expert's decision, else the coders' tag when they agree; null otherwise
     * @param coderTags each coder's tag
     */
    public record Theme(int topic, int size, List<org.signalbench.domain.TopicWord> words, String name, String tag,
                        Map<String, String> coderTags) {
        /** The {@code n} most probable words, joined by spaces. */
        public String topWords(int n) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < Math.min(n, words.size()); i++) {
                sb.append(i == 0 ? "" : " ").append(words.get(i).word());
            }
            return sb.toString();
        }
    }

    /** A round with its themes. */
    public record Round(org.signalbench.domain.TopicRun run, List<Theme> themes) {
    }

    /**
     * The tweets a round retrieves: those whose first or second theme is a signal theme.
     *
     * @param roundPosts the posts of the round's corpus
     * @param allTweets  the Twitter posts of the workbench (the top of the funnel)
     */
    public record Retrieval(long runId, List<Integer> signalTopics, List<RetrievedTweet> tweets, int roundPosts,
                            int allTweets) {
        public int count() {
            return tweets.size();
        }

        /** Share of all tweets (the study: 692 of 213,041, 0.32%). */
        public double share() {
            return allTweets == 0 ? 0 : (double) tweets.size() / allTweets;
        }

        /** Share of the round's corpus. */
        public double shareOfRound() {
            return roundPosts == 0 ? 0 : (double) tweets.size() / roundPosts;
        }
    }

    /** One step of the funnel: all tweets (corpus id null), then each filter's outcome. */
    public record FunnelStep(Long corpusId, String label, int posts, Long sourceRunId) {
    }

    /** Two coders' agreement on a round's tags (the themes both tagged). */
    public record TagAgreement(String first, String second, PairAgreement agreement) {
    }

    /** A comparison and its rows, with mean ± sd per cell. */
    public record Comparison(long id, String classes, int labelled, List<TopicComparison.Row> rows,
                             List<TopicComparison.Cell> cells) {
    }

    /** What to compare. {@code classesFile} null: the workbench's coded theme classes; {@code corpusId} as in {@link FitRequest}. */
    public record CompareRequest(List<String> models, List<Integer> ks, List<Long> seeds, int iterations, int threads,
                                 Path classesFile, Long corpusId) {
        public CompareRequest {
            models.forEach(TopicModels::trainer);
            models = List.copyOf(models);
            ks = List.copyOf(ks);
            seeds = List.copyOf(seeds);
        }
    }

    /** The documents of a corpus: the posts with at least one token, in post-id order, and their topic corpus. */
    private record Documents(int posts, long[] postIds, TopicCorpus corpus, Long corpusId) {
    }

    // --- fitting ---

    /** Fits a round (after the keyword step the request asks for) and stores it with its provenance. */
    public Round fit(Workbench workbench, FitRequest request, JobContext job) {
        try (Session s = workbench.openSession()) {
            Long corpusId = resolve(s, request.corpusId());
            if (!request.dropKeywords().isEmpty()) {
                corpusId = dropKeywords(s, corpusId, request.dropKeywords()).id();
            }
            job.progress(0, 1, "preprocessing the tweets");
            Documents docs = documents(s, corpusId);
            if (docs.corpus().size() == 0) {
                throw new IllegalArgumentException("no tweets with words to fit (corpus "
                        + (corpusId == null ? "all tweets" : corpusId) + ")");
            }
            if (job.isCancelled()) {
                throw new CancelledException();
            }
            TopicParams params = new TopicParams(request.k(), request.iterations(), request.threads(), request.options(), null);
            Instant started = Instant.now();
            TopicModelResult result = TopicModels.trainer(request.model()).fit(docs.corpus(), params, request.seed(), job);
            Map<String, String> versions = new LinkedHashMap<>(result.provenance().libraryVersions());
            versions.put(Settings.APP_VERSION, AppVersion.current());
            versions.putAll(settings.provenance());
            var p = result.provenance();
            org.signalbench.domain.TopicRun run = new org.signalbench.domain.TopicRun(0, docs.corpusId(), request.model(), request.k(),
                    request.iterations(), request.seed(), request.threads(), p.corpusHash(), docs.posts(), p.documents(),
                    p.vocabulary(), p.tokens(), p.hyperparameters(), versions, p.seconds(), started, Instant.now());
            List<TopicStore.TopicRow> topics = new ArrayList<>();
            for (TopicModelResult.Topic t : result.topics()) {
                topics.add(new TopicStore.TopicRow(t.topic(), t.size(), t.words().stream()
                        .map(w -> new org.signalbench.domain.TopicWord(w.word(), w.p())).toList(), null));
            }
            List<TopicStore.DocumentRow> rows = new ArrayList<>(docs.postIds().length);
            for (int d = 0; d < docs.postIds().length; d++) {
                List<TopicModelResult.TopicProbability> top = result.documents().get(d).top();
                int[] z = new int[top.size()];
                double[] pz = new double[top.size()];
                for (int i = 0; i < z.length; i++) {
                    z[i] = top.get(i).topic();
                    pz[i] = top.get(i).p();
                }
                rows.add(new TopicStore.DocumentRow(docs.postIds()[d], z, pz));
            }
            long id = s.unchecked(() -> new TopicStore(s.connection()).saveRun(run, topics, rows));
            return round(s, id);
        }
    }

    // --- rounds and themes ---

    /** Every round, oldest first. */
    public List<org.signalbench.domain.TopicRun> rounds(Workbench workbench) {
        try (Session s = workbench.openSession()) {
            return s.call(c -> new TopicStore(c).runs());
        }
    }

    /** A round with its themes; fails naming the id when there is none. */
    public Round round(Workbench workbench, long runId) {
        try (Session s = workbench.openSession()) {
            return round(s, runId);
        }
    }

    /** The latest round; fails when there is none. */
    public Round latestRound(Workbench workbench) {
        List<org.signalbench.domain.TopicRun> runs = rounds(workbench);
        if (runs.isEmpty()) {
            throw new IllegalArgumentException("no topic rounds yet: run 'topics fit' first");
        }
        return round(workbench, runs.get(runs.size() - 1).id());
    }

    private Round round(Session s, long runId) {
        return s.call(c -> {
            TopicStore store = new TopicStore(c);
            org.signalbench.domain.TopicRun run = store.run(runId)
                    .orElseThrow(() -> new IllegalArgumentException("no topic round " + runId));
            Map<Integer, Map<String, String>> byTopic = new HashMap<>();
            for (TopicStore.Tag t : store.tags(runId)) {
                byTopic.computeIfAbsent(t.topic(), z -> new TreeMap<>()).put(t.coder(), t.tag());
            }
            Map<Integer, String> decisions = store.decisions(runId);
            List<Theme> themes = new ArrayList<>();
            for (TopicStore.TopicRow t : store.topics(runId)) {
                Map<String, String> coders = byTopic.getOrDefault(t.topic(), Map.of());
                String tag = decisions.get(t.topic());
                if (tag == null && !coders.isEmpty() && new HashSet<>(coders.values()).size() == 1) {
                    tag = coders.values().iterator().next();
                }
                themes.add(new Theme(t.topic(), t.size(), t.words(), t.name(), tag, Map.copyOf(coders)));
            }
            return new Round(run, themes);
        });
    }

    /** A coder tags a theme signal, noise or neutral. */
    public void tag(Workbench workbench, long runId, int topic, String coder, String tag) {
        String t = checkTag(tag);
        if (coder == null || coder.isBlank()) {
            throw new IllegalArgumentException("a tag needs the coder's name");
        }
        try (Session s = workbench.openSession()) {
            checkTopic(s, runId, topic);
            s.call(c -> {
                new TopicStore(c).tag(runId, topic, coder.strip(), t);
                return null;
            });
        }
    }

    /** The expert settles a theme's tag. */
    public void decide(Workbench workbench, long runId, int topic, String expert, String tag) {
        String t = checkTag(tag);
        try (Session s = workbench.openSession()) {
            checkTopic(s, runId, topic);
            s.call(c -> {
                new TopicStore(c).decide(runId, topic, expert == null || expert.isBlank() ? "expert" : expert.strip(), t);
                return null;
            });
        }
    }

    /** Names a theme (blank clears the name). */
    public void name(Workbench workbench, long runId, int topic, String name) {
        try (Session s = workbench.openSession()) {
            checkTopic(s, runId, topic);
            s.call(c -> new TopicStore(c).name(runId, topic, name));
        }
    }

    /** Agreement of each pair of coders over the themes both tagged (Cohen's kappa and the rest). */
    public List<TagAgreement> agreement(Workbench workbench, long runId) {
        Round r = round(workbench, runId);
        Set<String> coders = new java.util.TreeSet<>();
        r.themes().forEach(t -> coders.addAll(t.coderTags().keySet()));
        List<String> list = List.copyOf(coders);
        List<TagAgreement> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            for (int j = i + 1; j < list.size(); j++) {
                List<ConfusionMatrix.Pair> pairs = new ArrayList<>();
                for (Theme t : r.themes()) {
                    String a = t.coderTags().get(list.get(i));
                    String b = t.coderTags().get(list.get(j));
                    if (a != null && b != null) {
                        pairs.add(new ConfusionMatrix.Pair(t.topic(), a, b));
                    }
                }
                if (!pairs.isEmpty()) {
                    out.add(new TagAgreement(list.get(i), list.get(j),
                            Coefficients.pair(ConfusionMatrix.of(pairs, TopicStore.TAGS))));
                }
            }
        }
        return out;
    }

    private static String checkTag(String tag) {
        String t = tag == null ? "" : tag.strip().toLowerCase(java.util.Locale.ROOT);
        if (!TopicStore.TAGS.contains(t)) {
            throw new IllegalArgumentException("unknown tag '" + tag + "' (expected signal, noise or neutral)");
        }
        return t;
    }

    private static void checkTopic(Session s, long runId, int topic) {
        org.signalbench.domain.TopicRun run = s.call(c -> new TopicStore(c).run(runId))
                .orElseThrow(() -> new IllegalArgumentException("no topic round " + runId));
        if (topic < 0 || topic >= run.k()) {
            throw new IllegalArgumentException("round " + runId + " has topics 0 to " + (run.k() - 1) + ", not " + topic);
        }
    }

    // --- filters and the funnel ---

    /**
     * Drops from a round's corpus the tweets whose first theme is tagged noise; the rest (with the
     * tweets that had no words to model) is the next round's corpus.
     */
    public org.signalbench.domain.TopicCorpusStep filterNoise(Workbench workbench, long runId) {
        Round r = round(workbench, runId);
        Set<Integer> noise = new HashSet<>();
        r.themes().stream().filter(t -> "noise".equals(t.tag())).forEach(t -> noise.add(t.topic()));
        if (noise.isEmpty()) {
            throw new IllegalArgumentException("round " + runId + " has no theme tagged noise");
        }
        try (Session s = workbench.openSession()) {
            return s.call(c -> {
                TopicStore store = new TopicStore(c);
                long[] before = postsOf(s, r.run().corpusId());
                Map<Long, Integer> first = store.firstTopics(runId);
                long[] kept = java.util.Arrays.stream(before).filter(id -> {
                    Integer z = first.get(id);
                    return z == null || !noise.contains(z);
                }).toArray();
                Map<String, Object> rule = new LinkedHashMap<>();
                rule.put("kind", "noise-topics");
                rule.put("run", runId);
                rule.put("topics", new java.util.TreeSet<>(noise));
                long id = store.createCorpus(r.run().corpusId(), runId, json(rule), before.length, kept);
                return store.corpus(id).orElseThrow();
            });
        }
    }

    /**
     * Drops the tweets having any of {@code keywords} (as the study dropped every fentanyl tweet) from a
     * corpus (null: the latest; {@link #ALL_TWEETS}: all).
     */
    public org.signalbench.domain.TopicCorpusStep filterKeywords(Workbench workbench, Long corpusId, List<String> keywords) {
        try (Session s = workbench.openSession()) {
            return dropKeywords(s, resolve(s, corpusId), keywords);
        }
    }

    private org.signalbench.domain.TopicCorpusStep dropKeywords(Session s, Long parentId, List<String> keywords) {
        KeywordFilter filter = KeywordFilter.of(keywords);
        Set<Long> allowed = parentId == null ? null : toSet(postsOf(s, parentId));
        List<PostQuery.Caption> captions = s.captions(Platform.TWITTER);
        long[] kept = captions.stream()
                .filter(c -> allowed == null || allowed.contains(c.postId()))
                .filter(c -> !filter.matches(c.text()))
                .mapToLong(PostQuery.Caption::postId).toArray();
        int before = allowed == null ? captions.size() : allowed.size();
        Map<String, Object> rule = new LinkedHashMap<>();
        rule.put("kind", "drop-keywords");
        rule.put("keywords", filter.keywords());
        return s.call(c -> {
            TopicStore store = new TopicStore(c);
            long id = store.createCorpus(parentId, null, json(rule), before, kept);
            return store.corpus(id).orElseThrow();
        });
    }

    /** Every corpus (funnel step) stored, oldest first. */
    public List<org.signalbench.domain.TopicCorpusStep> corpora(Workbench workbench) {
        try (Session s = workbench.openSession()) {
            return s.call(c -> new TopicStore(c).corpora());
        }
    }

    /** The funnel down to a corpus (null: the latest): all tweets, then each filter step in order. */
    public List<FunnelStep> funnel(Workbench workbench, Long corpusId) {
        try (Session s = workbench.openSession()) {
            List<org.signalbench.domain.TopicCorpusStep> all = s.call(c -> new TopicStore(c).corpora());
            Map<Long, org.signalbench.domain.TopicCorpusStep> byId = new HashMap<>();
            all.forEach(c -> byId.put(c.id(), c));
            Long at = corpusId != null ? corpusId : (all.isEmpty() ? null : all.get(all.size() - 1).id());
            List<FunnelStep> steps = new ArrayList<>();
            while (at != null) {
                org.signalbench.domain.TopicCorpusStep c = byId.get(at);
                if (c == null) {
                    throw new IllegalArgumentException("no topic corpus " + at);
                }
                steps.add(0, new FunnelStep(c.id(), label(c.ruleJson()), c.posts(), c.sourceRunId()));
                at = c.parentId();
            }
            steps.add(0, new FunnelStep(null, "all tweets", tweetCount(s), null));
            return steps;
        }
    }

    private static String label(String ruleJson) {
        try {
            var node = JSON.readTree(ruleJson);
            return switch (node.path("kind").asText()) {
                case "drop-keywords" -> "without tweets with " + String.join(", ",
                        JSON.convertValue(node.path("keywords"), List.class));
                case "noise-topics" -> "without round " + node.path("run").asLong() + "'s noise themes "
                        + node.path("topics");
                default -> ruleJson;
            };
        } catch (JsonProcessingException e) {
            return ruleJson;
        }
    }

    // --- retrieval ---

    /** The tweets of a round whose first or second theme is tagged signal, most likely first. */
    public Retrieval retrieve(Workbench workbench, long runId) {
        Round r = round(workbench, runId);
        List<Integer> signal = r.themes().stream().filter(t -> "signal".equals(t.tag())).map(Theme::topic).toList();
        try (Session s = workbench.openSession()) {
            List<RetrievedTweet> tweets = s.call(c -> new TopicStore(c).tweetsWithTopics(runId, signal)).stream()
                    .map(TopicsService::retrieved).toList();
            return new Retrieval(runId, signal, tweets, r.run().posts(), tweetCount(s));
        }
    }

    /** The {@code limit} tweets most typical of a theme (first theme, highest probability). */
    public List<RetrievedTweet> representativeTweets(Workbench workbench, long runId, int topic, int limit) {
        try (Session s = workbench.openSession()) {
            return s.call(c -> new TopicStore(c).representativeTweets(runId, topic, limit)).stream()
                    .map(TopicsService::retrieved).toList();
        }
    }

    private static RetrievedTweet retrieved(TopicStore.TweetTopics t) {
        return new RetrievedTweet(t.postId(), t.externalId(), t.author(), t.text(), t.firstTopic(), t.p1(),
                t.secondTopic(), t.p2());
    }

    // --- comparison ---

    /** Fits models × K × seeds on a corpus (as in {@link FitRequest}), measures them against the theme classes and stores the rows. */
    public Comparison compare(Workbench workbench, CompareRequest request, JobContext job) {
        try (Session s = workbench.openSession()) {
            Long corpusId = resolve(s, request.corpusId());
            Map<Long, String> classes;
            String source;
            if (request.classesFile() != null) {
                classes = readClasses(s, request.classesFile());
                source = request.classesFile().toString();
            } else {
                classes = s.call(c -> new TopicStore(c).themeClasses());
                source = "workbench theme classes";
            }
            job.progress(0, 1, "preprocessing the tweets");
            Documents docs = documents(s, corpusId);
            Map<String, Integer> classIds = new HashMap<>();
            int[] labels = new int[docs.postIds().length];
            int labelled = 0;
            for (int d = 0; d < labels.length; d++) {
                String cls = classes.get(docs.postIds()[d]);
                if (cls == null) {
                    labels[d] = TopicMeasures.UNLABELLED;
                } else {
                    labels[d] = classIds.computeIfAbsent(cls, x -> classIds.size());
                    labelled++;
                }
            }
            Instant started = Instant.now();
            List<TopicComparison.Row> rows = TopicComparison.run(docs.corpus(), labels, request.models(), request.ks(),
                    request.seeds(), (model, k) -> TopicParams.of(k, request.iterations()).withThreads(request.threads()),
                    job);
            Map<String, Object> settingsJson = new LinkedHashMap<>();
            settingsJson.put("models", request.models());
            settingsJson.put("ks", request.ks());
            settingsJson.put("seeds", request.seeds());
            settingsJson.put("iterations", request.iterations());
            settingsJson.put("threads", request.threads());
            settingsJson.put("labelled", labelled);
            settingsJson.put("heldOut", TopicComparison.HELD_OUT);
            List<TopicStore.ComparisonRow> stored = rows.stream().map(r -> new TopicStore.ComparisonRow(r.model(), r.k(),
                    r.seed(), r.purity(), r.purityMacro(), r.nmi(), r.npmi(), r.umass(), r.diversity(), r.perplexity(),
                    r.seconds())).toList();
            String hash = docs.corpus().hash();
            int finalLabelled = labelled;
            long id = s.call(c -> new TopicStore(c).saveComparison(corpusId, hash, source, json(settingsJson), started,
                    Instant.now(), stored));
            return new Comparison(id, source, finalLabelled, rows, TopicComparison.summarise(rows));
        }
    }

    /** The latest stored comparison, or null when there is none. */
    public Comparison latestComparison(Workbench workbench) {
        try (Session s = workbench.openSession()) {
            return s.call(c -> {
                TopicStore store = new TopicStore(c);
                List<TopicStore.ComparisonRun> runs = store.comparisons();
                if (runs.isEmpty()) {
                    return null;
                }
                TopicStore.ComparisonRun last = runs.get(runs.size() - 1);
                List<TopicComparison.Row> rows = store.comparisonRows(last.id()).stream().map(r -> new TopicComparison.Row(
                        r.model(), r.k(), r.seed(), r.purity(), r.purityMacro(), r.nmi(), r.npmi(), r.umass(),
                        r.diversity(), r.perplexity(), r.seconds())).toList();
                int labelled = labelled(last.settingsJson());
                return new Comparison(last.id(), last.classes(), labelled, rows, TopicComparison.summarise(rows));
            });
        }
    }

    private static int labelled(String settingsJson) {
        try {
            return JSON.readTree(settingsJson).path("labelled").asInt();
        } catch (JsonProcessingException e) {
            return 0;
        }
    }

    /** Reads and stores theme classes ({@code external_id,class}) as the workbench's coded theme classes; returns how many matched a tweet. */
    public int importThemeClasses(Workbench workbench, Path csv) {
        try (Session s = workbench.openSession()) {
            Map<Long, String> classes = readClasses(s, csv);
            s.call(c -> {
                new TopicStore(c).saveThemeClasses(classes, csv.getFileName().toString());
                return null;
            });
            return classes.size();
        }
    }

    /**
     * Reads an {@code external_id,class} file; a line without two fields fails with the file, line
     * and reason; ids that are not tweets of the workbench are skipped.
     */
    private static Map<Long, String> readClasses(Session s, Path csv) {
        Map<String, String> byExternal = new LinkedHashMap<>();
        try (BufferedReader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            String line;
            int n = 0;
            while ((line = in.readLine()) != null) {
                n++;
                if (line.isBlank() || (n == 1 && line.strip().equalsIgnoreCase("external_id,class"))) {
                    continue;
                }
                int comma = line.indexOf(',');
                if (comma <= 0 || comma == line.length() - 1) {
                    throw new IllegalArgumentException(csv + ", line " + n + ": expected external_id,class, got '"
                            + (line.length() > 60 ? line.substring(0, 60) + "…" : line) + "'");
                }
                byExternal.put(line.substring(0, comma).strip(), line.substring(comma + 1).strip());
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot read " + csv + ": " + e.getMessage(), e);
        }
        Map<String, Long> ids = s.call(c -> new TopicStore(c).tweetIds(byExternal.keySet()));
        Map<Long, String> out = new HashMap<>();
        byExternal.forEach((ext, cls) -> {
            Long id = ids.get(ext);
            if (id != null) {
                out.put(id, cls);
            }
        });
        return out;
    }

    // --- the corpus of a round ---

    /** A corpus id as asked (null: the latest step; {@link #ALL_TWEETS}: all) as stored (null: all tweets). */
    private static Long resolve(Session s, Long asked) {
        if (asked == null) {
            return latestCorpus(s);
        }
        if (asked == ALL_TWEETS) {
            return null;
        }
        s.call(c -> new TopicStore(c).corpus(asked)).orElseThrow(() -> new IllegalArgumentException("no topic corpus " + asked));
        return asked;
    }

    private static Long latestCorpus(Session s) {
        List<org.signalbench.domain.TopicCorpusStep> all = s.call(c -> new TopicStore(c).corpora());
        return all.isEmpty() ? null : all.get(all.size() - 1).id();
    }

    private static int tweetCount(Session s) {
        return s.call(c -> new PostQuery(c).count(new PostQuery.Filter(null, Platform.TWITTER, null)));
    }

    private static long[] postsOf(Session s, Long corpusId) {
        if (corpusId == null) {
            return s.captions(Platform.TWITTER).stream().mapToLong(PostQuery.Caption::postId).toArray();
        }
        return s.call(c -> new TopicStore(c).corpusPosts(corpusId));
    }

    /** The preprocessed tweets of a corpus (as in {@link FitRequest}) as a topic corpus: what {@code bench topics --db} samples. */
    public TopicCorpus corpus(Workbench workbench, Long corpusId) {
        try (Session s = workbench.openSession()) {
            return documents(s, resolve(s, corpusId)).corpus();
        }
    }

    private Documents documents(Session s, Long corpusId) {
        Set<Long> allowed = corpusId == null ? null : toSet(postsOf(s, corpusId));
        List<List<String>> tokens = new ArrayList<>();
        List<Long> ids = new ArrayList<>();
        int posts = 0;
        for (PostQuery.Caption c : s.captions(Platform.TWITTER)) {
            if (allowed != null && !allowed.contains(c.postId())) {
                continue;
            }
            posts++;
            List<String> t = settings.preprocessor().tokens(c.text());
            if (!t.isEmpty()) {
                tokens.add(t);
                ids.add(c.postId());
            }
        }
        return new Documents(posts, ids.stream().mapToLong(Long::longValue).toArray(), TopicCorpus.fromTokens(tokens),
                corpusId);
    }

    private static Set<Long> toSet(long[] ids) {
        Set<Long> set = new HashSet<>(ids.length * 2);
        for (long id : ids) {
            set.add(id);
        }
        return set;
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }
}
