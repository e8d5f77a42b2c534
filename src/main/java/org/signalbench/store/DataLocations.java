package org.signalbench.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Where SignalBench keeps its files: the user's data directory (the default workbench, edited
 * copies of the editable resources) and the editable resources shipped in the jar.
 */
public final class DataLocations {
    /** System property, then environment variable, that move the data directory (tests, portable installs). */
    public static final String HOME_PROPERTY = "signalbench.home";
    public static final String HOME_ENV = "SIGNALBENCH_HOME";
    private static final String RESOURCE_ROOT = "/signalbench-resources/";

    private DataLocations() {
    }

    /** The per-user data directory, for example {@code ~/.local/share/signalbench} on Linux. */
    public static Path dataDirectory() {
        String override = System.getProperty(HOME_PROPERTY);
        if (override == null || override.isBlank()) {
            override = System.getenv(HOME_ENV);
        }
        if (override != null && !override.isBlank()) {
            return Path.of(override).toAbsolutePath();
        }
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        Path home = Path.of(System.getProperty("user.home"));
        if (os.contains("win")) {
            String appData = System.getenv("APPDATA");
            return (appData != null ? Path.of(appData) : home.resolve("AppData/Roaming")).resolve("SignalBench");
        }
        if (os.contains("mac")) {
            return home.resolve("Library/Application Support/SignalBench");
        }
        String xdg = System.getenv("XDG_DATA_HOME");
        return (xdg != null && !xdg.isBlank() ? Path.of(xdg) : home.resolve(".local/share")).resolve("signalbench");
    }

    /**
     * A workbench's own data folder, beside its file: {@code study-data/} for {@code study.sqlite}
     * (the file name without its last extension, plus {@code -data}). What belongs to one workbench
     * (its final models) lives there, so copying the file with its folder moves both.
     */
    public static Path workbenchDataFolder(Path workbenchFile) {
        Path file = workbenchFile.toAbsolutePath().normalize();
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return file.resolveSibling((dot > 0 ? name.substring(0, dot) : name) + "-data");
    }

    /** The workbench opened when no {@code --db} is given. */
    public static Path defaultWorkbench() {
        return dataDirectory().resolve("workbench.sqlite");
    }

    /**
     * Opens an editable resource such as {@code stopwords/english.txt}: the user's edited copy in
     * the data directory's {@code resources/} folder when there is one, else the copy shipped with
     * SignalBench (the repository's {@code resources/} folder, packed into the jar).
     */
    public static InputStream openResource(String relativePath) {
        Path edited = dataDirectory().resolve("resources").resolve(relativePath);
        try {
            if (Files.isRegularFile(edited)) {
                return Files.newInputStream(edited);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + edited, e);
        }
        InputStream shipped = DataLocations.class.getResourceAsStream(RESOURCE_ROOT + relativePath);
        if (shipped == null) {
            throw new UncheckedIOException(new IOException("resource not found: " + relativePath));
        }
        return shipped;
    }

    /** Where the user's edited copy of a resource lives (it may not exist yet). */
    public static Path editableCopy(String relativePath) {
        return dataDirectory().resolve("resources").resolve(relativePath);
    }
}
