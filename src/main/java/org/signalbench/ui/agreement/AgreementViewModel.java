package org.signalbench.ui.agreement;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.signalbench.agreement.BatchAgreement;
import org.signalbench.agreement.MultiCoderAgreement;
import org.signalbench.agreement.PairAgreement;
import org.signalbench.app.AgreementService;
import org.signalbench.app.AnnotationSession;
import org.signalbench.app.LinkReviewService;
import org.signalbench.app.PostReads;
import org.signalbench.domain.Coder;
import org.signalbench.domain.Role;
import org.signalbench.labels.Codebook;
import org.signalbench.store.Workbench;
import org.signalbench.ui.common.CurrentWorkbench;
import org.signalbench.ui.common.Tasks;
import org.signalbench.ui.posts.PostDetailViewModel;

/**
 * State of the Agreement view: every pair of coders on every question, Fleiss' kappa when more
 * than two coders, agreement by batch, and the posts behind a confusion-matrix cell. When the
 * workbench has a link review, the study choice shows its questions instead: the rows of
 * {@code twitter agreement} ({@link LinkReviewService#agreement}), cells listed by tweet id and site.
 * Everything is computed on the background executor. Open to experts only: the figures reveal coders' answers.
 */
public final class AgreementViewModel {
    private final CurrentWorkbench current;
    private final Executor executor;
    private final Codebook codebook;
    private final AgreementService agreement;
    private final PostDetailViewModel detail = new PostDetailViewModel();
    private final ObjectProperty<Coder> expert = new SimpleObjectProperty<>();
    private final ObservableList<PairRow> pairs = FXCollections.observableArrayList();
    private final ObservableList<FleissRow> fleiss = FXCollections.observableArrayList();
    private final ObjectProperty<PairRow> selected = new SimpleObjectProperty<>();
    private final ObservableList<Long> cellPosts = FXCollections.observableArrayList();
    private final java.util.Map<Long, String> postNames = new java.util.concurrent.ConcurrentHashMap<>();
    private final javafx.beans.property.IntegerProperty namesRead = new javafx.beans.property.SimpleIntegerProperty();
    private final StringProperty cell = new SimpleStringProperty("");
    private final ObjectProperty<Long> selectedPost = new SimpleObjectProperty<>();
    private final BooleanProperty computing = new SimpleBooleanProperty();
    private final ObjectProperty<AnnotationSession.Study> study = new SimpleObjectProperty<>(AnnotationSession.Study.POSTS);
    private final BooleanProperty linkReviewAvailable = new SimpleBooleanProperty();
    /** Whether the rows shown are the link review's (the study of the latest result). */
    private final BooleanProperty showingLinkReview = new SimpleBooleanProperty();
    /** The site (registrable domain) of each candidate of the latest link review, for naming listed candidates. */
    private volatile Map<Long, String> candidateSites = Map.of();
    private LinkReviewService links;
    private final StringProperty message = new SimpleStringProperty("");
    private int generation;

    /** One pair of coders on one question, with its agreement by batch. */
    public record PairRow(Coder first, Coder second, String question, PairAgreement agreement, List<BatchAgreement> batches) {
    }

    /** Three or more coders on one question. */
    public record FleissRow(String question, List<Coder> coders, MultiCoderAgreement agreement) {
    }

    private record Computed(List<PairRow> pairs, List<FleissRow> fleiss, boolean linkReviewAvailable, boolean linkReview,
                            Map<Long, String> sites) {
    }

    public AgreementViewModel(CurrentWorkbench current, Executor executor, ObservableValue<Coder> signedIn,
                              AgreementService agreement) {
        this.agreement = agreement;
        this.codebook = agreement.codebook();
        this.current = current;
        this.executor = executor;
        signedIn.addListener((obs, old, now) -> follow(now));
        current.workbenchProperty().addListener((obs, old, now) -> follow(signedIn.getValue()));
        // A new review (Topics tab) or new coder answers may change what the link review's rows show.
        current.linkReviewRevisionProperty().addListener((obs, old, now) -> recompute());
        study.addListener((obs, old, now) -> {
            pairs.clear();
            fleiss.clear();
            selected.set(null);
            recompute();
        });
        selected.addListener((obs, old, now) -> showCell(null, null));
        selectedPost.addListener((obs, old, now) -> loadPost(now));
        follow(signedIn.getValue());
    }

    private void follow(Coder person) {
        // The expert and analysts see the figures; a coder never does (they show other coders' answers).
        expert.set(person != null && person.role().seesResults() ? person : null);
        pairs.clear();
        fleiss.clear();
        selected.set(null);
        recompute();
    }

    /** Computes every figure again in the background. */
    public void recompute() {
        Workbench workbench = current.get();
        int mine = ++generation;
        if (expert.get() == null || workbench == null) {
            return;
        }
        computing.set(true);
        message.set("Computing agreement…");
        AnnotationSession.Study wanted = study.get();
        Tasks.create(() -> compute(workbench, wanted))
                .onSuccess(result -> {
                    if (mine == generation) {
                        linkReviewAvailable.set(result.linkReviewAvailable());
                        candidateSites = result.sites();
                        showingLinkReview.set(result.linkReview());
                        pairs.setAll(result.pairs());
                        fleiss.setAll(result.fleiss());
                        message.set(!result.pairs().isEmpty() ? ""
                                : result.linkReview() ? "Agreement needs two coders who answered the same link-review candidates."
                                : "Agreement needs two coders who answered the same posts.");
                        if (!result.linkReview() && wanted == AnnotationSession.Study.LINK_REVIEW) {
                            study.set(AnnotationSession.Study.POSTS); // this workbench has no review (any more)
                        }
                        if (!result.pairs().isEmpty()) {
                            selected.set(result.pairs().get(0));
                        }
                    }
                })
                .onError(error -> message.set("Cannot compute agreement: " + error.getMessage()))
                .andFinally(() -> {
                    if (mine == generation) {
                        computing.set(false);
                    }
                })
                .runOn(executor);
    }

    private synchronized LinkReviewService links() {
        if (links == null) {
            links = new LinkReviewService();
        }
        return links;
    }

    private Computed compute(Workbench workbench, AnnotationSession.Study wanted) throws Exception {
        boolean available = AnnotationSession.choices(workbench, codebook).linkReview();
        boolean linkReview = available && wanted == AnnotationSession.Study.LINK_REVIEW;
        Map<Long, String> sites = new HashMap<>();
        AgreementService.Overview overview;
        if (linkReview) {
            // The same rows as `twitter agreement`, not a second computation.
            overview = AgreementService.linkReview(workbench, links());
            sites.putAll(AgreementService.candidateSites(workbench, links()));
        } else {
            overview = agreement.overview(workbench);
        }
        List<PairRow> pairRows = new ArrayList<>();
        for (AgreementService.Pair p : overview.pairs()) {
            pairRows.add(new PairRow(p.row().first(), p.row().second(), p.row().question(), p.row().agreement(), p.byWeek()));
        }
        List<FleissRow> fleissRows = new ArrayList<>();
        for (AgreementService.Fleiss f : overview.fleiss()) {
            fleissRows.add(new FleissRow(f.question(), f.coders(), f.agreement()));
        }
        return new Computed(pairRows, fleissRows, available, linkReview, Map.copyOf(sites));
    }

    /** Lists the posts of one confusion-matrix cell of the selected row (null, null clears). */
    public void showCell(String first, String second) {
        PairRow row = selected.get();
        selectedPost.set(null);
        if (row == null || first == null) {
            cellPosts.clear();
            cell.set("");
            return;
        }
        List<Long> ids = List.copyOf(row.agreement().confusion().posts(first, second));
        Workbench workbench = current.get();
        if (workbench != null) {
            // The list names posts as people know them (platform and id), not by the workbench's internal number.
            Tasks.create(() -> org.signalbench.app.PostReads.names(workbench, ids))
                    .onSuccess(names -> {
                        postNames.putAll(names);
                        namesRead.set(namesRead.get() + 1);
                    })
                    .runOn(executor);
        }
        cellPosts.setAll(ids);
        cell.set(row.first().name() + " " + first + ", " + row.second().name() + " " + second + ": " + cellPosts.size()
                + (showingLinkReview.get() ? " candidate" : " post") + (cellPosts.size() == 1 ? "" : "s"));
    }

    private void loadPost(Long postId) {
        Workbench workbench = current.get();
        if (postId == null || workbench == null) {
            detail.showPost(null);
            return;
        }
        Tasks.create(() -> PostReads.post(workbench, postId).orElse(null))
                .onSuccess(post -> {
                    if (postId.equals(selectedPost.get())) {
                        detail.showPost(post);
                    }
                })
                .onError(error -> message.set("Cannot read the post: " + error.getMessage()))
                .runOn(executor);
    }

    public PostDetailViewModel detail() {
        return detail;
    }

    public ReadOnlyObjectProperty<Coder> expertProperty() {
        return expert;
    }

    public ObservableList<PairRow> pairs() {
        return pairs;
    }

    public ObservableList<FleissRow> fleiss() {
        return fleiss;
    }

    public ObjectProperty<PairRow> selectedProperty() {
        return selected;
    }

    /**
     * How a listed post is named: "instagram BlZHhNH_OUC", or "post N" until its name is read; a
     * link-review candidate with its site: "twitter 201 · rxbargainmeds.test".
     */
    public String postName(long id) {
        String name = postNames.getOrDefault(id, "post " + id);
        String site = showingLinkReview.get() ? candidateSites.get(id) : null;
        return site == null ? name : name + " · " + site;
    }

    /** Counts the reads of post names: the list redraws its names when it changes. */
    public javafx.beans.property.ReadOnlyIntegerProperty namesReadProperty() {
        return namesRead;
    }

    public ObservableList<Long> cellPosts() {
        return cellPosts;
    }

    /** Which cell is listed, in words. */
    public ReadOnlyStringProperty cellProperty() {
        return cell;
    }

    /** Which study's questions are shown: the posts' (Instagram codebook) or the link review's. */
    public ObjectProperty<AnnotationSession.Study> studyProperty() {
        return study;
    }

    /** Whether the workbench has a link review, so the study choice is offered. */
    public ReadOnlyBooleanProperty linkReviewAvailableProperty() {
        return linkReviewAvailable;
    }

    /** Whether the rows shown are the link review's. */
    public ReadOnlyBooleanProperty showingLinkReviewProperty() {
        return showingLinkReview;
    }

    public ObjectProperty<Long> selectedPostProperty() {
        return selectedPost;
    }

    public ReadOnlyBooleanProperty computingProperty() {
        return computing;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message;
    }
}
