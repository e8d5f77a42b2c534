package org.signalbench.testing;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.function.Consumer;
import org.signalbench.app.Settings;
import org.signalbench.domain.Role;
import org.signalbench.importing.CoderFileImport;
import org.signalbench.importing.LabelCsvImport;
import org.signalbench.importing.Rejection;
import org.signalbench.labels.Codebook;
import org.signalbench.labels.LabelStore;
import org.signalbench.store.Session;

/** Tests' shortcuts to the label store and the label imports over a plain connection, with the codebook in use. */
public final class Labelling {
    /** The codebook the settings in use hold, loaded once for all tests. */
    public static final Codebook CODEBOOK = Settings.load().codebook();

    private Labelling() {
    }

    public static LabelStore labelStore(Connection c) {
        return new LabelStore(Session.over(c), CODEBOOK);
    }

    public static LabelCsvImport.Result importLabelCsv(Connection c, Path file, String person, Role role,
                                                       Consumer<Rejection> reject) throws IOException {
        return LabelCsvImport.importFile(Session.over(c), CODEBOOK, file, person, role, reject);
    }

    public static int importCoderFile(Connection c, Path file, Consumer<Rejection> reject) throws IOException {
        return importCoderFile(c, file, null, reject, conflict -> { });
    }

    public static int importCoderFile(Connection c, Path file, String expectedCoder, Consumer<Rejection> reject,
                                      Consumer<CoderFileImport.Conflict> conflicts) throws IOException {
        return CoderFileImport.importFile(Session.over(c), CODEBOOK, file, expectedCoder, reject, conflicts);
    }
}
