package org.signalbench.importing;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.signalbench.domain.Platform;
import org.signalbench.domain.Role;
import org.signalbench.labels.Coder;
import org.signalbench.labels.LabelStore;

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

    public static Result importFile(Connection c, Path file, String personName, Role role, Consumer<Rejection> reject)
            throws IOException, SQLException {
        String name = file.toString();
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true)
                .setIgnoreEmptyLines(true).get();
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false);
        try (Reader in = SourceText.reader(file); CSVParser csv = CSVParser.parse(in, format)) {
            Map<String, Integer> header = csv.getHeaderMap();
            if (!header.containsKey("external_id") || !header.containsKey("label")) {
                reject.accept(new Rejection(name, 1, "the header must name the columns external_id and label (found: "
                        + String.join(",", csv.getHeaderNames()) + ")"));
                c.rollback();
                return new Result(0, 0);
            }
            Coder person;
            try (LabelStore store = new LabelStore(c)) {
                person = store.coder(personName, role);
            }
            String now = Instant.now().toString();
            String latestSql = role == Role.EXPERT
                    ? "SELECT value, decided_at FROM adjudication WHERE post_id = ? AND question = ? AND expert_id = ? ORDER BY decided_at DESC, id DESC LIMIT 1"
                    : "SELECT value, labeled_at FROM label WHERE post_id = ? AND question = ? AND coder_id = ? ORDER BY labeled_at DESC, id DESC LIMIT 1";
            String insertSql = role == Role.EXPERT
                    ? "INSERT INTO adjudication (expert_id, post_id, question, value, decided_at, reason) VALUES (?, ?, ?, ?, ?, ?)"
                    : "INSERT INTO label (coder_id, post_id, question, value, labeled_at) VALUES (?, ?, ?, ?, ?)";
            int added = 0;
            int unchanged = 0;
            Map<Long, Long> seenOnLine = new HashMap<>();
            try (PreparedStatement findPost = c.prepareStatement("SELECT id FROM post WHERE platform = ? AND external_id = ?");
                 PreparedStatement latest = c.prepareStatement(latestSql);
                 PreparedStatement insert = c.prepareStatement(insertSql)) {
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
                        String platform = header.containsKey("platform") && !field(record, "platform").isEmpty()
                                ? Platform.fromKey(field(record, "platform")).key() : Platform.INSTAGRAM.key();
                        findPost.setString(1, platform);
                        findPost.setString(2, externalId);
                        long postId;
                        try (ResultSet rs = findPost.executeQuery()) {
                            if (!rs.next()) {
                                throw new IllegalArgumentException("no " + platform + " post '" + externalId + "' in this workbench");
                            }
                            postId = rs.getLong(1);
                        }
                        Long firstLine = seenOnLine.putIfAbsent(postId, line);
                        if (firstLine != null) {
                            throw new IllegalArgumentException(platform + " post '" + externalId + "' is already answered on line "
                                    + firstLine + " of this file");
                        }
                        latest.setLong(1, postId);
                        latest.setString(2, QUESTION);
                        latest.setLong(3, person.id());
                        String after = null;
                        try (ResultSet rs = latest.executeQuery()) {
                            if (rs.next()) {
                                if (rs.getString(1).equals(value)) {
                                    unchanged++;
                                    continue;
                                }
                                after = rs.getString(2);
                            }
                        }
                        insert.setLong(1, person.id());
                        insert.setLong(2, postId);
                        insert.setString(3, QUESTION);
                        insert.setString(4, value);
                        insert.setString(5, LabelStore.timeAfter(Instant.parse(now), after));
                        if (role == Role.EXPERT) {
                            String reason = header.containsKey("reason") ? field(record, "reason") : "";
                            insert.setString(6, reason.isEmpty() ? "imported from " + file.getFileName() : reason);
                        }
                        insert.executeUpdate();
                        added++;
                    } catch (IllegalArgumentException e) {
                        reject.accept(new Rejection(name, (int) line, e.getMessage()));
                    }
                }
            }
            c.commit();
            return new Result(added, unchanged);
        } catch (BadInputException e) {
            c.rollback(); // nothing was written: the file is refused whole, at the line of its bad byte
            reject.accept(new Rejection(name, e.line(), e.getMessage()));
            return new Result(0, 0);
        } catch (IllegalArgumentException | java.io.UncheckedIOException e) {
            // The person's name belongs to the other role, or the CSV itself is broken: nothing is kept.
            c.rollback();
            reject.accept(new Rejection(name, null, e instanceof java.io.UncheckedIOException
                    ? "not valid CSV: " + e.getCause().getMessage() : e.getMessage()));
            return new Result(0, 0);
        } catch (IOException | SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(autoCommit);
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
