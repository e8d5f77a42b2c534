package org.signalbench.models;

import com.fasterxml.jackson.core.type.TypeReference;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.signalbench.preprocess.Variant;
import org.signalbench.store.Transactions;

/**
 * Reads and writes cross-validation runs (tables of V4__model_runs.sql, owner columns of V5).
 *
 * <p>A run records the process that works on it ({@link Owner}: pid, host, process start time).
 * A run stored as {@code running} whose process is gone (killed, crashed, the machine restarted) is
 * reported with status {@value #STALE}: it was interrupted and can be resumed. A run owned by a
 * process on another host is taken to be running (its process cannot be checked from here).
 */
public final class RunStore {
    /** The status shown for a run stored as running whose process is gone. */
    public static final RunStatus STALE = RunStatus.STALE;

    private final Connection c;

    public RunStore(Connection c) {
        this.c = c;
    }

    /**
     * A stored run's header. {@code status}: running, finished, cancelled, failed, or {@value #STALE}
     * (stored as running, but its process is gone: interrupted; resume it).
     */
    public record Run(String id, String startedAt, String finishedAt, RunStatus status, CvConfig config,
                      String corpusFingerprint, int dictionarySize, Map<String, Map<String, Object>> hyperparameters,
                      Map<String, String> libraryVersions, double durationSeconds) {
    }

    /** The process working on a run; {@code started} is its start time, null when the system does not tell. */
    public record Owner(long pid, String host, String started) {
        private static final Owner CURRENT = new Owner(ProcessHandle.current().pid(), hostName(),
                startOf(ProcessHandle.current()));

        public static Owner current() {
            return CURRENT;
        }

        /** True when the process is known to be gone: same host, and no live process with that pid and start time. */
        public boolean gone() {
            if (!host.equals(CURRENT.host)) {
                return false;
            }
            if (equals(CURRENT)) {
                return false;
            }
            Optional<ProcessHandle> process = ProcessHandle.of(pid);
            if (process.isEmpty() || !process.get().isAlive()) {
                return true;
            }
            String processStarted = startOf(process.get());
            return started != null && processStarted != null && !started.equals(processStarted);
        }

        private static String startOf(ProcessHandle process) {
            return process.info().startInstant().map(Instant::toString).orElse(null);
        }

        private static String hostName() {
            try {
                return java.net.InetAddress.getLocalHost().getHostName();
            } catch (java.io.IOException e) {
                String env = System.getenv("HOSTNAME");
                return env == null || env.isBlank() ? "localhost" : env;
            }
        }
    }

    /** One stored out-of-fold prediction. */
    public record Prediction(long postId, int fold, double score, boolean predicted, boolean dealer) {
    }

    public void create(String id, CvConfig config, String fingerprint, int dictionarySize,
                       Map<String, Map<String, Object>> hyperparameters, Map<String, String> libraries) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("INSERT INTO model_run (id, started_at, status, seed, folds, fold_scheme, "
                + "variants, models, corpus_fingerprint, dictionary_size, hyperparameters, library_versions, "
                + "owner_pid, owner_host, owner_started) VALUES (?, ?, 'running', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            st.setString(1, id);
            st.setString(2, Instant.now().toString());
            st.setLong(3, config.seed());
            st.setInt(4, config.folds());
            st.setString(5, config.scheme().name().toLowerCase(java.util.Locale.ROOT));
            st.setString(6, String.join(",", config.variants().stream().map(Variant::key).toList()));
            st.setString(7, String.join(",", config.models()));
            st.setString(8, fingerprint);
            st.setInt(9, dictionarySize);
            st.setString(10, StoredJson.write(hyperparameters));
            st.setString(11, StoredJson.write(libraries));
            st.setLong(12, Owner.current().pid());
            st.setString(13, Owner.current().host());
            st.setString(14, Owner.current().started());
            st.executeUpdate();
        }
    }

    /**
     * Sets a run's status. Setting it to {@code running} (resuming) makes this process its owner, and
     * is refused while another live process still runs it.
     */
    public void setStatus(String id, RunStatus status, double addSeconds) throws SQLException {
        if (status == RunStatus.STALE) {
            throw new IllegalArgumentException("'stale' is reported, never stored");
        }
        if (status == RunStatus.RUNNING) {
            claim(id);
        }
        try (PreparedStatement st = c.prepareStatement("UPDATE model_run SET status = ?, duration_seconds = duration_seconds + ?, "
                + "finished_at = CASE WHEN ? = 'running' THEN NULL ELSE ? END WHERE id = ?")) {
            st.setString(1, status.key());
            st.setDouble(2, addSeconds);
            st.setString(3, status.key());
            st.setString(4, Instant.now().toString());
            st.setString(5, id);
            st.executeUpdate();
        }
    }

    private void claim(String id) throws SQLException {
        Optional<Owner> owner = owner(id);
        if (owner.isPresent() && storedStatus(id) == RunStatus.RUNNING && !owner.get().equals(Owner.current())
                && !owner.get().gone()) {
            throw new IllegalStateException("run " + id + " is still running in process " + owner.get().pid()
                    + " on " + owner.get().host());
        }
        setOwner(id, Owner.current());
    }

    /** Records the process working on a run. */
    void setOwner(String id, Owner owner) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(
                "UPDATE model_run SET owner_pid = ?, owner_host = ?, owner_started = ? WHERE id = ?")) {
            st.setObject(1, owner == null ? null : owner.pid());
            st.setString(2, owner == null ? null : owner.host());
            st.setString(3, owner == null ? null : owner.started());
            st.setString(4, id);
            st.executeUpdate();
        }
    }

    /** The process that last worked on a run; empty for runs stored before owners were recorded. */
    public Optional<Owner> owner(String id) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("SELECT owner_pid, owner_host, owner_started FROM model_run WHERE id = ?")) {
            st.setString(1, id);
            try (ResultSet rs = st.executeQuery()) {
                if (!rs.next() || rs.getString(2) == null) {
                    return Optional.empty();
                }
                return Optional.of(new Owner(rs.getLong(1), rs.getString(2), rs.getString(3)));
            }
        }
    }

    private RunStatus storedStatus(String id) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("SELECT status FROM model_run WHERE id = ?")) {
            st.setString(1, id);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() ? RunStatus.fromKey(rs.getString(1)) : null;
            }
        }
    }

    /**
     * The status to show: the stored one, except that a run stored as running whose process is gone
     * (or that predates recorded owners) is {@value #STALE}.
     */
    private RunStatus status(String id, RunStatus stored) throws SQLException {
        if (stored != RunStatus.RUNNING) {
            return stored;
        }
        Optional<Owner> owner = owner(id);
        return owner.isEmpty() || owner.get().gone() ? STALE : stored;
    }

    /** Stores a finished fold and its predictions in one transaction: a fold is stored whole or not at all. */
    public void saveFold(String runId, FoldResult r, List<Scored> scored, List<Boolean> dealer) throws SQLException {
        Transactions.run(c, () -> {
            try (PreparedStatement st = c.prepareStatement("INSERT INTO model_run_fold (run_id, variant, model, fold, train_size, "
                    + "test_size, tp, fp, tn, fn, precision, recall, f1, auc, train_seconds, test_seconds, finished_at) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                BinaryMetrics m = r.counts();
                st.setString(1, runId);
                st.setString(2, r.variant());
                st.setString(3, r.model());
                st.setInt(4, r.fold());
                st.setInt(5, r.trainSize());
                st.setInt(6, r.testSize());
                st.setInt(7, m.tp());
                st.setInt(8, m.fp());
                st.setInt(9, m.tn());
                st.setInt(10, m.fn());
                st.setDouble(11, m.precision());
                st.setDouble(12, m.recall());
                st.setDouble(13, m.f1());
                if (Double.isNaN(r.auc())) {
                    st.setNull(14, java.sql.Types.REAL);
                } else {
                    st.setDouble(14, r.auc());
                }
                st.setDouble(15, r.trainSeconds());
                st.setDouble(16, r.testSeconds());
                st.setString(17, Instant.now().toString());
                st.executeUpdate();
            }
            try (PreparedStatement st = c.prepareStatement("INSERT INTO model_run_prediction (run_id, variant, model, fold, post_id, "
                    + "score, predicted, label) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (int i = 0; i < scored.size(); i++) {
                    st.setString(1, runId);
                    st.setString(2, r.variant());
                    st.setString(3, r.model());
                    st.setInt(4, r.fold());
                    st.setLong(5, scored.get(i).postId());
                    st.setDouble(6, scored.get(i).score());
                    st.setInt(7, scored.get(i).predictedDealer() ? 1 : 0);
                    st.setInt(8, dealer.get(i) ? 1 : 0);
                    st.addBatch();
                }
                st.executeBatch();
            }
        });
    }

    public Optional<Run> run(String id) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("SELECT id, started_at, finished_at, status, seed, folds, fold_scheme, "
                + "variants, models, corpus_fingerprint, dictionary_size, hyperparameters, library_versions, duration_seconds "
                + "FROM model_run WHERE id = ?")) {
            st.setString(1, id);
            try (ResultSet rs = st.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                Map<String, Map<String, Object>> hyper = StoredJson.read(rs.getString(12), new TypeReference<>() { }, "run");
                Map<String, Map<String, String>> overrides = new LinkedHashMap<>();
                hyper.forEach((model, params) -> {
                    Map<String, String> text = new LinkedHashMap<>();
                    params.forEach((k, v) -> text.put(k, String.valueOf(v)));
                    overrides.put(model, text);
                });
                CvConfig config = new CvConfig(
                        Arrays.stream(rs.getString(8).split(",")).map(Variant::fromKey).toList(),
                        List.of(rs.getString(9).split(",")), overrides, rs.getInt(6), rs.getLong(5),
                        Folds.Scheme.valueOf(rs.getString(7).toUpperCase(java.util.Locale.ROOT)));
                return Optional.of(new Run(rs.getString(1), rs.getString(2), rs.getString(3), status(id, RunStatus.fromKey(rs.getString(4))), config,
                        rs.getString(10), rs.getInt(11), hyper, StoredJson.read(rs.getString(13), new TypeReference<>() { }, "run"),
                        rs.getDouble(14)));
            }
        }
    }

    /** Every stored run's id, newest first. */
    public List<String> runs() throws SQLException {
        List<String> ids = new ArrayList<>();
        try (PreparedStatement st = c.prepareStatement("SELECT id FROM model_run ORDER BY started_at DESC, rowid DESC");
             ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
                ids.add(rs.getString(1));
            }
        }
        return ids;
    }

    /** Every stored run, newest first. */
    public List<Run> all() throws SQLException {
        List<Run> list = new ArrayList<>();
        for (String id : runs()) {
            run(id).ifPresent(list::add);
        }
        return list;
    }

    /** Keys "variant/model/fold" of the folds already stored for a run. */
    public Set<String> finishedFolds(String runId) throws SQLException {
        Set<String> done = new HashSet<>();
        try (PreparedStatement st = c.prepareStatement("SELECT variant, model, fold FROM model_run_fold WHERE run_id = ?")) {
            st.setString(1, runId);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    done.add(key(rs.getString(1), rs.getString(2), rs.getInt(3)));
                }
            }
        }
        return done;
    }

    static String key(String variant, String model, int fold) {
        return variant + "/" + model + "/" + fold;
    }

    /** The stored folds of one variant and model, in fold order. */
    public List<FoldResult> folds(String runId, String variant, String model) throws SQLException {
        return rowsOf("SELECT fold, train_size, test_size, tp, fp, tn, fn, auc, train_seconds, test_seconds "
                + "FROM model_run_fold WHERE run_id = ? AND variant = ? AND model = ? ORDER BY fold", runId, variant, model,
                rs -> {
                    double auc = rs.getDouble(8);
                    if (rs.wasNull()) {
                        auc = Double.NaN;
                    }
                    return new FoldResult(variant, model, rs.getInt(1), rs.getInt(2), rs.getInt(3),
                            new BinaryMetrics(rs.getInt(4), rs.getInt(5), rs.getInt(6), rs.getInt(7)), auc,
                            rs.getDouble(9), rs.getDouble(10));
                });
    }

    /** The pooled out-of-fold predictions of one variant and model, in post-id order. */
    public List<Prediction> predictions(String runId, String variant, String model) throws SQLException {
        return rowsOf("SELECT post_id, fold, score, predicted, label FROM model_run_prediction "
                + "WHERE run_id = ? AND variant = ? AND model = ? ORDER BY post_id", runId, variant, model,
                rs -> new Prediction(rs.getLong(1), rs.getInt(2), rs.getDouble(3), rs.getInt(4) == 1, rs.getInt(5) == 1));
    }

    /** Reads one row of a result. */
    private interface RowReader<T> {
        T read(ResultSet rs) throws SQLException;
    }

    /** The rows of a query over one run, variant and model (its three parameters, in that order). */
    private <T> List<T> rowsOf(String sql, String runId, String variant, String model, RowReader<T> reader)
            throws SQLException {
        List<T> list = new ArrayList<>();
        try (PreparedStatement st = c.prepareStatement(sql)) {
            st.setString(1, runId);
            st.setString(2, variant);
            st.setString(3, model);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    list.add(reader.read(rs));
                }
            }
        }
        return list;
    }
}
