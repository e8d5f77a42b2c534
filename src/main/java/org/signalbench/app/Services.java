package org.signalbench.app;

import java.nio.file.Path;

/**
 * The application layer's services, built once at the edge (the command line's entry, the app's
 * start) over one {@link Settings} value and one {@link WorkbenchCorpus}, so every front end
 * shares the corpus and the settings.
 */
public record Services(Settings settings, WorkbenchCorpus corpus, ImportingService importing,
                       AdjudicationService adjudication, AgreementService agreement,
                       CrossValidationService crossValidation, FinalModelService finalModels,
                       LabelExportService labelExports, AccessService access) {

    /**
     * Services over these settings, saving final models under {@code modelsDirectory}, or beside
     * each workbench when it is null.
     */
    public static Services of(Settings settings, Path modelsDirectory) {
        WorkbenchCorpus corpus = new WorkbenchCorpus(settings);
        return new Services(settings, corpus, new ImportingService(corpus, settings.codebook()),
                new AdjudicationService(settings.codebook()), new AgreementService(settings.codebook()),
                new CrossValidationService(corpus), new FinalModelService(corpus, modelsDirectory),
                new LabelExportService(corpus, settings.codebook()), new AccessService());
    }

    /** Services over the settings in use; final models are saved beside each workbench. */
    public static Services load() {
        return of(Settings.load(), null);
    }
}
