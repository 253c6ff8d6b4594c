/**
 * Data cleaning as a fit/apply step: {@link org.example.segmentation.core.cleaning.Cleaner#fit} learns from
 * one month's customers a {@link org.example.segmentation.core.cleaning.CleaningModel} (conversions, outlier
 * fences, fill values, level maps, scaling) and {@link org.example.segmentation.core.cleaning.CleaningModel#apply}
 * applies it unchanged to the next month, chunk by chunk if need be, so that every month is scored on the same
 * scale. Both return a {@link org.example.segmentation.core.cleaning.CleaningResult}: the cleaned table, the
 * model and a {@link org.example.segmentation.core.cleaning.CleaningReport} that shows everything done.
 *
 * <p>{@link org.example.segmentation.core.cleaning.CleanerConfig} holds the settings (keys, defaults and
 * allowed values in {@code docs/cleaning.md}); {@code Cleaner} documents the order of operations and
 * {@code Stats} the numerical definitions (mean, standard deviation with n - 1, median, Weka's quartiles,
 * type-7 percentiles).
 */
package org.example.segmentation.core.cleaning;
