/**
 * Drift monitoring: has the customer base moved away from the segmentation?
 *
 * <p>{@link org.example.segmentation.core.drift.DriftBaseline#fit} summarises the reference month in constant size
 * (quantile bins and counts, moments, a seeded reservoir sample per numeric feature, level counts per categorical
 * feature, segment shares and per-segment statistics) and saves it as a JSON model file.
 * {@link org.example.segmentation.core.drift.DriftMonitor} streams a later month through the baseline's bins chunk by
 * chunk and returns a {@link org.example.segmentation.core.drift.DriftReport}: per feature PSI, Kolmogorov-Smirnov or
 * chi-square test with Benjamini-Hochberg adjusted p-values, Wasserstein distance, mean and spread shifts, missing
 * and unseen shares; per segment share changes, centroid shifts and fit; migration matrices by customer
 * identifier; and a verdict OK / WARN / ALERT with reasons and a recommendation (keep / watch / refit).
 * {@link org.example.segmentation.core.drift.DriftConfig} holds the settings as a flat key/value map.
 * {@link org.example.segmentation.core.drift.SegmentAssigner} is what a segmentation model offers to the monitor.
 *
 * <p>The tests (Kolmogorov-Smirnov, chi-square) come from Apache Commons Statistics; {@code docs/drift.md} documents
 * the measures, the smoothing, the ties rule and the verdict with a worked example.
 */
package org.example.segmentation.core.drift;
