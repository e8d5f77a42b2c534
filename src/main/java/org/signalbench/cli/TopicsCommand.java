package org.signalbench.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.signalbench.app.RetrievedTweet;
import org.signalbench.app.Settings;
import org.signalbench.app.TopicsService;
import org.signalbench.exporting.SafeCsvPrinter;
import org.signalbench.exporting.SafeOutputFile;
import org.signalbench.store.Workbench;
import org.signalbench.topics.ComparisonTable;
import org.signalbench.topics.TopicComparison;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code topics}: rounds of topic models over the workbench's tweets (docs/topics.md). */
@Command(name = "topics", mixinStandardHelpOptions = true,
        description = "Topic rounds over the workbench's tweets (the Twitter study): fit a round, tag its themes, "
                + "filter the corpus, retrieve the signal tweets, compare models, show rounds and the funnel.",
        subcommands = {TopicsCommand.Fit.class, TopicsCommand.Tag.class, TopicsCommand.Filter.class,
                TopicsCommand.Retrieve.class, TopicsCommand.Compare.class, TopicsCommand.Show.class,
                TopicsCommand.Classes.class})
public final class TopicsCommand {

    /** What every topics subcommand takes. */
    abstract static class TopicsSubcommand implements Callable<Integer> {
        @Mixin
        WorkbenchOption workbench;

        @Option(names = "--json", description = "Print as JSON.")
        boolean json;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            TopicsService service = new TopicsService(Settings.load());
            try (Workbench wb = workbench.openExisting()) {
                try {
                    work(service, wb, spec.commandLine().getOut());
                } catch (IllegalArgumentException e) {
                    throw new ParameterException(spec.commandLine(), e.getMessage(), e);
                }
                spec.commandLine().getOut().flush();
                return 0;
            }
        }

        abstract void work(TopicsService service, Workbench wb, PrintWriter out) throws Exception;

        /** The round {@code runId} names, or the latest. */
        static long runOrLatest(TopicsService service, Workbench wb, Long runId) {
            return runId != null ? runId : service.latestRound(wb).run().id();
        }

        /** "all" or a corpus id; null for the latest corpus. */
        static Long corpus(String value) {
            if (value == null) {
                return null;
            }
            if (value.equalsIgnoreCase("all")) {
                return TopicsService.ALL_TWEETS;
            }
            try {
                return Long.parseLong(value);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--corpus: expected 'all' or a corpus id, not '" + value + "'");
            }
        }
    }

    @Command(name = "fit", mixinStandardHelpOptions = true,
            description = "Fit a round on the current corpus (the latest funnel step) and store it with its provenance.")
    static final class Fit extends TopicsSubcommand {
        @Option(names = "--model", defaultValue = "btm", description = "btm, lda, nmf or kernel-kmeans (default: ${DEFAULT-VALUE}).")
        String model;

        @Option(names = "--k", required = true, paramLabel = "K", description = "Number of topics.")
        int k;

        @Option(names = "--iterations", defaultValue = "0", paramLabel = "N",
                description = "Sweeps, updates or rounds (default: the model's own, docs/topics.md).")
        int iterations;

        @Option(names = "--seed", defaultValue = "1", description = "Seed (default: ${DEFAULT-VALUE}).")
        long seed;

        @Option(names = "--threads", defaultValue = "1", description = "Threads (default: ${DEFAULT-VALUE}; one thread is repeatable).")
        int threads;

        @Option(names = "--keyword-filter", split = ",", paramLabel = "WORD",
                description = "First drop the tweets with any of these keywords (as the study dropped every fentanyl "
                        + "tweet); a step of the funnel.")
        List<String> dropKeywords;

        @Option(names = "--corpus", paramLabel = "ID|all", description = "Fit on this funnel step (default: the latest).")
        String corpus;

        @Option(names = "--option", paramLabel = "NAME=VALUE", description = "A model option, e.g. alpha=0.5, beta=0.01, window=15.")
        Map<String, Double> options;

        @Option(names = "--words", defaultValue = "10", description = "Words per topic in the text output (default: ${DEFAULT-VALUE}).")
        int words;

        @Override
        void work(TopicsService service, Workbench wb, PrintWriter out) throws Exception {
            TopicsService.FitRequest request = new TopicsService.FitRequest(model, k, iterations, seed, threads,
                    options == null ? Map.of() : options, corpus(corpus),
                    dropKeywords == null ? List.of() : dropKeywords);
            TopicsService.Round round = service.fit(wb, request, new StderrProgress(spec.commandLine().getErr()));
            org.signalbench.domain.TopicRun run = round.run();
            JsonOrText.print(out, json, () -> {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("runId", run.id());
                m.put("model", run.model());
                m.put("k", run.k());
                m.put("documents", run.documents());
                m.put("seconds", run.seconds());
                m.put("posts", run.posts());
                m.put("corpusId", run.corpusId());
                m.put("corpusHash", run.corpusHash());
                m.put("vocabulary", run.vocabulary());
                m.put("iterations", run.iterations());
                m.put("seed", run.seed());
                m.put("threads", run.threads());
                m.put("hyperparameters", run.hyperparameters());
                m.put("libraryVersions", run.libraryVersions());
                m.put("topics", round.themes().stream().map(t -> {
                    Map<String, Object> topic = new LinkedHashMap<>();
                    topic.put("topic", t.topic());
                    topic.put("size", t.size());
                    topic.put("words", t.words());
                    return topic;
                }).toList());
                return m;
            }, () -> {
                out.printf(Locale.ROOT, "round %d: %s, K = %d, %,d documents of %,d tweets, %.1f s%n", run.id(), run.model(),
                        run.k(), run.documents(), run.posts(), run.seconds());
                printThemes(out, round, words);
            });
        }
    }

    /** A round's provenance as JSON fields. */
    static Map<String, Object> run(org.signalbench.domain.TopicRun r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", r.id());
        m.put("corpusId", r.corpusId());
        m.put("model", r.model());
        m.put("k", r.k());
        m.put("iterations", r.iterations());
        m.put("seed", r.seed());
        m.put("threads", r.threads());
        m.put("corpusHash", r.corpusHash());
        m.put("posts", r.posts());
        m.put("documents", r.documents());
        m.put("vocabulary", r.vocabulary());
        m.put("tokens", r.tokens());
        m.put("hyperparameters", r.hyperparameters());
        m.put("libraryVersions", r.libraryVersions());
        m.put("seconds", r.seconds());
        m.put("startedAt", r.startedAt().toString());
        m.put("finishedAt", r.finishedAt().toString());
        return m;
    }

    static void printThemes(PrintWriter out, TopicsService.Round round, int words) {
        out.printf(Locale.ROOT, "%5s %7s %-8s %-20s %s%n", "topic", "size", "tag", "name", "top words");
        for (TopicsService.Theme t : round.themes()) {
            out.printf(Locale.ROOT, "%5d %7d %-8s %-20s %s%n", t.topic(), t.size(), t.tag() == null ? "" : t.tag(),
                    t.name() == null ? "" : t.name(), t.topWords(words));
        }
    }

    @Command(name = "tag", mixinStandardHelpOptions = true,
            description = "Tag themes of a round signal, noise or neutral (as a coder, or as the expert who settles), "
                    + "and name them.")
    static final class Tag extends TopicsSubcommand {
        @Option(names = "--run", paramLabel = "ID", description = "The round (default: the latest).")
        Long run;

        @Option(names = "--topic", required = true, split = ",", paramLabel = "Z", description = "Topic numbers.")
        List<Integer> topics;

        @Option(names = "--tag", paramLabel = "signal|noise|neutral")
        String tag;

        @Option(names = "--name", paramLabel = "TEXT", description = "Name the theme(s) (empty clears).")
        String name;

        @ArgGroup(exclusive = true)
        Who who;

        /** A coder's tag or the expert's decision. */
        static final class Who {
            @Option(names = "--coder", paramLabel = "NAME", description = "The coder tagging (default: 'coder').")
            String coder;

            @Option(names = "--expert", paramLabel = "NAME", description = "Record the expert's decision instead.")
            String expert;
        }

        @Override
        void work(TopicsService service, Workbench wb, PrintWriter out) throws Exception {
            if (tag == null && name == null) {
                throw new IllegalArgumentException("give --tag, --name or both");
            }
            long runId = runOrLatest(service, wb, run);
            for (int z : topics) {
                if (tag != null) {
                    if (who != null && who.expert != null) {
                        service.decide(wb, runId, z, who.expert, tag);
                    } else {
                        service.tag(wb, runId, z, who == null || who.coder == null ? "coder" : who.coder, tag);
                    }
                }
                if (name != null) {
                    service.name(wb, runId, z, name);
                }
            }
            TopicsService.Round round = service.round(wb, runId);
            List<TopicsService.Theme> tagged = round.themes().stream().filter(t -> topics.contains(t.topic())).toList();
            JsonOrText.print(out, json, () -> Map.of("runId", runId, "themes", tagged), () -> {
                printThemes(out, new TopicsService.Round(round.run(), tagged), 10);
                for (TopicsService.TagAgreement a : service.agreement(wb, runId)) {
                    double kappa = a.agreement().cohenKappa();
                    out.printf(Locale.ROOT, "agreement %s / %s over %d themes: %.1f%% observed, Cohen's kappa %s%n", a.first(),
                            a.second(), a.agreement().items(), 100 * a.agreement().observedAgreement(),
                            Double.isFinite(kappa) ? String.format(Locale.ROOT, "%.3f", kappa) : "undefined (one tag only)");
                }
            });
        }
    }

    @Command(name = "filter", mixinStandardHelpOptions = true,
            description = "Make the next round's corpus: drop the tweets whose top theme is tagged noise (--noise), or "
                    + "the tweets with given keywords (--drop-keywords); prints the funnel.")
    static final class Filter extends TopicsSubcommand {
        @Option(names = "--noise", description = "Drop the tweets whose first theme in the round is tagged noise.")
        boolean noise;

        @Option(names = "--run", paramLabel = "ID", description = "The round for --noise (default: the latest).")
        Long run;

        @Option(names = "--drop-keywords", split = ",", paramLabel = "WORD", description = "Drop tweets with any of these keywords.")
        List<String> keywords;

        @Option(names = "--corpus", paramLabel = "ID|all", description = "The corpus --drop-keywords filters (default: the latest).")
        String corpus;

        @Override
        void work(TopicsService service, Workbench wb, PrintWriter out) throws Exception {
            if (noise == (keywords != null)) {
                throw new IllegalArgumentException("give either --noise or --drop-keywords");
            }
            org.signalbench.domain.TopicCorpusStep made = noise ? service.filterNoise(wb, runOrLatest(service, wb, run))
                    : service.filterKeywords(wb, corpus(corpus), keywords);
            List<TopicsService.FunnelStep> funnel = service.funnel(wb, made.id());
            JsonOrText.print(out, json, () -> {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("corpusId", made.id());
                m.put("postsBefore", made.postsBefore());
                m.put("posts", made.posts());
                m.put("funnel", funnel);
                return m;
            }, () -> {
                out.printf(Locale.ROOT, "corpus %d: %,d of %,d tweets kept%n", made.id(), made.posts(), made.postsBefore());
                printFunnel(out, funnel);
            });
        }
    }

    static void printFunnel(PrintWriter out, List<TopicsService.FunnelStep> funnel) {
        for (TopicsService.FunnelStep s : funnel) {
            out.printf(Locale.ROOT, "%9s %,10d  %s%n", s.corpusId() == null ? "" : "corpus " + s.corpusId(), s.posts(),
                    s.label());
        }
    }

    @Command(name = "retrieve", mixinStandardHelpOptions = true,
            description = "The tweets whose first or second theme in a round is tagged signal, with probabilities; "
                    + "their count and share.")
    static final class Retrieve extends TopicsSubcommand {
        @Option(names = "--run", paramLabel = "ID", description = "The round (default: the latest).")
        Long run;

        @Option(names = "--out", paramLabel = "FILE.csv", description = "Also write the tweets as CSV.")
        Path csv;

        @Option(names = "--limit", defaultValue = "20", description = "Tweets listed in the text output (default: ${DEFAULT-VALUE}).")
        int limit;

        @Override
        void work(TopicsService service, Workbench wb, PrintWriter out) throws Exception {
            TopicsService.Retrieval r = service.retrieve(wb, runOrLatest(service, wb, run));
            if (csv != null) {
                SafeOutputFile.write(csv, wb.file(), stream -> {
                    StringBuilder sb = new StringBuilder();
                    try (SafeCsvPrinter p = new SafeCsvPrinter(sb, false, "post_id", "external_id", "author",
                            "first_topic", "p1", "second_topic", "p2", "text")) {
                        for (RetrievedTweet t : r.tweets()) {
                            p.printRecord(t.postId(), t.externalId(), t.author(), t.firstTopic(), t.p1(),
                                    t.secondTopic() < 0 ? null : t.secondTopic(), t.secondTopic() < 0 ? null : t.p2(), t.text());
                        }
                    }
                    stream.write(sb.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                });
            }
            JsonOrText.print(out, json, () -> {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("runId", r.runId());
                m.put("signalTopics", r.signalTopics());
                m.put("count", r.count());
                m.put("share", r.share());
                m.put("allTweets", r.allTweets());
                m.put("roundPosts", r.roundPosts());
                m.put("shareOfRound", r.shareOfRound());
                m.put("tweets", r.tweets());
                return m;
            }, () -> {
                out.printf(Locale.ROOT, "round %d, signal themes %s: %,d tweets, %.2f%% of %,d tweets (%.2f%% of the round's %,d)%n",
                        r.runId(), r.signalTopics(), r.count(), 100 * r.share(), r.allTweets(), 100 * r.shareOfRound(),
                        r.roundPosts());
                for (RetrievedTweet t : r.tweets().subList(0, Math.min(limit, r.count()))) {
                    out.printf(Locale.ROOT, "%-20s %3d %.3f %3s %5s  %s%n", t.externalId(), t.firstTopic(), t.p1(),
                            t.secondTopic() < 0 ? "" : Integer.toString(t.secondTopic()),
                            t.secondTopic() < 0 ? "" : String.format(Locale.ROOT, "%.3f", t.p2()),
                            t.text().replaceAll("\\s+", " "));
                }
            });
        }
    }

    @Command(name = "compare", mixinStandardHelpOptions = true,
            description = "Fit models x K x seeds on the current corpus (90% fitted, 10% held out for perplexity) and "
                    + "measure purity and NMI against theme classes, NPMI, UMass, diversity and perplexity (indicative).")
    static final class Compare extends TopicsSubcommand {
        @Option(names = "--models", split = ",", defaultValue = "btm,lda,nmf,kernel-kmeans",
                description = "Models (default: ${DEFAULT-VALUE}).")
        List<String> models;

        @Option(names = "--k", split = ",", defaultValue = "20,50,100,150", description = "Numbers of topics (default: ${DEFAULT-VALUE}).")
        List<Integer> ks;

        @Option(names = "--seeds", split = ",", defaultValue = "1", description = "Seeds (default: ${DEFAULT-VALUE}).")
        List<Long> seeds;

        @Option(names = "--iterations", defaultValue = "0", description = "Iterations of every model (default: each model's own).")
        int iterations;

        @Option(names = "--threads", defaultValue = "1", description = "Threads (default: ${DEFAULT-VALUE}).")
        int threads;

        @Option(names = "--classes", paramLabel = "FILE.csv",
                description = "external_id,class: the theme classes for purity and NMI (default: the workbench's coded theme classes).")
        Path classes;

        @Option(names = "--corpus", paramLabel = "ID|all", description = "The funnel step to compare on (default: the latest).")
        String corpus;

        @Option(names = "--csv", paramLabel = "FILE", description = "Write every run as CSV.")
        Path csvFile;

        @Option(names = "--markdown", paramLabel = "FILE", description = "Write mean ± sd per model and K as Markdown.")
        Path markdownFile;

        @Option(names = "--latex", paramLabel = "FILE", description = "Write mean ± sd per model and K as a LaTeX tabular.")
        Path latexFile;

        @Override
        void work(TopicsService service, Workbench wb, PrintWriter out) throws Exception {
            TopicsService.Comparison c = service.compare(wb, new TopicsService.CompareRequest(models, ks, seeds, iterations,
                    threads, classes, corpus(corpus)), new StderrProgress(spec.commandLine().getErr(), 1000));
            if (csvFile != null) {
                SafeOutputFile.writeString(csvFile, wb.file(), ComparisonTable.csv(c.rows()));
            }
            if (markdownFile != null) {
                SafeOutputFile.writeString(markdownFile, wb.file(), ComparisonTable.markdown(c.rows()));
            }
            if (latexFile != null) {
                SafeOutputFile.writeString(latexFile, wb.file(), ComparisonTable.latex(c.rows()));
            }
            JsonOrText.print(out, json, () -> {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("comparisonId", c.id());
                m.put("classes", c.classes());
                m.put("labelled", c.labelled());
                m.put("rows", c.rows().stream().map(Compare::row).toList());
                return m;
            }, () -> {
                out.printf(Locale.ROOT, "comparison %d; classes: %s (%,d labelled tweets in the corpus); perplexity is indicative "
                        + "only (not strictly comparable across model families)%n%n", c.id(), c.classes(), c.labelled());
                out.print(ComparisonTable.markdown(c.rows()));
            });
        }

        private static Map<String, Object> row(TopicComparison.Row r) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("model", r.model());
            m.put("k", r.k());
            m.put("seed", r.seed());
            m.put("purity", JsonOrText.finiteOrNull(r.purity()));
            m.put("purityMacro", JsonOrText.finiteOrNull(r.purityMacro()));
            m.put("nmi", JsonOrText.finiteOrNull(r.nmi()));
            m.put("npmi", JsonOrText.finiteOrNull(r.npmi()));
            m.put("umass", JsonOrText.finiteOrNull(r.umass()));
            m.put("diversity", JsonOrText.finiteOrNull(r.diversity()));
            m.put("perplexity", JsonOrText.finiteOrNull(r.perplexity()));
            m.put("seconds", r.seconds());
            return m;
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true,
            description = "A round's provenance and themes (tags, names, coders' tags), the rounds and the funnel.")
    static final class Show extends TopicsSubcommand {
        @Option(names = "--run", paramLabel = "ID", description = "The round (default: the latest).")
        Long run;

        @Option(names = "--words", defaultValue = "10", description = "Words per topic in the text output (default: ${DEFAULT-VALUE}).")
        int words;

        @Override
        void work(TopicsService service, Workbench wb, PrintWriter out) throws Exception {
            List<org.signalbench.domain.TopicRun> rounds = service.rounds(wb);
            TopicsService.Round round = rounds.isEmpty() && run == null ? null
                    : service.round(wb, runOrLatest(service, wb, run));
            List<TopicsService.FunnelStep> funnel = service.funnel(wb, null);
            JsonOrText.print(out, json, () -> {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("run", round == null ? null : run(round.run()));
                m.put("themes", round == null ? List.of() : round.themes());
                m.put("agreement", round == null ? List.of() : service.agreement(wb, round.run().id()).stream().map(a -> {
                    Map<String, Object> pair = new LinkedHashMap<>();
                    pair.put("first", a.first());
                    pair.put("second", a.second());
                    pair.put("themes", a.agreement().items());
                    pair.put("observed", a.agreement().observedAgreement());
                    pair.put("cohenKappa", JsonOrText.finiteOrNull(a.agreement().cohenKappa()));
                    return pair;
                }).toList());
                m.put("rounds", rounds.stream().map(TopicsCommand::run).toList());
                m.put("funnel", funnel);
                return m;
            }, () -> {
                out.println("rounds:");
                for (org.signalbench.domain.TopicRun r : rounds) {
                    out.printf(Locale.ROOT, "  %d  %-13s K = %-4d corpus %-4s %,9d documents  seed %d  %.1f s%n", r.id(), r.model(),
                            r.k(), r.corpusId() == null ? "all" : r.corpusId().toString(), r.documents(), r.seed(), r.seconds());
                }
                out.println("funnel:");
                printFunnel(out, funnel);
                if (round != null) {
                    out.printf(Locale.ROOT, "%nround %d (corpus hash %s):%n", round.run().id(), round.run().corpusHash());
                    printThemes(out, round, words);
                }
            });
        }
    }

    @Command(name = "classes", mixinStandardHelpOptions = true,
            description = "Store theme classes of tweets (external_id,class) as the workbench's coded theme classes.")
    static final class Classes extends TopicsSubcommand {
        @picocli.CommandLine.Parameters(paramLabel = "FILE.csv")
        Path file;

        @Override
        void work(TopicsService service, Workbench wb, PrintWriter out) throws Exception {
            int n = service.importThemeClasses(wb, file);
            JsonOrText.print(out, json, () -> Map.of("classes", n),
                    () -> out.printf(Locale.ROOT, "%,d tweets' theme classes stored%n", n));
        }
    }
}
