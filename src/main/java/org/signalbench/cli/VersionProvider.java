package org.signalbench.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** Reports the version of the build: pom.xml's version, written into {@code build.properties} by Maven. */
public final class VersionProvider implements IVersionProvider {
    /** Resource filtered by Maven from {@code src/main/resources-filtered} (also read by installers/build.sh). */
    static final String BUILD_PROPERTIES = "/org/signalbench/build.properties";

    @Override
    public String[] getVersion() {
        return new String[] {"SignalBench " + version()};
    }

    /** pom.xml's version (e.g. {@code 0.1.0-SNAPSHOT}); "development" when the resource was not built by Maven. */
    public static String version() {
        try (InputStream in = VersionProvider.class.getResourceAsStream(BUILD_PROPERTIES)) {
            if (in == null) {
                return "development";
            }
            Properties build = new Properties();
            build.load(in);
            String version = build.getProperty("version", "");
            return version.isEmpty() || version.startsWith("${") ? "development" : version;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + BUILD_PROPERTIES, e);
        }
    }
}
