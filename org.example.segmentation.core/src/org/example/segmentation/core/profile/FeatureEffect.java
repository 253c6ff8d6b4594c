package org.example.segmentation.core.profile;

import java.util.Comparator;

/**
 * How much one feature distinguishes one segment from the rest of the population, with what a description needs
 * to put it in words.
 *
 * @param feature         the column name
 * @param label           its readable label
 * @param kind            how the feature is described
 * @param effect          Cohen's d (numeric and 0/1 features) or the Cohen's h of the strongest level (categorical),
 *                        signed: positive = more than the rest
 * @param index           the index of a numeric feature, else {@code NaN}
 * @param level           the strongest level of a categorical feature, else {@code null}
 * @param share           the segment's share of the level (or of 1s for a 0/1 feature), else {@code NaN}
 * @param populationShare the same share in the population, else {@code NaN}
 * @param infoGain        the feature's information gain about the segment ({@code NaN} when not computed)
 * @param position        the feature's position among the profiled features (table order)
 */
record FeatureEffect(String feature, String label, Kind kind, double effect, double index, String level,
        double share, double populationShare, double infoGain, int position) {

    /** How a feature is put in words. */
    enum Kind {
        /** A number: high or low, with its index. */
        NUMERIC,
        /** A 0/1 number (a flag): the share of 1s. */
        BINARY,
        /** A level of a categorical feature: its share. */
        CATEGORICAL
    }

    /**
     * The ranking order: larger |effect| first (infinities first of all; equal to 9 decimal places counts as a tie),
     * then larger information gain (not computed = last), then table order. {@code NaN} effects are never ranked.
     */
    static final Comparator<FeatureEffect> RANKING = (a, b) -> {
        int byEffect = Long.compare(magnitude(b.effect), magnitude(a.effect));
        if (byEffect != 0) {
            return byEffect;
        }
        double ga = Double.isNaN(a.infoGain) ? Double.NEGATIVE_INFINITY : a.infoGain;
        double gb = Double.isNaN(b.infoGain) ? Double.NEGATIVE_INFINITY : b.infoGain;
        int byGain = Double.compare(gb, ga);
        return byGain != 0 ? byGain : Integer.compare(a.position, b.position);
    };

    /** |effect| in units of 1e-9, so that rounding noise does not order features. */
    static long magnitude(double effect) {
        double m = Math.abs(effect);
        return m >= 1e9 ? Long.MAX_VALUE : Math.round(m * 1e9);
    }
}
