package org.signalbench.store;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.signalbench.domain.InterruptedImport;

/**
 * Imports that did not finish: a run whose process was killed or crashed (stored {@code running},
 * its owner gone) or that stopped on an environment fault (stored {@code interrupted}). Every chunk
 * an import commits is whole, and storing a post again merges it, so importing the same sources
 * again completes such a run; {@link #complete} then marks it {@code completed}.
 */
public final class InterruptedImports {
    /** The status of a run that stopped before its end and can be completed. */
    public static final String INTERRUPTED = "interrupted";
    /** The status of an interrupted run that a later import of the same sources completed. */
    public static final String COMPLETED = "completed";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Session session;

    public InterruptedImports(Session session) {
        this.session = session;
    }

    /** Records this process as the owner of run {@code runId}. */
    public void own(long runId) {
        ProcessOwner me = ProcessOwner.current();
        session.call(c -> {
            try (PreparedStatement st = c.prepareStatement(
                    "UPDATE import_run SET owner_pid = ?, owner_host = ?, owner_started = ? WHERE id = ?")) {
                st.setLong(1, me.pid());
                st.setString(2, me.host());
                st.setString(3, me.startedText());
                st.setLong(4, runId);
                st.executeUpdate();
            }
            return null;
        });
    }

    /**
     * Marks every run stored as running whose process is gone (or that has no recorded owner, from
     * before version 8) as {@value #INTERRUPTED}; returns how many.
     */
    public int settle() {
        return session.call(c -> {
            List<Long> gone = new ArrayList<>();
            try (PreparedStatement st = c.prepareStatement(
                    "SELECT id, owner_pid, owner_host, owner_started FROM import_run WHERE status = 'running'");
                 ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    if (rs.getString(3) == null || ProcessOwner.stored(rs.getLong(2), rs.getString(3), rs.getString(4)).gone()) {
                        gone.add(rs.getLong(1));
                    }
                }
            }
            if (gone.isEmpty()) {
                return 0;
            }
            return Transactions.call(c, () -> {
                try (PreparedStatement st = c.prepareStatement(
                        "UPDATE import_run SET status = '" + INTERRUPTED + "' WHERE id = ? AND status = 'running'")) {
                    for (long id : gone) {
                        st.setLong(1, id);
                        st.addBatch();
                    }
                    st.executeBatch();
                }
                return gone.size();
            });
        });
    }

    /** The interrupted runs not yet completed, oldest first (after {@link #settle}). */
    public List<InterruptedImport> list() {
        settle();
        return session.call(c -> {
            List<InterruptedImport> runs = new ArrayList<>();
            try (PreparedStatement st = c.prepareStatement("SELECT id, started_at, sources, imported FROM import_run "
                    + "WHERE status = '" + INTERRUPTED + "' ORDER BY id");
                 ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    runs.add(new InterruptedImport(rs.getLong(1), rs.getString(2), sources(rs.getString(3)), rs.getInt(4)));
                }
            }
            return runs;
        });
    }

    /** The sources of all interrupted runs, each once, in the order the runs started: what finishes them. */
    public List<Path> sourcesToFinish() {
        Set<Path> all = new LinkedHashSet<>();
        for (InterruptedImport run : list()) {
            all.addAll(run.sources());
        }
        return List.copyOf(all);
    }

    /**
     * Marks as {@value #COMPLETED} every interrupted run whose sources are all among {@code imported}
     * (a finished import of them); returns how many.
     */
    public int complete(List<Path> imported) {
        Set<Path> done = new LinkedHashSet<>();
        for (Path p : imported) {
            done.add(p.toAbsolutePath().normalize());
        }
        int completed = 0;
        for (InterruptedImport run : list()) {
            if (run.sources().stream().allMatch(p -> done.contains(p.toAbsolutePath().normalize()))) {
                completed += session.call(c -> {
                    try (PreparedStatement st = c.prepareStatement("UPDATE import_run SET status = '" + COMPLETED
                            + "' WHERE id = ? AND status = '" + INTERRUPTED + "'")) {
                        st.setLong(1, run.id());
                        return st.executeUpdate();
                    }
                });
            }
        }
        return completed;
    }

    private static List<Path> sources(String json) throws SQLException {
        try {
            return JSON.readValue(json, new TypeReference<List<String>>() { }).stream().map(Path::of).toList();
        } catch (java.io.IOException e) {
            throw new SQLException("import_run.sources is not a JSON list of paths: " + e.getMessage(), e);
        }
    }

    /** {@link #settle} on a plain connection, for the workbench's open. */
    static int settle(Connection connection) {
        return new InterruptedImports(Session.over(connection)).settle();
    }
}
