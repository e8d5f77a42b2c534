package org.signalbench.importing;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
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
 * Dealer answers from a CSV file ({@code external_id,label}, label 1/0 or yes/no, optional
 * {@code platform} column, default instagram): a coder's labels, or an expert's final answers
 * (optional {@code reason} column). A bad line is refused with its reason and the others are
 * taken, all in one transaction. An answer equal to the person's current one adds nothing, so
 * importing a file again changes nothing.
 */
public final class LabelCsvImport {
    private static final String QUESTION = LabelStore.DEALER;

    private LabelCsvImport() {
    }

    /** What one file brought: new answers, and answers the workbench already had. */
    public record Result(int added, int unchanged) {
    }

    /** Imports the file, stamping the answers with {@code codebook}'s version. */
    public static Result importFile(Session session, Codebook codebook, Path file, String personName, Role role,
                                    Consumer<Rejection> reject) throws IOException {
        try (LabelStore store = new LabelStore(session, codebook)) {
            return importFile(store, session, file, personName, role, reject);
        }
    }

    /**
     * Reads the file and hands its answers to {@code store}, the one writer of labels and
     * decisions, stamped with the store's codebook version like an answer saved in the app.
     */
    static Result importFile(LabelStore store, Session posts, Path file, String personName, Role role,
                             Consumer<Rejection> reject) throws IOException {
        String name = file.toString();
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true)
                .setIgnoreEmptyLines(true).get();
        try (Reader in = SourceText.reader(file); CSVParser csv = CSVParser.parse(in, format)) {
            Map<String, Integer> header = csv.getHeaderMap();
            if (!header.containsKey("external_id") || !header.containsKey("label")) {
                reject.accept(new Rejection(name, 1, "the header must name the columns external_id and label (found: "
                        + String.join(",", csv.getHeaderNames()) + ")"));
                return new Result(0, 0);
            }
            return posts.transaction(() -> {
                Coder person = store.coder(personName, role);
                Instant now = Instant.now();
                List<Labels.FileAnswer> answers = new ArrayList<>();
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
                        String value = dealerValue(field(record, "label"));
                        Platform platform = header.containsKey("platform") && !field(record, "platform").isEmpty()
                                ? Platform.fromKey(field(record, "platform")) : Platform.INSTAGRAM;
                        long postId = posts.postId(platform, externalId).orElseThrow(() -> new IllegalArgumentException(
                                "no " + platform.key() + " post '" + externalId + "' in this workbench"));
                        Long firstLine = seenOnLine.putIfAbsent(postId, line);
                        if (firstLine != null) {
                            throw new IllegalArgumentException(platform.key() + " post '" + externalId
                                    + "' is already answered on line " + firstLine + " of this file");
                        }
                        Optional<Labels.Latest> latest = store.latest(person, postId, QUESTION);
                        if (latest.isPresent() && latest.get().value().equals(value)) {
                            unchanged++;
                            continue;
                        }
                        String reason = null;
                        if (role == Role.EXPERT) {
                            String given = header.containsKey("reason") ? field(record, "reason") : "";
                            reason = given.isEmpty() ? "imported from " + file.getFileName() : given;
                        }
                        answers.add(new Labels.FileAnswer(postId, QUESTION, value,
                                LabelStore.timeAfter(now, latest.map(Labels.Latest::at).orElse(null)), reason));
                    } catch (IllegalArgumentException e) {
                        reject.accept(new Rejection(name, (int) line, e.getMessage()));
                    }
                }
                return new Result(store.appendFromFile(person, answers, store.codebook().version()), unchanged);
            });
        } catch (BadInputException e) {
            // nothing was written: the file is refused whole, at the line of its bad byte
            reject.accept(new Rejection(name, e.line(), e.getMessage()));
            return new Result(0, 0);
        } catch (IllegalArgumentException | java.io.UncheckedIOException e) {
            // The person's name belongs to the other role, or the CSV itself is broken: nothing is kept.
            reject.accept(new Rejection(name, null, e instanceof java.io.UncheckedIOException
                    ? "not valid CSV: " + e.getCause().getMessage() : e.getMessage()));
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
