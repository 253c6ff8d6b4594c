/**
 * Segment profiling: what each segment looks like in the analyst's units, how it differs from the rest of the
 * customers, and a description of it in plain words.
 *
 * <p>Public types: {@link org.example.segmentation.core.profile.ProfilerConfig} (validated settings, flat key/value
 * round trip), {@link org.example.segmentation.core.profile.Profiler} ({@code profile}), the immutable result
 * {@link org.example.segmentation.core.profile.SegmentProfile} (its three output tables and the text) and the value
 * records it hands out: {@link org.example.segmentation.core.profile.SegmentSummary},
 * {@link org.example.segmentation.core.profile.NumericProfile},
 * {@link org.example.segmentation.core.profile.CategoricalProfile} and
 * {@link org.example.segmentation.core.profile.LevelProfile}. Package-private: reading the segments
 * ({@code Segments}), the per-feature statistics ({@code NumericStatistics} with Welch's test on Apache Commons
 * Statistics' t distribution, {@code CategoricalStatistics}), Weka's information gain ({@code InfoGainRanking}),
 * labels ({@code FeatureLabels}) and the description template ({@code Descriptions}).
 *
 * <p>The profiler works on any segmentation and any table; it never modifies its input. The user documentation,
 * with every setting, statistic, edge case and the description template, is {@code docs/profiling.md}.
 */
package org.example.segmentation.core.profile;
