package org.signalbench.preprocess;

import java.util.List;
import org.signalbench.domain.Platform;
import org.signalbench.store.Session;

/**
 * Reads a workbench's captions as text items and preprocesses them: the one place "read every
 * caption and preprocess it" is written (the corpus owner, final models, the preprocess and bench
 * commands all come here).
 */
public final class Captions {
    private Captions() {
    }

    /** Every caption (of one platform; all when {@code platform} is null), in post-id order. */
    public static List<TextItem> read(Session session, Platform platform) {
        return session.captions(platform).stream().map(c -> new TextItem(c.postId(), c.text())).toList();
    }

    /** Reads the captions and runs {@code preprocessor} over them. */
    public static PreprocessedCorpus preprocess(Session session, Platform platform, Preprocessor preprocessor) {
        return preprocessor.run(read(session, platform));
    }
}
