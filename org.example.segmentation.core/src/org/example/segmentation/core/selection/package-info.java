/**
 * Feature selection as a fit/apply step: which numeric and categorical columns a segmentation should use, fitted
 * on one month and applied unchanged to the next.
 *
 * <p>Public types: {@link org.example.segmentation.core.selection.SelectorConfig} (validated settings, flat
 * key/value round trip), {@link org.example.segmentation.core.selection.FeatureSelector} ({@code fit}),
 * {@link org.example.segmentation.core.selection.FeatureSelection} (the fitted, immutable selection: {@code apply},
 * {@code save}, {@code load}) and {@link org.example.segmentation.core.selection.SelectionReport} (one row per
 * column: kept or dropped, the rule and the number behind it). Everything else is package-private: the association
 * measures ({@code Associations}), the greedy redundancy rule ({@code Redundancy}), principal-component ranking
 * ({@code PcaRanking}) and the supervised rankings backed by Weka ({@code WekaTargetRanking}).
 *
 * <p>The step never depends on the cleaning package: it takes any {@link org.example.segmentation.core.table.Table}
 * (typically the cleaner's output) and never changes it. The user documentation, with every setting key, the order
 * of the filters, the greedy rule and the scoring formulas, is {@code docs/feature-selection.md}.
 */
package org.example.segmentation.core.selection;
