package org.signalbench;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LauncherTest {
    @TempDir
    Path dir;

    @Test
    void anExistingSqliteFileOpensTheAppButACommandDoesNot() throws Exception {
        Path workbench = Files.createFile(dir.resolve("study.SQLITE"));
        assertTrue(Launcher.isWorkbenchFile(new String[] {workbench.toString()}));
        assertFalse(Launcher.isWorkbenchFile(new String[] {dir.resolve("missing.sqlite").toString()}));
        assertFalse(Launcher.isWorkbenchFile(new String[] {"stats"}));
        assertFalse(Launcher.isWorkbenchFile(new String[] {"stats", workbench.toString()}));
    }
}
