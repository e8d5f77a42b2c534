package org.signalbench.models.lstm;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * The Deeplearning4j and ND4J versions on the class path, for a run's provenance: read from the
 * pom.properties Maven packs into each library's jar (kept in the application jar), so they are
 * the versions actually running, not the ones the build asked for.
 */
final class Dl4jVersion {
    static final String DEEPLEARNING4J = read("org.deeplearning4j", "deeplearning4j-nn");
    static final String ND4J = read("org.nd4j", "nd4j-api");

    private Dl4jVersion() {
    }

    private static String read(String group, String artifact) {
        String resource = "/META-INF/maven/" + group + "/" + artifact + "/pom.properties";
        try (InputStream in = Dl4jVersion.class.getResourceAsStream(resource)) {
            if (in == null) {
                return "unknown";
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
