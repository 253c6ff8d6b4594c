/**
 * The segmentation step: customers into a few segments with stable ids, and every customer's segment.
 *
 * <p>{@link org.example.segmentation.core.segmentation.Segmenter#fit} takes a (cleaned) customer table and a
 * {@link org.example.segmentation.core.segmentation.SegmenterConfig}, builds the
 * {@link org.example.segmentation.core.segmentation.FeatureSpace} (numeric features z-scored, categorical features
 * one-hot with a weight that makes each count like one numeric feature), clusters it for every k of a range with
 * the algorithms of {@code org.example.segmentation.core.cluster}, chooses k by
 * {@link org.example.segmentation.core.cluster.KSelection}'s documented rule, numbers the segments by size or carries
 * ids and names over from last month's model, and returns an immutable
 * {@link org.example.segmentation.core.segmentation.SegmentationModel}. The model assigns any table chunk by chunk
 * ({@link org.example.segmentation.core.segmentation.SegmentationModel#assign}) and is saved as a JSON model file.
 *
 * <p>The settings, formulas and outputs are documented in {@code docs/segmentation.md}.
 */
package org.example.segmentation.core.segmentation;
