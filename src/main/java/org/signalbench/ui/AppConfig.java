package org.signalbench.ui;

import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.function.Supplier;
import org.signalbench.app.Services;
import org.signalbench.ui.findings.FindingsFiles;
import org.signalbench.ui.importing.FileDialogs;
import org.signalbench.ui.importing.PostImporter;
import org.signalbench.ui.preprocessing.PostExplainer;

/**
 * What the window is built from. The app passes the real parts; tests pass fakes.
 *
 * @param workbench        the workbench file to open
 * @param defaultWorkbench whether it is the user's default workbench (an empty one gets the sample)
 * @param executor         the one background executor for all DB and file work
 * @param importer         imports files into a workbench
 * @param sample           finds the built-in sample folder
 * @param explainers       builds the preprocessing explanations, or null when this build has none
 * @param dialogs          file choosers
 * @param findingsFiles    the Findings view's save chooser and editable lexicon
 * @param services         the application layer's use-case services (settings, corpus, cross-validation)
 */
public record AppConfig(Path workbench, boolean defaultWorkbench, ExecutorService executor, PostImporter importer,
                        Supplier<Path> sample, PostExplainer.Factory explainers, FileDialogs dialogs,
                        FindingsFiles findingsFiles, Services services) {
    /** With the platform's save chooser and the user's lexicon copy for the Findings view. */
    public AppConfig(Path workbench, boolean defaultWorkbench, ExecutorService executor, PostImporter importer,
                     Supplier<Path> sample, PostExplainer.Factory explainers, FileDialogs dialogs) {
        this(workbench, defaultWorkbench, executor, importer, sample, explainers, dialogs, FindingsFiles.NATIVE);
    }

    /** With the services over the settings in use (loaded here, at the edge). */
    public AppConfig(Path workbench, boolean defaultWorkbench, ExecutorService executor, PostImporter importer,
                     Supplier<Path> sample, PostExplainer.Factory explainers, FileDialogs dialogs,
                     FindingsFiles findingsFiles) {
        this(workbench, defaultWorkbench, executor, importer, sample, explainers, dialogs, findingsFiles, Services.load());
    }
}
