package org.example.segmentation.core.cluster;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Collectors;

import org.example.segmentation.core.CancelledException;
import org.example.segmentation.core.InputException;
import org.example.segmentation.core.Progress;
import org.example.segmentation.core.settings.SettingSpec;
import org.example.segmentation.core.settings.Settings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class KSelectionTest {

    /** Fast enough for tests: 3 refits per k on the whole (small) table. */
    private static final KSelectionConfig FAST = KSelectionConfig.defaults().withRuns(3);
    /** k-means with 3 restarts. */
    private static final KSelection.Clusterer<KMeansResult> KMEANS =
            KSelection.kMeans(KMeansConfig.of(2).withRestarts(3));

    // ---- planted structure ----

    @ParameterizedTest
    @ValueSource(ints = {4, 5, 6})
    void findsThePlantedNumberOfBlobs(int planted) {
        Matrix data = blobs(planted, 500, 6, 10, 100 + planted);
        KSelectionResult<KMeansResult> r = KSelection.select(data, FAST, KMEANS, Progress.NONE);
        assertEquals(planted, r.chosenK(), r.reason());
        assertEquals(KSelectionResult.Basis.ALL_CRITERIA, r.basis());
        assertTrue(r.criteriaMet());
        assertEquals(9, r.candidates().size());
        assertEquals(planted, r.chosenFit().k());
        KCandidate chosen = r.chosen();
        assertTrue(chosen.silhouette() > 0.7, "silhouette " + chosen.silhouette());
        assertTrue(chosen.stability() > 0.99, "stability " + chosen.stability());
        assertTrue(r.reason().startsWith("k=" + planted + ": highest silhouette "), r.reason());
        assertTrue(r.reason().contains("among k with every segment >= 2% and stability >= 0.80"), r.reason());
        // the other scores agree on the planted k
        KCandidate best = r.candidates().stream().max((a, b) -> Double.compare(a.calinskiHarabasz(),
                b.calinskiHarabasz())).orElseThrow();
        assertEquals(planted, best.k(), "Calinski-Harabasz");
        KCandidate lowestDb = r.candidates().stream().min((a, b) -> Double.compare(a.daviesBouldin(),
                b.daviesBouldin())).orElseThrow();
        assertEquals(planted, lowestDb.k(), "Davies-Bouldin");
        // inertia falls with k
        for (int i = 1; i < r.candidates().size(); i++) {
            assertTrue(r.candidates().get(i).inertia() < r.candidates().get(i - 1).inertia());
        }
    }

    @Test
    void anyClustererWillDo() {
        // the interface keeps the choice independent of the algorithm: a plain Lloyd finds the planted k too
        Matrix data = blobs(4, 400, 4, 10, 7);
        KSelectionResult<Lloyd.Fit> r = KSelection.select(data, FAST.withK(2, 7), new Lloyd(), Progress.NONE);
        assertEquals(4, r.chosenK(), r.reason());
        assertEquals(6, r.candidates().size());
        assertEquals(2, r.candidates().get(0).k());
    }

    /**
     * Three big blobs (1000 rows each, 20 apart) and a tiny one (50 rows, 1.6%) 30 away from one of them. k=4
     * isolates the tiny blob and has the best silhouette; with the default minimum share of 2% it does not
     * qualify, and k=3 (the tiny blob absorbed) is chosen; without a minimum share, k=4 is.
     */
    @Test
    void respectsTheMinimumSegmentShare() {
        SplittableRandom random = new SplittableRandom(99);
        double[][] centers = {{0, 0}, {20, 0}, {0, 20}, {-30, 0}};
        int[] sizes = {1000, 1000, 1000, 50};
        Matrix data = blobs(centers, sizes, 1.0, random);
        KSelectionResult<KMeansResult> strict = KSelection.select(data, FAST, KMEANS, Progress.NONE);
        KCandidate k3 = strict.candidates().get(1);
        KCandidate k4 = strict.candidates().get(2);
        assertTrue(k4.silhouette() > k3.silhouette() + KSelection.SILHOUETTE_TOLERANCE,
                k3.silhouette() + " vs " + k4.silhouette());
        assertEquals(50.0 / 3050.0, k4.minSegmentShare(), 1e-12);
        assertEquals(3, strict.chosenK(), strict.reason());
        assertTrue(strict.reason().startsWith("k=3: highest silhouette " + KSelection.fixed(k3.silhouette(), 3)
                + " among k with every segment >= 2% and stability >= 0.80"), strict.reason());
        assertTrue(strict.reason().contains("; k=4 (silhouette " + KSelection.fixed(k4.silhouette(), 3)
                + ") had a 1.63% segment"), strict.reason());

        KSelectionConfig noShare = new KSelectionConfig(2, 10, 10_000, 3, 50_000, 0.0, 0.8, 42, 1);
        KSelectionResult<KMeansResult> loose = KSelection.select(data, noShare, KMEANS, Progress.NONE);
        assertEquals(4, loose.chosenK(), loose.reason());
        assertTrue(loose.reason().contains("every segment >= 0%"), loose.reason());
    }

    @Test
    void sameResultForAnyThreadCount() {
        Matrix data = blobs(5, 2_000, 5, 6, 5);
        KSelectionConfig config = new KSelectionConfig(2, 7, 3_000, 2, 4_000, 0.02, 0.8, 7, 1);
        KSelectionResult<KMeansResult> one = KSelection.select(data, config,
                KSelection.kMeans(KMeansConfig.of(2).withRestarts(2)), Progress.NONE);
        KSelectionResult<KMeansResult> three = KSelection.select(data, config.withThreads(3),
                KSelection.kMeans(KMeansConfig.of(2).withRestarts(2)), Progress.NONE);
        assertEquals(one.candidates(), three.candidates());
        assertEquals(one.reason(), three.reason());
        assertArrayEquals(one.chosenFit().assignments(), three.chosenFit().assignments());
        assertEquals(3_000, one.sampleRows());
        assertEquals(4_000, one.bootstrapRows());
        // and the same seed again gives the same bits
        assertEquals(one.candidates(), KSelection.select(data, config,
                KSelection.kMeans(KMeansConfig.of(2).withRestarts(2)), Progress.NONE).candidates());
    }

    /**
     * The stability score with cheaper refits ({@code stability.restarts=1}, and the default 3) says what the full
     * refits ({@code stability.restarts=0}: as many starts as the fits, here 10) say on clear-cut data: five planted
     * blobs 10 standard deviations apart in 5 dimensions. At the planted k every refit finds the blobs (stability
     * near 1); one k fewer must merge two of five equidistant blobs, and which two depends on the bootstrap sample
     * and the start, so the refits disagree (well below 1); one k more splits a blob somewhere different each time.
     * All choose the planted k.
     */
    @Test
    void cheaperRefitsAgreeWithFullRefitsOnClearCutData() {
        Matrix data = blobs(5, 400, 5, 10, 11);
        KSelection.Clusterer<KMeansResult> tenStarts = KSelection.kMeans(KMeansConfig.of(2).withRestarts(10));
        KSelectionConfig config = new KSelectionConfig(3, 7, 2_000, 5, 2_000, 0.02, 0.8, 42, 1);
        KSelectionResult<KMeansResult> full = KSelection.select(data, config.withBootstrapRestarts(0), tenStarts,
                Progress.NONE);
        for (int restarts : new int[] {0, 1, 3}) {
            KSelectionResult<KMeansResult> r = KSelection.select(data, config.withBootstrapRestarts(restarts),
                    tenStarts, Progress.NONE);
            String what = "stability.restarts=" + restarts + ": ";
            assertEquals(5, r.chosenK(), what + r.reason());
            assertEquals(KSelectionResult.Basis.ALL_CRITERIA, r.basis());
            assertTrue(r.chosen().stability() > 0.99, what + "planted k: stability " + r.chosen().stability());
            assertEquals(full.chosen().stability(), r.chosen().stability(), 0.01, what);
            for (KCandidate c : r.candidates()) {
                if (c.k() == 4 || c.k() == 6) {
                    assertTrue(c.stability() < 0.95, what + "k=" + c.k() + ": stability " + c.stability());
                }
            }
            // the same fits (only the refits differ), so the same silhouettes
            for (int i = 0; i < r.candidates().size(); i++) {
                assertEquals(full.candidates().get(i).silhouette(), r.candidates().get(i).silhouette());
            }
        }
    }

    @Test
    void withoutBootstrapRunsStabilityIsNotRequired() {
        Matrix data = blobs(3, 300, 3, 10, 3);
        KSelectionResult<Lloyd.Fit> r = KSelection.select(data, FAST.withRuns(0).withK(2, 5), new Lloyd(),
                Progress.NONE);
        assertEquals(3, r.chosenK(), r.reason());
        assertTrue(Double.isNaN(r.chosen().stability()));
        assertEquals(0, r.bootstrapRows());
        assertTrue(r.reason().contains("(stability not measured: 'stability.runs' is 0)"), r.reason());
    }

    @Test
    void reportsProgressPerKAndCanBeCancelled() {
        Matrix data = blobs(3, 300, 3, 10, 3);
        List<Double> fractions = new ArrayList<>();
        List<String> messages = new ArrayList<>();
        Progress recording = new Progress() {
            @Override
            public void update(double fraction, String message) {
                fractions.add(fraction);
                if (message != null) {
                    messages.add(message);
                }
            }

            @Override
            public void checkCancelled() {
            }
        };
        KSelection.select(data, FAST.withK(2, 4), new Lloyd(), recording);
        for (int i = 1; i < fractions.size(); i++) {
            assertTrue(fractions.get(i) >= fractions.get(i - 1) - 1e-12, "progress went back at " + i);
        }
        assertEquals(1.0, fractions.get(fractions.size() - 1), 1e-12);
        for (int k = 2; k <= 4; k++) {
            String prefix = "k=" + k;
            assertTrue(messages.stream().anyMatch(m -> m.startsWith(prefix)), prefix + " in " + messages);
        }
        int[] calls = {0};
        Progress cancelling = new Progress() {
            @Override
            public void update(double fraction, String message) {
            }

            @Override
            public void checkCancelled() {
                if (++calls[0] > 5) {
                    throw new CancelledException();
                }
            }
        };
        assertThrows(CancelledException.class, () -> KSelection.select(data, FAST.withK(2, 4), new Lloyd(),
                cancelling));
    }

    @Test
    void tooFewRows() {
        Matrix data = Matrix.ofRowMajor(new double[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, 10, 1);
        InputException e = assertThrows(InputException.class,
                () -> KSelection.select(data, FAST, new Lloyd(), Progress.NONE));
        assertTrue(e.getMessage().contains("'k.max' (10)") && e.getMessage().contains("10 rows"), e.getMessage());
    }

    @Test
    void fitFailureNamesK() {
        // 12 rows but only 3 distinct: k-means cannot fit k = 4
        double[] v = new double[12];
        for (int i = 0; i < 12; i++) {
            v[i] = i % 3;
        }
        InputException e = assertThrows(InputException.class, () -> KSelection.select(
                Matrix.ofRowMajor(v, 12, 1), FAST.withK(2, 5), KMEANS, Progress.NONE));
        assertTrue(e.getMessage().startsWith("k selection: fitting k=4 failed: "), e.getMessage());
    }

    // ---- the rule, on hand-made candidates ----

    private static KCandidate candidate(int k, double silhouette, double stability, double minShare) {
        return new KCandidate(k, 100.0 / k, silhouette, silhouette, 10, 1, stability, minShare, List.of());
    }

    @Test
    void ruleExplainsWhyBetterScoresWerePassedOver() {
        List<KCandidate> c = List.of(
                candidate(2, 0.30, 0.95, 0.30),
                candidate(3, 0.35, 0.90, 0.20),
                candidate(4, 0.38, 0.85, 0.10),
                candidate(5, 0.41, 0.88, 0.05),
                candidate(6, 0.43, 0.90, 0.013),
                candidate(7, 0.42, 0.62, 0.03),
                candidate(8, 0.44, 0.50, 0.01));
        KSelection.Choice choice = KSelection.choose(c, KSelectionConfig.defaults());
        assertEquals(5, choice.k());
        assertEquals(KSelectionResult.Basis.ALL_CRITERIA, choice.basis());
        assertEquals("k=5: highest silhouette 0.410 among k with every segment >= 2% and stability >= 0.80; "
                + "k=6 (silhouette 0.430) had a 1.3% segment; k=7 (silhouette 0.420) had stability 0.62; "
                + "k=8 (silhouette 0.440) had a 1% segment and stability 0.50", choice.reason());
    }

    @Test
    void nearTiesGoToTheSmallerK() {
        List<KCandidate> c = List.of(
                candidate(2, 0.30, 0.95, 0.30),
                candidate(3, 0.405, 0.90, 0.20),
                candidate(4, 0.41, 0.85, 0.10),
                candidate(5, 0.399, 0.85, 0.10));
        KSelection.Choice choice = KSelection.choose(c, KSelectionConfig.defaults());
        assertEquals(3, choice.k());
        assertEquals("k=3: silhouette 0.405 within 0.01 of the highest among k with every segment >= 2% and "
                + "stability >= 0.80; k=4 scored 0.410, a difference below 0.01, so the smaller k is used",
                choice.reason());
    }

    @Test
    void stabilityIsRelaxedBeforeTheSegmentShare() {
        List<KCandidate> c = List.of(
                candidate(2, 0.30, 0.70, 0.40),
                candidate(3, 0.50, 0.75, 0.30),
                candidate(4, 0.60, 0.60, 0.01));
        KSelection.Choice choice = KSelection.choose(c, KSelectionConfig.defaults());
        assertEquals(3, choice.k());
        assertEquals(KSelectionResult.Basis.STABILITY_RELAXED, choice.basis());
        assertEquals("k=3: no k had every segment >= 2% and stability >= 0.80; highest silhouette 0.500 among k "
                + "with every segment >= 2% (its stability: 0.75); k=4 (silhouette 0.600) had a 1% segment and "
                + "stability 0.60", choice.reason());
    }

    @Test
    void withoutAnyQualifyingKTheBestSilhouetteWinsAndTheReasonSaysSo() {
        List<KCandidate> c = List.of(
                candidate(2, 0.30, 0.90, 0.015),
                candidate(3, 0.60, 0.95, 0.0199999),
                candidate(4, 0.50, Double.NaN, 0.001));
        KSelection.Choice choice = KSelection.choose(c, KSelectionConfig.defaults());
        assertEquals(3, choice.k());
        assertEquals(KSelectionResult.Basis.BEST_SILHOUETTE, choice.basis());
        assertEquals("k=3: no k had every segment >= 2%; highest silhouette 0.600 of all k (smallest segment 1.99%, "
                + "stability 0.95)", choice.reason());
    }

    @Test
    void undefinedSilhouettesEverywhere() {
        List<KCandidate> c = List.of(candidate(2, Double.NaN, 1, 0.5), candidate(3, Double.NaN, 1, 0.3));
        KSelection.Choice choice = KSelection.choose(c, KSelectionConfig.defaults());
        assertEquals(2, choice.k());
        assertEquals(KSelectionResult.Basis.SMALLEST_K, choice.basis());
        assertTrue(choice.reason().startsWith("k=2: no k has a defined silhouette"), choice.reason());
    }

    @Test
    void numbersInReasonsNeverRoundUpToAThreshold() {
        assertEquals("2%", KSelection.percent(0.02));
        assertEquals("1.3%", KSelection.percent(0.013));
        assertEquals("1.99%", KSelection.percent(0.0199999));
        assertEquals("0.42%", KSelection.percent(0.0042));
        assertEquals("16.39%", KSelection.percent(0.163934));
        assertEquals("0%", KSelection.percent(0));
        assertEquals("0.79", KSelection.truncated(0.7999, 2));
        assertEquals("0.80", KSelection.truncated(0.8, 2));
        assertEquals("0.80", KSelection.threshold(0.8));
        assertEquals("0.805", KSelection.threshold(0.805));
    }

    // ---- configuration ----

    @Test
    void defaultsAndRoundTrip() {
        KSelectionConfig d = KSelectionConfig.defaults();
        assertEquals(new KSelectionConfig(2, 10, 10_000, 5, 50_000, 0.02, 0.8, 42, 1), d);
        Map<String, String> fromSpecs = KSelectionConfig.SPECS.stream()
                .collect(Collectors.toMap(SettingSpec::key, SettingSpec::defaultValue));
        assertEquals(d, KSelectionConfig.fromSettings(Settings.of(fromSpecs)));
        assertEquals(KSelectionConfig.SPECS.stream().map(SettingSpec::key).sorted().toList(),
                List.copyOf(d.toSettings().asMap().keySet()));
        KSelectionConfig c = new KSelectionConfig(3, 12, 2_500, 0, 1_000, 0.035, 0.65, -9_000_000_000L, 4);
        assertEquals(c, KSelectionConfig.fromSettings(c.toSettings()));
        assertEquals(3, d.bootstrapRestarts());
        for (int restarts : new int[] {0, 1, 7, KSelectionConfig.MAX_BOOTSTRAP_RESTARTS}) {
            KSelectionConfig r = c.withBootstrapRestarts(restarts);
            assertEquals(restarts, r.bootstrapRestarts());
            assertEquals(Integer.toString(restarts), r.toSettings().asMap().get("stability.restarts"));
            assertEquals(r, KSelectionConfig.fromSettings(r.toSettings()));
        }
        assertEquals(3, parse("stability.restarts=3").bootstrapRestarts());
        // k.min above the default k.max without k.max: k.max follows
        assertEquals(14, parse("k.min=14").kMax());
    }

    private static KSelectionConfig parse(String... keyValues) {
        return KSelectionConfig.fromSettings(Settings.parse(List.of(keyValues)));
    }

    private static void fails(String key, String... keyValues) {
        InputException e = assertThrows(InputException.class, () -> parse(keyValues));
        assertTrue(e.getMessage().contains("'" + key + "'"), e.getMessage());
    }

    @Test
    void badKMin() {
        fails("k.min", "k.min=1");
        fails("k.min", "k.min=101");
        fails("k.min", "k.min=two");
    }

    @Test
    void badKMax() {
        fails("k.max", "k.min=5", "k.max=4");
        fails("k.max", "k.max=101");
        InputException e = assertThrows(InputException.class,
                () -> new KSelectionConfig(5, 4, 10_000, 5, 50_000, 0.02, 0.8, 42, 1));
        assertTrue(e.getMessage().contains("'k.max'") && e.getMessage().contains("k.min (5)"), e.getMessage());
    }

    @Test
    void badSampleSize() {
        fails("silhouette.sample_size", "silhouette.sample_size=99");
        fails("silhouette.sample_size", "silhouette.sample_size=50001");
    }

    @Test
    void badBootstrapRuns() {
        fails("stability.runs", "stability.runs=-1");
        fails("stability.runs", "stability.runs=101");
    }

    @Test
    void badBootstrapSampleSize() {
        fails("stability.sample_size", "stability.sample_size=10");
        fails("stability.sample_size", "stability.sample_size=10000001");
    }

    @Test
    void badBootstrapRestarts() {
        fails("stability.restarts", "stability.restarts=-1");
        fails("stability.restarts", "stability.restarts=10001");
        fails("stability.restarts", "stability.restarts=one");
        InputException e = assertThrows(InputException.class,
                () -> KSelectionConfig.defaults().withBootstrapRestarts(-1));
        assertTrue(e.getMessage().contains("'stability.restarts'") && e.getMessage().contains("0 to 10000"),
                e.getMessage());
    }

    @Test
    void badMinSegmentShare() {
        fails("min_segment_share", "min_segment_share=0.6");
        fails("min_segment_share", "min_segment_share=-0.01");
        fails("min_segment_share", "min_segment_share=NaN");
        InputException e = assertThrows(InputException.class,
                () -> new KSelectionConfig(2, 10, 10_000, 5, 50_000, Double.NaN, 0.8, 42, 1));
        assertTrue(e.getMessage().contains("'min_segment_share'"), e.getMessage());
    }

    @Test
    void badMinStability() {
        fails("min_stability", "min_stability=1.5");
        fails("min_stability", "min_stability=-0.1");
    }

    @Test
    void badSeedAndThreads() {
        fails("seed", "seed=abc");
        fails("threads", "threads=0");
        fails("threads", "threads=1025");
    }

    @Test
    void unknownKey() {
        InputException e = assertThrows(InputException.class, () -> parse("k.maxx=5"));
        assertTrue(e.getMessage().contains("'k.maxx'") && e.getMessage().contains("'k.max'"), e.getMessage());
        assertFalse(e.getMessage().isBlank());
    }

    // ---- fixtures ----

    /**
     * {@code k} Gaussian blobs (standard deviation 1) of {@code perBlob} rows in {@code d >= k} dimensions, centred
     * at {@code spacing} times the first k unit vectors: every two centres are {@code spacing * sqrt(2)} apart, so
     * there is no coarser structure (pairs of close blobs) for a smaller k to find.
     */
    static Matrix blobs(int k, int perBlob, int d, double spacing, long seed) {
        double[][] centers = new double[k][d];
        for (int c = 0; c < k; c++) {
            centers[c][c] = spacing;
        }
        int[] sizes = new int[k];
        Arrays.fill(sizes, perBlob);
        return blobs(centers, sizes, 1.0, new SplittableRandom(seed));
    }

    /** Gaussian blobs with the given centres, sizes and standard deviation, rows interleaved at random. */
    static Matrix blobs(double[][] centers, int[] sizes, double sd, SplittableRandom random) {
        int d = centers[0].length;
        int n = 0;
        for (int s : sizes) {
            n += s;
        }
        int[] owner = new int[n];
        for (int c = 0, i = 0; c < sizes.length; c++) {
            for (int j = 0; j < sizes[c]; j++) {
                owner[i++] = c;
            }
        }
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = owner[i];
            owner[i] = owner[j];
            owner[j] = t;
        }
        double[] values = new double[n * d];
        for (int i = 0; i < n; i++) {
            for (int f = 0; f < d; f++) {
                values[i * d + f] = centers[owner[i]][f] + sd * gaussian(random);
            }
        }
        return Matrix.ofRowMajor(values, n, d);
    }

    private static double gaussian(SplittableRandom random) {
        double u = 1 - random.nextDouble();
        double v = random.nextDouble();
        return StrictMath.sqrt(-2 * StrictMath.log(u)) * StrictMath.cos(2 * Math.PI * v);
    }

    /**
     * A tiny Lloyd k-means with k-means++ seeding and 5 restarts, for tests only: shows that
     * {@link KSelection} needs nothing but the {@link KSelection.Clusterer} interface.
     */
    static final class Lloyd implements KSelection.Clusterer<Lloyd.Fit> {
        record Fit(int[] labels, double[] centroids, int k, int d) {
        }

        @Override
        public Fit fit(Matrix data, int k, long seed, int threads, Progress progress) {
            double[] x = data.toRowMajor();
            int n = data.rows();
            int d = data.columns();
            SplittableRandom random = new SplittableRandom(seed);
            Fit best = null;
            double bestInertia = Double.POSITIVE_INFINITY;
            for (int restart = 0; restart < 5; restart++) {
                progress.checkCancelled();
                double[] c = plusPlus(x, n, d, k, random);
                int[] labels = new int[n];
                double inertia = 0;
                for (int it = 0; it < 100; it++) {
                    boolean changed = false;
                    inertia = 0;
                    for (int i = 0; i < n; i++) {
                        int nearest = 0;
                        double nearestDistance = Double.POSITIVE_INFINITY;
                        for (int j = 0; j < k; j++) {
                            double s = squared(x, i * d, c, j * d, d);
                            if (s < nearestDistance) {
                                nearestDistance = s;
                                nearest = j;
                            }
                        }
                        changed |= labels[i] != nearest || it == 0;
                        labels[i] = nearest;
                        inertia += nearestDistance;
                    }
                    if (!changed) {
                        break;
                    }
                    double[] sum = new double[k * d];
                    int[] count = new int[k];
                    for (int i = 0; i < n; i++) {
                        count[labels[i]]++;
                        for (int f = 0; f < d; f++) {
                            sum[labels[i] * d + f] += x[i * d + f];
                        }
                    }
                    for (int j = 0; j < k; j++) {
                        for (int f = 0; f < d; f++) {
                            // an empty cluster keeps its centroid
                            c[j * d + f] = count[j] == 0 ? c[j * d + f] : sum[j * d + f] / count[j];
                        }
                    }
                }
                if (inertia < bestInertia) {
                    bestInertia = inertia;
                    best = new Fit(labels, c, k, d);
                }
                progress.update((restart + 1) / 5.0, null);
            }
            return best;
        }

        private static double[] plusPlus(double[] x, int n, int d, int k, SplittableRandom random) {
            double[] c = new double[k * d];
            System.arraycopy(x, random.nextInt(n) * d, c, 0, d);
            double[] nearest = new double[n];
            Arrays.fill(nearest, Double.POSITIVE_INFINITY);
            for (int j = 1; j < k; j++) {
                double total = 0;
                for (int i = 0; i < n; i++) {
                    nearest[i] = Math.min(nearest[i], squared(x, i * d, c, (j - 1) * d, d));
                    total += nearest[i];
                }
                double u = random.nextDouble() * total;
                int pick = n - 1;
                for (int i = 0; i < n; i++) {
                    u -= nearest[i];
                    if (u < 0) {
                        pick = i;
                        break;
                    }
                }
                System.arraycopy(x, pick * d, c, j * d, d);
            }
            return c;
        }

        private static double squared(double[] a, int ai, double[] b, int bi, int d) {
            double s = 0;
            for (int f = 0; f < d; f++) {
                s += (a[ai + f] - b[bi + f]) * (a[ai + f] - b[bi + f]);
            }
            return s;
        }

        @Override
        public int[] assignments(Fit fit) {
            return fit.labels();
        }

        @Override
        public Centroids centroids(Fit fit) {
            double[][] rows = new double[fit.k()][];
            for (int j = 0; j < fit.k(); j++) {
                rows[j] = Arrays.copyOfRange(fit.centroids(), j * fit.d(), (j + 1) * fit.d());
            }
            return Centroids.of(rows);
        }
    }
}
