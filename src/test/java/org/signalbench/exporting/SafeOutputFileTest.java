package org.signalbench.exporting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.signalbench.store.Workbench;

@org.junit.jupiter.api.extension.ExtendWith(org.signalbench.testing.FaultCases.class)
class SafeOutputFileTest {
    @TempDir
    Path dir;
    Path db;

    @BeforeEach
    void workbench() throws Exception {
        db = dir.resolve("study.sqlite");
        try (Workbench wb = Workbench.open(db)) {
            wb.schemaVersion();
        }
    }

    @Test
    void writesTheWholeFileAndLeavesNothingElse() throws Exception {
        Path out = dir.resolve("sub/folder/report.html");
        Path written = SafeOutputFile.writeString(out, db, "<p>hello</p>");
        assertEquals("<p>hello</p>", Files.readString(out));
        assertEquals(out.toRealPath(), written);
        assertEquals(List.of(out.getFileName()), names(out.getParent()), "no temporary file is left");
    }

    @Test
    void refusesTheWorkbenchItsSideFilesAndAnyDatabaseHoweverNamed() throws Exception {
        Path other = dir.resolve("other.db");
        Files.copy(db, other);
        Files.createDirectories(dir.resolve("a"));
        Path link = Files.createSymbolicLink(dir.resolve("link.html"), db);
        Path linkedFolder = Files.createSymbolicLink(dir.resolve("linked"), dir);
        List<Path> refused = List.of(db, dir.resolve("study.sqlite-wal"), dir.resolve("study.sqlite-shm"),
                dir.resolve("study.sqlite-journal"), dir.resolve("a/../study.sqlite"), link, linkedFolder.resolve("study.sqlite"),
                linkedFolder.resolve("study.sqlite-wal"), other, dir.resolve("other.db-wal"),
                Path.of("").toAbsolutePath().relativize(db));
        byte[] before = Files.readAllBytes(db);
        for (Path target : refused) {
            SafeOutputFile.RefusedException e = assertThrows(SafeOutputFile.RefusedException.class,
                    () -> SafeOutputFile.writeString(target, db, "overwritten"), target.toString());
            assertTrue(e.getMessage().contains("refusing to write") && e.getMessage().contains("choose another output file"), e.getMessage());
        }
        // without naming the workbench, the SQLite header (and a side file's database) still protects it
        for (Path target : List.of(db, dir.resolve("study.sqlite-wal"), link)) {
            assertThrows(SafeOutputFile.RefusedException.class, () -> SafeOutputFile.writeString(target, null, "x"), target.toString());
        }
        assertTrue(Files.readString(SafeOutputFile.writeString(dir.resolve("study.sqlite.html"), db, "fine")).equals("fine"));
        org.junit.jupiter.api.Assertions.assertArrayEquals(before, Files.readAllBytes(db));
        assertTrue(Files.isSymbolicLink(link), "the link is left alone");
    }

    @Test
    void aReplacedFileKeepsItsPermissions() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(
                java.nio.file.FileSystems.getDefault().supportedFileAttributeViews().contains("posix"), "POSIX permissions");
        Path report = Files.writeString(dir.resolve("private.html"), "old");
        var ownerOnly = java.nio.file.attribute.PosixFilePermissions.fromString("rw-------");
        Files.setPosixFilePermissions(report, ownerOnly);
        SafeOutputFile.writeString(report, db, "new");
        assertEquals("new", Files.readString(report));
        assertEquals(ownerOnly, Files.getPosixFilePermissions(report));
    }

    @Test
    void refusesAFolderAndAFileGivenAsFolder() throws Exception {
        SafeOutputFile.RefusedException folder = assertThrows(SafeOutputFile.RefusedException.class,
                () -> SafeOutputFile.writeString(dir, db, "x"));
        assertTrue(folder.getMessage().contains("it is a folder"), folder.getMessage());
        SafeOutputFile.RefusedException file = assertThrows(SafeOutputFile.RefusedException.class, () -> SafeOutputFile.createFolder(db));
        assertTrue(file.getMessage().contains("a SQLite database"), file.getMessage());
    }

    @Test
    void anOutputFolderNamedAsADatabasesSideFileIsRefusedAndTheDatabaseStillOpens() throws Exception {
        // A folder named study.sqlite-wal keeps SQLite from making its WAL file: the workbench would not open.
        for (String side : List.of("study.sqlite-wal", "study.sqlite-shm", "study.sqlite-journal")) {
            Path folder = dir.resolve(side);
            SafeOutputFile.RefusedException staged = assertThrows(SafeOutputFile.RefusedException.class,
                    () -> SafeOutputFile.stageFolder(folder, (Path) null));
            assertTrue(staged.getMessage().contains("belongs to the SQLite database"), staged.getMessage());
            assertThrows(SafeOutputFile.RefusedException.class, () -> SafeOutputFile.stageFolder(folder, db));
            SafeOutputFile.RefusedException created = assertThrows(SafeOutputFile.RefusedException.class,
                    () -> SafeOutputFile.createFolder(folder));
            assertTrue(created.getMessage().contains("belongs to the SQLite database"), created.getMessage());
            assertFalse(Files.exists(folder), side);
        }
        try (Stream<Path> left = Files.list(dir)) {
            assertEquals(List.of(), left.map(p -> p.getFileName().toString())
                    .filter(n -> n.startsWith(".study.sqlite-")).toList(), "no staging folder left");
        }
        try (Workbench wb = Workbench.open(db)) {
            assertFalse(wb.schemaVersion().isBlank(), "the workbench opens");
        }
    }

    @Test
    void aWriterFailingMidWayLeavesNoPartialFileAndKeepsTheOldOne() throws Exception {
        Path fresh = dir.resolve("fresh.csv");
        Path existing = Files.writeString(dir.resolve("existing.csv"), "old,complete\n");
        for (Path target : List.of(fresh, existing)) {
            IOException e = assertThrows(IOException.class, () -> SafeOutputFile.write(target, db, out -> {
                out.write("a,b\n".repeat(50_000).getBytes(StandardCharsets.UTF_8)); // 200 kB written, then the disk is full
                throw new IOException("No space left on device");
            }));
            assertEquals("No space left on device", e.getMessage());
        }
        assertFalse(Files.exists(fresh), "no 0-byte or partial file under the requested name");
        assertEquals("old,complete\n", Files.readString(existing));
        assertEquals(List.of(existing.getFileName(), db.getFileName()), names(dir).stream()
                .filter(p -> !p.toString().startsWith("study.sqlite-") && !p.toString().equals(".study.sqlite.lock"))
                .sorted().toList(), "no temporary file is left (the workbench's own side files and migration lock aside)");
        assertThrows(IllegalStateException.class, () -> SafeOutputFile.write(fresh, db, out -> {
            out.write(1);
            throw new IllegalStateException("a bug in the writer");
        }));
        assertFalse(Files.exists(fresh));
    }

    @Test
    void tellsSqliteDatabasesByTheirHeader() throws Exception {
        assertTrue(SafeOutputFile.isSqliteDatabase(db));
        assertFalse(SafeOutputFile.isSqliteDatabase(Files.writeString(dir.resolve("short"), "SQLite")));
        assertFalse(SafeOutputFile.isSqliteDatabase(Files.writeString(dir.resolve("text.sqlite"), "SQLite format 2 and more text")));
        assertFalse(SafeOutputFile.isSqliteDatabase(dir.resolve("missing")));
    }

    @Test
    void aStagedFolderAppearsWithAllItsFilesOrNotAtAll() throws Exception {
        Path tables = dir.resolve("out/tables");
        try (SafeOutputFile.StagedFolder staged = SafeOutputFile.stageFolder(tables, db)) {
            SafeOutputFile.writeString(staged.path().resolve("a.csv"), db, "a\n");
            SafeOutputFile.writeString(staged.path().resolve("sub/b.csv"), db, "b\n");
            assertFalse(Files.exists(tables), "nothing under the final name before publishing");
            List<Path> published = staged.publish();
            assertEquals(List.of(tables.resolve("a.csv").toRealPath(), tables.resolve("sub/b.csv").toRealPath()), published);
        }
        assertEquals("a\n", Files.readString(tables.resolve("a.csv")));
        assertEquals("b\n", Files.readString(tables.resolve("sub/b.csv")));
        assertEquals(List.of(tables.getFileName()), names(tables.getParent()), "no staging folder is left");

        // a run failing half-way adds nothing to a new folder and leaves no staging folder
        Path charts = dir.resolve("out/charts");
        IOException e = assertThrows(IOException.class, () -> {
            try (SafeOutputFile.StagedFolder staged = SafeOutputFile.stageFolder(charts, db)) {
                SafeOutputFile.writeString(staged.path().resolve("one.svg"), db, "<svg/>");
                throw new IOException("No space left on device");
            }
        });
        assertEquals("No space left on device", e.getMessage());
        assertFalse(Files.exists(charts));
        assertEquals(List.of(tables.getFileName()), names(tables.getParent()));
    }

    @Test
    void publishingIntoAnExistingFolderKeepsTheUsersFilesAndChangesNothingWhenItFails() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("results"));
        Files.writeString(folder.resolve("notes.txt"), "mine");
        Files.writeString(folder.resolve("a.csv"), "old a");
        Files.writeString(folder.resolve("b.csv"), "old b");
        // fails half-way: the folder is as it was
        assertThrows(IOException.class, () -> {
            try (SafeOutputFile.StagedFolder staged = SafeOutputFile.stageFolder(folder, db)) {
                SafeOutputFile.writeString(staged.path().resolve("a.csv"), db, "new a");
                throw new IOException("killed");
            }
        });
        assertEquals("old a", Files.readString(folder.resolve("a.csv")));
        // a staged name that would land on a folder is refused before any file is moved
        Files.createDirectories(folder.resolve("c.csv"));
        assertThrows(SafeOutputFile.RefusedException.class, () -> {
            try (SafeOutputFile.StagedFolder staged = SafeOutputFile.stageFolder(folder, db)) {
                SafeOutputFile.writeString(staged.path().resolve("a.csv"), db, "new a");
                SafeOutputFile.writeString(staged.path().resolve("c.csv"), db, "new c");
                staged.publish();
            }
        });
        assertEquals("old a", Files.readString(folder.resolve("a.csv")), "nothing moved when one destination is refused");
        Files.delete(folder.resolve("c.csv"));
        try (SafeOutputFile.StagedFolder staged = SafeOutputFile.stageFolder(folder, db)) {
            SafeOutputFile.writeString(staged.path().resolve("a.csv"), db, "new a");
            SafeOutputFile.writeString(staged.path().resolve("b.csv"), db, "new b");
            staged.publish();
        }
        assertEquals(List.of("a.csv", "b.csv", "notes.txt"), names(folder).stream().map(Path::toString).toList());
        assertEquals("new a", Files.readString(folder.resolve("a.csv")));
        assertEquals("mine", Files.readString(folder.resolve("notes.txt")), "the user's other files are kept");
        assertEquals(List.of(Path.of("results"), db.getFileName()), names(dir).stream()
                .filter(p -> !p.toString().startsWith("study.sqlite-") && !p.toString().startsWith(".study.sqlite"))
                .sorted().toList(), "no staging folder is left");
        // the workbench's folder as target: a staged file named like the workbench is refused, the workbench untouched
        byte[] before = Files.readAllBytes(db);
        assertThrows(SafeOutputFile.RefusedException.class, () -> {
            try (SafeOutputFile.StagedFolder staged = SafeOutputFile.stageFolder(dir, db)) {
                SafeOutputFile.writeString(staged.path().resolve(db.getFileName().toString()), db, "overwritten");
                staged.publish();
            }
        });
        org.junit.jupiter.api.Assertions.assertArrayEquals(before, Files.readAllBytes(db));
        assertThrows(SafeOutputFile.RefusedException.class, () -> SafeOutputFile.stageFolder(db, db), "a file is not a folder");
    }

    @Test
    void aStagedFolderOrTemporaryFileLeftByADeadProcessIsRemovedByTheNextWrite() throws Exception {
        long dead = ProcessHandle.current().pid() + 3_000_000; // almost surely no such process (checked below)
        org.junit.jupiter.api.Assumptions.assumeFalse(ProcessHandle.of(dead).isPresent());
        Path leftover = Files.createDirectories(dir.resolve(".tables." + dead + "-abc.part/sub"));
        Files.writeString(leftover.resolve("x.csv"), "half");
        try (SafeOutputFile.StagedFolder staged = SafeOutputFile.stageFolder(dir.resolve("tables"), db)) {
            assertFalse(Files.exists(leftover.getParent()), "the dead process's staging folder is removed");
        }
    }

    @Test
    void aFileWrittenByPathIsCompleteOrAbsent() throws Exception {
        Path model = dir.resolve("models/m.zip");
        SafeOutputFile.writeFile(model, db, temp -> {
            assertFalse(Files.exists(temp), "the writer gets a fresh name");
            Files.writeString(temp, "model");
        });
        assertEquals("model", Files.readString(model));
        assertThrows(IOException.class, () -> SafeOutputFile.writeFile(model, db, temp -> {
            Files.writeString(temp, "half");
            throw new IOException("No space left on device");
        }));
        IOException none = assertThrows(IOException.class, () -> SafeOutputFile.writeFile(dir.resolve("models/n.zip"), db, temp -> { }));
        assertTrue(none.getMessage().contains("left no file"), none.getMessage());
        assertEquals("model", Files.readString(model), "the old file is kept");
        assertEquals(List.of(model.getFileName()), names(model.getParent()), "no temporary file is left");
        assertThrows(SafeOutputFile.RefusedException.class, () -> SafeOutputFile.writeFile(db, (Path) null, temp -> Files.writeString(temp, "x")));
    }

    private static List<Path> names(Path folder) throws IOException {
        try (Stream<Path> s = Files.list(folder)) {
            return s.map(Path::getFileName).sorted().toList();
        }
    }
}
