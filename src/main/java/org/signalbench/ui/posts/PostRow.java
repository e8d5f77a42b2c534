package org.signalbench.ui.posts;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.signalbench.store.PostQuery.PostSummary;

/** One row of the post table; its post arrives when the page holding it has been loaded. */
public final class PostRow {
    private final int index;
    private final SimpleObjectProperty<PostSummary> summary = new SimpleObjectProperty<>();

    PostRow(int index) {
        this.index = index;
    }

    public int index() {
        return index;
    }

    /** The post shown in this row, or null while its page is still loading. */
    public ReadOnlyObjectProperty<PostSummary> summaryProperty() {
        return summary;
    }

    public PostSummary summary() {
        return summary.get();
    }

    void fill(PostSummary loaded) {
        summary.set(loaded);
    }
}
