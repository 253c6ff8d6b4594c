package org.example.segmentation.core.cleaning;

import java.util.List;
import java.util.Objects;

/**
 * Everything apply needs to know about one kept column, as stored in the model file (snake_case JSON). Fit
 * fills it stage by stage with the {@code with...} methods; nothing here changes after fit.
 *
 * @param name             the column name, in the input and in the output
 * @param role             {@code identifier}, {@code numeric} or {@code categorical} (the output kind)
 * @param inputType        the column type in the fit input ({@code numeric}, {@code categorical}, {@code text})
 * @param reason           why the column has its role and kind (identifier rule, conversion), or empty
 * @param pseudonymise     identifiers only: replaced by the salted SHA-256
 * @param missing          features: the missing-value strategy key ({@code none} for identifiers)
 * @param fillNumber       numeric features: the fill value, or null
 * @param fillLevel        categorical features: the fill level, or null
 * @param missingIndicator whether {@code <name>_missing} is added
 * @param outlierLower     numeric features: the lower fence, or null when outliers are not treated
 * @param outlierUpper     numeric features: the upper fence, or null when outliers are not treated
 * @param outlierFlag      whether {@code <name>_outlier} is added
 * @param outlierNote      why outliers are not treated in this column, or empty
 * @param levels           categorical features: the output levels (the dictionary), sorted
 * @param grouped          categorical features: the fit levels mapped to {@code Other}, sorted
 * @param center           numeric features: the scaling center, or null when not scaled
 * @param divisor          numeric features: the scaling divisor (positive), or null when not scaled
 * @param validMin         numeric features: values below it are invalid (become missing), or null for no bound;
 *                         0 for count columns ({@code nonnegative.*} settings)
 */
record FittedColumn(String name, String role, String inputType, String reason, boolean pseudonymise, String missing,
        Double fillNumber, String fillLevel, boolean missingIndicator, Double outlierLower, Double outlierUpper,
        boolean outlierFlag, String outlierNote, List<String> levels, List<String> grouped, Double center,
        Double divisor, Double validMin) {

    static final String IDENTIFIER = "identifier";
    static final String NUMERIC = "numeric";
    static final String CATEGORICAL = "categorical";

    FittedColumn {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(inputType, "input_type");
        reason = reason == null ? "" : reason;
        missing = missing == null ? "none" : missing;
        outlierNote = outlierNote == null ? "" : outlierNote;
        levels = levels == null ? List.of() : List.copyOf(levels);
        grouped = grouped == null ? List.of() : List.copyOf(grouped);
    }

    static FittedColumn identifier(String name, String inputType, String reason, boolean pseudonymise) {
        return new FittedColumn(name, IDENTIFIER, inputType, reason, pseudonymise, "none", null, null, false, null,
                null, false, "", List.of(), List.of(), null, null, null);
    }

    static FittedColumn feature(String name, boolean numeric, String inputType, String reason) {
        return new FittedColumn(name, numeric ? NUMERIC : CATEGORICAL, inputType, reason, false, "none", null, null,
                false, null, null, false, "", List.of(), List.of(), null, null, null);
    }

    boolean identifierRole() {
        return IDENTIFIER.equals(role);
    }

    boolean numericRole() {
        return NUMERIC.equals(role);
    }

    boolean categoricalRole() {
        return CATEGORICAL.equals(role);
    }

    boolean hasFences() {
        return outlierLower != null && outlierUpper != null;
    }

    boolean scaled() {
        return center != null && divisor != null;
    }

    String missingIndicatorName() {
        return name + "_missing";
    }

    String outlierFlagName() {
        return name + "_outlier";
    }

    FittedColumn withOutliers(Double lower, Double upper, boolean flag, String note) {
        return new FittedColumn(name, role, inputType, reason, pseudonymise, missing, fillNumber, fillLevel,
                missingIndicator, lower, upper, flag, note, levels, grouped, center, divisor, validMin);
    }

    FittedColumn withMissing(String strategy, Double number, String level, boolean indicator) {
        return new FittedColumn(name, role, inputType, reason, pseudonymise, strategy, number, level, indicator,
                outlierLower, outlierUpper, outlierFlag, outlierNote, levels, grouped, center, divisor, validMin);
    }

    FittedColumn withLevels(List<String> newLevels, List<String> newGrouped) {
        return new FittedColumn(name, role, inputType, reason, pseudonymise, missing, fillNumber, fillLevel,
                missingIndicator, outlierLower, outlierUpper, outlierFlag, outlierNote, newLevels, newGrouped, center,
                divisor, validMin);
    }

    FittedColumn withScaling(Double newCenter, Double newDivisor) {
        return new FittedColumn(name, role, inputType, reason, pseudonymise, missing, fillNumber, fillLevel,
                missingIndicator, outlierLower, outlierUpper, outlierFlag, outlierNote, levels, grouped, newCenter,
                newDivisor, validMin);
    }

    /** This plan with values below {@code min} invalid. */
    FittedColumn withValidMin(Double min) {
        return new FittedColumn(name, role, inputType, reason, pseudonymise, missing, fillNumber, fillLevel,
                missingIndicator, outlierLower, outlierUpper, outlierFlag, outlierNote, levels, grouped, center,
                divisor, min);
    }
}
