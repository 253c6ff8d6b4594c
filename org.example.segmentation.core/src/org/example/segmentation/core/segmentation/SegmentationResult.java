package org.example.segmentation.core.segmentation;

import java.util.Objects;

import org.example.segmentation.core.table.Table;

/**
 * What {@link Segmenter#fit} returns.
 *
 * @param model      the fitted model
 * @param segmented  the fit table assigned by the model ({@link SegmentationModel#assign}): identifiers and segment
 *                   columns
 * @param kSelection the scores of every k tried ({@link SegmentationModel#kSelectionTable})
 */
public record SegmentationResult(SegmentationModel model, Table segmented, Table kSelection) {

    public SegmentationResult {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(segmented, "segmented");
        Objects.requireNonNull(kSelection, "kSelection");
    }
}
