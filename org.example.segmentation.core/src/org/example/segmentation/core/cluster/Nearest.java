package org.example.segmentation.core.cluster;

/**
 * The two nearest centroids of one row, by Euclidean distance, from {@link Centroids#nearest(double[])}.
 *
 * <p>Ties go to the lower cluster index: a row exactly between clusters 1 and 3 has {@code cluster = 1},
 * {@code secondCluster = 3} and equal distances. With a single centroid (k = 1) there is no second one:
 * {@code secondCluster} is {@code -1} and {@code secondDistance} is {@link Double#POSITIVE_INFINITY}.
 *
 * @param cluster        the nearest centroid's index, 0-based
 * @param distance       the Euclidean distance to it (not squared)
 * @param secondCluster  the second nearest centroid's index, or {@code -1} when k = 1
 * @param secondDistance the Euclidean distance to it, at least {@code distance}; infinite when k = 1
 */
public record Nearest(int cluster, double distance, int secondCluster, double secondDistance) {
}
