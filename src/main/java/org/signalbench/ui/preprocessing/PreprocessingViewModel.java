package org.signalbench.ui.preprocessing;

import java.util.Optional;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.signalbench.jobs.Job;
import org.signalbench.jobs.JobManager;
import org.signalbench.jobs.SubmittedJob;
import org.signalbench.store.Workbench;
import org.signalbench.ui.common.CurrentWorkbench;

/**
 * State of the Preprocessing pane. The corpus over all posts is computed as a job whenever the
 * workbench or its posts change; until it is ready the pane says so, afterwards explanations of
 * the selected post are instant.
 */
public final class PreprocessingViewModel {
    private static final long NO_POST = -1;

    private final CurrentWorkbench current;
    private final JobManager jobs;
    private final PostExplainer.Factory factory;
    private final ObjectProperty<PostExplainer> explainer = new SimpleObjectProperty<>();
    private final LongProperty postId = new SimpleLongProperty(NO_POST);
    private final ObjectProperty<PostPreprocessing> explanation = new SimpleObjectProperty<>();
    private final StringProperty notice = new SimpleStringProperty("");
    private Job running;

    /** {@code factory} may be null when this build has no preprocessing; the pane then says so. */
    public PreprocessingViewModel(CurrentWorkbench current, JobManager jobs, PostExplainer.Factory factory) {
        this.current = current;
        this.jobs = jobs;
        this.factory = factory;
        postId.addListener((obs, old, now) -> update());
        explainer.addListener((obs, old, now) -> update());
        update();
    }

    /** Computes the corpus of the current workbench in the background, replacing a computation under way. */
    public void recompute() {
        explainer.set(null);
        if (running != null) {
            running.cancel();
        }
        Workbench workbench = current.get();
        if (factory == null || workbench == null) {
            update();
            return;
        }
        SubmittedJob<PostExplainer> submitted = jobs.submit("Preprocessing posts", job -> factory.build(workbench, job));
        Job mine = submitted.job();
        running = mine;
        update();
        submitted.result().whenComplete((built, error) -> javafx.application.Platform.runLater(() -> {
            if (running == mine) {
                running = null;
                explainer.set(error == null ? built : null);
                if (error != null) {
                    notice.set("Preprocessing failed: " + mine.error());
                }
            }
        }));
    }

    private void update() {
        PostExplainer ready = explainer.get();
        long id = postId.get();
        if (factory == null) {
            explanation.set(null);
            notice.set("Preprocessing is not part of this build yet.");
        } else if (ready == null) {
            explanation.set(null);
            notice.set("Preprocessing the posts… (see Jobs)");
        } else if (id == NO_POST) {
            explanation.set(null);
            notice.set("");
        } else {
            Optional<PostPreprocessing> found = ready.explain(id);
            explanation.set(found.orElse(null));
            notice.set(found.isPresent() ? "" : "This post was not part of the preprocessed corpus.");
        }
    }

    /** The post to explain; -1 for none. */
    public LongProperty postIdProperty() {
        return postId;
    }

    public ReadOnlyObjectProperty<PostPreprocessing> explanationProperty() {
        return explanation;
    }

    /** Why there is no explanation to show, or empty. */
    public ReadOnlyStringProperty noticeProperty() {
        return notice;
    }

    public ReadOnlyObjectProperty<PostExplainer> explainerProperty() {
        return explainer;
    }
}
