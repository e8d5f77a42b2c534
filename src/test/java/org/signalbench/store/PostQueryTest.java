package org.signalbench.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.signalbench.domain.Platform;
import org.signalbench.domain.Post;
import org.signalbench.store.PostQuery.Filter;
import org.signalbench.store.PostQuery.PostSummary;
import org.signalbench.store.TestPosts.TestComment;

class PostQueryTest {
    @TempDir
    Path dir;
    Workbench workbench;
    PostQuery query;

    @BeforeEach
    void fill() throws Exception {
        workbench = Workbench.open(dir.resolve("w.sqlite"));
        Connection c = workbench.connection();
        c.setAutoCommit(false);
        TestPosts posts = new TestPosts(c);
        // 250 posts, one per minute, alternating platforms; every 10th sells xanax, every 25th is also under #oxy.
        for (int i = 0; i < 250; i++) {
            String platform = i % 2 == 0 ? "instagram" : "twitter";
            String caption = i % 10 == 0 ? "plug has 2mg Xanax bars #xanax wickr me " + i : "sunny day at the beach " + i;
            List<String> collected = i % 25 == 0 ? List.of("#xanax", "#oxy") : List.of("#xanax");
            posts.insert(platform, "p" + i, "user_" + i, String.format("2018-07-19T10:%02d:%02dZ", i / 60, i % 60),
                    caption, collected, List.of(), List.of(), List.of());
        }
        posts.insert("instagram", "pct", "odd_one", "2018-07-20T00:00:00Z", "100% legit_deal here", "#misc");
        c.commit();
        c.setAutoCommit(true);
        query = new PostQuery(c);
    }

    @AfterEach
    void close() throws Exception {
        workbench.close();
    }

    @Test
    void pagesCoverEveryPostOnceInTimeOrder() throws Exception {
        assertEquals(251, query.count(Filter.ALL));
        List<PostSummary> first = query.page(Filter.ALL, 0, 100);
        List<PostSummary> last = query.page(Filter.ALL, 200, 100);
        assertEquals(100, first.size());
        assertEquals(51, last.size());
        assertEquals("p0", first.get(0).externalId());
        assertEquals("p99", first.get(99).externalId());
        assertEquals("p200", last.get(0).externalId());
        assertEquals("pct", last.get(50).externalId());
        assertEquals(Platform.TWITTER, first.get(1).platform());
        assertEquals("#oxy #xanax", first.get(0).collectedUnder());
        assertEquals("#xanax", first.get(1).collectedUnder());
        assertTrue(query.page(Filter.ALL, 251, 100).isEmpty());
    }

    @Test
    void textFilterIsCaseInsensitiveAndCounted() throws Exception {
        Filter xanax = new Filter("xanax BARS", null, null);
        assertEquals(25, query.count(xanax));
        List<PostSummary> rows = query.page(xanax, 0, 100);
        assertEquals(25, rows.size());
        assertTrue(rows.stream().allMatch(r -> r.captionPreview().toLowerCase().contains("xanax bars")));
    }

    @Test
    void likeWildcardsInTheSearchAreTakenLiterally() throws Exception {
        assertEquals(1, query.count(new Filter("100%", null, null)));
        assertEquals(1, query.count(new Filter("legit_deal", null, null)));
        assertEquals(0, query.count(new Filter("legit%deal", null, null)));
        assertEquals(0, query.count(new Filter("' OR 1=1 --", null, null)));
    }

    @Test
    void platformAndCollectionFiltersCombine() throws Exception {
        assertEquals(126, query.count(new Filter(null, Platform.INSTAGRAM, null)));
        assertEquals(125, query.count(new Filter(null, Platform.TWITTER, null)));
        assertEquals(10, query.count(new Filter(null, null, "#OXY")));
        // #oxy posts are i = 0, 25, 50, ... 225: the even ones are instagram.
        assertEquals(5, query.count(new Filter(null, Platform.INSTAGRAM, "#oxy")));
        assertEquals(5, query.count(new Filter("xanax", Platform.INSTAGRAM, "#oxy")));
        List<PostSummary> rows = query.page(new Filter(null, Platform.TWITTER, "#oxy"), 0, 100);
        assertEquals(List.of("p25", "p75", "p125", "p175", "p225"), rows.stream().map(PostSummary::externalId).toList());
        assertEquals(List.of("#xanax", "#oxy", "#misc"), query.collectionSearches());
    }

    @Test
    void previewIsShortAndOnOneLine() throws Exception {
        TestPosts posts = new TestPosts(workbench.connection());
        posts.insert("instagram", "long", "a", "2019-01-01T00:00:00Z", "line one\nline two " + "x".repeat(300_000));
        PostSummary row = query.page(new Filter("line one", null, null), 0, 10).get(0);
        assertTrue(row.captionPreview().startsWith("line one line two xxx"));
        assertTrue(row.captionPreview().length() <= PostQuery.PREVIEW_LENGTH);
    }

    @Test
    void loadsOnePostWithEverythingAttached() throws Exception {
        TestPosts posts = new TestPosts(workbench.connection());
        long id = posts.insert("instagram", "full", "frosty_tabs_44", "2018-08-01T12:00:00Z", "legit plug #xanax",
                List.of("#xanax", "#2mgxanax"),
                List.of(new TestComment("night_owl_21", "price for 20?"), new TestComment("frosty_tabs_44", "dm me")),
                List.of("/data/a.png", "/data/b.png"), List.of("https://example.com/shop"));
        Post post = query.load(id).orElseThrow();
        assertEquals("frosty_tabs_44", post.author());
        assertEquals("legit plug #xanax", post.caption());
        assertEquals(List.of("price for 20?", "dm me"), post.comments().stream().map(c -> c.text()).toList());
        assertEquals("night_owl_21", post.comments().get(0).author());
        assertEquals(List.of("#2mgxanax", "#xanax"), List.copyOf(post.collectedUnder()));
        assertEquals(List.of(Path.of("/data/a.png"), Path.of("/data/b.png")),
                post.media().stream().map(m -> m.path()).toList());
        assertEquals(List.of("https://example.com/shop"), post.links());
        assertEquals("test/full.json", post.sourceFile());
        assertTrue(query.load(999_999).isEmpty());
    }

    @Test
    void forEachCaptionStreamsAllPosts() throws Exception {
        int[] seen = {0};
        query.forEachCaption((id, caption) -> seen[0]++);
        assertEquals(251, seen[0]);
    }
}
