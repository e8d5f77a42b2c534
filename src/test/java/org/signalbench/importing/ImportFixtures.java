package org.signalbench.importing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.signalbench.jobs.JobContext;
import org.signalbench.store.Workbench;
import org.tukaani.xz.LZMA2Options;
import org.tukaani.xz.XZOutputStream;

/** Builds made-up source files and reads the database back, for the import tests. */
final class ImportFixtures {
    static final ObjectMapper JSON = new ObjectMapper();

    private ImportFixtures() {
    }

    static ImportReport importAll(Workbench workbench, Path... sources) throws Exception {
        return new ImportService(workbench, org.signalbench.testing.Labelling.CODEBOOK).run(List.of(sources), null, JobContext.NONE);
    }

    // ---- Instaloader ----------------------------------------------------------------------------

    /** An Instaloader post file's content, shaped like Instaloader 4.x writes it. */
    static ObjectNode instaloaderPost(String shortcode, String caption, long takenAt, String username) {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode node = root.putObject("node");
        node.put("__typename", "GraphImage");
        node.put("id", "2000000000000000" + Math.abs(shortcode.hashCode() % 1000));
        node.put("shortcode", shortcode);
        node.put("taken_at_timestamp", takenAt);
        ObjectNode owner = node.putObject("owner");
        owner.put("id", "41000" + Math.abs(username.hashCode() % 1000));
        owner.put("username", username);
        ArrayNode edges = node.putObject("edge_media_to_caption").putArray("edges");
        if (caption != null) {
            edges.addObject().putObject("node").put("text", caption);
        }
        node.putObject("edge_media_to_comment").put("count", 0);
        node.put("is_video", false);
        ObjectNode instaloader = root.putObject("instaloader");
        instaloader.put("version", "4.10.3");
        instaloader.put("node_type", "Post");
        return root;
    }

    static ObjectNode comment(long id, long createdAt, String username, String text) {
        ObjectNode c = JSON.createObjectNode();
        c.put("id", id);
        c.put("created_at", createdAt);
        c.put("text", text);
        ObjectNode owner = c.putObject("owner");
        owner.put("id", "7700" + id);
        owner.put("username", username);
        c.put("likes_count", 0);
        c.putArray("answers");
        return c;
    }

    static Path write(Path file, String text) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        return Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    static Path write(Path file, Object json) throws IOException {
        return write(file, JSON.writeValueAsString(json));
    }

    static Path writeBytes(Path file, byte[] bytes) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        return Files.write(file, bytes);
    }

    static Path writeXz(Path file, byte[] bytes) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        try (OutputStream out = new XZOutputStream(Files.newOutputStream(file), new LZMA2Options())) {
            out.write(bytes);
        }
        return file;
    }

    /**
     * A tiny PNG signature followed by the file's own path (the importer only checks that media files
     * exist; distinct content keeps distinct files apart in the workbench's content-named media copies).
     */
    static Path image(Path file) throws IOException {
        byte[] signature = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
        byte[] name = file.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] bytes = java.util.Arrays.copyOf(signature, signature.length + name.length);
        System.arraycopy(name, 0, bytes, signature.length, name.length);
        return writeBytes(file, bytes);
    }

    /**
     * The media files a query's {@code path} column names, each given as the one of {@code sources}
     * whose bytes it holds (the import stores its own copies, named by content), or as the stored
     * path when none matches. Order and count are the query's.
     */
    static List<String> mediaOrigins(Workbench workbench, List<String> sources, String sql, Object... args) throws Exception {
        List<String> origins = new ArrayList<>();
        org.signalbench.store.MediaFolder folder = org.signalbench.store.MediaFolder.of(workbench.file());
        for (String stored : strings(workbench, sql, args)) {
            byte[] copy = java.nio.file.Files.readAllBytes(folder.resolve(stored));
            String origin = stored;
            for (String source : sources) {
                if (java.util.Arrays.equals(copy, java.nio.file.Files.readAllBytes(Path.of(source)))) {
                    origin = source;
                }
            }
            origins.add(origin);
        }
        return origins;
    }

    // ---- bundle ---------------------------------------------------------------------------------

    static String bundleHeader() {
        return "{\"format\": \"signalbench-bundle\", \"version\": 1}\n";
    }

    static ObjectNode bundlePost(String externalId, String caption) {
        ObjectNode post = JSON.createObjectNode();
        post.put("platform", "instagram");
        post.put("externalId", externalId);
        post.put("author", "made_up_" + externalId.toLowerCase());
        post.put("postedAt", "2018-07-19T14:03:11Z");
        post.put("caption", caption);
        return post;
    }

    static String lines(Object... values) throws IOException {
        StringBuilder text = new StringBuilder();
        for (Object value : values) {
            text.append(value instanceof String s ? s : JSON.writeValueAsString(value)).append('\n');
        }
        return text.toString();
    }

    // ---- database -------------------------------------------------------------------------------

    /** A repeated import changed nothing but the run log, which records one more run. */
    static void assertOnlyTheRunLogGrew(Map<String, Long> before, Map<String, Long> after) {
        Map<String, Long> b = new TreeMap<>(before);
        Map<String, Long> a = new TreeMap<>(after);
        org.junit.jupiter.api.Assertions.assertEquals(b.remove("import_run") + 1, a.remove("import_run"), "each run is recorded");
        org.junit.jupiter.api.Assertions.assertEquals(b, a);
    }

    /** Row count of every table (the run log included), by table name. */
    static Map<String, Long> rowCounts(Workbench workbench) throws SQLException {
        Connection c = workbench.connection();
        List<String> tables = new ArrayList<>();
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")) {
            while (rs.next()) {
                tables.add(rs.getString(1));
            }
        }
        Map<String, Long> counts = new TreeMap<>();
        for (String table : tables) {
            // Table names come from sqlite_master, not from data; identifiers cannot be bound.
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM \"" + table + "\"")) {
                rs.next();
                counts.put(table, rs.getLong(1));
            }
        }
        return counts;
    }

    static long count(Workbench workbench, String sql, Object... args) throws SQLException {
        List<List<Object>> rows = rows(workbench, sql, args);
        return ((Number) rows.get(0).get(0)).longValue();
    }

    static List<List<Object>> rows(Workbench workbench, String sql, Object... args) throws SQLException {
        try (PreparedStatement st = workbench.connection().prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                st.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = st.executeQuery()) {
                List<List<Object>> rows = new ArrayList<>();
                int columns = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    List<Object> row = new ArrayList<>();
                    for (int i = 1; i <= columns; i++) {
                        row.add(rs.getObject(i));
                    }
                    rows.add(row);
                }
                return rows;
            }
        }
    }

    static List<String> strings(Workbench workbench, String sql, Object... args) throws SQLException {
        List<String> values = new ArrayList<>();
        for (List<Object> row : rows(workbench, sql, args)) {
            values.add(row.get(0) == null ? null : row.get(0).toString());
        }
        return values;
    }

    static String string(Workbench workbench, String sql, Object... args) throws SQLException {
        List<String> values = strings(workbench, sql, args);
        assertEquals(1, values.size(), "expected one row for " + sql);
        return values.get(0);
    }
}
