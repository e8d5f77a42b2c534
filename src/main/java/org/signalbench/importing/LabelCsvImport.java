package org.signalbench.importing;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.signalbench.domain.Coder;
import org.signalbench.domain.Platform;
import org.signalbench.domain.Role;
import org.signalbench.labels.Codebook;
import org.signalbench.labels.LabelStore;
import org.signalbench.store.Labels;
import org.signalbench.store.Session;

/**
 * The one reader of coders' answer files (CSV): a coder's answers, or an expert's final answers
 * (optional {@code reason} column), one post per line named by {@code external_id} (optional
 * {@code platform} column). Which columns hold which questions is the file's {@link Layout}: the
 * dealer files ({@code external_id,label}, label 1/0 or yes/no, default platform instagram) or a
 * codebook's questions as columns (the link review's, on tweets). A bad line is refused with its
 * reason and the others are taken, all in one transaction; the file is read as a stream, a line at
 * a time. An answer equal to the person's current one adds nothing, so importing a file again changes nothing.
 */
public final class LabelCsvImport {
    /** Answers are handed to the store in batches of this many, so memory stays flat on a long file. */
    private static final int BATCH = 1_000;

    private LabelCsvImport() {
    }

    /** What one file brought: new answers, and answers the workbench already had. */
    public record Result(int added, int unchanged) {
    }

    /** Where a file's answers are: the columns that hold questions, and how a cell becomes an answer. */
    public interface Layout {
        /** The posts' platform when a line names none. */
        Platform defaultPlatform();

        /** Why the header cannot be read with this layout, or null when it can. */
        String headerProblem(List<String> header);

        /** The answer columns of the header, column name to question key, in the file's order. */
        Map<String, String> questions(List<String> header);

        /** The stored answer for a cell, null when the cell answers nothing; a bad cell is an IllegalArgumentException. */
        String answer(String question, String cell);
    }

    /** The dealer files: {@code external_id,label}, label 1/0 or yes/no (any case), instagram unless a {@code platform} column says otherwise. */
    public static final Layout DEALER = new Layout() {
        @Override
        public Platform defaultPlatform() {
            return Platform.INSTAGRAM;
        }

        @Override
        public String headerProblem(List<String> header) {
            return header.contains("external_id") && header.contains("label") ? null
                    : "the header must name the columns external_id and label (found: " + String.join(",", header) + ")";
        }

        @Override
        public Map<String, String> questions(List<String> header) {
            return Map.of("label", LabelStore.DEALER);
        }

        @Override
        public String answer(String question, String cell) {
            return dealerValue(cell);
        }
    };

    /**
     * A codebook's questions as columns ({@code external_id} and any of the question keys; other
     * columns are ignored), a blank cell answering nothing, each value checked by the codebook.
     */
    public static Layout questionColumns(Codebook codebook, Platform platform) {
        return new Layout() {
            @Override
            public Platform defaultPlatform() {
                return platform;
            }

            @Override
            public String headerProblem(List<String> header) {
                return header.contains("external_id") ? null : "the header must name external_id and codebook questions ("
                        + String.join(", ", codebook.questions().stream().map(Codebook.Question::key).toList()) + ")";
            }

            @Override
            public Map<String, String> questions(List<String> header) {
                Map<String, String> columns = new LinkedHashMap<>();
                header.stream().filter(h -> codebook.question(h).isPresent()).forEach(h -> columns.put(h, h));
                return columns;
            }

            @Override
            public String answer(String question, String cell) {
                return cell.isEmpty() ? null : codebook.canonical(question, cell);
            }
        };
    }

    /** Imports a dealer file, stamping the answers with {@code codebook}'s version. */
    public static Result importFile(Session session, Codebook codebook, Path file, String personName, Role role,
                                    Consumer<Rejection> reject) throws IOException {
        return importFile(session, codebook, file, personName, role, DEALER, reject);
    }

    /** Imports a file of the given layout, stamping the answers with {@code codebook}'s version. */
    public static Result importFile(Session session, Codebook codebook, Path file, String personName, Role role,
                                    Layout layout, Consumer<Rejection> reject) throws IOException {
        try (LabelStore store = new LabelStore(session, codebook)) {
            return importFile(store, session, file, personName, role, layout, reject);
        }
    }

    /**
     * Reads the file and hands its answers to {@code store}, the one writer of labels and
     * decisions, stamped with the store's codebook version like an answer saved in the app.
     */
    static Result importFile(LabelStore store, Session posts, Path file, String personName, Role role,
                             Consumer<Rejection> reject) throws IOException {
        return importFile(store, posts, file, personName, role, DEALER, reject);
    }

    static Result importFile(LabelStore store, Session posts, Path file, String personName, Role role, Layout layout,
                             Consumer<Rejection> reject) throws IOException {
        String name = file.toString();
        if (!Files.isRegularFile(file)) {
            reject.accept(new Rejection(name, null, SourceText.notRegular(file)));
            return new Result(0, 0);
        }
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true)
                .setIgnoreEmptyLines(true).get();
        try (Reader in = SourceText.open(file, Long.MAX_VALUE); CSVParser csv = CSVParser.parse(in, format)) {
            Map<String, Integer> header = csv.getHeaderMap();
            List<String> names = csv.getHeaderNames();
            String problem = layout.headerProblem(names);
            if (problem != null) {
                reject.accept(new Rejection(name, 1, problem));
                return new Result(0, 0);
            }
            Map<String, String> questions = layout.questions(names);
            // a line's rejection is told once the file is read to its end: a bad byte further on refuses the file whole
            List<Rejection> refusedLines = new ArrayList<>();
            Result result = posts.transaction(() -> {
                Coder person = store.coder(personName, role);
                Instant now = Instant.now();
                List<Labels.FileAnswer> answers = new ArrayList<>();
                int added = 0;
                int unchanged = 0;
                Map<Long, Long> seenOnLine = new HashMap<>();
                for (CSVRecord record : csv) {
                    long line = record.getRecordNumber() + 1;
                    try {
                        if (!record.isConsistent()) {
                            throw new IllegalArgumentException(CsvPostReader.fieldCount(record.size(), header.size()));
                        }
                        String externalId = field(record, "external_id");
                        if (externalId.isEmpty()) {
                            throw new IllegalArgumentException("external_id is empty");
                        }
                        // every cell is checked before the post is looked up, so a bad answer is named even for an unknown post
                        Map<String, String> values = new LinkedHashMap<>();
                        questions.forEach((column, question) -> {
                            String value = layout.answer(question, field(record, column));
                            if (value != null) {
                                values.put(question, value);
                            }
                        });
                        Platform platform = header.containsKey("platform") && !field(record, "platform").isEmpty()
                                ? Platform.fromKey(field(record, "platform")) : layout.defaultPlatform();
                        long postId = posts.postId(platform, externalId).orElseThrow(() -> new IllegalArgumentException(
                                "no " + platform.key() + " post '" + externalId + "' in this workbench"));
                        Long firstLine = seenOnLine.putIfAbsent(postId, line);
                        if (firstLine != null) {
                            throw new IllegalArgumentException(platform.key() + " post '" + externalId
                                    + "' is already answered on line " + firstLine + " of this file");
                        }
                        String reason = null;
                        if (role == Role.EXPERT) {
                            String given = header.containsKey("reason") ? field(record, "reason") : "";
                            reason = given.isEmpty() ? "imported from " + file.getFileName() : given;
                        }
                        for (Map.Entry<String, String> v : values.entrySet()) {
                            Optional<Labels.Latest> latest = store.latest(person, postId, v.getKey());
                            if (latest.isPresent() && latest.get().value().equals(v.getValue())) {
                                unchanged++;
                                continue;
                            }
                            answers.add(new Labels.FileAnswer(postId, v.getKey(), v.getValue(),
                                    LabelStore.timeAfter(now, latest.map(Labels.Latest::at).orElse(null)), reason));
                        }
                        if (answers.size() >= BATCH) {
                            added += store.appendFromFile(person, answers, store.codebook().version());
                            answers.clear();
                        }
                    } catch (IllegalArgumentException e) {
                        refusedLines.add(new Rejection(name, (int) line, e.getMessage()));
                    }
                }
                added += store.appendFromFile(person, answers, store.codebook().version());
                return new Result(added, unchanged);
            });
            refusedLines.forEach(reject);
            return result;
        } catch (BadInputException e) {
            // the file cannot be read at all (a damaged .xz): nothing was written
            reject.accept(new Rejection(name, e.line(), e.getMessage()));
            return new Result(0, 0);
        } catch (SourceText.Refused e) {
            // nothing was written: the file is refused whole, at the line of its bad byte
            reject.accept(new Rejection(name, e.reason().line(), e.reason().getMessage()));
            return new Result(0, 0);
        } catch (java.io.UncheckedIOException e) {
            // a bad byte or broken CSV found while reading the lines: the transaction is rolled back, nothing is kept
            reject.accept(e.getCause() instanceof SourceText.Refused bad
                    ? new Rejection(name, bad.reason().line(), bad.reason().getMessage())
                    : new Rejection(name, null, "not valid CSV: " + e.getCause().getMessage()));
            return new Result(0, 0);
        } catch (IllegalArgumentException e) {
            // The person's name belongs to the other role, or the CSV itself is broken: nothing is kept.
            reject.accept(new Rejection(name, null, e.getMessage()));
            return new Result(0, 0);
        }
    }

    private static String field(CSVRecord record, String column) {
        return record.isSet(column) ? record.get(column).trim() : "";
    }

    /** 1/0, yes/no (any case) as the codebook's yes/no. */
    static String dealerValue(String label) {
        return switch (label.toLowerCase(Locale.ROOT)) {
            case "1", "yes" -> "yes";
            case "0", "no" -> "no";
            default -> throw new IllegalArgumentException("label '" + label + "' is not 1, 0, yes or no");
        };
    }
}
