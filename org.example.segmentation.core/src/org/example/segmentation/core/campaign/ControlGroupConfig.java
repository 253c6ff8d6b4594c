package org.example.segmentation.core.campaign;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

import org.example.segmentation.core.InputException;
import org.example.segmentation.core.settings.SettingSpec;
import org.example.segmentation.core.settings.Settings;

/**
 * How to split customers into treatment and control for one campaign: an immutable, validated configuration
 * of {@link ControlGroupAssigner}. The keys, defaults and the trade-offs between the two methods are in
 * {@code docs/control-groups.md}.
 *
 * @param idColumn          the customer id column; every row needs a distinct, non-missing id
 * @param salt              the campaign salt (non-blank): the same salt gives every customer the same group in
 *                          every run and every month; a new salt gives an independent split
 * @param controlShare      the share of (non-holdout) customers in control, greater than 0 and less than 1
 * @param method            how the hash decides (see {@link AssignmentMethod})
 * @param stratifyBy        the column whose values are the strata, or {@code ""} for one stratum
 * @param balanceCovariates numeric or categorical columns whose balance between the groups is checked
 * @param smdThreshold      a covariate with |standardised mean difference| above this is flagged (&gt; 0)
 * @param holdoutSalt       the global holdout's salt ({@code ""} for no global holdout); must differ from
 *                          {@code salt}
 * @param holdoutShare      the share of all customers in the global holdout, 0 (none) to less than 1;
 *                          non-zero exactly when {@code holdoutSalt} is set
 * @param previousColumn    a column holding an earlier assignment ({@code treatment}/{@code control}/
 *                          {@code holdout}, missing for new customers), to count customers whose group flipped;
 *                          {@code ""} for none
 */
public record ControlGroupConfig(String idColumn, String salt, double controlShare, AssignmentMethod method,
        String stratifyBy, List<String> balanceCovariates, double smdThreshold, String holdoutSalt,
        double holdoutShare, String previousColumn) {

    public static final String KEY_ID_COLUMN = "id.column";
    public static final String KEY_SALT = "salt";
    public static final String KEY_CONTROL_SHARE = "control.share";
    public static final String KEY_METHOD = "control.method";
    public static final String KEY_STRATIFY_BY = "stratify.by";
    public static final String KEY_BALANCE_COVARIATES = "balance.covariates";
    public static final String KEY_SMD_THRESHOLD = "balance.smd_threshold";
    public static final String KEY_HOLDOUT_SALT = "holdout.salt";
    public static final String KEY_HOLDOUT_SHARE = "holdout.share";
    public static final String KEY_PREVIOUS_COLUMN = "previous.column";

    /** The default id column, as the generator names it. */
    public static final String DEFAULT_ID_COLUMN = "customer_id";
    public static final double DEFAULT_CONTROL_SHARE = 0.10;
    public static final double DEFAULT_SMD_THRESHOLD = 0.1;

    /** The settings keys with their defaults, for help texts and dialogs. */
    public static final List<SettingSpec> SPECS = List.of(
            SettingSpec.of(KEY_ID_COLUMN, DEFAULT_ID_COLUMN,
                    "the customer id column; ids must be present and distinct"),
            SettingSpec.of(KEY_SALT, "", "required: the campaign salt; the same salt gives every customer the same "
                    + "group every run and every month"),
            SettingSpec.of(KEY_CONTROL_SHARE, DEFAULT_CONTROL_SHARE,
                    "share of customers (outside the global holdout) in control, greater than 0 and less than 1"),
            SettingSpec.choice(KEY_METHOD, "stratified_rank", AssignmentMethod.KEYS,
                    "stratified_rank: exact share per stratum; hash_threshold: hash/2^64 < share, stable across "
                            + "months, share exact only in expectation"),
            SettingSpec.of(KEY_STRATIFY_BY, "", "column whose values are the strata (usually the segment); empty "
                    + "for one stratum"),
            SettingSpec.of(KEY_BALANCE_COVARIATES, "[]",
                    "numeric or categorical columns whose standardised mean difference between groups is checked"),
            SettingSpec.of(KEY_SMD_THRESHOLD, DEFAULT_SMD_THRESHOLD,
                    "a covariate with |standardised mean difference| above this is flagged as imbalanced"),
            SettingSpec.of(KEY_HOLDOUT_SALT, "", "salt of the global holdout shared across campaigns; empty for none"),
            SettingSpec.of(KEY_HOLDOUT_SHARE, 0,
                    "share of all customers in the global holdout (group 'holdout'), 0 to less than 1"),
            SettingSpec.of(KEY_PREVIOUS_COLUMN, "",
                    "column with an earlier assignment, to count customers whose group flipped; empty for none"));

    /**
     * Validates the configuration.
     *
     * @throws InputException naming the setting: a blank id column or salt, a share out of range, a blank or
     *                        repeated covariate or one that is the id column, a non-positive threshold, a holdout
     *                        salt without a share or a share without a salt, the same salt for campaign and
     *                        holdout
     */
    public ControlGroupConfig {
        Objects.requireNonNull(method, "method");
        idColumn = Objects.requireNonNull(idColumn, "idColumn");
        salt = Objects.requireNonNull(salt, "salt");
        stratifyBy = Objects.requireNonNull(stratifyBy, "stratifyBy");
        holdoutSalt = Objects.requireNonNull(holdoutSalt, "holdoutSalt");
        previousColumn = Objects.requireNonNull(previousColumn, "previousColumn");
        balanceCovariates = List.copyOf(balanceCovariates);
        if (idColumn.isBlank()) {
            throw fail(KEY_ID_COLUMN, "must name the customer id column");
        }
        if (salt.isBlank()) {
            throw fail(KEY_SALT, "is required: any non-empty text naming the campaign, e.g. salt=spring-offer-2025 "
                    + "(the same salt gives every customer the same group in every run)");
        }
        if (!(controlShare > 0 && controlShare < 1)) {
            throw fail(KEY_CONTROL_SHARE, "must be greater than 0 and less than 1, got " + controlShare);
        }
        Set<String> seen = new HashSet<>();
        for (String c : balanceCovariates) {
            if (c == null || c.isBlank()) {
                throw fail(KEY_BALANCE_COVARIATES, "must not name an empty column");
            }
            if (!seen.add(c)) {
                throw fail(KEY_BALANCE_COVARIATES, "names column '" + c + "' twice");
            }
            if (c.equals(idColumn)) {
                throw fail(KEY_BALANCE_COVARIATES, "must not name the id column '" + c + "'");
            }
        }
        if (!(smdThreshold > 0 && Double.isFinite(smdThreshold))) {
            throw fail(KEY_SMD_THRESHOLD, "must be a number greater than 0, got " + smdThreshold);
        }
        if (!(holdoutShare >= 0 && holdoutShare < 1)) {
            throw fail(KEY_HOLDOUT_SHARE, "must be at least 0 and less than 1, got " + holdoutShare);
        }
        if (holdoutShare > 0 && holdoutSalt.isBlank()) {
            throw fail(KEY_HOLDOUT_SALT, "is required when holdout.share is greater than 0");
        }
        if (holdoutShare == 0 && !holdoutSalt.isBlank()) {
            throw fail(KEY_HOLDOUT_SHARE, "must be greater than 0 when holdout.salt is set");
        }
        if (!holdoutSalt.isBlank() && holdoutSalt.equals(salt)) {
            throw fail(KEY_HOLDOUT_SALT, "must differ from salt: the holdout and the campaign split must be "
                    + "independent");
        }
        if (previousColumn.equals(idColumn) && !previousColumn.isEmpty()) {
            throw fail(KEY_PREVIOUS_COLUMN, "must not be the id column '" + idColumn + "'");
        }
    }

    /** The defaults with the given salt: 10% control, stratified_rank, one stratum, no holdout. */
    public static ControlGroupConfig of(String salt) {
        return new ControlGroupConfig(DEFAULT_ID_COLUMN, salt, DEFAULT_CONTROL_SHARE, AssignmentMethod.STRATIFIED_RANK,
                "", List.of(), DEFAULT_SMD_THRESHOLD, "", 0, "");
    }

    /** This configuration with another id column. */
    public ControlGroupConfig withIdColumn(String column) {
        return new ControlGroupConfig(column, salt, controlShare, method, stratifyBy, balanceCovariates, smdThreshold,
                holdoutSalt, holdoutShare, previousColumn);
    }

    /** This configuration with another control share. */
    public ControlGroupConfig withControlShare(double share) {
        return new ControlGroupConfig(idColumn, salt, share, method, stratifyBy, balanceCovariates, smdThreshold,
                holdoutSalt, holdoutShare, previousColumn);
    }

    /** This configuration with another method. */
    public ControlGroupConfig withMethod(AssignmentMethod newMethod) {
        return new ControlGroupConfig(idColumn, salt, controlShare, newMethod, stratifyBy, balanceCovariates,
                smdThreshold, holdoutSalt, holdoutShare, previousColumn);
    }

    /** This configuration stratified by {@code column} ({@code ""} for none). */
    public ControlGroupConfig withStratifyBy(String column) {
        return new ControlGroupConfig(idColumn, salt, controlShare, method, column, balanceCovariates, smdThreshold,
                holdoutSalt, holdoutShare, previousColumn);
    }

    /** This configuration checking the balance of {@code covariates}. */
    public ControlGroupConfig withBalanceCovariates(List<String> covariates) {
        return new ControlGroupConfig(idColumn, salt, controlShare, method, stratifyBy, covariates, smdThreshold,
                holdoutSalt, holdoutShare, previousColumn);
    }

    /** This configuration with a global holdout of {@code share} under {@code newHoldoutSalt}. */
    public ControlGroupConfig withHoldout(String newHoldoutSalt, double share) {
        return new ControlGroupConfig(idColumn, salt, controlShare, method, stratifyBy, balanceCovariates,
                smdThreshold, newHoldoutSalt, share, previousColumn);
    }

    /** This configuration comparing with the earlier assignment in {@code column} ({@code ""} for none). */
    public ControlGroupConfig withPreviousColumn(String column) {
        return new ControlGroupConfig(idColumn, salt, controlShare, method, stratifyBy, balanceCovariates,
                smdThreshold, holdoutSalt, holdoutShare, column);
    }

    /** Whether customers are stratified by a column. */
    public boolean stratified() {
        return !stratifyBy.isEmpty();
    }

    /** Whether there is a global holdout. */
    public boolean hasHoldout() {
        return holdoutShare > 0;
    }

    /**
     * Reads a configuration from settings; unset keys take the defaults of {@link #SPECS}.
     *
     * @throws InputException for an unknown key or a bad value, naming the key
     */
    public static ControlGroupConfig fromSettings(Settings settings) {
        settings.requireKnown("control", SPECS);
        return new ControlGroupConfig(
                settings.getString(KEY_ID_COLUMN, DEFAULT_ID_COLUMN).trim(),
                settings.getString(KEY_SALT, ""),
                settings.getDouble(KEY_CONTROL_SHARE, DEFAULT_CONTROL_SHARE, 0, 1),
                AssignmentMethod.ofKey(settings.getChoice(KEY_METHOD, "stratified_rank", AssignmentMethod.KEYS)),
                settings.getString(KEY_STRATIFY_BY, "").trim(),
                settings.getList(KEY_BALANCE_COVARIATES, List.of()),
                settings.getDouble(KEY_SMD_THRESHOLD, DEFAULT_SMD_THRESHOLD, 0, Double.MAX_VALUE),
                settings.getString(KEY_HOLDOUT_SALT, ""),
                settings.getDouble(KEY_HOLDOUT_SHARE, 0, 0, 1),
                settings.getString(KEY_PREVIOUS_COLUMN, "").trim());
    }

    /** Every key, defaults included; {@link #fromSettings} reads it back to an equal configuration. */
    public Settings toSettings() {
        Map<String, String> m = new TreeMap<>();
        m.put(KEY_ID_COLUMN, idColumn);
        m.put(KEY_SALT, salt);
        m.put(KEY_CONTROL_SHARE, Double.toString(controlShare));
        m.put(KEY_METHOD, method.key());
        m.put(KEY_STRATIFY_BY, stratifyBy);
        m.put(KEY_BALANCE_COVARIATES, Settings.formatList(balanceCovariates));
        m.put(KEY_SMD_THRESHOLD, Double.toString(smdThreshold));
        m.put(KEY_HOLDOUT_SALT, holdoutSalt);
        m.put(KEY_HOLDOUT_SHARE, Double.toString(holdoutShare));
        m.put(KEY_PREVIOUS_COLUMN, previousColumn);
        return Settings.of(m);
    }

    private static InputException fail(String key, String what) {
        return new InputException("control setting '" + key + "' " + what);
    }
}
