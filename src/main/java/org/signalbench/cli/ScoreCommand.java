package org.signalbench.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.signalbench.app.FinalModelService;
import org.signalbench.app.Services;
import org.signalbench.domain.Post;
import org.signalbench.models.FinalModels;
import org.signalbench.models.Scored;
import org.signalbench.store.PostQuery;
import org.signalbench.store.Workbench;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code score}: scores posts with a final model and stores the scores for the annotate queue. */
@Command(name = "score", mixinStandardHelpOptions = true,
        description = "Score the posts without a final dealer label (all posts with --all) with a final model and store "
                + "the scores (post_score, under the final model's id), replacing that model's earlier scores.")
public final class ScoreCommand implements Callable<Integer> {
    private static final int PREVIEW = 70;

    @Mixin
    WorkbenchOption workbench;

    static final class Source {
        @Option(names = "--final-model", paramLabel = "ID", description = "A final model recorded in the workbench (`train`).")
        String id;

        @Option(names = "--file", paramLabel = "PATH", description = "A final-model file written by `train`, from any workbench.")
        Path file;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Source source;

    @Option(names = "--all", description = "Score labelled posts too.")
    boolean all;

    @Option(names = "--json", description = "Print the counts and the top posts as JSON.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        try (Workbench wb = workbench.openExisting()) {
            FinalModelService finals = Services.load().finalModels();
            var progress = new StderrProgress(spec.commandLine().getErr());
            FinalModels.ScoreResult r = source.id != null ? finals.score(wb, source.id, all, progress)
                    : finals.scoreFile(wb, source.file, all, progress);
            PostQuery posts = new PostQuery(wb.connection());
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                Map<String, Object> map = new LinkedHashMap<>();
                map.put("finalModel", r.finalModelId());
                map.put("scored", r.scored());
                map.put("skippedLabelled", r.skippedLabelled());
                map.put("withoutText", r.withoutText());
                List<Map<String, Object>> top = new ArrayList<>();
                for (Scored s : r.top()) {
                    Map<String, Object> t = new LinkedHashMap<>();
                    t.put("postId", s.postId());
                    t.put("score", s.score());
                    t.put("externalId", posts.load(s.postId()).map(Post::externalId).orElse(null));
                    top.add(t);
                }
                map.put("top", top);
                Json.print(out, map);
                return 0;
            }
            out.printf(Locale.ROOT, "scored %d posts with %s (%d with a final label left out, %d without a text in its variant)%n",
                    r.scored(), r.finalModelId(), r.skippedLabelled(), r.withoutText());
            if (!r.top().isEmpty()) {
                out.printf(Locale.ROOT, "%nhighest scores:%n%8s %10s  %s%n", "post", "score", "caption");
            }
            for (Scored s : r.top()) {
                String caption = posts.load(s.postId()).map(Post::caption).orElse("");
                caption = caption.replaceAll("\\s+", " ");
                out.printf(Locale.ROOT, "%8d %10.4f  %s%n", s.postId(), s.score(),
                        caption.length() > PREVIEW ? caption.substring(0, PREVIEW - 1) + "…" : caption);
            }
            out.flush();
            return 0;
        }
    }
}
