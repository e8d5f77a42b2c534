package org.signalbench.app;

import java.nio.file.Path;
import java.util.List;
import org.signalbench.domain.Platform;
import org.signalbench.jobs.JobContext;
import org.signalbench.jobs.UnitProgress;
import org.signalbench.sample.TwitterStudySample;
import org.signalbench.store.DataLocations;
import org.signalbench.store.PostQuery;
import org.signalbench.store.Session;
import org.signalbench.store.Workbench;

/**
 * The built-in Twitter study sample as a workbench of its own (beside the Instagram one): the
 * sample is generated on first use, then its tweets are imported and its coder file's theme
 * classes stored, once.
 */
public final class TwitterStudyWorkbench {
    private static final long STEPS = 1000;

    private TwitterStudyWorkbench() {
    }

    /** Where the app keeps it: {@code <data directory>/twitter-study.sqlite}. */
    public static Path defaultFile() {
        return DataLocations.dataDirectory().resolve("twitter-study.sqlite");
    }

    /**
     * Makes {@code file} hold the sample (generated into {@code sampleFolder} when missing) unless it
     * has tweets already; as a job's work. Returns {@code file}.
     */
    public static Path prepare(Path file, Path sampleFolder, ImportingService importing, TopicsService topics,
                               JobContext job) throws Exception {
        Path folder = TwitterStudySample.ensure(sampleFolder, TwitterStudySample.DEFAULT_SEED,
                UnitProgress.within(job, 0, 3, STEPS, "generating the Twitter study sample"));
        try (Workbench wb = Workbench.open(file)) {
            int tweets;
            try (Session s = wb.openSession()) {
                tweets = s.call(c -> new PostQuery(c).count(new PostQuery.Filter(null, Platform.TWITTER, null)));
            }
            if (tweets == 0) {
                importing.run(wb, List.of(folder.resolve(TwitterStudySample.TWEETS_FILE)), null,
                        UnitProgress.within(job, 1, 3, STEPS, "importing the Twitter study sample"));
                job.progress(2 * STEPS, 3 * STEPS, "storing the coded theme classes");
                topics.importThemeClasses(wb, folder.resolve(TwitterStudySample.CODER_FILE));
            }
        }
        job.progress(3 * STEPS, 3 * STEPS, "the Twitter study sample is ready");
        return file;
    }
}
