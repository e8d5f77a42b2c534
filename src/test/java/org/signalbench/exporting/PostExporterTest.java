package org.signalbench.exporting;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.signalbench.testing.TestWorkbenches.insertPost;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.signalbench.domain.Platform;
import org.signalbench.domain.Post;
import org.signalbench.importing.ImportReport;
import org.signalbench.importing.ImportService;
import org.signalbench.jobs.JobContext;
import org.signalbench.store.PostReader;
import org.signalbench.store.Session;
import org.signalbench.store.Workbench;
import org.signalbench.testing.TestWorkbenches;

class PostExporterTest {
    @TempDir
    Path dir;
    Workbench wb;
    Connection c;
    static final String TRICKY = "line one\nline \"two\", with comma; \u202Eעברית\u200B 💊 '); DROP TABLE post;--";

    @BeforeEach
    void fill() throws Exception {
        wb = TestWorkbenches.open(dir);
        c = wb.connection();
        long a = insertPost(c, "instagram", "Cx1", "frosty_tabs_44", TRICKY);
        insertPost(c, "twitter", "1050", "news_desk_07", "plain tweet");
        Path image = Files.write(dir.resolve("pill.png"), new byte[] {1, 2, 3});
        try (var st = c.prepareStatement("INSERT INTO post_media (post_id, position, path, kind) VALUES (?, 0, ?, 'image')")) {
            st.setLong(1, a);
            st.setString(2, image.toString());
            st.executeUpdate();
        }
        try (var st = c.prepareStatement("INSERT INTO post_comment (post_id, position, author, text, commented_at) VALUES (?, 0, 'night_owl_21', 'price?', '2018-08-01T13:00:00Z')")) {
            st.setLong(1, a);
            st.executeUpdate();
        }
        try (var st = c.prepareStatement("INSERT INTO post_collection (post_id, search) VALUES (?, '#xanax'), (?, '#2mgxanax')")) {
            st.setLong(1, a);
            st.setLong(2, a);
            st.executeUpdate();
        }
    }

    @Test
    void bundleHoldsEveryFieldAndCopiesMedia() throws Exception {
        Path out = dir.resolve("export/posts.jsonl");
        assertEquals(2, new PostExporter(out, true).export(Session.over(c), PostExporter.Format.BUNDLE, null));
        List<String> lines = Files.readAllLines(out);
        assertEquals(3, lines.size());
        ObjectMapper json = new ObjectMapper();
        assertEquals("signalbench-bundle", json.readTree(lines.get(0)).get("format").asText());
        JsonNode post = json.readTree(lines.get(1));
        assertEquals("Cx1", post.get("externalId").asText());
        assertEquals(TRICKY, post.get("caption").asText());
        assertEquals("2018-08-01T12:00:00Z", post.get("postedAt").asText());
        assertEquals("[\"#2mgxanax\",\"#xanax\"]", post.get("collectedUnder").toString());
        assertEquals("price?", post.get("comments").get(0).get("text").asText());
        String media = post.get("media").get(0).asText();
        assertEquals("posts-media/instagram-Cx1-0.png", media);
        assertArrayEquals(new byte[] {1, 2, 3}, Files.readAllBytes(out.getParent().resolve(media)));
        assertFalse(Files.exists(out.resolveSibling("posts.jsonl.part")));
    }

    @Test
    void anExportedBundleAndCsvImportBackIntoAFreshWorkbenchUnchanged() throws Exception {
        for (PostExporter.Format format : PostExporter.Format.values()) {
            Path out = dir.resolve("round-" + format + "/posts." + (format == PostExporter.Format.CSV ? "csv" : "jsonl"));
            new PostExporter(out, true).export(Session.over(c), format, null);
            try (Workbench fresh = Workbench.open(dir.resolve("fresh-" + format + ".sqlite"))) {
                ImportReport report = new ImportService(fresh, org.signalbench.testing.Labelling.CODEBOOK).run(List.of(out), null, JobContext.NONE);
                assertEquals(List.of(), report.rejected());
                assertEquals(2, report.imported());
                List<Post> before = new ArrayList<>();
                List<Post> after = new ArrayList<>();
                PostReader.readAll(c, null, before::add);
                PostReader.readAll(fresh.connection(), null, after::add);
                for (int i = 0; i < before.size(); i++) {
                    Post a = before.get(i);
                    Post b = after.get(i);
                    assertEquals(a.externalId(), b.externalId());
                    assertEquals(a.caption(), b.caption());
                    assertEquals(a.author(), b.author());
                    assertEquals(a.postedAt(), b.postedAt());
                    assertEquals(a.collectedUnder(), b.collectedUnder());
                    assertEquals(a.media().size(), b.media().size());
                    if (format == PostExporter.Format.BUNDLE) {
                        assertEquals(a.comments(), b.comments());
                    }
                }
            }
        }
    }

    @Test
    void csvQuotesTrickyTextAndFiltersByPlatform() throws Exception {
        Path out = dir.resolve("posts.csv");
        assertEquals(1, new PostExporter(out, false).export(Session.over(c), PostExporter.Format.CSV, Platform.INSTAGRAM));
        try (Reader r = Files.newBufferedReader(out)) {
            List<CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(r).getRecords();
            assertEquals(1, rows.size());
            assertEquals(TRICKY, rows.get(0).get("caption"));
            assertEquals("#2mgxanax;#xanax", rows.get(0).get("collected_under"));
            assertEquals("", rows.get(0).get("media"));
        }
    }
}
