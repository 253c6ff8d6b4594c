package org.example.segmentation.core.drift;

import java.util.List;
import java.util.Objects;

import org.example.segmentation.core.segmentation.SegmentationModel;
import org.example.segmentation.core.table.CategoricalColumn;
import org.example.segmentation.core.table.Table;

/**
 * A {@link SegmentationModel} as the monitor's {@link SegmentAssigner}: segments and distances to the centroid
 * (in the model's feature space) from {@link SegmentationModel#assign}, the model's features as the segmentation
 * features. The model id is the fit table's fingerprint hash and the fit time, so a re-fitted model, even on the
 * same table, is another model; renaming segments keeps the id but changes the names, which the monitor also
 * refuses (re-fit the baseline after renaming).
 *
 * <p>{@link SegmentationModel#assign} needs every feature present and finite: monitor the cleaned month.
 */
public final class SegmentationModelAssigner implements SegmentAssigner {
    private final SegmentationModel model;

    private SegmentationModelAssigner(SegmentationModel model) {
        this.model = Objects.requireNonNull(model, "model");
    }

    /** The assigner of {@code model}. */
    public static SegmentAssigner of(SegmentationModel model) {
        return new SegmentationModelAssigner(model);
    }

    @Override
    public String modelId() {
        return SegmentationModel.KIND + " " + model.provenance().input().hash() + " "
                + model.provenance().createdAt();
    }

    @Override
    public List<String> segmentNames() {
        return model.segmentNames();
    }

    @Override
    public List<String> features() {
        return model.featureNames();
    }

    @Override
    public Assignment assign(Table chunk) {
        Table assigned = model.assign(chunk);
        CategoricalColumn segment = assigned.categorical(SegmentationModel.SEGMENT);
        // the segment column's dictionary is the model's segment names in code order
        return new Assignment(segment.codes(), assigned.numeric(SegmentationModel.SEGMENT_DISTANCE).toArray());
    }
}
