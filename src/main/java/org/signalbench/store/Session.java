package org.signalbench.store;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * One connection to a workbench, owned by whoever opened it (a use-case service, for the length
 * of one use case) and closed by it. Work handed to {@link #call} or {@link #inTransaction} runs on
 * it; its database errors leave as {@link StoreException} (an {@link EnvironmentFault} when the machine or
 * the file is at fault), so the application layer speaks no JDBC.
 */
public final class Session implements AutoCloseable {
    /** Database work on this session's connection. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    /** A call into a class that still declares JDBC's checked exception (see {@link #connection()}). */
    @FunctionalInterface
    public interface Call<T> {
        T run() throws SQLException;
    }

    private final Connection connection;
    private final boolean owned;

    private Session(Connection connection, boolean owned) {
        this.connection = connection;
        this.owned = owned;
    }

    /** A session over a connection of its own; closing the session closes it. */
    static Session owning(Connection connection) {
        return new Session(connection, true);
    }

    /** A session over a connection someone else owns and closes (a command's shared connection). */
    public static Session over(Connection connection) {
        return new Session(connection, false);
    }

    /** Runs {@code work} on the connection. */
    public <T> T call(Work<T> work) {
        try {
            return work.run(connection);
        } catch (SQLException e) {
            throw EnvironmentFault.unchecked(e);
        }
    }

    /** A call into a class that still declares JDBC's checked exception and also reads or writes files. */
    @FunctionalInterface
    public interface FileCall<T> {
        T run() throws SQLException, java.io.IOException;
    }

    /** Runs {@code call}; its database errors leave as {@link StoreException}, its file errors as they are. */
    public <T> T uncheckedSql(FileCall<T> call) throws java.io.IOException {
        try {
            return call.run();
        } catch (SQLException e) {
            throw EnvironmentFault.unchecked(e);
        }
    }

    /** Runs {@code call}; its database errors leave as {@link StoreException}. */
    public <T> T unchecked(Call<T> call) {
        try {
            return call.run();
        } catch (SQLException e) {
            throw EnvironmentFault.unchecked(e);
        }
    }

    /**
     * The connection, for the classes outside {@code store} that still take one (the shrinking list
     * in ArchitectureTest) until their SQL has moved into a repository here.
     */
    public Connection connection() {
        return connection;
    }

    /** Every caption (of one platform; all when null) with its post id, in post-id order. */
    public java.util.List<PostQuery.Caption> captions(org.signalbench.domain.Platform platform) {
        return call(c -> {
            java.util.List<PostQuery.Caption> list = new java.util.ArrayList<>();
            new PostQuery(c).forEachCaption(platform, (id, text) -> list.add(new PostQuery.Caption(id, text)));
            return list;
        });
    }

    /** Hands every post (of one platform; all when null) with its comments, media and searches to {@code sink}, in id order. */
    public void forEachPost(org.signalbench.domain.Platform platform, java.util.function.Consumer<org.signalbench.domain.Post> sink) {
        call(c -> {
            PostReader.readAll(c, platform, sink);
            return null;
        });
    }

    /** The id of the stored post with this platform and external id, if any. */
    public java.util.Optional<Long> postId(org.signalbench.domain.Platform platform, String externalId) {
        return call(c -> new PostQuery(c).idOf(platform, externalId));
    }

    /** The caption of the stored post with this platform key and external id, if any. */
    public java.util.Optional<String> captionOf(String platformKey, String externalId) {
        return call(c -> new PostQuery(c).captionOf(platformKey, externalId));
    }

    /** The posts' {@link PostQuery.CaptionsState}: changes whenever an import adds posts. */
    public PostQuery.CaptionsState captionsState() {
        return call(c -> new PostQuery(c).captionsState());
    }

    /**
     * The file of the session's main database, or null for an in-memory one: what a file-writing
     * command must never overwrite.
     */
    public java.nio.file.Path databaseFile() {
        return call(c -> {
            try (java.sql.Statement st = c.createStatement(); java.sql.ResultSet rs = st.executeQuery("PRAGMA database_list")) {
                while (rs.next()) {
                    if ("main".equals(rs.getString("name"))) {
                        String file = rs.getString("file");
                        return file == null || file.isEmpty() ? null : java.nio.file.Path.of(file);
                    }
                }
                return null;
            }
        });
    }

    /** Runs {@code work} in one transaction (see {@link Transactions}). */
    public <T> T inTransaction(Work<T> work) {
        return call(c -> Transactions.call(c, () -> work.run(c)));
    }

    /** Runs {@code work} (calls into store repositories) in one transaction on this session; nested calls join it. */
    public <T> T transaction(java.util.function.Supplier<T> work) {
        return call(c -> Transactions.call(c, work::get));
    }

    @Override
    public void close() {
        if (owned) {
            try {
                connection.close();
            } catch (SQLException e) {
                throw new StoreException(e);
            }
        }
    }
}
