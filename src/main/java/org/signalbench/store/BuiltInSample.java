package org.signalbench.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Finds the built-in sample ({@code sample-data/} of the repository), which the build packs into
 * the jar. Run from classes it is a folder on disk; run from the jar it is unpacked once into the
 * data directory, because importers and the app need real files (media are shown from disk).
 */
public final class BuiltInSample {
    /** System property pointing at a sample-data folder to use instead of the packed one. */
    public static final String SAMPLE_PROPERTY = "signalbench.sample";
    private static final String MARKER = "/sample-data/README.md";

    private BuiltInSample() {
    }

    public static Path locate() {
        String override = System.getProperty(SAMPLE_PROPERTY);
        if (override != null && !override.isBlank()) {
            return Path.of(override).toAbsolutePath();
        }
        URL marker = BuiltInSample.class.getResource(MARKER);
        if (marker == null) {
            throw new UncheckedIOException(new IOException("the built-in sample is missing from this build"));
        }
        try {
            URI uri = marker.toURI();
            if ("file".equals(uri.getScheme())) {
                return Path.of(uri).getParent();
            }
            return unpack(uri);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot unpack the built-in sample", e);
        }
    }

    private static Path unpack(URI markerInJar) throws IOException {
        FileSystem jar;
        boolean opened = false;
        try {
            jar = FileSystems.newFileSystem(markerInJar, Map.of());
            opened = true;
        } catch (FileSystemAlreadyExistsException e) {
            jar = FileSystems.getFileSystem(markerInJar);
        }
        try {
            Path source = jar.getPath("/sample-data");
            // One folder per distinct sample (keyed by the README's size and the jar's version), so an
            // upgraded jar never mixes old and new files.
            String key = Long.toHexString(Files.size(source.resolve("README.md")) * 31
                    + String.valueOf(BuiltInSample.class.getPackage().getImplementationVersion()).hashCode());
            Path target = DataLocations.dataDirectory().resolve("sample-data").resolve(key);
            Path done = target.resolve(".unpacked");
            if (Files.exists(done)) {
                return target;
            }
            try (Stream<Path> files = Files.walk(source)) {
                for (Path file : (Iterable<Path>) files::iterator) {
                    Path out = target.resolve(source.relativize(file).toString());
                    if (Files.isDirectory(file)) {
                        Files.createDirectories(out);
                    } else {
                        try (InputStream in = Files.newInputStream(file)) {
                            Files.copy(in, out, StandardCopyOption.REPLACE_EXISTING);
                        }
                    }
                }
            }
            Files.createFile(done);
            return target;
        } finally {
            if (opened) {
                jar.close();
            }
        }
    }
}
