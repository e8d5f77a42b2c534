package org.signalbench.ui.posts;

import java.util.concurrent.Executor;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ChangeListener;
import org.signalbench.domain.Post;
import org.signalbench.store.PostQuery.PostSummary;
import org.signalbench.ui.common.CurrentWorkbench;
import org.signalbench.ui.common.Tasks;
import org.signalbench.ui.preprocessing.PreprocessingViewModel;

/** State of the post detail: the full post of the selected row, loaded in the background. */
public final class PostDetailViewModel {
    private final CurrentWorkbench current;
    private final Executor executor;
    private final PreprocessingViewModel preprocessing;
    private final ObjectProperty<Post> post = new SimpleObjectProperty<>();
    private final StringProperty notice = new SimpleStringProperty("Select a post to see it here.");
    private final ChangeListener<PostSummary> rowFilled = (obs, old, now) -> show(now);
    private PostRow shownRow;
    private long wanted = -1;

    public PostDetailViewModel(CurrentWorkbench current, Executor executor, ObjectProperty<PostRow> selection,
                               PreprocessingViewModel preprocessing) {
        this.current = current;
        this.executor = executor;
        this.preprocessing = preprocessing;
        selection.addListener((obs, old, now) -> select(now));
    }

    /**
     * A detail that shows what {@link #showPost} hands it (the annotate view), without a table
     * selection or the preprocessing pane.
     */
    public PostDetailViewModel() {
        this.current = null;
        this.executor = null;
        this.preprocessing = null;
        notice.set("");
    }

    /** Shows {@code shown} at once; null shows nothing. */
    public void showPost(Post shown) {
        wanted = -1;
        post.set(shown);
        notice.set("");
    }

    private void select(PostRow row) {
        if (shownRow != null) {
            shownRow.summaryProperty().removeListener(rowFilled);
        }
        shownRow = row;
        if (row == null) {
            show(null);
            return;
        }
        // The row's page may still be loading: show the post once it arrives.
        row.summaryProperty().addListener(rowFilled);
        show(row.summary());
    }

    private void show(PostSummary summary) {
        if (summary == null) {
            wanted = -1;
            post.set(null);
            preprocessing.postIdProperty().set(-1);
            notice.set(shownRow == null ? "Select a post to see it here." : "Loading…");
            return;
        }
        long id = summary.id();
        wanted = id;
        preprocessing.postIdProperty().set(id);
        Tasks.create(current.read(query -> query.load(id)))
                .onSuccess(loaded -> {
                    if (wanted == id) {
                        post.set(loaded.orElse(null));
                        notice.set(loaded.isPresent() ? "" : "This post is no longer in the workbench.");
                    }
                })
                .onError(error -> {
                    if (wanted == id) {
                        post.set(null);
                        notice.set("Cannot load the post: " + error.getMessage());
                    }
                })
                .runOn(executor);
    }

    /** The post shown, or null. */
    public ReadOnlyObjectProperty<Post> postProperty() {
        return post;
    }

    public ReadOnlyStringProperty noticeProperty() {
        return notice;
    }

    /** The preprocessing pane's state, or null for a detail without one. */
    public PreprocessingViewModel preprocessing() {
        return preprocessing;
    }
}
