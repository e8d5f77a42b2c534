package org.signalbench.ui.posts;

import java.util.List;
import java.util.concurrent.Executor;
import javafx.animation.PauseTransition;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.util.Duration;
import org.signalbench.domain.MediaCheck;
import org.signalbench.domain.Platform;
import org.signalbench.store.PostQuery.Filter;
import org.signalbench.store.PostQuery.PostSummary;
import org.signalbench.ui.common.CurrentWorkbench;
import org.signalbench.ui.common.Tasks;

/**
 * State of the post browser: the filters, how many posts match, and the lazily loaded rows. A
 * change of filter (or of the posts) builds a new row list; answers to an older filter that
 * arrive late are dropped.
 */
public final class PostBrowserViewModel {
    private static final System.Logger LOG = System.getLogger(PostBrowserViewModel.class.getName());

    private final CurrentWorkbench current;
    private final Executor executor;
    private final StringProperty searchText = new SimpleStringProperty("");
    private final ObjectProperty<Platform> platform = new SimpleObjectProperty<>();
    private final StringProperty collection = new SimpleStringProperty("");
    private final ObservableList<String> collections = FXCollections.observableArrayList();
    private final IntegerProperty matching = new SimpleIntegerProperty();
    private final IntegerProperty total = new SimpleIntegerProperty();
    private final ObjectProperty<MediaCheck> mediaCheck = new SimpleObjectProperty<>();
    private final ObjectProperty<ObservableList<PostRow>> rows =
            new SimpleObjectProperty<>(FXCollections.observableArrayList());
    private final ObjectProperty<PostRow> selected = new SimpleObjectProperty<>();
    private final BooleanProperty loaded = new SimpleBooleanProperty();
    private final PauseTransition typingPause = new PauseTransition(Duration.millis(250));
    // Read by page loads on the background thread, to skip the queries of a filter already replaced.
    private volatile int generation;

    public PostBrowserViewModel(CurrentWorkbench current, Executor executor) {
        this.current = current;
        this.executor = executor;
        typingPause.setOnFinished(e -> reload());
        searchText.addListener((obs, old, now) -> typingPause.playFromStart());
        collection.addListener((obs, old, now) -> typingPause.playFromStart());
        platform.addListener((obs, old, now) -> reload());
        current.workbenchProperty().addListener((obs, old, now) -> reloadAll());
        current.revisionProperty().addListener((obs, old, now) -> reloadAll());
    }

    public Filter filter() {
        return new Filter(searchText.get(), platform.get(), collection.get());
    }

    /** Reloads the totals and the list of collection searches, then the rows. */
    public void reloadAll() {
        if (current.get() == null) {
            return;
        }
        Tasks.create(current.read(query -> new Totals(query.count(Filter.ALL), query.collectionSearches())))
                .onSuccess(totals -> {
                    total.set(totals.posts());
                    collections.setAll(totals.collections());
                })
                .runOn(executor);
        // Missing media files (a moved or cleaned folder of an older import), listed in the bar.
        Tasks.create(current.read(query -> query.mediaCheck()))
                .onSuccess(mediaCheck::set)
                .runOn(executor);
        reload();
    }

    /** The last media check of the open workbench, or null before the first. */
    public ReadOnlyObjectProperty<MediaCheck> mediaCheckProperty() {
        return mediaCheck;
    }

    private record Totals(int posts, List<String> collections) {
    }

    /** Counts the posts under the current filter and starts a fresh row list for them. */
    public void reload() {
        typingPause.stop();
        if (current.get() == null) {
            return;
        }
        int mine = ++generation;
        Filter filter = filter();
        Tasks.create(current.read(query -> query.count(filter)))
                .onSuccess(count -> {
                    if (mine == generation) {
                        loaded.set(true);
                        matching.set(count);
                        rows.set(new LazyPostList(count, pageLoader(filter, mine)));
                    }
                })
                .runOn(executor);
    }

    private LazyPostList.PageLoader pageLoader(Filter filter, int mine) {
        return (page, onLoaded, onFailed) -> Tasks.create(current.read(query -> mine != generation ? List.<PostSummary>of()
                        : query.page(filter, page * LazyPostList.PAGE_SIZE, LazyPostList.PAGE_SIZE)))
                .onSuccess(result -> {
                    if (mine == generation) {
                        onLoaded.accept(result);
                    }
                })
                .onError(error -> {
                    LOG.log(System.Logger.Level.WARNING, "cannot load page " + page, error);
                    onFailed.run();
                })
                .runOn(executor);
    }

    /** False until the first count of the workbench's posts has arrived. */
    public ReadOnlyBooleanProperty loadedProperty() {
        return loaded;
    }

    public StringProperty searchTextProperty() {
        return searchText;
    }

    /** Only posts of this platform; null for all. */
    public ObjectProperty<Platform> platformProperty() {
        return platform;
    }

    /** Only posts collected under this search (for example #xanax); blank for all. */
    public StringProperty collectionProperty() {
        return collection;
    }

    /** The searches posts in the workbench were collected under, most used first. */
    public ObservableList<String> collections() {
        return collections;
    }

    public ReadOnlyIntegerProperty matchingProperty() {
        return matching;
    }

    public ReadOnlyIntegerProperty totalProperty() {
        return total;
    }

    public ReadOnlyObjectProperty<ObservableList<PostRow>> rowsProperty() {
        return rows;
    }

    public ObjectProperty<PostRow> selectedProperty() {
        return selected;
    }
}
