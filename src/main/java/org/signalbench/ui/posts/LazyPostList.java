package org.signalbench.ui.posts;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import javafx.collections.ObservableListBase;
import org.signalbench.store.PostQuery.PostSummary;

/**
 * The rows of the post table for one filter: as many rows as posts match, each filled only when
 * the table asks for it. The table is virtualized, so it asks for the rows it shows; their page
 * is then loaded in the background. Pages and rows are cached with a bound, so scrolling through
 * 100,000 posts holds a few thousand at a time.
 */
final class LazyPostList extends ObservableListBase<PostRow> {
    static final int PAGE_SIZE = 100;
    private static final int MAX_PAGES = 60;

    /** Loads page {@code page} (offset {@code page * PAGE_SIZE}) in the background; calls back on the FX thread. */
    interface PageLoader {
        void load(int page, Consumer<List<PostSummary>> onLoaded, Runnable onFailed);
    }

    private final int size;
    private final PageLoader loader;
    private final Map<Integer, List<PostSummary>> pages = lru(MAX_PAGES);
    private final Map<Integer, PostRow> rows = lru(MAX_PAGES * PAGE_SIZE);
    private final Set<Integer> loading = new HashSet<>();

    LazyPostList(int size, PageLoader loader) {
        this.size = size;
        this.loader = loader;
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public PostRow get(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException(index);
        }
        PostRow row = rows.computeIfAbsent(index, PostRow::new);
        if (row.summary() == null) {
            int page = index / PAGE_SIZE;
            List<PostSummary> loaded = pages.get(page);
            if (loaded != null) {
                fill(row, loaded);
            } else if (loading.add(page)) {
                loader.load(page, result -> pageLoaded(page, result), () -> loading.remove(page));
            }
        }
        return row;
    }

    private void pageLoaded(int page, List<PostSummary> result) {
        loading.remove(page);
        pages.put(page, result);
        for (int i = page * PAGE_SIZE; i < Math.min(size, (page + 1) * PAGE_SIZE); i++) {
            PostRow row = rows.get(i);
            if (row != null) {
                fill(row, result);
            }
        }
    }

    private static void fill(PostRow row, List<PostSummary> page) {
        int offset = row.index() % PAGE_SIZE;
        if (offset < page.size()) {
            row.fill(page.get(offset));
        }
    }

    private static <K, V> Map<K, V> lru(int capacity) {
        return new LinkedHashMap<>(16, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > capacity;
            }
        };
    }
}
