/**
 * Clustering of a dense numeric feature space: k-means, mini-batch k-means, and (alongside) the measures that
 * judge a clustering and choose k.
 *
 * <p><b>Data.</b> A {@link org.example.segmentation.core.cluster.Matrix} holds the rows to cluster, finite
 * numbers only, checked once when it is built. Build it once from the prepared table and fit as often as
 * needed (several k, several seeds); fits read it without copying.
 *
 * <p><b>k-means.</b> {@link org.example.segmentation.core.cluster.KMeans#fit} with a
 * {@link org.example.segmentation.core.cluster.KMeansConfig} returns a
 * {@link org.example.segmentation.core.cluster.KMeansResult}: centroids
 * ({@link org.example.segmentation.core.cluster.Centroids}, which also assign new rows:
 * {@link org.example.segmentation.core.cluster.Centroids#nearest} gives the nearest and second nearest centroid
 * with their distances), the cluster of every row, sizes, inertia. Greedy k-means++ starts, best of 10 runs,
 * Hamerly's bounds, threads that never change the result. See {@link org.example.segmentation.core.cluster.KMeans}
 * for the algorithm and its edge cases.
 *
 * <p><b>Which one to use.</b> {@link org.example.segmentation.core.cluster.KMeans} is exact k-means (Lloyd's
 * fixed point) and fast: on 1 million rows x 16 columns, an iteration takes a few tens of milliseconds, and a
 * full fit with 10 restarts some seconds. Use it up to a few million rows.
 * {@link org.example.segmentation.core.cluster.MiniBatchKMeans} learns the centroids from random batches and
 * touches the whole data only three times per run (initial sample aside): use it beyond a few million rows, when
 * many k must be tried on large data, or when a fit must finish in a fixed time. It needs less working memory
 * (no per-row bounds) and typically ends within a few per cent of k-means' inertia on well-separated segments,
 * more on overlapping ones.
 *
 * <p><b>Reproducibility.</b> Every random choice comes from the configuration's seed; the same seed gives the
 * same bits on any number of threads. Parallelism is opt-in ({@code threads}), and every call creates and closes
 * its own threads.
 *
 * <p>Also here: cluster-quality measures, silhouette, automatic choice of k, the adjusted Rand index and
 * Hungarian matching of clusters between two segmentations.
 */
package org.example.segmentation.core.cluster;
