package org.signalbench.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.signalbench.app.Services;
import org.signalbench.domain.Platform;
import org.signalbench.preprocess.Captions;
import org.signalbench.preprocess.PreprocessedCorpus;
import org.signalbench.preprocess.TextItem;
import org.signalbench.preprocess.Variant;
import org.signalbench.store.Session;
import org.signalbench.store.Workbench;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code preprocess}: runs the study's preprocessing over the workbench's captions and prints the sizes. */
@Command(name = "preprocess", mixinStandardHelpOptions = true,
        description = "Cleans the post captions as the Instagram study did (steps 1-5, see docs/preprocessing.md) "
                + "and prints the dictionary size and, per variant, the texts kept and the texts dropped by reason.")
public final class PreprocessCommand implements Callable<Integer> {

    @Mixin
    WorkbenchOption workbench;

    @Option(names = "--platform", paramLabel = "instagram|twitter", converter = PlatformConverter.class,
            description = "Only the posts of this platform (default: all posts).")
    Platform platform;

    @Option(names = "--json", description = "Print the result as JSON.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        List<TextItem> items;
        try (Workbench wb = workbench.openExisting()) {   // it only reads: a missing file is an error
            items = captions(wb);
        }
        PreprocessedCorpus corpus = Services.load().settings().preprocessor().run(items);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            Json.print(out, summary(corpus));
        } else {
            out.printf("posts: %d%n", corpus.posts());
            out.printf("dictionary: %d words%n", corpus.dictionary().size());
            for (Variant v : Variant.values()) {
                String dropped = corpus.dropCounts(v).entrySet().stream()
                        .map(e -> e.getKey() + " " + e.getValue())
                        .collect(Collectors.joining(", "));
                out.printf("%s: %d texts (dropped: %s)%n", v.key(), corpus.size(v), dropped);
            }
            out.flush();
        }
        return 0;
    }

    private List<TextItem> captions(Workbench wb) {
        return Captions.read(Session.over(wb.connection()), platform);
    }

    /** The JSON shape: {"posts": N, "dictionary": N, "variants": [{"variant", "texts", "dropped": {reason: n}}]}. */
    static Map<String, Object> summary(PreprocessedCorpus corpus) {
        List<Map<String, Object>> variants = new ArrayList<>();
        for (Variant v : Variant.values()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("variant", v.key());
            entry.put("texts", corpus.size(v));
            entry.put("dropped", corpus.dropCounts(v));
            variants.add(entry);
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("posts", corpus.posts());
        result.put("dictionary", corpus.dictionary().size());
        result.put("variants", variants);
        return result;
    }

    /** Accepts "instagram" or "twitter" in any case; anything else is a usage error. */
}
