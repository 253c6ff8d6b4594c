package org.example.segmentation.core.segmentation;

import java.util.Objects;

/**
 * How one numeric feature enters the feature space: {@code value = (x - center) / scale}, with {@code x} the
 * value in the table given to fit and assign. One dimension of the space.
 *
 * <p>Original units: when the cleaning model's scaling of the feature is known ({@code cleaningCenter},
 * {@code cleaningScale}), the table held {@code x = (raw - cleaningCenter) / cleaningScale} and
 * {@link #toOriginal} returns {@code raw}; otherwise the table's own units are the original ones.
 *
 * @param name           the column name
 * @param source         {@value #CLEANING} (z-scored by the cleaning model, used as it is: center 0, scale 1),
 *                       {@value #INPUT} (used as it is, {@code scaled=yes}: center 0, scale 1) or
 *                       {@value #STANDARDIZED} (z-scored by the segmenter: center = mean, scale = standard deviation
 *                       with n - 1, of the fit table)
 * @param center         subtracted first
 * @param scale          divided by next; positive and finite
 * @param cleaningCenter the cleaning model's center of the feature, or {@code null} when not known
 * @param cleaningScale  the cleaning model's divisor of the feature, or {@code null} when not known
 */
public record NumericFeature(String name, String source, double center, double scale, Double cleaningCenter,
        Double cleaningScale) {

    /** Z-scored by the cleaning model and used as it is. */
    public static final String CLEANING = "cleaning";
    /** Used as it is because the user said it is scaled ({@code scaled=yes}). */
    public static final String INPUT = "input";
    /** Z-scored by the segmenter. */
    public static final String STANDARDIZED = "standardized";

    public NumericFeature {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(source, "source");
        if (!source.equals(CLEANING) && !source.equals(INPUT) && !source.equals(STANDARDIZED)) {
            throw new IllegalArgumentException("feature '" + name + "': source '" + source + "' is not one of "
                    + CLEANING + ", " + INPUT + ", " + STANDARDIZED);
        }
        if (!Double.isFinite(center) || !(scale > 0) || !Double.isFinite(scale)) {
            throw new IllegalArgumentException("feature '" + name + "': needs a finite center and a positive finite "
                    + "scale, got " + center + " and " + scale);
        }
        if ((cleaningCenter == null) != (cleaningScale == null)) {
            throw new IllegalArgumentException("feature '" + name + "': cleaning center and scale must both be set "
                    + "or both be null");
        }
        if (cleaningCenter != null && (!Double.isFinite(cleaningCenter) || !(cleaningScale > 0)
                || !Double.isFinite(cleaningScale))) {
            throw new IllegalArgumentException("feature '" + name + "': the cleaning scaling needs a finite center "
                    + "and a positive finite divisor, got " + cleaningCenter + " and " + cleaningScale);
        }
    }

    /** The feature-space value of table value {@code x}. */
    public double transform(double x) {
        return (x - center) / scale;
    }

    /** The table value of feature-space value {@code v}. */
    public double toInput(double v) {
        return v * scale + center;
    }

    /** The original value (before the cleaning model's scaling, when known) of feature-space value {@code v}. */
    public double toOriginal(double v) {
        double x = toInput(v);
        return cleaningCenter == null ? x : x * cleaningScale + cleaningCenter;
    }

    /** Whether the cleaning model's scaling is known, so {@link #toOriginal} undoes it. */
    public boolean cleaningKnown() {
        return cleaningCenter != null;
    }
}
