package org.signalbench.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.signalbench.preprocess.Variant;
import org.signalbench.store.ProcessOwner;
import org.signalbench.store.Workbench;
import org.signalbench.testing.TestWorkbenches;

/** A run left 'running' by a process that is gone shows as stale and can be taken over. */
class RunStoreTest {
    @TempDir
    Path dir;

    private static final CvConfig CONFIG = new CvConfig(List.of(Variant.NO_HASHTAGS), List.of("dt"), Map.of(), 2, 1,
            Folds.Scheme.STRATIFIED);

    private static ProcessOwner ownerOf(Process process) {
        return new ProcessOwner(process.pid(), ProcessOwner.current().host(),
                process.info().startInstant().orElse(null));
    }

    @Test
    void aRunWhoseProcessIsGoneIsStaleAndCanBeResumed() throws Exception {
        try (Workbench wb = TestWorkbenches.open(dir)) {
            RunStore store = new RunStore(org.signalbench.store.Session.over(wb.connection()));
            store.create("mine", CONFIG, "f", 10, Map.of(), Map.of());
            assertEquals(RunStatus.RUNNING, store.run("mine").orElseThrow().status(), "this process is alive");
            assertEquals(ProcessOwner.current(), store.owner("mine").orElseThrow());

            Process sleeper = new ProcessBuilder("sleep", "60").start();
            try {
                store.create("other", CONFIG, "f", 10, Map.of(), Map.of());
                store.setOwner("other", ownerOf(sleeper));
                assertEquals(RunStatus.RUNNING, store.run("other").orElseThrow().status(), "its process still runs");
                IllegalStateException refused = assertThrows(IllegalStateException.class,
                        () -> store.setStatus("other", RunStatus.RUNNING, 0));
                assertTrue(refused.getMessage().contains("still running in process " + sleeper.pid()), refused.getMessage());
            } finally {
                sleeper.destroy();
                sleeper.waitFor();
            }
            assertEquals(RunStore.STALE, store.run("other").orElseThrow().status(), "its process was killed");
            assertTrue(store.all().stream().anyMatch(r -> r.id().equals("other") && r.status().equals(RunStore.STALE)));

            store.setStatus("other", RunStatus.RUNNING, 0); // resuming takes it over
            assertEquals(ProcessOwner.current(), store.owner("other").orElseThrow());
            assertEquals(RunStatus.RUNNING, store.run("other").orElseThrow().status());
            store.setStatus("other", RunStatus.FINISHED, 1.5);
            assertEquals(RunStatus.FINISHED, store.run("other").orElseThrow().status());
        }
    }

    @Test
    void runsFromBeforeOwnersWereRecordedAreStaleAndOtherHostsAreTrusted() throws Exception {
        try (Workbench wb = TestWorkbenches.open(dir)) {
            RunStore store = new RunStore(org.signalbench.store.Session.over(wb.connection()));
            store.create("legacy", CONFIG, "f", 10, Map.of(), Map.of());
            store.setOwner("legacy", null);
            assertEquals(RunStore.STALE, store.run("legacy").orElseThrow().status());

            store.create("remote", CONFIG, "f", 10, Map.of(), Map.of());
            store.setOwner("remote", new ProcessOwner(1, "another-host.example.com", null));
            assertEquals(RunStatus.RUNNING, store.run("remote").orElseThrow().status(), "cannot check a process elsewhere");

            store.create("cancelled", CONFIG, "f", 10, Map.of(), Map.of());
            store.setStatus("cancelled", RunStatus.CANCELLED, 2);
            store.setOwner("cancelled", null);
            assertEquals(RunStatus.CANCELLED, store.run("cancelled").orElseThrow().status(), "only running runs turn stale");
        }
    }
}
