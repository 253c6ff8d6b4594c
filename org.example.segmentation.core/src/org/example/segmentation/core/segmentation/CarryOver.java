package org.example.segmentation.core.segmentation;

import java.util.List;
import java.util.Objects;

/**
 * How segment ids and names were carried over from a previous model (see {@link Segmenter}).
 *
 * @param previousCreatedAt   when the previous model was fitted
 * @param previousInputHash   the fingerprint hash of the previous model's fit table
 * @param commonFeatures      the features both models share, on which the centroids were matched
 * @param previousOnlyFeatures features of the previous model this one does not use
 * @param newOnlyFeatures      features this model uses that the previous one did not
 * @param carriedIds           ids kept from the previous model, in id order
 * @param newIds               ids given to segments without a previous match, in id order
 * @param vanishedIds          previous ids no segment matched, in id order
 */
public record CarryOver(String previousCreatedAt, String previousInputHash, List<String> commonFeatures,
        List<String> previousOnlyFeatures, List<String> newOnlyFeatures, List<String> carriedIds, List<String> newIds,
        List<String> vanishedIds) {

    public CarryOver {
        Objects.requireNonNull(previousCreatedAt, "previousCreatedAt");
        Objects.requireNonNull(previousInputHash, "previousInputHash");
        commonFeatures = List.copyOf(commonFeatures);
        previousOnlyFeatures = List.copyOf(previousOnlyFeatures);
        newOnlyFeatures = List.copyOf(newOnlyFeatures);
        carriedIds = List.copyOf(carriedIds);
        newIds = List.copyOf(newIds);
        vanishedIds = List.copyOf(vanishedIds);
    }
}
