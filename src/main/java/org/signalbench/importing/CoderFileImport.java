package org.signalbench.importing;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.Consumer;

/** PLACEHOLDER until the lead's CoderFileImport lands on main; deleted at merge. */
public final class CoderFileImport {
    private CoderFileImport() {
    }

    public static boolean isCoderFile(Path file) {
        return false;
    }

    public static int importFile(Connection connection, Path file, Consumer<Rejection> reject) throws IOException, SQLException {
        return 0;
    }
}
