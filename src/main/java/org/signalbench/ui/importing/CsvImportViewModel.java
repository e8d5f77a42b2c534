package org.signalbench.ui.importing;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.signalbench.domain.Platform;
import org.signalbench.importing.CsvOptions;
import org.signalbench.importing.CsvPreview;
import org.signalbench.importing.CsvTimes;
import org.signalbench.ui.common.Tasks;

/**
 * The CSV import dialog's state: the file's first rows as the import would read them, the encoding
 * and delimiter (detected, then changeable), a column per SignalBench field, the time format with a
 * check on the preview rows, and drop retweets. {@link #options()} is the same {@link CsvOptions}
 * the command line's {@code import --map …} builds.
 */
public final class CsvImportViewModel {
    /** Reads a file's first rows with given options (the app layer's {@code ImportingService.previewCsv}). */
    @FunctionalInterface
    public interface Previewer {
        CsvPreview preview(Path file, CsvOptions options, int rows) throws IOException;
    }

    /** How many records the preview shows and the time format is checked on. */
    static final int PREVIEW_ROWS = 20;
    /** The choice that leaves the encoding or delimiter to detection. */
    public static final String AUTO = "auto";

    private final List<Path> files;
    private final Executor executor;
    private final Previewer previewer;
    private final StringProperty encoding = new SimpleStringProperty(AUTO);
    private final StringProperty delimiter = new SimpleStringProperty(AUTO);
    private final ObjectProperty<Platform> platform = new SimpleObjectProperty<>();
    private final Map<String, StringProperty> columns = new LinkedHashMap<>();
    private final StringProperty timeFormat = new SimpleStringProperty("");
    private final StringProperty timeZone = new SimpleStringProperty("UTC");
    private final BooleanProperty dropRetweets = new SimpleBooleanProperty();
    private final ObservableList<String> encodings = FXCollections.observableArrayList();
    private final ObservableList<String> header = FXCollections.observableArrayList();
    private final ObservableList<List<String>> rows = FXCollections.observableArrayList();
    private final List<Integer> lines = new ArrayList<>();
    private final StringProperty detected = new SimpleStringProperty("");
    private final StringProperty timeCheck = new SimpleStringProperty("");
    private final StringProperty problem = new SimpleStringProperty("");
    private final BooleanProperty loading = new SimpleBooleanProperty();
    /** Why the preview could not be read to its end with the chosen encoding and delimiter, or null. */
    private String readProblem;
    private final BooleanBinding canImport;
    /** True while a preview's outcome is written back, so that does not start another preview. */
    private boolean applying;

    public CsvImportViewModel(List<Path> files, Executor executor, Previewer previewer) {
        if (files.isEmpty()) {
            throw new IllegalArgumentException("no CSV file to import");
        }
        this.files = List.copyOf(files);
        this.executor = executor;
        this.previewer = previewer;
        encodings.add(AUTO);
        for (Charset charset : CsvOptions.ENCODINGS) {
            encodings.add(charset.name());
        }
        for (String field : CsvOptions.FIELDS) {
            StringProperty column = new SimpleStringProperty(CsvOptions.NO_COLUMN);
            column.addListener((obs, old, now) -> recheck());
            columns.put(field, column);
        }
        encoding.addListener((obs, old, now) -> reloadUnlessApplying());
        delimiter.addListener((obs, old, now) -> reloadUnlessApplying());
        platform.addListener((obs, old, now) -> recheck());
        timeFormat.addListener((obs, old, now) -> recheck());
        timeZone.addListener((obs, old, now) -> recheck());
        canImport = Bindings.createBooleanBinding(() -> !loading.get() && problem.get().isEmpty() && !header.isEmpty(),
                loading, problem, header);
    }

    /** Reads the preview in the background with the current encoding and delimiter (auto at first). */
    public void reload() {
        CsvOptions options;
        try {
            options = dialectOptions();
        } catch (IllegalArgumentException e) {
            problem.set(e.getMessage()); // an encoding typed that Java does not know
            return;
        }
        loading.set(true);
        Tasks.create(() -> previewer.preview(files.get(0), options, PREVIEW_ROWS))
                .onSuccess(this::apply)
                .onError(error -> {
                    readProblem = null;
                    header.clear();
                    rows.clear();
                    problem.set("Cannot read " + files.get(0).getFileName() + ": " + error.getMessage());
                })
                .andFinally(() -> loading.set(false))
                .runOn(executor);
    }

    private void reloadUnlessApplying() {
        if (!applying) {
            reload();
        }
    }

    /** Only the encoding and delimiter matter for reading the rows; the columns are checked here. */
    private CsvOptions dialectOptions() {
        return CsvOptions.DEFAULT.withEncoding(AUTO.equals(encoding.get()) ? null : CsvOptions.parseEncoding(encoding.get()))
                .withDelimiter(CsvOptions.parseDelimiter(delimiter.get()));
    }

    private void apply(CsvPreview preview) {
        applying = true;
        try {
            readProblem = preview.problem();
            boolean newHeader = !preview.header().equals(header);
            header.setAll(preview.header());
            rows.setAll(preview.rows());
            lines.clear();
            lines.addAll(preview.lines());
            String encodingName = preview.encoding().name();
            if (!encodings.contains(encodingName)) {
                encodings.add(encodingName);
            }
            detected.set("Read as " + encodingName + ", cells separated by " + describe(preview.delimiter()));
            encoding.set(encodingName);
            delimiter.set(CsvOptions.delimiterName(preview.delimiter()));
            if (newHeader) {
                // The columns the import would take by name or alias, as a starting point.
                for (Map.Entry<String, StringProperty> e : columns.entrySet()) {
                    e.getValue().set(preview.mapping().getOrDefault(e.getKey(), CsvOptions.NO_COLUMN));
                }
            }
        } finally {
            applying = false;
        }
        recheck();
    }

    private static String describe(char delimiter) {
        return switch (delimiter) {
            case ',' -> "commas";
            case ';' -> "semicolons";
            case '\t' -> "tabs";
            default -> "'" + delimiter + "'";
        };
    }

    /** The options as chosen; throws IllegalArgumentException for a bad time format or zone. */
    public CsvOptions options() {
        Map<String, String> mapping = new LinkedHashMap<>();
        columns.forEach((field, column) -> mapping.put(field, column.get() == null ? CsvOptions.NO_COLUMN : column.get()));
        ZoneId zone = CsvOptions.parseZone(timeZone.get() == null || timeZone.get().isBlank() ? "UTC" : timeZone.get());
        String encodingName = encoding.get();
        return new CsvOptions(mapping, CsvOptions.parseDelimiter(delimiter.get()),
                AUTO.equals(encodingName) ? null : CsvOptions.parseEncoding(encodingName),
                timeFormat.get(), zone, platform.get(), dropRetweets.get());
    }

    /** Checks the mapping and the time format against the preview rows, without reading the file again. */
    private void recheck() {
        if (applying || header.isEmpty()) {
            return;
        }
        CsvOptions options;
        try {
            options = options();
        } catch (IllegalArgumentException e) {
            problem.set(e.getMessage()); // a time format, zone or encoding that cannot be used
            return;
        }
        String mappingProblem = CsvPreview.mappingProblem(header, options);
        String timeProblem = checkTimes(options);
        problem.set(readProblem != null ? readProblem : mappingProblem != null ? mappingProblem
                : timeProblem != null ? timeProblem : "");
    }

    /** Sets {@link #timeCheckProperty()}; returns a problem when no preview time can be read. */
    private String checkTimes(CsvOptions options) {
        String column = columns.get("posted_at").get();
        int index = column == null ? -1 : indexOf(column);
        if (index < 0) {
            timeCheck.set("No time column: the posts get no time.");
            return null;
        }
        CsvTimes times = new CsvTimes(options.timeFormat(), options.timeZone());
        int read = 0;
        int failed = 0;
        String firstRead = null;
        String firstFailure = null;
        for (int i = 0; i < rows.size(); i++) {
            List<String> row = rows.get(i);
            if (index >= row.size() || row.get(index).isBlank()) {
                continue;
            }
            try {
                var instant = times.parse(row.get(index));
                read++;
                if (firstRead == null) {
                    firstRead = row.get(index).trim() + " → " + instant;
                }
            } catch (IllegalArgumentException e) {
                failed++;
                if (firstFailure == null) {
                    firstFailure = "line " + lines.get(i) + ": " + e.getMessage();
                }
            }
        }
        if (read + failed == 0) {
            timeCheck.set("The preview rows have no times.");
            return null;
        }
        if (failed == 0) {
            timeCheck.set("All " + read + " times in the preview read, e.g. " + firstRead);
            return null;
        }
        timeCheck.set(read + " of " + (read + failed) + " times in the preview read; " + firstFailure);
        return read == 0 ? "None of the preview's times can be read: " + firstFailure : null;
    }

    private int indexOf(String column) {
        for (int i = 0; i < header.size(); i++) {
            if (header.get(i).trim().equalsIgnoreCase(column.trim())) {
                return i;
            }
        }
        return -1;
    }

    public List<Path> files() {
        return files;
    }

    public StringProperty encodingProperty() {
        return encoding;
    }

    /** The encodings offered: auto, the usual ones, and the detected one. */
    public ObservableList<String> encodings() {
        return encodings;
    }

    /** auto, ",", ";", "tab" or "|". */
    public StringProperty delimiterProperty() {
        return delimiter;
    }

    /** The platform of every row, or null to read it from the mapped column. */
    public ObjectProperty<Platform> platformProperty() {
        return platform;
    }

    /** The column a field is read from ({@link CsvOptions#NO_COLUMN}: not read). */
    public StringProperty columnProperty(String field) {
        StringProperty column = columns.get(field);
        if (column == null) {
            throw new IllegalArgumentException("no field " + field);
        }
        return column;
    }

    public StringProperty timeFormatProperty() {
        return timeFormat;
    }

    public StringProperty timeZoneProperty() {
        return timeZone;
    }

    public BooleanProperty dropRetweetsProperty() {
        return dropRetweets;
    }

    /** The preview's header row. */
    public ObservableList<String> header() {
        return header;
    }

    /** The preview's records, as cells. */
    public ObservableList<List<String>> rows() {
        return rows;
    }

    /** How the file is read: "Read as windows-1252, cells separated by semicolons". */
    public ReadOnlyStringProperty detectedProperty() {
        return detected;
    }

    /** What the time format makes of the preview's times. */
    public ReadOnlyStringProperty timeCheckProperty() {
        return timeCheck;
    }

    /** Why the import cannot start yet, or empty. */
    public ReadOnlyStringProperty problemProperty() {
        return problem;
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading;
    }

    public BooleanBinding canImportBinding() {
        return canImport;
    }
}
