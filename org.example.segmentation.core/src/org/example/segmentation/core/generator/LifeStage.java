package org.example.segmentation.core.generator;

import java.util.Locale;

/**
 * The planted income and life-cycle groups, independent dimension next to the {@link Persona}: they shape
 * age, income, balance, spending, tenure and products, and they shift the persona mix (retirees are more
 * often analogs, young starters more often wannabes and nomads). The truth column {@code true_life_stage}
 * holds the key.
 */
public enum LifeStage {
    /** 18-35 years, modest income, short tenure, few products. */
    YOUNG_STARTER(0.25),
    /** 28-60 years, middle income, a mortgage and a family account. */
    ESTABLISHED_FAMILY(0.35),
    /** 30-80 years, high income and balances, many products. */
    AFFLUENT(0.15),
    /** 60-98 years, pension income, long tenure, savings. */
    RETIREE(0.25);

    private final String key = name().toLowerCase(Locale.ROOT);
    private final double share;

    LifeStage(double share) {
        this.share = share;
    }

    /** The value in the truth column: {@code young_starter}, {@code established_family}, ... */
    public String key() {
        return key;
    }

    /** The expected share of customers (the shares sum to 1). */
    public double share() {
        return share;
    }
}
