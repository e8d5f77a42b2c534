package org.signalbench.ui.importing;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/** The file choosers the app asks; tests answer them without native dialogs. */
public interface FileDialogs {
    Optional<Path> chooseFolder(Window owner, String title);

    List<Path> chooseFiles(Window owner, String title);

    Optional<Path> chooseWorkbenchToOpen(Window owner);

    Optional<Path> chooseNewWorkbench(Window owner);

    /** A CSV file to write (the label exports), proposing {@code initialName}; the platform's save dialog unless overridden. */
    default Optional<Path> chooseCsvToWrite(Window owner, String title, String initialName) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.setInitialFileName(initialName);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("CSV (*.csv)", "*.csv"));
        return Optional.ofNullable(chooser.showSaveDialog(owner)).map(File::toPath);
    }

    /** The platform's own choosers. */
    FileDialogs NATIVE = new FileDialogs() {
        private final FileChooser.ExtensionFilter workbenches =
                new FileChooser.ExtensionFilter("SignalBench workbench (*.sqlite)", "*.sqlite", "*.db");

        @Override
        public Optional<Path> chooseFolder(Window owner, String title) {
            DirectoryChooser chooser = new DirectoryChooser();
            chooser.setTitle(title);
            return Optional.ofNullable(chooser.showDialog(owner)).map(File::toPath);
        }

        @Override
        public List<Path> chooseFiles(Window owner, String title) {
            FileChooser chooser = new FileChooser();
            chooser.setTitle(title);
            chooser.getExtensionFilters().addAll(
                    new FileChooser.ExtensionFilter("Posts (*.json, *.jsonl, *.xz, *.csv)", "*.json", "*.jsonl", "*.xz", "*.csv"),
                    new FileChooser.ExtensionFilter("All files", "*"));
            List<File> files = chooser.showOpenMultipleDialog(owner);
            return files == null ? List.of() : files.stream().map(File::toPath).toList();
        }

        @Override
        public Optional<Path> chooseWorkbenchToOpen(Window owner) {
            FileChooser chooser = new FileChooser();
            chooser.setTitle("Open workbench");
            chooser.getExtensionFilters().add(workbenches);
            return Optional.ofNullable(chooser.showOpenDialog(owner)).map(File::toPath);
        }

        @Override
        public Optional<Path> chooseNewWorkbench(Window owner) {
            FileChooser chooser = new FileChooser();
            chooser.setTitle("New workbench");
            chooser.setInitialFileName("workbench.sqlite");
            chooser.getExtensionFilters().add(workbenches);
            return Optional.ofNullable(chooser.showSaveDialog(owner)).map(File::toPath);
        }
    };
}
