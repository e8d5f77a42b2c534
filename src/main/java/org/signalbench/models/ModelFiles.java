package org.signalbench.models;

import java.io.IOException;
import java.net.URI;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import org.deeplearning4j.util.ModelSerializer;
import org.signalbench.models.baselines.BaselineModel;
import org.signalbench.models.lstm.LstmTrainedModel;

/**
 * Saved model files. Both kinds are zip archives: a Tribuo baseline ({@link BaselineModel}: a
 * {@code signalbench-baseline.json} entry and the Tribuo model) and a SignalBench LSTM (a DL4J
 * model file with a {@code signalbench-lstm-config.json} entry). {@link #load} tells them apart by
 * their entries; other entries (a final model's description) may be added and are ignored.
 */
public final class ModelFiles {
    private ModelFiles() {
    }

    /** Loads a saved baseline or LSTM; an IOException names the file and why it cannot be read. */
    public static TrainedModel load(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException(file + ": no such model file");
        }
        boolean baseline;
        boolean dl4j;
        try (ZipFile zip = new ZipFile(file.toFile())) {
            baseline = zip.getEntry(BaselineModel.DESCRIPTION_ENTRY) != null;
            dl4j = zip.getEntry(ModelSerializer.CONFIGURATION_JSON) != null;
        } catch (ZipException e) {
            throw new IOException(file + ": not a SignalBench model file (not a zip archive: " + e.getMessage() + ")", e);
        }
        if (baseline) {
            return BaselineModel.load(file);
        }
        if (dl4j) {
            return LstmTrainedModel.load(file);
        }
        throw new IOException(file + ": not a SignalBench model file (a zip archive with neither "
                + BaselineModel.DESCRIPTION_ENTRY + " nor a DL4J " + ModelSerializer.CONFIGURATION_JSON + ")");
    }

    /**
     * Adds (or replaces) one entry of a model file in place; used only on a file not yet moved to its
     * final name (FinalModels saves through {@code SafeOutputFile.writeFile}).
     */
    static void putEntry(Path file, String name, byte[] content) throws IOException {
        try (FileSystem zip = FileSystems.newFileSystem(URI.create("jar:" + file.toAbsolutePath().toUri()), Map.of())) {
            Files.write(zip.getPath(name), content);
        }
    }

    /** One entry of a saved model file, if it has it. */
    static Optional<byte[]> entry(Path file, String name) throws IOException {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            ZipEntry entry = zip.getEntry(name);
            if (entry == null) {
                return Optional.empty();
            }
            try (var in = zip.getInputStream(entry)) {
                return Optional.of(in.readAllBytes());
            }
        } catch (ZipException e) {
            throw new IOException(file + ": not a zip archive (" + e.getMessage() + ")", e);
        }
    }
}
