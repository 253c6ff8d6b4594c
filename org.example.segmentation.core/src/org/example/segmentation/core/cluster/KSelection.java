package org.example.segmentation.core.cluster;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.SplittableRandom;

import org.example.segmentation.core.InputException;
import org.example.segmentation.core.Progress;

/**
 * Chooses the number of segments automatically: fits a clustering for every k in {@code kMin..kMax}, scores each
 * ({@link KCandidate}) and picks one k by a fixed, documented rule.
 *
 * <h2>Scores per k</h2>
 * <ul>
 * <li><b>Full fit.</b> The clusterer is fitted on all rows with k and the configured seed (the same seed for
 * every k, so the chosen fit is exactly what fitting that k alone would give). On large tables the search runs on a
 * seeded sample of rows instead (see <em>Sampled search</em> below).</li>
 * <li><b>Inertia, simplified silhouette, Calinski-Harabasz, Davies-Bouldin, segment shares</b> of the full fit,
 * on all rows, in two {@code O(n k d)} passes ({@link ClusterQuality}).</li>
 * <li><b>Exact silhouette</b> of the full fit on one seeded sample of {@code min(n, sampleSize)} rows
 * ({@link Silhouette}); the same sample for every k, and all k are scored in a single {@code O(m^2 d)} pass.</li>
 * <li><b>Stability</b>: for each of {@code bootstrapRuns} runs {@code b}, a bootstrap sample of
 * {@code min(n, bootstrapSampleSize)} rows is drawn with replacement (the same rows for every k, so k are compared
 * on equal terms); the clusterer is refitted on it ({@link Clusterer#refit}) with k, {@code bootstrapRestarts}
 * starts ({@code stability.restarts}, below) and a seed derived from {@code (seed, k, b)}; each row of
 * the exact-silhouette sample is assigned to its nearest refitted centroid (ties: the lower index), and that
 * labelling is compared with the full fit's labels of the same rows by the {@link AdjustedRandIndex adjusted Rand
 * index}. The stability is the mean over the runs: 1 = every refit finds the same segments. A refit that fails
 * (a bootstrap sample with fewer distinct rows than k) makes the stability {@code NaN}, which fails the stability
 * condition.</li>
 * </ul>
 *
 * <p><b>Starts of a refit.</b> The refits make {@code stability.restarts} k-means++ starts each (default 3), not the
 * {@code restarts} of the fits (default 10); 0 = as many as the fits. The score asks whether the method finds the
 * same segments on another sample of customers; the classic stability measures (Ben-Hur, Elisseeff and Guyon 2002;
 * Lange, Roth, Braun and Buhmann 2004) run the algorithm once per subsample, so that a k whose segments depend on
 * the start counts as unstable too. With 10 starts per refit the refits were about 60% of automatic k on a million
 * customers (5 refits x 10 starts x 50,000 rows per k). Measured on the bench's customers (1,000,000 generated,
 * cleaned and selected; 100,000-row search sample), the stability of k = 2..10 was, with 10 starts:
 * 0.98 0.75 0.98 0.98 0.99 0.98 0.98 0.98 0.91; with 3: 0.89 0.75 0.98 0.98 0.99 0.98 0.98 0.78 0.78; with 2:
 * 0.89 0.65 0.98 0.98 0.99 0.98 0.98 0.75 0.78; with 1: 0.69 0.40 0.87 0.98 0.81 0.90 0.76 0.75 0.75. One start
 * is too few there: k = 2, whose two segments a single start often misses, drops below {@code min_stability} and
 * the choice moves from 2 to 5; with 3 starts every k keeps its side of 0.80 but 9 and 10 (never in question: lower
 * silhouettes), the choice stays 2, and the refits cost 3/10 of what they did. On the generator's 10,000 customers
 * with planted personas, 10 and 3 starts choose the same k (4 on the digital features, 2 on all), 1 and 2 starts
 * move the choice on all features to 5. On planted, well-separated clusters 1, 3 and 10 starts agree (stability 1 at
 * the planted k, clearly lower for one k fewer or more; see the tests).
 *
 * <h2>The rule</h2>
 * A k <em>qualifies</em> when its silhouette is defined, its smallest segment holds at least
 * {@code minSegmentShare} of the rows, and (when {@code bootstrapRuns > 0}) its stability is at least
 * {@code minStability}. Then:
 * <ol>
 * <li>If some k qualify: among them, take the highest exact silhouette {@code s*}; choose the <em>smallest</em>
 * qualifying k whose silhouette is at least {@code s* - }{@value #SILHOUETTE_TOLERANCE} (differences that small are
 * noise, and fewer segments are easier to act on). Basis {@link KSelectionResult.Basis#ALL_CRITERIA}.</li>
 * <li>Else, if some k meet the segment-share condition: the same choice among those, ignoring stability
 * ({@link KSelectionResult.Basis#STABILITY_RELAXED}): a segment too small to act on is worse than an unstable
 * one.</li>
 * <li>Else the same choice among all k with a defined silhouette
 * ({@link KSelectionResult.Basis#BEST_SILHOUETTE}).</li>
 * <li>Else (no silhouette defined, e.g. all rows identical) the smallest k
 * ({@link KSelectionResult.Basis#SMALLEST_K}).</li>
 * </ol>
 * The reason names the rule that applied and, for every k with a higher silhouette than the chosen one, why it was
 * passed over, e.g. {@code "k=5: highest silhouette 0.412 among k with every segment >= 2% and stability >= 0.80;
 * k=6 (silhouette 0.430) had a 1.3% segment"}.
 *
 * <h2>Sampled search</h2>
 * When a range of k is searched ({@code kMin < kMax}) on more rows than {@code searchSampleSize}
 * ({@code k_search.sample_size}, not 0), everything above (the fits, the scores, the exact-silhouette sample, the
 * bootstrap refits and the rule) runs on one seeded sample of {@code searchSampleSize} rows drawn without
 * replacement, as if the sample were the data. Then only the chosen k is fitted on all rows,
 * {@link Clusterer#fitFrom starting from} the sample's fit (k-means: one run from the sample fit's centroids to
 * convergence; other clusterers: a fresh fit), and that fit is the result. Its inertia, simplified silhouette,
 * Calinski-Harabasz, Davies-Bouldin and segment shares are computed on all rows
 * ({@link KSelectionResult#chosenOnAllRows}); its silhouette and stability are the sample's. The candidates' figures
 * are the sample's, {@link KSelectionResult#searchRows} says on how many rows, and the reason ends with
 * {@code "every k scored on a seeded sample of m of the n rows ..."} and the all-rows figures. The rule is applied
 * to the sample's figures; but a segment near the minimum share may be on either side of it on the sample and on all
 * rows, so when the rule required the share (bases {@code ALL_CRITERIA}, {@code STABILITY_RELAXED}) and the chosen
 * k's smallest segment on all rows is below it, that k is passed over ({@code "k=4, chosen on the sample, was passed
 * over: its smallest segment on all rows is 1.63%"}) and the rule chooses again among the other k (each choice
 * costs one fit on all rows); should none be left, the last one is kept with basis {@code BEST_SILHOUETTE}. So the
 * minimum share holds on all rows whenever the basis says it does. A fixed k ({@code kMin == kMax}) is always fitted
 * on all rows.
 * With {@code searchSampleSize = 0}, or at most that many rows, nothing is sampled and the result is exactly that of
 * a search on all rows.
 *
 * <h2>Cost</h2>
 * Per k: one fit on the searched rows ({@code n}, or {@code searchSampleSize}), {@code bootstrapRuns} fits on at
 * most {@code bootstrapSampleSize} rows, two passes over the searched rows; once: {@code O(m^2 d)} for the
 * exact-silhouette sample of {@code m} rows; after a sampled search, one fit of the chosen k on all rows and two
 * passes over them. Memory: the data is not copied (bootstrap samples and the search sample are); the fits of all k
 * are held until the choice (for k-means an {@code int} per searched row and k), and the labels of the sampled rows.
 *
 * <p><b>Determinism.</b> Every random choice derives from {@code seed}; with a clusterer that is itself
 * independent of the thread count (as {@link KMeans} is), the result is identical for any {@code threads}.
 * Progress is reported per k and cancellation is checked between and inside the fits.
 */
public final class KSelection {

    /** Silhouettes closer than this to the best count as tied; the smaller k wins. */
    public static final double SILHOUETTE_TOLERANCE = 0.01;

    private static final long STREAM_SAMPLE = 1;
    private static final long STREAM_BOOTSTRAP = 2;
    private static final long STREAM_REFIT = 3;
    /** The search sample's stream; far above {@code STREAM_REFIT + k} for any k. */
    private static final long STREAM_SEARCH = 1_000;
    /** Share of the progress bar for a sampled search; the rest is the chosen k's fit on all rows. */
    private static final double SEARCH_SHARE = 0.8;
    /** Share of the progress bar for the fits; the rest is the exact silhouette. */
    private static final double FIT_SHARE = 0.9;

    /**
     * Fits a clustering with k clusters: k-means, or any other method that yields a label per row and a centroid
     * per cluster.
     *
     * @param <F> the fit type
     */
    public interface Clusterer<F> {
        /**
         * Fits k clusters to {@code data}.
         *
         * @param seed     the seed of every random choice of this fit
         * @param threads  threads the fit may use (the result must not depend on it)
         * @param progress progress of this fit, and where to check for cancellation
         */
        F fit(Matrix data, int k, long seed, int threads, Progress progress);

        /** Each row's cluster, {@code 0..k-1}, for the rows {@code fit} was fitted on. */
        int[] assignments(F fit);

        /** The k centroids; other rows are assigned to the nearest. */
        Centroids centroids(F fit);

        /**
         * Fits k clusters to {@code data} given a fit of the same k on a sample of its rows ({@code start}), for the
         * chosen k of a sampled search. By default a fresh {@link #fit} that ignores {@code start}; k-means
         * ({@link KSelection#kMeans}) runs from {@code start}'s centroids instead.
         */
        default F fitFrom(Matrix data, int k, F start, long seed, int threads, Progress progress) {
            return fit(data, k, seed, threads, progress);
        }

        /**
         * Fits k clusters to a bootstrap sample for the stability score, from {@code restarts} starts (the best
         * kept), or as {@link #fit} does when {@code restarts} is 0 ({@code stability.restarts}). By default
         * {@link #fit}, for clusterers without restarts; those with restarts ({@link KSelection#kMeans},
         * {@link KSelection#miniBatchKMeans}, k-prototypes) use {@code restarts}.
         */
        default F refit(Matrix data, int k, int restarts, long seed, int threads, Progress progress) {
            return fit(data, k, seed, threads, progress);
        }
    }

    private KSelection() {
    }

    /**
     * {@link KMeans} as a clusterer: each fit uses {@code base} with the candidate's k, the given seed and the given
     * thread count (restarts, iterations, tolerance, initialisation and algorithm come from {@code base}).
     */
    public static Clusterer<KMeansResult> kMeans(KMeansConfig base) {
        Objects.requireNonNull(base, "base");
        return new Clusterer<>() {
            @Override
            public KMeansResult fit(Matrix data, int k, long seed, int threads, Progress progress) {
                return KMeans.fit(data, base.withK(k).withSeed(seed).withThreads(threads), progress);
            }

            @Override
            public KMeansResult refit(Matrix data, int k, int restarts, long seed, int threads, Progress progress) {
                KMeansConfig c = base.withK(k).withSeed(seed).withThreads(threads);
                return KMeans.fit(data, restarts == 0 ? c : c.withRestarts(restarts), progress);
            }

            /** One k-means run on all rows from the sample fit's centroids (Lloyd with Hamerly's bounds). */
            @Override
            public KMeansResult fitFrom(Matrix data, int k, KMeansResult start, long seed, int threads,
                    Progress progress) {
                return KMeans.fitFrom(data, start.centroids(), base.withK(k).withSeed(seed).withThreads(threads),
                        progress);
            }

            @Override
            public int[] assignments(KMeansResult fit) {
                return fit.assignments();
            }

            @Override
            public Centroids centroids(KMeansResult fit) {
                return fit.centroids();
            }
        };
    }

    /**
     * {@link MiniBatchKMeans} as a clusterer, for tables too large for {@link KMeans} to iterate over; as
     * {@link #kMeans}, each fit uses {@code base} with the candidate's k, the given seed and thread count.
     */
    public static Clusterer<KMeansResult> miniBatchKMeans(MiniBatchKMeansConfig base) {
        Objects.requireNonNull(base, "base");
        return new Clusterer<>() {
            @Override
            public KMeansResult fit(Matrix data, int k, long seed, int threads, Progress progress) {
                return MiniBatchKMeans.fit(data, base.withK(k).withSeed(seed).withThreads(threads), progress);
            }

            @Override
            public KMeansResult refit(Matrix data, int k, int restarts, long seed, int threads, Progress progress) {
                MiniBatchKMeansConfig c = base.withK(k).withSeed(seed).withThreads(threads);
                return MiniBatchKMeans.fit(data, restarts == 0 ? c : c.withRestarts(restarts), progress);
            }

            @Override
            public int[] assignments(KMeansResult fit) {
                return fit.assignments();
            }

            @Override
            public Centroids centroids(KMeansResult fit) {
                return fit.centroids();
            }
        };
    }

    /**
     * Fits every k of the configured range and chooses one (see the class comment).
     *
     * @param data      the rows to segment
     * @param config    the range, sample sizes, conditions, seed and threads
     * @param clusterer how to fit one k
     * @param progress  progress per k and cancellation
     * @throws InputException when the data has no more rows than {@code kMax}, or a full fit fails (naming k)
     */
    public static <F> KSelectionResult<F> select(Matrix data, KSelectionConfig config, Clusterer<F> clusterer,
            Progress progress) {
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(clusterer, "clusterer");
        Objects.requireNonNull(progress, "progress");
        int n = data.rows();
        if (n <= config.kMax()) {
            throw new InputException("k selection needs more rows than '" + KSelectionConfig.KEY_K_MAX + "' ("
                    + config.kMax() + "); the data has " + n + " rows");
        }
        if (!samplesSearch(config, n)) {
            Searched<F> all = search(data, "", config, clusterer, progress);
            return new KSelectionResult<>(config, all.candidates(), all.choice().k(), all.choice().basis(),
                    all.choice().reason(), all.chosenFit(), all.sampleRows(), all.bootstrapRows(), n, n,
                    all.chosen());
        }
        long seed = config.seed();
        int threads = config.threads();
        int m = config.searchSampleSize();
        Matrix searchRows = data.selectRows(Silhouette.sampleRows(n, m, key(seed, STREAM_SEARCH, 0)));
        Searched<F> searched = search(searchRows, "sampled ", config, clusterer, progress.range(0, SEARCH_SHARE));

        // The chosen k on all rows; should its smallest segment there fall below the minimum share that the rule
        // required (it met it on the sample), that k is passed over and the rule chooses again without it.
        List<KCandidate> eligible = new ArrayList<>(searched.candidates());
        Choice choice = searched.choice();
        StringBuilder passedOver = new StringBuilder();
        Progress last = progress.range(SEARCH_SHARE, 1);
        while (true) {
            int k = choice.k();
            progress.checkCancelled();
            last.update(0, "k=" + k + ": fitting all " + n + " rows, starting from the fit on the " + m
                    + " sampled rows");
            F fit;
            try {
                fit = clusterer.fitFrom(data, k, searched.fits().get(k - config.kMin()), seed, threads,
                        last.range(0, 0.8));
            } catch (InputException e) {
                throw new InputException("k selection: fitting the chosen k=" + k + " on all " + n + " rows failed: "
                        + e.getMessage(), e);
            }
            int[] assignments = clusterer.assignments(fit);
            checkFit(assignments, clusterer.centroids(fit), n, data.columns(), k);
            ClusterQuality q = ClusterQuality.of(ClusterQuality.Rows.of(data), assignments, k, threads, progress);
            KCandidate onSample = searched.candidate(k);
            boolean shareRequired = choice.basis() == KSelectionResult.Basis.ALL_CRITERIA
                    || choice.basis() == KSelectionResult.Basis.STABILITY_RELAXED;
            KSelectionResult.Basis basis = choice.basis();
            if (shareRequired && q.minSegmentShare() < config.minSegmentShare()) {
                passedOver.append("; k=").append(k).append(", chosen on the sample, was passed over: its smallest "
                        + "segment on all rows is ").append(percent(q.minSegmentShare()));
                if (eligible.size() > 1) {
                    eligible.remove(onSample);
                    choice = choose(eligible, config);
                    continue;
                }
                passedOver.append(", and no other k is left");
                basis = KSelectionResult.Basis.BEST_SILHOUETTE;
            }
            KCandidate allRows = new KCandidate(k, q.inertia(), onSample.silhouette(), q.simplifiedSilhouette(),
                    q.calinskiHarabasz(), q.daviesBouldin(), onSample.stability(), q.minSegmentShare(),
                    q.segmentSizes());
            last.update(1, null);
            String reason = choice.reason() + passedOver + "; " + sampledNote(k, m, n, allRows);
            return new KSelectionResult<>(config, searched.candidates(), k, basis, reason, fit,
                    searched.sampleRows(), searched.bootstrapRows(), m, n, allRows);
        }
    }

    /** Whether {@link #select} searches on a sample: a range of k, and more rows than a non-zero search sample. */
    static boolean samplesSearch(KSelectionConfig config, int rows) {
        return config.kMax() > config.kMin() && config.searchSampleSize() > 0 && rows > config.searchSampleSize();
    }

    /** The part of the reason that says which rows the figures are from, and the chosen k's all-rows figures. */
    private static String sampledNote(int k, int sampleRows, int allRows, KCandidate final_) {
        return String.format(Locale.ROOT, "every k scored on a seeded sample of %d of the %d rows ('%s'), then k=%d "
                + "fitted on all rows from the sample's fit: inertia %s, simplified silhouette %s, "
                + "Calinski-Harabasz %s, Davies-Bouldin %s, smallest segment %s (the silhouette and stability are "
                + "the sample's)", sampleRows, allRows, KSelectionConfig.KEY_SEARCH_SAMPLE_SIZE, k,
                significant(final_.inertia()), fixed(final_.simplifiedSilhouette(), 3),
                significant(final_.calinskiHarabasz()), fixed(final_.daviesBouldin(), 3),
                percent(final_.minSegmentShare()));
    }

    /** Six significant digits, plain. */
    private static String significant(double v) {
        if (!Double.isFinite(v)) {
            return Double.toString(v);
        }
        return new BigDecimal(v).round(new MathContext(6, RoundingMode.HALF_EVEN)).stripTrailingZeros()
                .toPlainString();
    }

    /** What {@link #search} found on the rows it was given. */
    private record Searched<F>(List<KCandidate> candidates, Choice choice, List<F> fits, int sampleRows,
            int bootstrapRows) {
        KCandidate candidate(int k) {
            for (KCandidate c : candidates) {
                if (c.k() == k) {
                    return c;
                }
            }
            throw new IllegalStateException("no candidate for k=" + k);
        }

        KCandidate chosen() {
            return candidate(choice.k());
        }

        F chosenFit() {
            return fits.get(choice.k() - candidates.get(0).k());
        }
    }

    /**
     * Fits and scores every k on {@code data} (all rows, or the search sample) and applies the rule; {@code what}
     * ({@code ""} or {@code "sampled "}) names the rows in progress messages.
     */
    private static <F> Searched<F> search(Matrix data, String what, KSelectionConfig config, Clusterer<F> clusterer,
            Progress progress) {
        int n = data.rows();
        long seed = config.seed();
        int threads = config.threads();
        ClusterQuality.Rows rows = ClusterQuality.Rows.of(data);
        int[] sample = Silhouette.sampleRows(n, config.sampleSize(), key(seed, STREAM_SAMPLE, 0));
        double[][] sampleValues = new double[sample.length][];
        for (int t = 0; t < sample.length; t++) {
            sampleValues[t] = data.row(sample[t]);
        }
        int runs = config.bootstrapRuns();
        int bootstrapRows = runs == 0 ? 0 : Math.min(n, config.bootstrapSampleSize());

        int count = config.kMax() - config.kMin() + 1;
        List<F> fits = new ArrayList<>(count);
        int[][] sampleLabels = new int[count][];
        int[] ks = new int[count];
        ClusterQuality[] quality = new ClusterQuality[count];
        double[] stability = new double[count];
        double fitWeight = (double) n / (n + (double) runs * bootstrapRows);
        for (int c = 0; c < count; c++) {
            int k = config.kMin() + c;
            ks[c] = k;
            Progress step = progress.range(FIT_SHARE * c / count, FIT_SHARE * (c + 1) / count);
            progress.checkCancelled();
            step.update(0, "k=" + k + " (" + config.kMin() + ".." + config.kMax() + "): fitting " + n + " " + what
                    + "rows");
            F fit;
            try {
                fit = clusterer.fit(data, k, seed, threads, step.range(0, fitWeight));
            } catch (InputException e) {
                throw new InputException("k selection: fitting k=" + k + " failed: " + e.getMessage(), e);
            }
            int[] assignments = clusterer.assignments(fit);
            checkFit(assignments, clusterer.centroids(fit), n, data.columns(), k);
            fits.add(fit);
            sampleLabels[c] = Silhouette.onSample(assignments, sample);
            quality[c] = ClusterQuality.of(rows, assignments, k, threads, progress);
            stability[c] = stability(data, k, sampleLabels[c], sampleValues, config, bootstrapRows, clusterer,
                    step.range(fitWeight, 1));
            step.update(1, null);
        }

        Progress last = progress.range(FIT_SHARE, 1);
        last.update(0, "exact silhouette of every k on " + sample.length + " sampled rows");
        double[] silhouettes = Silhouette.exactOnSample(rows, sample, sampleLabels, ks, threads, progress);
        last.update(1, null);

        List<KCandidate> candidates = new ArrayList<>(count);
        for (int c = 0; c < count; c++) {
            ClusterQuality q = quality[c];
            candidates.add(new KCandidate(ks[c], q.inertia(), silhouettes[c], q.simplifiedSilhouette(),
                    q.calinskiHarabasz(), q.daviesBouldin(), stability[c], q.minSegmentShare(), q.segmentSizes()));
        }
        Choice choice = choose(candidates, config);
        return new Searched<>(candidates, choice, fits, sample.length, bootstrapRows);
    }

    /**
     * The mean ARI of the bootstrap refits against {@code referenceLabels} (the full fit's labels of the sampled
     * rows, whose values are {@code sampleValues}); NaN without runs.
     */
    private static <F> double stability(Matrix data, int k, int[] referenceLabels, double[][] sampleValues,
            KSelectionConfig config, int bootstrapRows, Clusterer<F> clusterer, Progress progress) {
        int runs = config.bootstrapRuns();
        if (runs == 0) {
            return Double.NaN;
        }
        int n = data.rows();
        double sum = 0;
        for (int b = 0; b < runs; b++) {
            progress.checkCancelled();
            progress.update((double) b / runs, "k=" + k + ": stability refit " + (b + 1) + " of " + runs + " on "
                    + bootstrapRows + " rows");
            SplittableRandom random = new SplittableRandom(key(config.seed(), STREAM_BOOTSTRAP, b));
            int[] drawn = new int[bootstrapRows];
            for (int i = 0; i < bootstrapRows; i++) {
                drawn[i] = below(random, n);
            }
            Matrix boot = data.selectRows(drawn);
            Centroids centroids;
            try {
                F refit = clusterer.refit(boot, k, config.bootstrapRestarts(), key(config.seed(), STREAM_REFIT + k, b),
                        config.threads(), progress.range((double) b / runs, (b + 1.0) / runs));
                centroids = clusterer.centroids(refit);
            } catch (InputException e) {
                return Double.NaN;
            }
            int[] refitLabels = new int[sampleValues.length];
            for (int t = 0; t < sampleValues.length; t++) {
                refitLabels[t] = centroids.nearestIndex(sampleValues[t]);
            }
            sum += AdjustedRandIndex.of(referenceLabels, refitLabels);
        }
        return sum / runs;
    }

    private static void checkFit(int[] assignments, Centroids centroids, int n, int d, int k) {
        if (assignments == null || assignments.length != n) {
            throw new IllegalStateException("the clusterer returned " + (assignments == null ? "no" :
                    assignments.length) + " assignments for " + n + " rows");
        }
        if (centroids == null || centroids.count() != k || centroids.columns() != d) {
            throw new IllegalStateException("the clusterer returned " + centroids + " for k=" + k + ", d=" + d);
        }
    }

    /** The choice the rule made. */
    record Choice(int k, KSelectionResult.Basis basis, String reason) {
    }

    /**
     * Applies the rule of the class comment to scored candidates (in increasing k).
     */
    static Choice choose(List<KCandidate> candidates, KSelectionConfig config) {
        if (candidates.isEmpty()) {
            throw new IllegalArgumentException("no candidates");
        }
        boolean stabilityRequired = config.bootstrapRuns() > 0;
        List<KCandidate> defined = new ArrayList<>();
        List<KCandidate> shareOk = new ArrayList<>();
        List<KCandidate> qualified = new ArrayList<>();
        for (KCandidate c : candidates) {
            if (Double.isNaN(c.silhouette())) {
                continue;
            }
            defined.add(c);
            if (shareOk(c, config)) {
                shareOk.add(c);
                if (!stabilityRequired || stabilityOk(c, config)) {
                    qualified.add(c);
                }
            }
        }
        String share = "every segment >= " + percent(config.minSegmentShare());
        String stable = "stability >= " + threshold(config.minStability());
        if (!qualified.isEmpty()) {
            KCandidate best = best(qualified);
            KCandidate chosen = smallestNearBest(qualified, best);
            StringBuilder r = new StringBuilder();
            r.append("k=").append(chosen.k()).append(": ");
            r.append(chosen == best ? "highest silhouette " : "silhouette ").append(fixed(chosen.silhouette(), 3));
            r.append(chosen == best ? " among k with " : " within " + SILHOUETTE_TOLERANCE
                    + " of the highest among k with ");
            r.append(share);
            if (stabilityRequired) {
                r.append(" and ").append(stable);
            }
            appendTie(r, chosen, best);
            if (!stabilityRequired) {
                r.append(" (stability not measured: '").append(KSelectionConfig.KEY_BOOTSTRAP_RUNS)
                        .append("' is 0)");
            }
            appendPassedOver(r, candidates, qualified, chosen, config, stabilityRequired);
            return new Choice(chosen.k(), KSelectionResult.Basis.ALL_CRITERIA, r.toString());
        }
        if (!shareOk.isEmpty()) {
            KCandidate best = best(shareOk);
            KCandidate chosen = smallestNearBest(shareOk, best);
            StringBuilder r = new StringBuilder();
            r.append("k=").append(chosen.k()).append(": no k had ").append(share).append(" and ").append(stable)
                    .append("; ");
            r.append(chosen == best ? "highest silhouette " : "silhouette ").append(fixed(chosen.silhouette(), 3));
            r.append(chosen == best ? " among k with " : " within " + SILHOUETTE_TOLERANCE
                    + " of the highest among k with ");
            r.append(share).append(" (its stability: ").append(stabilityText(chosen)).append(")");
            appendTie(r, chosen, best);
            appendPassedOver(r, candidates, shareOk, chosen, config, stabilityRequired);
            return new Choice(chosen.k(), KSelectionResult.Basis.STABILITY_RELAXED, r.toString());
        }
        if (!defined.isEmpty()) {
            KCandidate best = best(defined);
            KCandidate chosen = smallestNearBest(defined, best);
            StringBuilder r = new StringBuilder();
            r.append("k=").append(chosen.k()).append(": no k had ").append(share).append("; ");
            r.append(chosen == best ? "highest silhouette " : "silhouette ").append(fixed(chosen.silhouette(), 3));
            r.append(chosen == best ? " of all k" : " within " + SILHOUETTE_TOLERANCE + " of the highest of all k");
            r.append(" (smallest segment ").append(percent(chosen.minSegmentShare()));
            if (stabilityRequired) {
                r.append(", stability ").append(stabilityText(chosen));
            }
            r.append(")");
            appendTie(r, chosen, best);
            return new Choice(chosen.k(), KSelectionResult.Basis.BEST_SILHOUETTE, r.toString());
        }
        KCandidate first = candidates.get(0);
        return new Choice(first.k(), KSelectionResult.Basis.SMALLEST_K, "k=" + first.k()
                + ": no k has a defined silhouette (fewer than two distinct clusters among the sampled rows, e.g. "
                + "identical rows); the smallest k tried is used");
    }

    private static boolean shareOk(KCandidate c, KSelectionConfig config) {
        return c.minSegmentShare() >= config.minSegmentShare();
    }

    private static boolean stabilityOk(KCandidate c, KSelectionConfig config) {
        return c.stability() >= config.minStability();
    }

    /** The highest silhouette; ties to the smaller k. */
    private static KCandidate best(List<KCandidate> among) {
        KCandidate best = among.get(0);
        for (KCandidate c : among) {
            if (c.silhouette() > best.silhouette()) {
                best = c;
            }
        }
        return best;
    }

    /** The smallest k whose silhouette is within the tolerance of {@code best}'s. */
    private static KCandidate smallestNearBest(List<KCandidate> among, KCandidate best) {
        for (KCandidate c : among) {
            if (c.silhouette() >= best.silhouette() - SILHOUETTE_TOLERANCE) {
                return c;
            }
        }
        return best;
    }

    private static void appendTie(StringBuilder r, KCandidate chosen, KCandidate best) {
        if (chosen != best) {
            r.append("; k=").append(best.k()).append(" scored ").append(fixed(best.silhouette(), 3))
                    .append(", a difference below ").append(SILHOUETTE_TOLERANCE).append(", so the smaller k is used");
        }
    }

    /** Why each k with a higher silhouette than {@code chosen}, outside {@code eligible}, was passed over. */
    private static void appendPassedOver(StringBuilder r, List<KCandidate> all, List<KCandidate> eligible,
            KCandidate chosen, KSelectionConfig config, boolean stabilityRequired) {
        for (KCandidate c : all) {
            if (eligible.contains(c) || !(c.silhouette() > chosen.silhouette())) {
                continue;
            }
            r.append("; k=").append(c.k()).append(" (silhouette ").append(fixed(c.silhouette(), 3)).append(") had ");
            boolean smallSegment = !shareOk(c, config);
            if (smallSegment) {
                r.append("a ").append(percent(c.minSegmentShare())).append(" segment");
            }
            if (stabilityRequired && !stabilityOk(c, config)) {
                r.append(smallSegment ? " and " : "").append("stability ").append(stabilityText(c));
            }
        }
    }

    private static String stabilityText(KCandidate c) {
        return Double.isNaN(c.stability()) ? "not measurable (a refit failed)" : truncated(c.stability(), 2);
    }

    static String fixed(double value, int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f", value);
    }

    /**
     * A share as a percentage, truncated (never rounded up, so a share below a threshold never prints as the
     * threshold): {@code 2%}, {@code 1.3%}, {@code 1.99%}, {@code 0.42%}.
     */
    static String percent(double share) {
        BigDecimal p = BigDecimal.valueOf(share * 100);
        if (p.signum() == 0) {
            return "0%";
        }
        p = p.compareTo(BigDecimal.ONE) >= 0 ? p.setScale(2, RoundingMode.FLOOR)
                : p.round(new MathContext(2, RoundingMode.FLOOR));
        return p.stripTrailingZeros().toPlainString() + "%";
    }

    /** {@code value} truncated to {@code decimals} places ({@code 0.7999 -> "0.79"}, {@code 0.8 -> "0.80"}). */
    static String truncated(double value, int decimals) {
        return BigDecimal.valueOf(value).setScale(decimals, RoundingMode.FLOOR).toPlainString();
    }

    /** A configured threshold, exactly, with at least two decimals: {@code 0.80}, {@code 0.805}. */
    static String threshold(double value) {
        BigDecimal v = BigDecimal.valueOf(value);
        return (v.scale() < 2 ? v.setScale(2) : v).toPlainString();
    }

    /** A 64-bit seed for {@code (seed, stream, index)}, well mixed in every argument (SplitMix64 finaliser). */
    static long key(long seed, long stream, long index) {
        return mix64(mix64(mix64(seed + 0x9E3779B97F4A7C15L) + stream * 0x9E3779B97F4A7C15L)
                ^ (index + 0x632BE59BD9B4E019L));
    }

    private static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** Uniform on {@code [0, bound)} by multiply-shift on {@link SplittableRandom#nextLong()} (no loop). */
    private static int below(SplittableRandom random, int bound) {
        return (int) (((random.nextLong() >>> 32) * bound) >>> 32);
    }
}
