package org.signalbench.ui.topics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.signalbench.app.RetrievedTweet;
import org.signalbench.app.TopicsService;
import org.signalbench.jobs.JobManager;
import org.signalbench.jobs.SubmittedJob;
import org.signalbench.store.Workbench;
import org.signalbench.topics.TopicComparison;
import org.signalbench.topics.TopicModels;
import org.signalbench.app.LinkReviewService;
import org.signalbench.ui.common.CurrentWorkbench;
import org.signalbench.ui.common.Tasks;
import org.signalbench.ui.jobs.JobViewModel;

/**
 * State of the Topics view: the round setup (model, K, iterations, seed, threads) started as a job;
 * the rounds; the selected round's themes with the selected theme's representative tweets; tagging
 * and naming by the coder signed in here; the filters that make the next round's corpus; retrieval
 * of the signal tweets; the comparison of models (table and a measure over K); the funnel. Every
 * use case goes through {@link TopicsService}.
 */
public final class TopicsViewModel {
    /** Representative tweets shown for the selected theme. */
    static final int REPRESENTATIVE = 15;

    private final CurrentWorkbench current;
    private final Executor executor;
    private final JobManager jobs;
    private final TopicsService service;
    private final LinkReviewService linkReview;
    private TopicsService.Retrieval lastRetrieval;

    private final StringProperty model = new SimpleStringProperty("btm");
    private final StringProperty k = new SimpleStringProperty("20");
    private final StringProperty iterations = new SimpleStringProperty("100");
    private final StringProperty seed = new SimpleStringProperty("1");
    private final StringProperty threads = new SimpleStringProperty("1");
    private final StringProperty coder = new SimpleStringProperty(System.getProperty("user.name", "coder"));
    private final StringProperty keywords = new SimpleStringProperty("fentanyl");
    private final StringProperty compareModels = new SimpleStringProperty(String.join(",", TopicModels.ids()));
    private final StringProperty compareKs = new SimpleStringProperty("20,50,100");
    private final StringProperty compareIterations = new SimpleStringProperty("20");

    private final ObjectProperty<JobViewModel> job = new SimpleObjectProperty<>();
    private final BooleanProperty running = new SimpleBooleanProperty();
    private final BooleanProperty canStartLinkReview = new SimpleBooleanProperty();
    private final StringProperty status = new SimpleStringProperty("");
    private final StringProperty problem = new SimpleStringProperty("");

    private final ObservableList<org.signalbench.domain.TopicRun> rounds = FXCollections.observableArrayList();
    private final ObjectProperty<org.signalbench.domain.TopicRun> selectedRound = new SimpleObjectProperty<>();
    private final ObservableList<TopicsService.Theme> themes = FXCollections.observableArrayList();
    private final ObjectProperty<TopicsService.Theme> selectedTheme = new SimpleObjectProperty<>();
    private final ObservableList<RetrievedTweet> representative = FXCollections.observableArrayList();
    private final ObservableList<RetrievedTweet> retrieved = FXCollections.observableArrayList();
    private final StringProperty retrievalSummary = new SimpleStringProperty("Tag signal themes, then Retrieve.");
    private final ObservableList<TopicsService.FunnelStep> funnel = FXCollections.observableArrayList();
    private final ObservableList<TopicComparison.Row> comparisonRows = FXCollections.observableArrayList();
    private final ObservableList<TopicComparison.Cell> comparisonCells = FXCollections.observableArrayList();
    private final StringProperty comparisonSummary = new SimpleStringProperty("No comparison yet.");

    public TopicsViewModel(CurrentWorkbench current, Executor executor, JobManager jobs, TopicsService service) {
        this(current, executor, jobs, service, new LinkReviewService());
    }

    /** {@code linkReview} starts the link review (the study's next step) from a retrieval. */
    public TopicsViewModel(CurrentWorkbench current, Executor executor, JobManager jobs, TopicsService service,
                           LinkReviewService linkReview) {
        this.current = current;
        this.executor = executor;
        this.jobs = jobs;
        this.service = service;
        this.linkReview = linkReview;
        selectedRound.addListener((obs, old, now) -> loadRound(now));
        selectedTheme.addListener((obs, old, now) -> loadRepresentative(now));
        current.workbenchProperty().addListener((obs, old, now) -> refresh());
        current.revisionProperty().addListener((obs, old, now) -> refresh());
    }

    public List<String> models() {
        return TopicModels.ids();
    }

    /** Reloads the rounds (keeping the selected one, else the newest), the funnel and the latest comparison. */
    public void refresh() {
        Workbench wb = current.get();
        if (wb == null) {
            return;
        }
        Long keep = selectedRound.get() == null ? null : selectedRound.get().id();
        run(() -> new Overview(service.rounds(wb), service.funnel(wb, null), service.latestComparison(wb)), o -> {
            rounds.setAll(o.rounds());
            funnel.setAll(o.funnel());
            showComparison(o.comparison());
            org.signalbench.domain.TopicRun select = o.rounds().stream().filter(r -> keep != null && r.id() == keep).findFirst()
                    .orElse(o.rounds().isEmpty() ? null : o.rounds().get(o.rounds().size() - 1));
            if (select != null && selectedRound.get() != null && select.id() == selectedRound.get().id()) {
                loadRound(select);
            }
            selectedRound.set(select);
        });
    }

    private record Overview(List<org.signalbench.domain.TopicRun> rounds, List<TopicsService.FunnelStep> funnel,
                            TopicsService.Comparison comparison) {
    }

    private void loadRound(org.signalbench.domain.TopicRun run) {
        Workbench wb = current.get();
        if (run == null || wb == null) {
            themes.clear();
            return;
        }
        Integer keep = selectedTheme.get() == null ? null : selectedTheme.get().topic();
        run(() -> service.round(wb, run.id()), r -> {
            themes.setAll(r.themes());
            selectedTheme.set(keep == null || keep >= r.themes().size() ? null : r.themes().get(keep));
        });
    }

    private void loadRepresentative(TopicsService.Theme theme) {
        Workbench wb = current.get();
        org.signalbench.domain.TopicRun run = selectedRound.get();
        if (theme == null || wb == null || run == null) {
            representative.clear();
            return;
        }
        run(() -> service.representativeTweets(wb, run.id(), theme.topic(), REPRESENTATIVE), representative::setAll);
    }

    /** Starts a round with the setup's values on the latest funnel step, as a job. */
    public void startRound() {
        Workbench wb = current.get();
        TopicsService.FitRequest request;
        try {
            request = new TopicsService.FitRequest(model.get(), positive(k, "K"), nonNegative(iterations, "iterations"),
                    number(seed, "seed"), positive(threads, "threads"), java.util.Map.of(), null, List.of());
        } catch (IllegalArgumentException e) {
            problem.set(e.getMessage());
            return;
        }
        String name = "Topic round: " + request.model() + ", K = " + request.k();
        submit(name, jobs.submit(name, context -> service.fit(wb, request, context)), round -> {
            status.set(String.format(Locale.ROOT, "Round %d: %,d tweets in %.1f s.", round.run().id(),
                    round.run().documents(), round.run().seconds()));
            selectedRound.set(null);
            refresh();
        });
    }

    /** Starts a comparison of the given models × K (seed 1) on the latest funnel step, as a job. */
    public void startComparison() {
        Workbench wb = current.get();
        TopicsService.CompareRequest request;
        try {
            List<String> ms = Arrays.stream(compareModels.get().split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
            List<Integer> ks = Arrays.stream(compareKs.get().split(",")).map(String::strip).filter(s -> !s.isEmpty())
                    .map(Integer::parseInt).toList();
            request = new TopicsService.CompareRequest(ms, ks, List.of(number(seed, "seed")),
                    nonNegative(compareIterations, "iterations"), positive(threads, "threads"), null, null);
        } catch (IllegalArgumentException e) {
            problem.set(e.getMessage());
            return;
        }
        String name = "Topic model comparison: " + String.join(", ", request.models());
        submit(name, jobs.submit(name, context -> service.compare(wb, request, context)), c -> {
            showComparison(c);
            status.set("Comparison " + c.id() + ": " + c.rows().size() + " runs.");
        });
    }

    private <T> void submit(String name, SubmittedJob<T> submitted, Consumer<T> done) {
        problem.set("");
        status.set(name + "…");
        job.set(new JobViewModel(submitted.job()));
        running.set(true);
        submitted.result().whenComplete((result, error) -> Platform.runLater(() -> {
            running.set(false);
            if (error != null) {
                Throwable cause = error instanceof java.util.concurrent.CompletionException && error.getCause() != null
                        ? error.getCause() : error;
                status.set("");
                if (cause instanceof org.signalbench.jobs.CancelledException) {
                    status.set("Cancelled.");
                } else {
                    problem.set(cause.getMessage() == null ? cause.toString() : cause.getMessage());
                }
            } else {
                done.accept(result);
            }
        }));
    }

    public void cancel() {
        JobViewModel now = job.get();
        if (now != null) {
            now.cancel();
        }
    }

    private void showComparison(TopicsService.Comparison c) {
        if (c == null) {
            comparisonRows.clear();
            comparisonCells.clear();
            comparisonSummary.set("No comparison yet.");
            return;
        }
        comparisonRows.setAll(c.rows());
        comparisonCells.setAll(c.cells());
        comparisonSummary.set(String.format(Locale.ROOT, "Comparison %d: classes from %s (%,d labelled tweets in the corpus). "
                + "Perplexity is indicative only: not strictly comparable across model families.", c.id(), c.classes(),
                c.labelled()));
    }

    /** Tags the selected theme as the coder of this view. */
    public void tagSelected(String tag) {
        TopicsService.Theme theme = selectedTheme.get();
        org.signalbench.domain.TopicRun run = selectedRound.get();
        Workbench wb = current.get();
        if (theme == null || run == null) {
            return;
        }
        String who = coder.get();
        run(() -> {
            service.tag(wb, run.id(), theme.topic(), who, tag);
            return service.round(wb, run.id());
        }, r -> replaceThemes(r, theme.topic()));
    }

    /** Names the selected theme. */
    public void nameSelected(String name) {
        TopicsService.Theme theme = selectedTheme.get();
        org.signalbench.domain.TopicRun run = selectedRound.get();
        Workbench wb = current.get();
        if (theme == null || run == null) {
            return;
        }
        run(() -> {
            service.name(wb, run.id(), theme.topic(), name);
            return service.round(wb, run.id());
        }, r -> replaceThemes(r, theme.topic()));
    }

    private void replaceThemes(TopicsService.Round r, int select) {
        themes.setAll(r.themes());
        selectedTheme.set(r.themes().get(select));
    }

    /** Drops the selected round's noise themes' tweets: the next round's corpus. */
    public void filterNoise() {
        org.signalbench.domain.TopicRun run = selectedRound.get();
        Workbench wb = current.get();
        if (run == null) {
            return;
        }
        run(() -> service.filterNoise(wb, run.id()), this::filtered);
    }

    /** Drops the tweets with the keywords field's words from the latest funnel step. */
    public void dropKeywords() {
        Workbench wb = current.get();
        List<String> words = Arrays.stream(keywords.get().split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
        if (words.isEmpty()) {
            problem.set("Give the keywords to drop, separated by commas.");
            return;
        }
        run(() -> service.filterKeywords(wb, null, words), this::filtered);
    }

    private void filtered(org.signalbench.domain.TopicCorpusStep corpus) {
        status.set(String.format(Locale.ROOT, "Corpus %d: %,d of %,d tweets kept; the next round runs on it.", corpus.id(),
                corpus.posts(), corpus.postsBefore()));
        refresh();
    }

    /** Lists the selected round's tweets whose first or second theme is a signal theme. */
    public void retrieve() {
        org.signalbench.domain.TopicRun run = selectedRound.get();
        Workbench wb = current.get();
        if (run == null) {
            return;
        }
        run(() -> service.retrieve(wb, run.id()), r -> {
            lastRetrieval = r;
            canStartLinkReview.set(r.count() > 0);
            retrieved.setAll(r.tweets());
            retrievalSummary.set(String.format(Locale.ROOT, "Round %d, signal themes %s: %,d tweets, %.2f%% of %,d tweets "
                    + "(%.2f%% of the round's %,d).", r.runId(), r.signalTopics(), r.count(), 100 * r.share(),
                    r.allTweets(), 100 * r.shareOfRound(), r.roundPosts()));
        });
    }

    /**
     * Stores the last retrieval's tweets as a new link review (what {@code twitter candidates
     * --from-retrieval RUN} does): links or contacts kept, retweets and identical copies collapsed.
     */
    public void startLinkReview() {
        TopicsService.Retrieval r = lastRetrieval;
        Workbench wb = current.get();
        if (r == null || wb == null) {
            return;
        }
        LinkReviewService.Retrieval input = LinkReviewService.fromTopics(r);
        canStartLinkReview.set(false);
        run(() -> linkReview.candidates(wb, input.source(), input.postIds()), c -> {
            var f = c.funnel();
            status.set(String.format(Locale.ROOT, "Link review %d started from round %d: %,d retrieved → %,d with links "
                    + "or contacts → %,d unique candidates (%,d retweets and %,d identical copies collapsed). "
                    + "Code them in Annotate (queue: Link review); see the Link review tab.", c.reviewId(), r.runId(),
                    f.retrieved(), f.withLinksOrContacts(), f.unique(), f.retweets(), f.identicalCopies()));
            current.linkReviewChanged();
        });
    }

    public ReadOnlyBooleanProperty canStartLinkReviewProperty() {
        return canStartLinkReview;
    }

    private <T> void run(java.util.concurrent.Callable<T> work, Consumer<T> onSuccess) {
        if (current.get() == null) {
            return;
        }
        problem.set("");
        Tasks.create(work).onSuccess(onSuccess)
                .onError(e -> problem.set(e.getMessage() == null ? e.toString() : e.getMessage()))
                .runOn(executor);
    }

    private static int positive(StringProperty p, String what) {
        long v = number(p, what);
        if (v < 1 || v > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(what + " must be a whole number of at least 1, not '" + p.get() + "'");
        }
        return (int) v;
    }

    private static int nonNegative(StringProperty p, String what) {
        long v = number(p, what);
        if (v < 0 || v > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(what + " must be a whole number of at least 0, not '" + p.get() + "'");
        }
        return (int) v;
    }

    private static long number(StringProperty p, String what) {
        try {
            return Long.parseLong(p.get().strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(what + " must be a whole number, not '" + p.get() + "'");
        }
    }

    /** The comparison's mean of {@code measure} per model, as (K, value) points in K order. */
    public List<Series> measureOverK(String measure) {
        List<Series> out = new ArrayList<>();
        for (TopicComparison.Cell c : comparisonCells) {
            Series s = out.stream().filter(x -> x.model().equals(c.model())).findFirst().orElse(null);
            if (s == null) {
                s = new Series(c.model(), new ArrayList<>());
                out.add(s);
            }
            double v = c.measures().get(measure).mean();
            if (Double.isFinite(v)) {
                s.points().add(new double[] {c.k(), v});
            }
        }
        out.forEach(s -> s.points().sort((a, b) -> Double.compare(a[0], b[0])));
        return out;
    }

    /** One model's points of a chart. */
    public record Series(String model, List<double[]> points) {
    }

    public StringProperty modelProperty() {
        return model;
    }

    public StringProperty kProperty() {
        return k;
    }

    public StringProperty iterationsProperty() {
        return iterations;
    }

    public StringProperty seedProperty() {
        return seed;
    }

    public StringProperty threadsProperty() {
        return threads;
    }

    public StringProperty coderProperty() {
        return coder;
    }

    public StringProperty keywordsProperty() {
        return keywords;
    }

    public StringProperty compareModelsProperty() {
        return compareModels;
    }

    public StringProperty compareKsProperty() {
        return compareKs;
    }

    public StringProperty compareIterationsProperty() {
        return compareIterations;
    }

    public ObjectProperty<JobViewModel> jobProperty() {
        return job;
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running;
    }

    public StringProperty statusProperty() {
        return status;
    }

    public StringProperty problemProperty() {
        return problem;
    }

    public ObservableList<org.signalbench.domain.TopicRun> rounds() {
        return rounds;
    }

    public ObjectProperty<org.signalbench.domain.TopicRun> selectedRoundProperty() {
        return selectedRound;
    }

    public ObservableList<TopicsService.Theme> themes() {
        return themes;
    }

    public ObjectProperty<TopicsService.Theme> selectedThemeProperty() {
        return selectedTheme;
    }

    public ObservableList<RetrievedTweet> representative() {
        return representative;
    }

    public ObservableList<RetrievedTweet> retrieved() {
        return retrieved;
    }

    public StringProperty retrievalSummaryProperty() {
        return retrievalSummary;
    }

    public ObservableList<TopicsService.FunnelStep> funnel() {
        return funnel;
    }

    public ObservableList<TopicComparison.Row> comparisonRows() {
        return comparisonRows;
    }

    public ObservableList<TopicComparison.Cell> comparisonCells() {
        return comparisonCells;
    }

    public StringProperty comparisonSummaryProperty() {
        return comparisonSummary;
    }
}
