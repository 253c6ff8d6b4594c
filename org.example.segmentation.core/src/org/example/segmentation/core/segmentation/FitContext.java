package org.example.segmentation.core.segmentation;

import java.util.List;
import java.util.Objects;

import org.example.segmentation.core.cleaning.CleaningModel;
import org.example.segmentation.core.cleaning.FeatureScaling;

/**
 * What the {@link Segmenter} may know besides the table and the settings: how the cleaning model scaled the
 * numeric features (so that features it z-scored are used as they are and centroids can be given in original
 * units), and last month's segmentation (so that segment ids and names carry over).
 *
 * @param scaling  the cleaning model's scaling of numeric features; empty when not known
 * @param previous the previous segmentation model, or {@code null}
 */
public record FitContext(List<FeatureScaling> scaling, SegmentationModel previous) {

    private static final FitContext NONE = new FitContext(List.of(), null);

    public FitContext {
        scaling = List.copyOf(scaling);
    }

    /** Nothing known besides the table. */
    public static FitContext none() {
        return NONE;
    }

    /** This context with the scaling of {@code cleaning}'s numeric features. */
    public FitContext withCleaning(CleaningModel cleaning) {
        Objects.requireNonNull(cleaning, "cleaning");
        return new FitContext(cleaning.featureScaling(), previous);
    }

    /** This context with the given scaling of numeric features. */
    public FitContext withScaling(List<FeatureScaling> newScaling) {
        return new FitContext(newScaling, previous);
    }

    /** This context with a previous model whose segment ids and names carry over; {@code null} for none. */
    public FitContext withPrevious(SegmentationModel model) {
        return new FitContext(scaling, model);
    }
}
