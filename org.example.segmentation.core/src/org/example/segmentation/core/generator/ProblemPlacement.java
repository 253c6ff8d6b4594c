package org.example.segmentation.core.generator;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Which original rows carry which planted cell problem, with exact counts.
 *
 * <p>Each affected column has its own seeded {@link Permutation} of the original ordinals {@code 1..M-1}
 * (ordinal 0 is kept clean). Consecutive ranges of the permuted index are the problems of that column, so
 * the problems of one column never overlap and their counts are exact: in {@code monthly_income}, the first
 * {@code k_missing} permuted indices are missing, the next {@code k_invalid} hold invalid text and the next
 * {@code k_outlier} are outliers.
 *
 * <p>Duplicates copy only clean originals (no cell problem, and {@code secondary_phone_type} missing as in
 * most rows), so the count of each problem in the table is exactly its count among the originals, plus the
 * duplicates for the missing secondary phone types, which is accounted for.
 */
final class ProblemPlacement {
    static final int AGE_MISSING = 1;
    static final int GENDER_MISSING = 1 << 1;
    static final int REGION_MISSING = 1 << 2;
    static final int INCOME_MISSING = 1 << 3;
    static final int INCOME_UNKNOWN = 1 << 4;
    static final int INCOME_VALUE_ERROR = 1 << 5;
    static final int INCOME_OUTLIER = 1 << 6;
    static final int TENURE_MISSING = 1 << 7;
    static final int BALANCE_MISSING = 1 << 8;
    static final int BALANCE_OUTLIER = 1 << 9;
    static final int EMAIL_MISSING = 1 << 10;
    static final int CHANNEL_MISSING = 1 << 11;
    static final int SECONDARY_PHONE_MISSING = 1 << 12;

    /** The flags of a row without any cell problem. */
    static final int CLEAN = SECONDARY_PHONE_MISSING;

    private static final long PROBLEM_KEY = 0x9B0B1EL;

    private final Permutation age;
    private final Permutation gender;
    private final Permutation region;
    private final Permutation income;
    private final Permutation tenure;
    private final Permutation balance;
    private final Permutation email;
    private final Permutation channel;
    private final Permutation secondaryPhone;

    private final int ageMissing;
    private final int genderMissing;
    private final int regionMissing;
    private final int incomeMissing;
    private final int incomeUnknownEnd;
    private final int incomeValueErrorCount;
    private final int incomeInvalidEnd;
    private final int incomeOutlierEnd;
    private final int tenureMissing;
    private final int balanceMissing;
    private final int balanceOutlierEnd;
    private final int emailMissing;
    private final int channelMissing;
    /** Originals, ordinal 0 included, whose secondary phone type is missing. */
    private final int secondaryPhoneMissing;

    ProblemPlacement(RowLayout layout) {
        int n = layout.rows();
        int pool = layout.originals() - 1; // ordinals 1..M-1
        long seed = layout.seed();
        int s = layout.snapshot();
        age = new Permutation(Math.max(pool, 0), Draws.key(seed, PROBLEM_KEY + s, 1));
        gender = new Permutation(Math.max(pool, 0), Draws.key(seed, PROBLEM_KEY + s, 2));
        region = new Permutation(Math.max(pool, 0), Draws.key(seed, PROBLEM_KEY + s, 3));
        income = new Permutation(Math.max(pool, 0), Draws.key(seed, PROBLEM_KEY + s, 4));
        tenure = new Permutation(Math.max(pool, 0), Draws.key(seed, PROBLEM_KEY + s, 5));
        balance = new Permutation(Math.max(pool, 0), Draws.key(seed, PROBLEM_KEY + s, 6));
        email = new Permutation(Math.max(pool, 0), Draws.key(seed, PROBLEM_KEY + s, 7));
        channel = new Permutation(Math.max(pool, 0), Draws.key(seed, PROBLEM_KEY + s, 8));
        secondaryPhone = new Permutation(Math.max(pool, 0), Draws.key(seed, PROBLEM_KEY + s, 9));

        ageMissing = share(CustomerColumns.AGE, n, pool);
        genderMissing = share(CustomerColumns.GENDER, n, pool);
        regionMissing = share(CustomerColumns.REGION, n, pool);
        tenureMissing = share(CustomerColumns.TENURE_MONTHS, n, pool);
        emailMissing = share(CustomerColumns.EMAIL_OPEN_RATE, n, pool);
        channelMissing = share(CustomerColumns.PREFERRED_CHANNEL, n, pool);

        incomeMissing = share(CustomerColumns.MONTHLY_INCOME, n, pool);
        int invalid = Math.min(rounded(PlantedProblems.INVALID_TEXT_SHARE, n), pool - incomeMissing);
        int unknown = (invalid + 1) / 2;
        incomeUnknownEnd = incomeMissing + unknown;
        incomeValueErrorCount = invalid - unknown;
        incomeInvalidEnd = incomeMissing + invalid;
        int incomeOutliers = Math.min(rounded(PlantedProblems.OUTLIER_SHARE, n), pool - incomeInvalidEnd);
        incomeOutlierEnd = incomeInvalidEnd + incomeOutliers;

        balanceMissing = share(CustomerColumns.BALANCE, n, pool);
        int balanceOutliers = Math.min(rounded(PlantedProblems.OUTLIER_SHARE, n), pool - balanceMissing);
        balanceOutlierEnd = balanceMissing + balanceOutliers;

        // The duplicates all lack a secondary phone type; the originals make up the rest of the planted share.
        int wanted = rounded(PlantedProblems.MOSTLY_MISSING_SHARE, n) - layout.duplicates();
        secondaryPhoneMissing = Math.max(1, Math.min(wanted, layout.originals()));
    }

    private static int rounded(double share, int rows) {
        return (int) Math.round(share * rows);
    }

    private static int share(String column, int rows, int pool) {
        return Math.min(rounded(PlantedProblems.MISSING_SHARES.get(column), rows), Math.max(pool, 0));
    }

    /** The exact counts for a layout. */
    static PlantedProblems counts(RowLayout layout) {
        ProblemPlacement p = new ProblemPlacement(layout);
        Map<String, Integer> missing = new LinkedHashMap<>();
        missing.put(CustomerColumns.AGE, p.ageMissing);
        missing.put(CustomerColumns.GENDER, p.genderMissing);
        missing.put(CustomerColumns.REGION, p.regionMissing);
        missing.put(CustomerColumns.MONTHLY_INCOME, p.incomeMissing);
        missing.put(CustomerColumns.TENURE_MONTHS, p.tenureMissing);
        missing.put(CustomerColumns.BALANCE, p.balanceMissing);
        missing.put(CustomerColumns.EMAIL_OPEN_RATE, p.emailMissing);
        missing.put(CustomerColumns.PREFERRED_CHANNEL, p.channelMissing);
        missing.put(CustomerColumns.SECONDARY_PHONE_TYPE, p.secondaryPhoneMissing + layout.duplicates());
        Map<String, Integer> invalid = new LinkedHashMap<>();
        invalid.put(PlantedProblems.INVALID_TEXT_TOKENS.get(0), p.incomeUnknownEnd - p.incomeMissing);
        invalid.put(PlantedProblems.INVALID_TEXT_TOKENS.get(1), p.incomeValueErrorCount);
        Map<String, Integer> outliers = new LinkedHashMap<>();
        outliers.put(CustomerColumns.MONTHLY_INCOME, p.incomeOutlierEnd - p.incomeInvalidEnd);
        outliers.put(CustomerColumns.BALANCE, p.balanceOutlierEnd - p.balanceMissing);
        return new PlantedProblems(layout.rows(), layout.duplicates(), missing, invalid, outliers);
    }

    /** The problem flags of the original row with this ordinal. */
    int flags(int ordinal) {
        if (ordinal == 0) {
            return CLEAN;
        }
        int i = ordinal - 1;
        int f = 0;
        if (age.apply(i) < ageMissing) {
            f |= AGE_MISSING;
        }
        if (gender.apply(i) < genderMissing) {
            f |= GENDER_MISSING;
        }
        if (region.apply(i) < regionMissing) {
            f |= REGION_MISSING;
        }
        int inc = income.apply(i);
        if (inc < incomeMissing) {
            f |= INCOME_MISSING;
        } else if (inc < incomeUnknownEnd) {
            f |= INCOME_UNKNOWN;
        } else if (inc < incomeInvalidEnd) {
            f |= INCOME_VALUE_ERROR;
        } else if (inc < incomeOutlierEnd) {
            f |= INCOME_OUTLIER;
        }
        if (tenure.apply(i) < tenureMissing) {
            f |= TENURE_MISSING;
        }
        int bal = balance.apply(i);
        if (bal < balanceMissing) {
            f |= BALANCE_MISSING;
        } else if (bal < balanceOutlierEnd) {
            f |= BALANCE_OUTLIER;
        }
        if (email.apply(i) < emailMissing) {
            f |= EMAIL_MISSING;
        }
        if (channel.apply(i) < channelMissing) {
            f |= CHANNEL_MISSING;
        }
        // Ordinal 0 is one of the missing ones, so 1..M-1 contribute one fewer.
        if (secondaryPhone.apply(i) < secondaryPhoneMissing - 1) {
            f |= SECONDARY_PHONE_MISSING;
        }
        return f;
    }

    /** Whether a duplicate may copy this original: no cell problem and no secondary phone type. */
    boolean isClean(int ordinal) {
        return flags(ordinal) == CLEAN;
    }
}
