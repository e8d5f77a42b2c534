package org.signalbench.ui.adjudicate;

import java.util.concurrent.Executor;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.signalbench.app.AdjudicationService;
import org.signalbench.domain.AuditEntry;
import org.signalbench.domain.Coder;
import org.signalbench.domain.Role;
import org.signalbench.labels.Codebook;
import org.signalbench.labels.Disagreement;
import org.signalbench.store.Workbench;
import org.signalbench.ui.common.CurrentWorkbench;
import org.signalbench.ui.common.Tasks;
import org.signalbench.ui.posts.PostDetailViewModel;

/**
 * State of the Adjudicate view: the posts where coders disagree, settled or still disputed, the
 * selected one with every coder's answers and its history, and the expert's decisions. Open to
 * experts only: for anyone else it holds nothing.
 */
public final class AdjudicateViewModel {
    private final CurrentWorkbench current;
    private final Executor executor;
    private final ObservableValue<Coder> signedIn;
    private final Codebook codebook;
    private final AdjudicationService adjudication;
    private final PostDetailViewModel detail = new PostDetailViewModel();
    private final ObjectProperty<Coder> expert = new SimpleObjectProperty<>();
    private final ObservableList<Disagreement> disagreements = FXCollections.observableArrayList();
    private final ObjectProperty<Disagreement> selected = new SimpleObjectProperty<>();
    private final ObservableList<AuditEntry> history = FXCollections.observableArrayList();
    private final StringProperty message = new SimpleStringProperty("");

    public AdjudicateViewModel(CurrentWorkbench current, Executor executor, ObservableValue<Coder> signedIn,
                               AdjudicationService adjudication) {
        this.adjudication = adjudication;
        this.codebook = adjudication.codebook();
        this.current = current;
        this.executor = executor;
        this.signedIn = signedIn;
        signedIn.addListener((obs, old, now) -> follow(now));
        current.workbenchProperty().addListener((obs, old, now) -> follow(signedIn.getValue()));
        selected.addListener((obs, old, now) -> loadSelected(now));
        follow(signedIn.getValue());
    }

    private void follow(Coder person) {
        expert.set(person != null && person.role() == Role.EXPERT ? person : null);
        selected.set(null);
        disagreements.clear();
        history.clear();
        message.set("");
        reload();
    }

    /** Reads the disagreements again, keeping the selected post selected. */
    public void reload() {
        Coder who = expert.get();
        Workbench workbench = current.get();
        if (who == null || workbench == null) {
            return;
        }
        Long keep = selected.get() == null ? null : selected.get().postId();
        Tasks.create(() -> adjudication.disagreements(workbench, who.id()))
                .onSuccess(list -> {
                    if (who != expert.get()) {
                        return;
                    }
                    disagreements.setAll(list);
                    selected.set(list.stream().filter(d -> keep != null && d.postId() == keep).findFirst().orElse(null));
                })
                .onError(error -> message.set("Cannot read the disagreements: " + error.getMessage()))
                .runOn(executor);
    }

    private void loadSelected(Disagreement d) {
        Coder who = expert.get();
        Workbench workbench = current.get();
        if (d == null || who == null || workbench == null) {
            detail.showPost(null);
            history.clear();
            return;
        }
        Tasks.create(() -> adjudication.selected(workbench, who.id(), d.postId()))
                .onSuccess(loaded -> {
                    if (selected.get() == d) {
                        detail.showPost(loaded.post().orElse(null));
                        history.setAll(loaded.history());
                    }
                })
                .onError(error -> message.set("Cannot read the post: " + error.getMessage()))
                .runOn(executor);
    }

    /** Records the expert's final answer with the reason (committed), then shows the list as it now is. */
    public void settle(String question, String value, String reason) {
        Coder who = expert.get();
        Disagreement d = selected.get();
        Workbench workbench = current.get();
        if (who == null || d == null || workbench == null) {
            return;
        }
        if (question == null || value == null || value.isBlank()) {
            message.set("Choose the question and the final answer.");
            return;
        }
        if (reason == null || reason.isBlank()) {
            message.set("A decision needs a reason.");
            return;
        }
        Tasks.create(() -> adjudication.settle(workbench, who.id(), d.postId(), question, value, reason))
                .onSuccess(decision -> {
                    message.set("Settled " + decision.question() + " = " + decision.value() + " on " + d.externalId() + ".");
                    reload();
                })
                .onError(error -> message.set("Not settled: " + error.getMessage()))
                .runOn(executor);
    }

    /** The codebook of the selected disagreement (the link review's for a candidate), else the posts'. */
    public Codebook codebook() {
        Disagreement d = selected.get();
        return d == null ? codebook : adjudication.codebookFor(d);
    }

    public PostDetailViewModel detail() {
        return detail;
    }

    /** The signed-in expert, or null when the person signed in is not one. */
    public ReadOnlyObjectProperty<Coder> expertProperty() {
        return expert;
    }

    public ObservableValue<Coder> signedIn() {
        return signedIn;
    }

    public ObservableList<Disagreement> disagreements() {
        return disagreements;
    }

    public ObjectProperty<Disagreement> selectedProperty() {
        return selected;
    }

    public ObservableList<AuditEntry> history() {
        return history;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message;
    }
}
