package org.signalbench.ui.preprocessing;

import java.util.Optional;
import org.signalbench.jobs.JobContext;
import org.signalbench.store.Workbench;

/**
 * Explains the preprocessing of single posts. Built once per workbench state in the background
 * (the corpus over all posts), after which {@link #explain(long)} answers at once.
 */
@FunctionalInterface
public interface PostExplainer {

    /** The post's preprocessing, or empty if the post was not part of the corpus. */
    Optional<PostPreprocessing> explain(long postId);

    /** Builds an explainer over all posts of a workbench; slow, runs as a job. */
    @FunctionalInterface
    interface Factory {
        PostExplainer build(Workbench workbench, JobContext job) throws Exception;
    }
}
