package org.signalbench.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.signalbench.testing.TestWorkbenches.insertPost;
import static org.signalbench.testing.TestWorkbenches.scalar;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.signalbench.jobs.CancelledException;
import org.signalbench.jobs.JobContext;
import org.signalbench.labels.FinalLabels;
import org.signalbench.preprocess.Preprocessor;
import org.signalbench.preprocess.Variant;
import org.signalbench.store.Session;
import org.signalbench.store.Workbench;
import org.signalbench.testing.TestWorkbenches;

class FinalModelsTest {
    @TempDir
    Path dir;

    /** Unlabelled posts: dealer-like captions and everyday ones; returns post id → dealer-like. */
    private static Map<Long, Boolean> addUnlabelled(Connection c, int n, String prefix) throws SQLException {
        Map<Long, Boolean> posts = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            boolean dealer = i % 2 == 0;
            String caption = dealer ? "plug connect dm order delivery #xanax #percs new" + prefix + i
                    : "sunset beach family coffee #love #travel new" + prefix + i;
            posts.put(insertPost(c, "instagram", prefix + i, "someone" + i, caption), dealer);
        }
        return posts;
    }

    private static Map<Long, Double> scores(Connection c, String model) throws SQLException {
        Map<Long, Double> scores = new HashMap<>();
        try (PreparedStatement st = c.prepareStatement("SELECT post_id, score FROM post_score WHERE model = ?")) {
            st.setString(1, model);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    scores.put(rs.getLong(1), rs.getDouble(2));
                }
            }
        }
        return scores;
    }

    @Test
    void trainsSavesRecordsAndScoresOnlyPostsWithoutAFinalLabel() throws Exception {
        try (Workbench wb = TestWorkbenches.open(dir)) {
            Connection c = wb.connection();
            int dealers = ModelFixtures.fill(c, 100, 4);
            Map<Long, Boolean> unlabelled = addUnlabelled(c, 12, "U");
            FinalModels finals = new FinalModels(org.signalbench.store.Session.over(c), Preprocessor.withDefaultStopWords(), dir.resolve("models"));

            FinalModels.FinalModel m = finals.train("svm", Variant.WITH_HASHTAGS, Map.of("cost", "0.5"), 7, JobContext.NONE);
            assertTrue(Files.isRegularFile(m.file()) && m.file().startsWith(dir.resolve("models")), m.file().toString());
            assertEquals(m.id() + ".zip", m.file().getFileName().toString());
            assertTrue(m.id().startsWith("svm-with-hashtags-"), m.id());
            assertEquals(m, finals.find(m.id()).orElseThrow(), "recorded as returned");
            assertEquals(List.of(m), finals.list());
            assertEquals(99, m.trainingPosts(), "100 labelled posts, one disputed");
            assertEquals(dealers, m.dealerPosts());
            assertEquals(0.0, m.threshold());
            assertEquals(0.5, m.hyperparameters().get("cost"));
            assertEquals(7, m.seed());
            assertTrue(m.libraryVersions().keySet().containsAll(ModelCatalog.trainer("svm", Map.of()).libraryVersions().keySet()),
                    m.libraryVersions().toString());

            FinalModels.ScoreResult result = finals.score(m.id(), false, JobContext.NONE);
            Map<Long, Double> stored = scores(c, m.id());
            Set<Long> expected = new TreeSet<>(unlabelled.keySet());
            var labels = FinalLabels.of(Session.over(c), "dealer");
            labels.values().stream().filter(l -> !l.isFinal()).forEach(l -> expected.add(l.postId())); // the disputed post
            assertEquals(expected, new TreeSet<>(stored.keySet()), "only posts without a final label are scored");
            assertEquals(13, result.scored());
            assertEquals(99, result.skippedLabelled());
            assertEquals(Math.min(10, 13), result.top().size());
            assertEquals(stored.values().stream().mapToDouble(Double::doubleValue).max().orElseThrow(), result.top().get(0).score());
            double dealerMean = unlabelled.entrySet().stream().filter(Map.Entry::getValue)
                    .mapToDouble(e -> stored.get(e.getKey())).average().orElseThrow();
            double otherMean = unlabelled.entrySet().stream().filter(e -> !e.getValue())
                    .mapToDouble(e -> stored.get(e.getKey())).average().orElseThrow();
            assertTrue(dealerMean > m.threshold() && otherMean < m.threshold(), dealerMean + " vs " + otherMean);

            FinalModels.ScoreResult all = finals.score(m.id(), true, JobContext.NONE);
            assertEquals(112, all.scored(), "every text of the variant");
            assertEquals(0, all.skippedLabelled());
            assertEquals(112, scores(c, m.id()).size(), "scoring again replaces the model's scores");
        }
    }

    @Test
    void aModelFileFailingHalfWayIsNeitherLeftNorRecorded() throws Exception {
        try (Workbench wb = TestWorkbenches.open(dir)) {
            Connection c = wb.connection();
            ModelFixtures.fill(c, 100, 4);
            Path models = dir.resolve("models");
            FinalModels finals = new FinalModels(Session.over(c), Preprocessor.withDefaultStopWords(), models);
            ModelTrainer svm = ModelCatalog.trainer("svm", Map.of());
            ModelTrainer fullDisk = new ModelTrainer() {
                public String id() {
                    return svm.id();
                }

                public Map<String, Object> hyperparameters() {
                    return svm.hyperparameters();
                }

                public Map<String, String> libraryVersions() {
                    return svm.libraryVersions();
                }

                public TrainedModel train(List<Example> training, int dictionarySize, long seed, JobContext context) {
                    TrainedModel trained = svm.train(training, dictionarySize, seed, context);
                    return new TrainedModel() {
                        public List<Scored> score(List<Example> examples) {
                            return trained.score(examples);
                        }

                        public void save(Path file) throws java.io.IOException {
                            trained.save(file); // a whole model, then the disk fills while it is described
                            Files.write(file, new byte[100_000], java.nio.file.StandardOpenOption.APPEND);
                            throw new java.io.IOException("No space left on device");
                        }
                    };
                }
            };
            java.io.IOException e = assertThrows(java.io.IOException.class,
                    () -> finals.train(fullDisk, Variant.WITH_HASHTAGS, 7, JobContext.NONE));
            assertEquals("No space left on device", e.getMessage());
            try (var left = Files.list(models)) {
                assertEquals(List.of(), left.toList(), "no model file, whole or partial, is left");
            }
            assertEquals(List.of(), finals.list(), "nothing recorded");
        }
    }

    @Test
    void aCancelledScoringWritesNothingAndAFileScoresInAnotherWorkbench() throws Exception {
        Path models = dir.resolve("models");
        FinalModels.FinalModel m;
        Map<Long, Double> first;
        try (Workbench wb = Workbench.open(dir.resolve("one.sqlite"))) {
            ModelFixtures.fill(wb.connection(), 80, 6);
            addUnlabelled(wb.connection(), 6, "U");
            FinalModels finals = new FinalModels(org.signalbench.store.Session.over(wb.connection()), Preprocessor.withDefaultStopWords(), models);
            m = finals.train("dt", Variant.NO_HASHTAGS, Map.of(), 1, JobContext.NONE);
            finals.score(m.id(), false, JobContext.NONE);
            first = scores(wb.connection(), m.id());
            JobContext cancelled = new JobContext() {
                @Override
                public void progress(long done, long total, String message) {
                }

                @Override
                public boolean isCancelled() {
                    return true;
                }
            };
            assertThrows(CancelledException.class, () -> finals.score(m.id(), true, cancelled));
            assertEquals(first, scores(wb.connection(), m.id()), "the earlier scores stay");
            assertThrows(CancelledException.class, () -> finals.train("dt", Variant.NO_HASHTAGS, Map.of(), 1, cancelled));
            assertEquals(1, finals.list().size(), "nothing recorded");
            try (var files = Files.list(models)) {
                assertEquals(1, files.count(), "nothing saved");
            }
        }
        try (Workbench other = Workbench.open(dir.resolve("two.sqlite"))) {
            addUnlabelled(other.connection(), 6, "U");
            FinalModels finals = new FinalModels(org.signalbench.store.Session.over(other.connection()), Preprocessor.withDefaultStopWords(), models);
            FinalModels.ScoreResult result = finals.scoreFile(m.file(), false, JobContext.NONE);
            assertEquals(m.id(), result.finalModelId());
            assertEquals(6, result.scored());
            assertEquals(m, finals.find(m.id()).orElseThrow(), "recorded in this workbench too");
            assertEquals(new TreeSet<>(first.values()), new TreeSet<>(scores(other.connection(), m.id()).values()),
                    "same captions, same scores");
            finals.delete(m.id());
            assertTrue(finals.list().isEmpty());
            assertEquals(0, scalar(other.connection(), "SELECT count(*) FROM post_score"));
            assertTrue(Files.notExists(m.file()));
        }
    }

    @Test
    void anLstmKeepsItsDictionaryWhenNewPostsMoveTheWorkbenchOne() throws Exception {
        try (Workbench wb = TestWorkbenches.open(dir)) {
            Connection c = wb.connection();
            ModelFixtures.fill(c, 80, 8);
            Map<Long, Boolean> unlabelled = addUnlabelled(c, 6, "U");
            FinalModels finals = new FinalModels(org.signalbench.store.Session.over(c), Preprocessor.withDefaultStopWords(), dir.resolve("models"));
            FinalModels.FinalModel m = finals.train(new TinyLstmTrainer(), Variant.WITH_HASHTAGS, 3, JobContext.NONE);
            assertEquals(0.5, m.threshold());
            finals.score(m.id(), false, JobContext.NONE);
            Map<Long, Double> before = scores(c, m.id());
            assertEquals(unlabelled.keySet().size() + 1, before.size());

            // new posts full of new words: the frequency-ranked dictionary gives the old words other indices
            List<Long> added = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                added.add(insertPost(c, "instagram", "N" + i, "newcomer", "zebra quartz zebra quartz zebra #zebra extra" + i));
            }
            finals.score(m.id(), false, JobContext.NONE);
            Map<Long, Double> after = scores(c, m.id());
            for (long post : before.keySet()) {
                // float arithmetic over batches of other shapes moves the last digits, nothing more
                assertEquals(before.get(post), after.get(post), 1e-6, "post " + post + " scores as before");
            }
            assertTrue(after.keySet().containsAll(added));
        }
    }
}
