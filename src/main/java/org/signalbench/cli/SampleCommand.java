package org.signalbench.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.signalbench.jobs.JobContext;
import org.signalbench.sample.SampleFigures;
import org.signalbench.sample.SampleGenerator;
import org.signalbench.sample.TwitterStudySample;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/** {@code sample --out DIR [--seed N] [--posts N] [--dealer-share F] [--no-images]}: writes the invented sample corpus. */
@Command(name = "sample", mixinStandardHelpOptions = true,
        description = {"Writes the built-in sample (an invented corpus shaped like the published Instagram study).",
                "With the defaults it writes exactly the committed sample-data/; --posts N scales every figure."})
public final class SampleCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder to write (created when missing).")
    Path out;

    @Option(names = "--seed", paramLabel = "N", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed = SampleGenerator.DEFAULT_SEED;

    @Option(names = "--posts", paramLabel = "N", description = "Number of Instagram posts (default: ${DEFAULT-VALUE}).")
    int posts = SampleFigures.STUDY_POSTS;

    @Option(names = "--dealer-share", paramLabel = "F",
            description = "Share of dealer posts, above 0 and below 0.5 (default: the study's 1,228 of 12,857).")
    Double dealerShare;

    @Option(names = "--no-images", negatable = false, description = "Write no pictures (fast; the bundle then lists no media).")
    boolean noImages;

    @Option(names = "--json", description = "Print the summary as JSON.")
    boolean json;

    @Option(names = "--twitter-study", description = "Write the Twitter study sample instead (213,041 invented tweets, "
            + "truth and coder files; docs/sample-data.md). --seed applies; default seed " + TwitterStudySample.DEFAULT_SEED + ".")
    boolean twitterStudy;

    @Override
    public Integer call() throws Exception {
        if (twitterStudy) {
            return writeTwitterStudy();
        }
        if (posts < 50) {
            throw new ParameterException(spec.commandLine(), "--posts must be at least 50, got " + posts);
        }
        if (dealerShare != null && !(dealerShare > 0 && dealerShare < 0.5)) {
            throw new ParameterException(spec.commandLine(), "--dealer-share must be above 0 and below 0.5, got " + dealerShare);
        }
        long started = System.nanoTime();
        SampleGenerator.Summary summary = new SampleGenerator(new SampleGenerator.Options(out, seed, posts, !noImages,
                dealerShare == null ? Double.NaN : dealerShare))
                .generate(new JobContext() {
                    @Override
                    public void progress(long done, long total, String message) {
                        spec.commandLine().getErr().println("[" + done + "/" + total + "] " + message);
                    }

                    @Override
                    public boolean isCancelled() {
                        return false;
                    }
                });
        double seconds = (System.nanoTime() - started) / 1e9;
        if (json) {
            Json.print(spec.commandLine().getOut(), summary);
        } else {
            spec.commandLine().getOut().printf("wrote %d posts (%d dealer posts from %d accounts), %d media files, "
                            + "%d Instaloader posts, %d tweets to %s in %.1f s%n",
                    summary.posts(), summary.dealerPosts(), summary.dealerAccounts(), summary.mediaFiles(),
                    summary.instaloaderPosts(), summary.tweets(), out, seconds);
        }
        return 0;
    }

    private Integer writeTwitterStudy() throws Exception {
        long twitterSeed = spec.commandLine().getParseResult().hasMatchedOption("--seed") ? seed : TwitterStudySample.DEFAULT_SEED;
        TwitterStudySample.Summary summary = TwitterStudySample.generate(out, twitterSeed, new StderrProgress(spec.commandLine().getErr()));
        if (json) {
            Json.print(spec.commandLine().getOut(), summary);
        } else {
            spec.commandLine().getOut().printf("wrote %,d tweets (%,d with fentanyl, %,d selling, %,d of them with links, "
                            + "%d live unique from %d accounts) and %,d coded tweets to %s in %.1f s%n", summary.tweets(),
                    summary.fentanylTweets(), summary.sellingTweets(), summary.sellingWithLinks(), summary.liveUnique(),
                    summary.liveAccounts(), summary.coded(), out, summary.seconds());
        }
        return 0;
    }
}
