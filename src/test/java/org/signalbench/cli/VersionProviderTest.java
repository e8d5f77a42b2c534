package org.signalbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.signalbench.testing.CliRun;

class VersionProviderTest {
    /** The project's own version in pom.xml: the first {@code <version>} after its artifactId. */
    private static String pomVersion() throws Exception {
        String pom = Files.readString(Path.of("pom.xml"));
        Matcher m = Pattern.compile("<artifactId>signalbench</artifactId>\\s*<version>([^<]+)</version>").matcher(pom);
        if (!m.find()) {
            throw new AssertionError("no project version in pom.xml");
        }
        return m.group(1);
    }

    @Test
    void versionOptionPrintsThePomVersion() throws Exception {
        CliRun shortOption = CliRun.of("-V");
        assertEquals(0, shortOption.exit(), shortOption.err());
        assertEquals("SignalBench " + pomVersion(), shortOption.out().strip());
        assertEquals(shortOption.out(), CliRun.of("--version").out());
    }
}
