package org.signalbench.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Types;
import java.time.Instant;
import java.util.List;

/** The record of every import: the only writer of {@code import_run} and {@code import_rejection}. */
public final class ImportRuns {
    /** One refused file or line of a run ({@code line} null for a whole file). */
    public record RejectionRow(String file, Integer line, String reason) {
    }

    private final Session session;

    public ImportRuns(Session session) {
        this.session = session;
    }

    /** Records the start of a run over {@code sourcesJson} (a JSON list of paths); returns its id. */
    public long start(Instant startedAt, String sourcesJson) {
        return session.call(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO import_run (started_at, sources) VALUES (?, ?) RETURNING id")) {
                insert.setString(1, startedAt.toString());
                insert.setString(2, sourcesJson);
                try (ResultSet rs = insert.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }

    /** Records how a run ended and what it refused, in one transaction. */
    public void finish(long runId, Instant finishedAt, int imported, int duplicates, int labels, String status,
                       List<RejectionRow> rejections) {
        session.inTransaction(connection -> {
            try (PreparedStatement update = connection.prepareStatement("UPDATE import_run SET finished_at = ?, "
                    + "imported = ?, duplicates = ?, labels = ?, status = ? WHERE id = ?");
                 PreparedStatement reject = connection.prepareStatement(
                         "INSERT INTO import_rejection (run_id, file, line, reason) VALUES (?, ?, ?, ?)")) {
                update.setString(1, finishedAt.toString());
                update.setInt(2, imported);
                update.setInt(3, duplicates);
                update.setInt(4, labels);
                update.setString(5, status);
                update.setLong(6, runId);
                update.executeUpdate();
                for (RejectionRow r : rejections) {
                    reject.setLong(1, runId);
                    reject.setString(2, r.file());
                    if (r.line() == null) {
                        reject.setNull(3, Types.INTEGER);
                    } else {
                        reject.setInt(3, r.line());
                    }
                    reject.setString(4, r.reason());
                    reject.addBatch();
                }
                reject.executeBatch();
            }
            return null;
        });
    }
}
