package org.example.segmentation.core.cleaning;

import java.util.Objects;

import org.example.segmentation.core.cleaning.CleanerConfig.Scaling;

/**
 * How one numeric feature was scaled: {@code scaled = (value - center) / divisor}, with parameters fitted
 * once and reused by every apply. Later steps use it to know whether features are already scaled and to
 * express centroids and profiles in the original units ({@link #unscale}).
 *
 * @param feature the column name
 * @param method  the scaling method; {@link Scaling#NONE} has center 0 and divisor 1
 * @param center  mean (zscore), median (robust) or minimum (minmax) of the fit values
 * @param divisor standard deviation with n - 1 (zscore), interquartile range (robust; the standard
 *                deviation when the IQR is 0), range (minmax); 1 when that is 0 (a constant column then scales
 *                to 0, never NaN); always positive and finite
 */
public record FeatureScaling(String feature, Scaling method, double center, double divisor) {

    public FeatureScaling {
        Objects.requireNonNull(feature, "feature");
        Objects.requireNonNull(method, "method");
        if (!(divisor > 0) || !Double.isFinite(divisor) || !Double.isFinite(center)) {
            throw new IllegalArgumentException("feature '" + feature + "': scaling needs a finite center and a "
                    + "positive finite divisor, got " + center + " and " + divisor);
        }
    }

    /** The scaled value of {@code value}. */
    public double scale(double value) {
        return (value - center) / divisor;
    }

    /** The original value of a scaled {@code value}. */
    public double unscale(double value) {
        return value * divisor + center;
    }
}
