/**
 * Profile scoring: per customer a 0-100 digital profile score with the points of every indicator and the top three
 * contributors, a capability score and a trust score placing the customer in a digital archetype of the capability x
 * trust grid (with the margin to the next archetype), the first and second contact channel under consent rules, a
 * lifecycle stage, an engagement level and a product depth.
 *
 * <p>{@link org.example.segmentation.core.scoring.ScoringConfig} holds the settings,
 * {@link org.example.segmentation.core.scoring.ProfileScorer#fit} fits a
 * {@link org.example.segmentation.core.scoring.ScoringModel} on a reference table (percentile sketches of the
 * indicators, engagement tertiles), whose {@code score} scores any table on that reference's scale, and
 * {@link org.example.segmentation.core.scoring.ScoringPipeline} scores new customers end to end with saved cleaning,
 * segmentation and scoring models, streamed in chunks. {@code docs/scoring.md} documents every rule and default.
 */
package org.example.segmentation.core.scoring;
