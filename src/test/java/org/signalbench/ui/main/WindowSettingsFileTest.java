package org.signalbench.ui.main;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The window settings file is saved whole (through SafeOutputFile), read back, and leaves no temporary file. */
class WindowSettingsFileTest {
    @TempDir
    Path dir;

    @Test
    void savedSettingsAreReadBackAndNothingElseIsLeft() throws Exception {
        Path file = dir.resolve("data/window.properties");
        new WindowSettings(file).save(); // the folder is made when missing
        Files.writeString(file, "person.name=coder_ann\nwindow.width=1000.0\n");
        new WindowSettings(file).save();
        WindowSettings again = new WindowSettings(file);
        assertEquals("coder_ann", again.get("person.name"));
        assertEquals("1000.0", again.get("window.width"));
        try (Stream<Path> files = Files.list(file.getParent())) {
            assertEquals(List.of(file.getFileName()), files.map(Path::getFileName).toList(), "no temporary file is left");
        }

        // a folder where the file should be: the save fails quietly (logged) and changes nothing
        Path folder = Files.createDirectories(dir.resolve("taken"));
        new WindowSettings(folder).save();
        assertFalse(Files.isRegularFile(folder));
    }
}
