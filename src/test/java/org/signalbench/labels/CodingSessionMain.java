package org.signalbench.labels;

import java.nio.file.Path;
import java.util.List;
import org.signalbench.domain.Coder;
import org.signalbench.domain.QueueFilter;
import org.signalbench.domain.Role;
import org.signalbench.store.Workbench;
import org.signalbench.testing.Labelling;

/**
 * A coding session in a JVM of its own, for {@link KilledSessionTest}: answers every post in the
 * queue and prints "saved ID" after each save returns, which is when the app would show the next post.
 */
public final class CodingSessionMain {
    private CodingSessionMain() {
    }

    public static void main(String[] args) throws Exception {
        try (Workbench wb = Workbench.open(Path.of(args[0])); LabelStore store = Labelling.labelStore(wb.connection())) {
            Coder coder = store.coder("coder-k", Role.CODER);
            List<Long> queue = store.queue(coder.id(), QueueFilter.ALL);
            for (long post : queue) {
                store.saveAnswer(coder.id(), post, "dealer", post % 3 == 0 ? "yes" : "no", post % 5 == 0 ? "note " + post : null);
                System.out.println("saved " + post);
                System.out.flush();
            }
        }
    }
}
