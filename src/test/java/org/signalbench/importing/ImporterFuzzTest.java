package org.signalbench.importing;

import org.signalbench.testing.Labelling;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.signalbench.domain.Role;
import org.signalbench.jobs.JobContext;
import org.signalbench.store.Workbench;
import org.tukaani.xz.LZMA2Options;
import org.tukaani.xz.XZOutputStream;

/**
 * A small fuzz pass over every importer: mutated copies (fixed seed, a bounded number) of small
 * cuts of the sample files go through the real import paths. No exception may escape, every input
 * must be imported or rejected with a reason that names the file and is no leaked exception, and the
 * workbench must stay intact with no import left running.
 */
class ImporterFuzzTest {
    static final long SEED = 20261205L;
    static final int MUTANTS_PER_FORMAT = 30;
    static final Path SAMPLE = Path.of("sample-data");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    /** One importer's base file: its name (the extension picks the reader) and bytes. */
    record Base(String format, String fileName, byte[] bytes, boolean xz, boolean lineBased) {
    }

    record Outcome(String format, int cases, int imported, int rejected, int empty, List<String> failures) {
    }

    @Test
    void everyImporterSurvivesMutatedInput() throws Exception {
        List<String> bundleLines = lines(SAMPLE.resolve("instagram-study/posts.jsonl"), 13); // header + 12 posts
        List<String> ids = new ArrayList<>();
        for (String line : bundleLines.subList(1, bundleLines.size())) {
            ids.add(JSON.readTree(line).get("externalId").asText());
        }
        Path instaloaderFolder = SAMPLE.resolve("instaloader/#xanax");
        Path plainJson;
        Path xzJson;
        try (Stream<Path> files = Files.list(instaloaderFolder)) {
            List<Path> sorted = files.sorted().toList();
            plainJson = sorted.stream().filter(p -> p.toString().endsWith("_UTC.json")).findFirst().orElseThrow();
            xzJson = sorted.stream().filter(p -> p.toString().endsWith("_UTC.json.xz")).findFirst().orElseThrow();
        }
        List<Base> bases = List.of(
                new Base("bundle", "posts.jsonl", bytes(String.join("\n", bundleLines) + "\n"), false, true),
                new Base("instaloader", plainJson.getFileName().toString(), Files.readAllBytes(plainJson), false, false),
                new Base("instaloader-xz", xzJson.getFileName().toString(), Files.readAllBytes(xzJson), true, false),
                new Base("twitter-v1", "tweets-v1.jsonl", bytes(String.join("\n", lines(SAMPLE.resolve("twitter/tweets-v1.jsonl"), 8)) + "\n"), false, true),
                new Base("twitter-v2", "tweets-v2.jsonl", bytes(String.join("\n", lines(SAMPLE.resolve("twitter/tweets-v2.jsonl"), 8)) + "\n"), false, true),
                new Base("csv", "posts.csv", bytes(csvPosts(bundleLines)), false, true),
                new Base("coder-file", "coder-a.json", bytes(coderFile(SAMPLE.resolve("instagram-study/coders/coder-a.json"), 12)), false, false),
                new Base("labels-csv", "labels.csv", bytes(labelsCsv(ids, false)), false, true),
                new Base("adjudication-csv", "finals.csv", bytes(labelsCsv(ids, true)), false, true),
                // last, so the mutants of the bases above stay what they were: the streamed array and document readers
                new Base("twitter-array", "tweets.json", bytes("[\n" + String.join(",\n",
                        lines(SAMPLE.resolve("twitter/tweets-v1.jsonl"), 8)) + "\n]\n"), false, true),
                new Base("twitter-v2-page", "page.json", bytes(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(
                        JSON.readTree(lines(SAMPLE.resolve("twitter/tweets-v2.jsonl"), 1).get(0)))), false, true));

        Random random = new Random(SEED);
        List<Outcome> outcomes = new ArrayList<>();
        long start = System.nanoTime();
        try (Workbench wb = Workbench.open(dir.resolve("fuzz.sqlite"))) {
            // the posts the coder files and label CSVs refer to, so their mutants can also be taken in
            Path basePosts = Files.write(Files.createDirectories(dir.resolve("base")).resolve("posts.jsonl"), bases.get(0).bytes());
            assertEquals(12, new ImportService(wb, org.signalbench.testing.Labelling.CODEBOOK).run(List.of(basePosts), null, JobContext.NONE).imported());
            for (Base base : bases) {
                outcomes.add(fuzz(wb, base, random));
            }
            try (Statement st = wb.connection().createStatement()) {
                try (ResultSet rs = st.executeQuery("PRAGMA integrity_check")) {
                    rs.next();
                    assertEquals("ok", rs.getString(1));
                }
                try (ResultSet rs = st.executeQuery("SELECT count(*) FROM import_run WHERE status = 'running'")) {
                    rs.next();
                    assertEquals(0, rs.getInt(1), "no import is left running");
                }
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        int cases = 0;
        List<String> failures = new ArrayList<>();
        for (Outcome o : outcomes) {
            cases += o.cases();
            failures.addAll(o.failures());
            System.out.printf(Locale.ROOT, "fuzz %-16s %3d mutants: %3d with something taken in, %3d with a rejection, %2d empty; %d failures%n",
                    o.format(), o.cases(), o.imported(), o.rejected(), o.empty(), o.failures().size());
        }
        System.out.printf(Locale.ROOT, "fuzz: %d mutants over %d importers in %.1f s, %d failures (seed %d)%n",
                cases, outcomes.size(), seconds, failures.size(), SEED);
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }

    private Outcome fuzz(Workbench wb, Base base, Random random) throws Exception {
        int imported = 0;
        int rejectedCount = 0;
        int empty = 0;
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < MUTANTS_PER_FORMAT; i++) {
            List<String> applied = new ArrayList<>();
            byte[] content = base.xz() && random.nextBoolean() ? xz(mutate(unxz(base.bytes()), random, applied))
                    : mutate(base.bytes(), random, applied);
            Path file = Files.createDirectories(dir.resolve(base.format()).resolve("m" + i)).resolve(base.fileName());
            Files.write(file, content);
            String what = base.format() + " mutant " + i + " " + applied;
            List<Rejection> rejected = new ArrayList<>();
            int taken;
            try {
                switch (base.format()) {
                    case "labels-csv", "adjudication-csv" -> {
                        boolean expert = base.format().startsWith("adjudication");
                        LabelCsvImport.Result r = Labelling.importLabelCsv(wb.connection(), file, expert ? "fuzz-expert" : "fuzz-coder",
                                expert ? Role.EXPERT : Role.CODER, rejected::add);
                        taken = r.added() + r.unchanged();
                    }
                    default -> {
                        ImportReport r = new ImportService(wb, org.signalbench.testing.Labelling.CODEBOOK).run(List.of(file), null, JobContext.NONE);
                        rejected.addAll(r.rejected());
                        taken = r.imported() + r.duplicates() + r.labels();
                        if (base.format().equals("coder-file") && r.labels() == 0 && rejected.isEmpty()) {
                            taken = 1; // answers equal to those already taken in add nothing, and are no rejection
                        }
                    }
                }
            } catch (Throwable e) {
                failures.add(what + ": " + e + " escaped");
                continue;
            }
            if (Boolean.getBoolean("signalbench.fuzz.verbose")) {
                rejected.forEach(r -> System.out.println("  " + what + " -> " + r.line() + ": " + r.reason()));
            }
            for (Rejection r : rejected) {
                if (!Path.of(r.file()).getFileName().toString().equals(base.fileName()) || r.reason() == null || r.reason().isBlank()
                        || r.reason().matches("(?s).*(Exception|java\\.|\\[Source|REDACTED|Input length).*")) {
                    failures.add(what + ": a rejection that names no file or reason, or leaks an exception: " + r);
                }
            }
            if (taken > 0) {
                imported++;
            }
            if (!rejected.isEmpty()) {
                rejectedCount++;
            }
            if (taken == 0 && rejected.isEmpty()) {
                if (hasNoRecords(content, base)) {
                    empty++;
                } else {
                    failures.add(what + ": neither imported nor rejected");
                }
            }
        }
        return new Outcome(base.format(), MUTANTS_PER_FORMAT, imported, rejectedCount, empty, failures);
    }

    /** Nothing to import or reject: blank, or (line formats) a header line and nothing else. */
    private static boolean hasNoRecords(byte[] content, Base base) {
        String text = new String(content, StandardCharsets.UTF_8).replace("\uFEFF", "");
        long nonBlank = text.lines().filter(l -> !l.isBlank()).count();
        return nonBlank == 0 || (base.lineBased() && nonBlank <= 1 && !base.format().startsWith("twitter"));
    }

    // ---- mutations ------------------------------------------------------------------------------

    private static final byte[] INTERESTING_BYTES = {0x00, (byte) 0xFF, (byte) 0xC3, (byte) 0x80, '"', ',', '\n', '\r', '{', '}', '[',
            ']', ':', '\\', '\t', ';', '#', '@', '='};
    private static final String[] TOKENS = {"null", "-1", "99999999999999999999", "1e309", "\"\"", "NaN", "[]", "{}", "\\u0000",
            "\\ud800", "true", "\"\\/..\\/..\\/etc\\/passwd\"", "\"../../secret.png\"", "\u202E", "\uFEFF", "\"caption\":", ",,,,", "\"\"\"",
            "a".repeat(4000), "{\"a\":".repeat(200)};

    static byte[] mutate(byte[] original, Random random, List<String> applied) {
        byte[] b = original;
        int n = 1 + random.nextInt(3);
        for (int k = 0; k < n; k++) {
            int op = random.nextInt(9);
            int at = b.length == 0 ? 0 : random.nextInt(b.length);
            switch (op) {
                case 0 -> {
                    if (b.length > 0) {
                        b = b.clone();
                        b[at] = INTERESTING_BYTES[random.nextInt(INTERESTING_BYTES.length)];
                        applied.add("set@" + at);
                    }
                }
                case 1 -> {
                    if (b.length > 0) {
                        b = b.clone();
                        b[at] = (byte) random.nextInt(256);
                        applied.add("random@" + at);
                    }
                }
                case 2 -> {
                    int len = Math.min(b.length - at, 1 + random.nextInt(64));
                    b = splice(b, at, len, new byte[0]);
                    applied.add("delete@" + at + "+" + len);
                }
                case 3 -> {
                    int len = Math.min(b.length - at, 1 + random.nextInt(200));
                    byte[] copy = java.util.Arrays.copyOfRange(b, at, at + len);
                    int to = b.length == 0 ? 0 : random.nextInt(b.length);
                    b = splice(b, to, 0, copy);
                    applied.add("duplicate@" + at + "+" + len + "->" + to);
                }
                case 4 -> {
                    b = java.util.Arrays.copyOf(b, at);
                    applied.add("truncate@" + at);
                }
                case 5 -> {
                    b = splice(b, 0, 0, new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
                    applied.add("bom");
                }
                case 6 -> {
                    String token = TOKENS[random.nextInt(TOKENS.length)];
                    b = splice(b, at, 0, token.getBytes(StandardCharsets.UTF_8));
                    applied.add("insert@" + at + ":" + (token.length() > 12 ? token.substring(0, 12) + "…" : token));
                }
                case 7 -> {
                    List<String> ls = new ArrayList<>(new String(b, StandardCharsets.UTF_8).lines().toList());
                    if (ls.size() > 2) {
                        int i = random.nextInt(ls.size());
                        int j = random.nextInt(ls.size());
                        String t = ls.get(i);
                        ls.set(i, ls.get(j));
                        ls.set(j, t);
                        b = (String.join("\n", ls) + "\n").getBytes(StandardCharsets.UTF_8);
                        applied.add("swap-lines " + i + "," + j);
                    }
                }
                default -> {
                    b = new String(b, StandardCharsets.ISO_8859_1).replace("\n", "\r\n").getBytes(StandardCharsets.ISO_8859_1);
                    applied.add("crlf");
                }
            }
        }
        return b;
    }

    private static byte[] splice(byte[] b, int at, int remove, byte[] insert) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(b.length + insert.length);
        out.write(b, 0, at);
        out.writeBytes(insert);
        out.write(b, at + remove, b.length - at - remove);
        return out.toByteArray();
    }

    // ---- base files -----------------------------------------------------------------------------

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static List<String> lines(Path file, int n) throws Exception {
        try (Stream<String> s = Files.lines(file)) {
            return s.limit(n).toList();
        }
    }

    private static String csvPosts(List<String> bundleLines) throws Exception {
        StringBuilder b = new StringBuilder("platform,external_id,author,posted_at,caption,collected_under,url,links,media\n");
        for (String line : bundleLines.subList(1, 7)) {
            var post = JSON.readTree(line);
            b.append("instagram,CSV").append(post.get("externalId").asText()).append(',').append(post.get("author").asText()).append(',')
                    .append(post.get("postedAt").asText()).append(",\"").append(post.get("caption").asText().replace("\"", "\"\""))
                    .append("\",#xanax,,,\n");
        }
        return b.toString();
    }

    private static String coderFile(Path sample, int answers) throws Exception {
        ObjectNode file = (ObjectNode) JSON.readTree(sample.toFile());
        ArrayNode all = (ArrayNode) file.get("answers");
        ArrayNode kept = JSON.createArrayNode();
        for (int i = 0; i < answers; i++) {
            kept.add(all.get(i));
        }
        file.set("answers", kept);
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(file);
    }

    private static String labelsCsv(List<String> ids, boolean expert) {
        StringBuilder b = new StringBuilder(expert ? "external_id,label,reason\n" : "external_id,label\n");
        for (int i = 0; i < ids.size(); i++) {
            b.append(ids.get(i)).append(',').append(i % 3 == 0 ? "yes" : "0").append(expert ? ",\"settled, by hand\"" : "").append('\n');
        }
        return b.toString();
    }

    private static byte[] unxz(byte[] compressed) throws Exception {
        try (InputStream in = new org.tukaani.xz.XZInputStream(new java.io.ByteArrayInputStream(compressed))) {
            return in.readAllBytes();
        }
    }

    private static byte[] xz(byte[] plain) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (XZOutputStream xz = new XZOutputStream(out, new LZMA2Options())) {
            xz.write(plain);
        }
        return out.toByteArray();
    }
}
