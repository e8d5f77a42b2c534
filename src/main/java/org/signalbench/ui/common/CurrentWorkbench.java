package org.signalbench.ui.common;

import java.util.concurrent.Callable;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.signalbench.app.PostReads;
import org.signalbench.store.PostQuery;
import org.signalbench.store.Workbench;

/**
 * The workbench the window shows, shared by the features. {@link #revisionProperty()} goes up
 * whenever the posts in it changed (an import finished), so views reload;
 * {@link #scoresRevisionProperty()} whenever a final model's scores were stored, so the Annotate
 * queue offers ordering by them.
 */
public final class CurrentWorkbench {
    private final ObjectProperty<Workbench> workbench = new SimpleObjectProperty<>();
    private final IntegerProperty revision = new SimpleIntegerProperty();
    private final IntegerProperty scoresRevision = new SimpleIntegerProperty();
    private final IntegerProperty linkReviewRevision = new SimpleIntegerProperty();

    /** A read against the post store, run on a background thread over a connection of its own. */
    @FunctionalInterface
    public interface Read<T> {
        T run(PostQuery query) throws Exception;
    }

    public ObjectProperty<Workbench> workbenchProperty() {
        return workbench;
    }

    public Workbench get() {
        return workbench.get();
    }

    public ReadOnlyIntegerProperty revisionProperty() {
        return revision;
    }

    /** Tells the views that the posts changed. */
    public void postsChanged() {
        revision.set(revision.get() + 1);
    }

    public ReadOnlyIntegerProperty scoresRevisionProperty() {
        return scoresRevision;
    }

    /** Tells the views that a final model's scores were stored (the posts themselves did not change). */
    public void scoresChanged() {
        scoresRevision.set(scoresRevision.get() + 1);
    }

    public ReadOnlyIntegerProperty linkReviewRevisionProperty() {
        return linkReviewRevision;
    }

    /** Tells the views that a link review was started or its records changed (the posts did not change). */
    public void linkReviewChanged() {
        linkReviewRevision.set(linkReviewRevision.get() + 1);
    }

    /**
     * Wraps {@code read} for {@link Tasks}: it opens its own connection to the workbench shown now
     * (captured on the calling thread), runs, and closes the connection.
     */
    public <T> Callable<T> read(Read<T> read) {
        Workbench target = workbench.get();
        return () -> {
            if (target == null) {
                throw new IllegalStateException("no workbench is open");
            }
            return PostReads.read(target, read::run);
        };
    }
}
