package org.signalbench.ui.annotate;

import java.nio.file.Path;
import java.util.List;
import org.signalbench.domain.Role;
import org.signalbench.labels.Coder;
import org.signalbench.labels.LabelStore;
import org.signalbench.labels.QueueFilter;
import org.signalbench.store.Workbench;

/**
 * A coding session in a JVM of its own, for the crash test: codes the queue of {@code CODER} in
 * {@code DB} as the Annotate view does (through {@link LabelStore}) and prints
 * "saved N POST_ID VALUE" once each answer has been saved, then pauses briefly, until killed.
 */
public final class CodingSessionProcess {
    private CodingSessionProcess() {
    }

    public static void main(String[] args) throws Exception {
        Path db = Path.of(args[0]);
        String coderName = args[1];
        try (Workbench workbench = Workbench.open(db)) {
            LabelStore store = new LabelStore(workbench.connection());
            Coder coder = store.coder(coderName, Role.CODER);
            List<Long> queue = store.queue(coder.id(), QueueFilter.ALL);
            int saved = 0;
            for (long postId : queue) {
                String value = postId % 3 == 0 ? "yes" : "no";
                store.saveAnswer(coder.id(), postId, LabelStore.DEALER, value, "note on " + postId);
                saved++;
                System.out.println("saved " + saved + " " + postId + " " + value);
                System.out.flush();
                Thread.sleep(5);
            }
            System.out.println("finished");
        }
    }
}
