/**
 * Control groups and campaign uplift: who is held back from a campaign, and whether the campaign worked.
 *
 * <ul>
 * <li>{@link org.example.segmentation.core.campaign.ControlGroupAssigner} splits customers into
 * {@link org.example.segmentation.core.campaign.Group treatment, control and the global holdout} from a salted
 * SHA-256 hash of the customer id, configured by
 * {@link org.example.segmentation.core.campaign.ControlGroupConfig}: deterministic, reproducible across months
 * for the same salt, optionally stratified (exact share per stratum) and checked for covariate balance and
 * sample ratio; its {@link org.example.segmentation.core.campaign.ControlGroupPlan} records the salt and the
 * method.</li>
 * <li>{@link org.example.segmentation.core.campaign.UpliftReadout} measures treated against control per segment
 * and overall (Newcombe or Welch intervals, Benjamini-Hochberg across segments, sample-ratio check) into an
 * {@link org.example.segmentation.core.campaign.UpliftReport};
 * {@link org.example.segmentation.core.campaign.UpliftPlanner} computes, before a campaign, the minimum
 * detectable effect per segment and the control share a target effect needs. Both read
 * {@link org.example.segmentation.core.campaign.UpliftConfig}.</li>
 * </ul>
 *
 * <p>The statistics are package-private, one concern each, with their formulas and edge cases in their
 * javadoc: {@code CustomerHash}, {@code Proportions} (Wilson, Newcombe, pooled z), {@code Welch},
 * {@code SampleRatio}, {@code MultipleTesting} (Benjamini-Hochberg), {@code Balance} (standardised mean
 * difference), {@code DetectableEffect}. Distributions (normal, Student's t, chi-square) come from Apache
 * Commons Statistics. The user documentation, with the trade-offs of the two assignment methods, is
 * {@code docs/control-groups.md}.
 */
package org.example.segmentation.core.campaign;
