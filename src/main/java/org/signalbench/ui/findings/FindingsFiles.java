package org.signalbench.ui.findings;

import java.io.File;
import java.nio.file.Path;
import java.util.Optional;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.signalbench.findings.DrugLexicon;
import org.signalbench.store.DataLocations;

/**
 * The files the Findings view writes: the choosers for exports, charts and reports, and where the user's
 * editable copy of the drug-hashtag lexicon lives. Tests answer both without dialogs or the user's
 * data directory.
 */
public interface FindingsFiles {
    /**
     * Asks where to save a file.
     *
     * @param initialName the suggested file name, with the extension of the first filter
     * @param filters     what can be saved, e.g. {@code ("CSV", "csv")}; the first is preselected
     * @return the chosen file (with the selected filter's extension when the user typed none)
     */
    Optional<Path> chooseSaveFile(Window owner, String title, String initialName, FileType... filters);

    /** Asks for a folder to write into (the charts' SVG and PNG files). */
    default Optional<Path> chooseFolder(Window owner, String title) {
        javafx.stage.DirectoryChooser chooser = new javafx.stage.DirectoryChooser();
        chooser.setTitle(title);
        return Optional.ofNullable(chooser.showDialog(owner)).map(File::toPath);
    }

    /** Where the edited drug-hashtag lexicon is saved (it may not exist yet). */
    Path editableLexicon();

    /** A kind of file a save chooser offers. */
    record FileType(String description, String extension) {
        FileChooser.ExtensionFilter filter() {
            return new FileChooser.ExtensionFilter(description + " (*." + extension + ")", "*." + extension);
        }
    }

    /** The platform's chooser and the user's data directory. */
    FindingsFiles NATIVE = new FindingsFiles() {
        @Override
        public Optional<Path> chooseSaveFile(Window owner, String title, String initialName, FileType... filters) {
            FileChooser chooser = new FileChooser();
            chooser.setTitle(title);
            chooser.setInitialFileName(initialName);
            for (FileType type : filters) {
                chooser.getExtensionFilters().add(type.filter());
            }
            File file = chooser.showSaveDialog(owner);
            if (file == null) {
                return Optional.empty();
            }
            String name = file.getName();
            if (!name.contains(".") && chooser.getSelectedExtensionFilter() != null) {
                String pattern = chooser.getSelectedExtensionFilter().getExtensions().get(0);
                file = new File(file.getParentFile(), name + pattern.substring(1));
            }
            return Optional.of(file.toPath());
        }

        @Override
        public Path editableLexicon() {
            return DataLocations.editableCopy(DrugLexicon.RESOURCE);
        }
    };
}
