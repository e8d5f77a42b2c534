package org.signalbench.topics;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.signalbench.jobs.CancelledException;
import org.signalbench.jobs.JobContext;

/**
 * Kernel k-means with the Nyström approximation: documents are TF-IDF rows (unit length) under the
 * Gaussian kernel k(x, y) = exp(-gamma |x - y|^2); a full N x N kernel matrix over 213,041 tweets
 * does not fit in memory, so m landmark documents (drawn with the seed) give each document the
 * feature vector Lambda^(-1/2) U' k_m(x), where U Lambda U' is the landmarks' kernel matrix and
 * k_m(x) the document's kernel values against them. Ordinary k-means (k-means++ start, Lloyd rounds
 * until no document moves) in that space is kernel k-means on the approximated kernel.
 *
 * <p>Options: {@code landmarks} (m, default 200), {@code gamma} (1), {@code beta} (0.01, the
 * smoothing of each cluster's word distribution). Iterations: at most 50 Lloyd rounds by default.
 *
 * <p>As a topic model: a document belongs to one cluster (p(z|d) = 1 for its nearest centroid, also
 * for new documents); p(w|z) is the cluster's word counts plus beta, normalised.
 */
public final class KernelKMeansTrainer implements TopicModelTrainer {
    public static final String ID = "kernel-kmeans";
    public static final int DEFAULT_ITERATIONS = 50;
    private static final Set<String> OPTIONS = Set.of("landmarks", "gamma", "beta");

    @Override
    public String id() {
        return ID;
    }

    @Override
    public TopicModelResult fit(TopicCorpus corpus, TopicParams params, long seed, JobContext progress) {
        params.requireKnownOptions(ID, OPTIONS);
        long started = System.nanoTime();
        int k = params.k();
        int rounds = params.iterationsOr(DEFAULT_ITERATIONS);
        double gamma = params.option("gamma", 1.0);
        double beta = params.option("beta", 0.01);
        int requestedLandmarks = (int) params.option("landmarks", 200);
        int n = corpus.size();
        if (n < k) {
            throw new IllegalArgumentException("kernel k-means needs at least k = " + k + " documents, the corpus has " + n);
        }
        SplitMix64 random = new SplitMix64(SplitMix64.derive(seed, 0x4b4b4d));
        TfIdfRows x = TfIdfRows.fit(corpus);
        Nystroem map = Nystroem.fit(x, requestedLandmarks, gamma, random);
        int r = map.dimensions();
        float[] features = new float[Math.multiplyExact(n, r)];
        double[] scratch = new double[r];
        for (int d = 0; d < n; d++) {
            map.features(x.columns, x.values, x.start[d], x.start[d + 1], scratch);
            for (int j = 0; j < r; j++) {
                features[d * r + j] = (float) scratch[j];
            }
        }
        double[] centroids = kMeansPlusPlus(features, n, r, k, random);
        int[] assignment = new int[n];
        java.util.Arrays.fill(assignment, -1);
        int done = 0;
        for (; done < rounds; done++) {
            if (progress.isCancelled()) {
                throw new CancelledException();
            }
            int moved = assign(features, n, r, centroids, k, assignment);
            progress.progress(done + 1, rounds + 1L, "round " + (done + 1) + " of at most " + rounds + ", " + moved + " moved");
            if (moved == 0) {
                done++;
                break;
            }
            updateCentroids(features, n, r, assignment, centroids, k);
            if (done == rounds - 1) {
                // Out of rounds: assign once more so every document sits with its nearest (final) centroid.
                assign(features, n, r, centroids, k, assignment);
            }
        }
        KMeansModel model = new KMeansModel(corpus, assignment, k, beta, x.idf, map, centroids);
        TopicModelResult result = TopicModelResult.of(ID, model, corpus, d -> oneHot(assignment[d], k), null);
        Map<String, Object> h = new LinkedHashMap<>();
        h.put("k", k);
        h.put("iterations", rounds);
        h.put("roundsRun", done);
        h.put("kernel", "gaussian on l2-normalised tf-idf");
        h.put("gamma", gamma);
        h.put("landmarks", map.landmarks());
        h.put("nystroemDimensions", r);
        h.put("init", "k-means++");
        h.put("beta", beta);
        progress.progress(rounds + 1L, rounds + 1L, "done");
        return result.withProvenance(TopicProvenance.of(corpus, h, seed, 1, Map.of("commons-math3", "3.6.1"),
                (System.nanoTime() - started) / 1e9));
    }

    static double[] oneHot(int z, int k) {
        double[] p = new double[k];
        p[z] = 1;
        return p;
    }

    private static double[] kMeansPlusPlus(float[] f, int n, int r, int k, SplitMix64 random) {
        double[] centroids = new double[k * r];
        double[] nearest = new double[n];
        java.util.Arrays.fill(nearest, Double.POSITIVE_INFINITY);
        int chosen = random.nextInt(n);
        for (int c = 0; c < k; c++) {
            for (int j = 0; j < r; j++) {
                centroids[c * r + j] = f[chosen * r + j];
            }
            if (c == k - 1) {
                break;
            }
            double total = 0;
            for (int d = 0; d < n; d++) {
                double dist = 0;
                for (int j = 0; j < r; j++) {
                    double diff = f[d * r + j] - centroids[c * r + j];
                    dist += diff * diff;
                }
                nearest[d] = Math.min(nearest[d], dist);
                total += nearest[d];
            }
            double u = random.nextDouble() * total;
            chosen = n - 1;
            double running = 0;
            for (int d = 0; d < n; d++) {
                running += nearest[d];
                if (running > u) {
                    chosen = d;
                    break;
                }
            }
        }
        return centroids;
    }

    /** Moves every document to its nearest centroid; returns how many moved. */
    private static int assign(float[] f, int n, int r, double[] centroids, int k, int[] assignment) {
        double[] norms = new double[k];
        for (int c = 0; c < k; c++) {
            for (int j = 0; j < r; j++) {
                norms[c] += centroids[c * r + j] * centroids[c * r + j];
            }
        }
        int moved = 0;
        for (int d = 0; d < n; d++) {
            int best = nearest(f, d * r, r, centroids, norms, k);
            if (best != assignment[d]) {
                assignment[d] = best;
                moved++;
            }
        }
        return moved;
    }

    static int nearest(float[] f, int offset, int r, double[] centroids, double[] norms, int k) {
        int best = 0;
        double bestScore = Double.POSITIVE_INFINITY;
        for (int c = 0; c < k; c++) {
            double dot = 0;
            int base = c * r;
            for (int j = 0; j < r; j++) {
                dot += f[offset + j] * centroids[base + j];
            }
            double score = norms[c] - 2 * dot; // |f - c|^2 without the constant |f|^2
            if (score < bestScore) {
                bestScore = score;
                best = c;
            }
        }
        return best;
    }

    /** Centroids become their members' means; a cluster left empty keeps its centroid. */
    private static void updateCentroids(float[] f, int n, int r, int[] assignment, double[] centroids, int k) {
        double[] sums = new double[k * r];
        int[] sizes = new int[k];
        for (int d = 0; d < n; d++) {
            int c = assignment[d];
            sizes[c]++;
            for (int j = 0; j < r; j++) {
                sums[c * r + j] += f[d * r + j];
            }
        }
        for (int c = 0; c < k; c++) {
            if (sizes[c] > 0) {
                for (int j = 0; j < r; j++) {
                    centroids[c * r + j] = sums[c * r + j] / sizes[c];
                }
            }
        }
    }

    /** The Nyström feature map of a Gaussian kernel over unit-length TF-IDF rows. */
    static final class Nystroem {
        private final int landmarks;
        private final double gamma;
        private final double[] projection; // m x r
        private final int r;
        private final int[][] landmarksOfWord;
        private final double[][] valuesOfWord;
        private final double[] landmarkNorms;

        private Nystroem(int landmarks, double gamma, double[] projection, int r, int[][] landmarksOfWord,
                         double[][] valuesOfWord, double[] landmarkNorms) {
            this.landmarks = landmarks;
            this.gamma = gamma;
            this.projection = projection;
            this.r = r;
            this.landmarksOfWord = landmarksOfWord;
            this.valuesOfWord = valuesOfWord;
            this.landmarkNorms = landmarkNorms;
        }

        int landmarks() {
            return landmarks;
        }

        int dimensions() {
            return r;
        }

        static Nystroem fit(TfIdfRows x, int requested, double gamma, SplitMix64 random) {
            int n = x.rows();
            int[] candidates = new int[n];
            int count = 0;
            for (int d = 0; d < n; d++) {
                if (x.start[d + 1] > x.start[d]) {
                    candidates[count++] = d;
                }
            }
            int m = Math.min(requested, count);
            if (m < 1) {
                throw new IllegalArgumentException("kernel k-means needs at least one non-empty document");
            }
            for (int i = 0; i < m; i++) { // partial Fisher-Yates: m distinct documents
                int j = i + random.nextInt(count - i);
                int t = candidates[i];
                candidates[i] = candidates[j];
                candidates[j] = t;
            }
            int v = x.idf.length;
            int[] perWord = new int[v];
            double[] norms = new double[m];
            for (int l = 0; l < m; l++) {
                int d = candidates[l];
                for (int p = x.start[d]; p < x.start[d + 1]; p++) {
                    perWord[x.columns[p]]++;
                    norms[l] += x.values[p] * x.values[p];
                }
            }
            int[][] landmarksOfWord = new int[v][];
            double[][] valuesOfWord = new double[v][];
            for (int w = 0; w < v; w++) {
                landmarksOfWord[w] = new int[perWord[w]];
                valuesOfWord[w] = new double[perWord[w]];
                perWord[w] = 0;
            }
            for (int l = 0; l < m; l++) {
                int d = candidates[l];
                for (int p = x.start[d]; p < x.start[d + 1]; p++) {
                    int w = x.columns[p];
                    landmarksOfWord[w][perWord[w]] = l;
                    valuesOfWord[w][perWord[w]++] = x.values[p];
                }
            }
            Nystroem partial = new Nystroem(m, gamma, null, 0, landmarksOfWord, valuesOfWord, norms);
            double[][] kmm = new double[m][];
            for (int l = 0; l < m; l++) {
                int d = candidates[l];
                kmm[l] = partial.kernelRow(x.columns, x.values, x.start[d], x.start[d + 1]);
            }
            EigenDecomposition eigen = new EigenDecomposition(new Array2DRowRealMatrix(kmm, false));
            double[] lambda = eigen.getRealEigenvalues();
            double max = 0;
            for (double value : lambda) {
                max = Math.max(max, value);
            }
            int kept = 0;
            for (double value : lambda) {
                if (value > 1e-8 * max) {
                    kept++;
                }
            }
            double[] projection = new double[m * kept];
            int column = 0;
            for (int i = 0; i < lambda.length; i++) {
                if (lambda[i] > 1e-8 * max) {
                    double scale = 1 / Math.sqrt(lambda[i]);
                    double[] u = eigen.getEigenvector(i).toArray();
                    for (int l = 0; l < m; l++) {
                        projection[l * kept + column] = u[l] * scale;
                    }
                    column++;
                }
            }
            return new Nystroem(m, gamma, projection, kept, landmarksOfWord, valuesOfWord, norms);
        }

        /** k(x, landmark) for every landmark, for the sparse row [from, to). */
        double[] kernelRow(int[] columns, double[] values, int from, int to) {
            double[] dots = new double[landmarks];
            double norm = 0;
            for (int p = from; p < to; p++) {
                double value = values[p];
                norm += value * value;
                int[] ls = landmarksOfWord[columns[p]];
                double[] vs = valuesOfWord[columns[p]];
                for (int i = 0; i < ls.length; i++) {
                    dots[ls[i]] += value * vs[i];
                }
            }
            for (int l = 0; l < landmarks; l++) {
                double squaredDistance = Math.max(0, norm + landmarkNorms[l] - 2 * dots[l]);
                dots[l] = Math.exp(-gamma * squaredDistance);
            }
            return dots;
        }

        /** The feature vector of the sparse row [from, to), into {@code out} (length r). */
        void features(int[] columns, double[] values, int from, int to, double[] out) {
            double[] kx = kernelRow(columns, values, from, to);
            java.util.Arrays.fill(out, 0);
            for (int l = 0; l < landmarks; l++) {
                double kl = kx[l];
                int base = l * r;
                for (int j = 0; j < r; j++) {
                    out[j] += kl * projection[base + j];
                }
            }
        }
    }

    /** The clustering as a topic model. */
    private static final class KMeansModel extends TopicWordTable {
        private final int k;
        private final double[] idf;
        private final Nystroem map;
        private final double[] centroids;
        private final double[] norms;

        KMeansModel(TopicCorpus corpus, int[] assignment, int k, double beta, double[] idf, Nystroem map, double[] centroids) {
            super(topicWords(corpus, assignment, k, beta));
            this.k = k;
            this.idf = idf;
            this.map = map;
            this.centroids = centroids;
            int r = map.dimensions();
            norms = new double[k];
            for (int c = 0; c < k; c++) {
                for (int j = 0; j < r; j++) {
                    norms[c] += centroids[c * r + j] * centroids[c * r + j];
                }
            }
        }

        /** p(w|z) from the words of the documents in cluster z, smoothed with {@code beta}. */
        private static double[][] topicWords(TopicCorpus corpus, int[] assignment, int k, double beta) {
            double[][] counts = new double[k][corpus.vocabularySize()];
            double[] totals = new double[k];
            for (int d = 0; d < corpus.size(); d++) {
                for (int w : corpus.document(d)) {
                    counts[assignment[d]][w]++;
                }
                totals[assignment[d]] += corpus.document(d).length;
            }
            return smoothed(counts, totals, beta);
        }

        @Override
        public double[] infer(int[] document) {
            TfIdfRows.Sparse row = TfIdfRows.row(document, idf);
            int r = map.dimensions();
            double[] f = new double[r];
            map.features(row.columns(), row.values(), 0, row.columns().length, f);
            float[] asFloat = new float[r];
            for (int j = 0; j < r; j++) {
                asFloat[j] = (float) f[j];
            }
            return oneHot(nearest(asFloat, 0, r, centroids, norms, k), k);
        }
    }
}
