package org.example.segmentation.core.generator;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.example.segmentation.core.table.ColumnType;

/**
 * The names of the generated columns, in table order, and which of them are features, planted problems or
 * truth. {@code docs/generator.md} describes every column: unit, distribution and what drives it.
 */
public final class CustomerColumns {
    public static final String CUSTOMER_ID = "customer_id";
    public static final String AGE = "age";
    public static final String GENDER = "gender";
    public static final String REGION = "region";
    public static final String MONTHLY_INCOME = "monthly_income";
    public static final String TENURE_MONTHS = "tenure_months";
    public static final String PRODUCTS_HELD = "products_held";
    public static final String BALANCE = "balance";
    public static final String CARD_SPEND_MONTHLY = "card_spend_monthly";
    public static final String TRANSACTIONS_30D = "transactions_30d";
    public static final String MONTHS_SINCE_LAST_TRANSACTION = "months_since_last_transaction";
    public static final String ACTIVITY_TREND = "activity_trend";
    public static final String APP_LOGINS_30D = "app_logins_30d";
    public static final String WEB_SESSIONS_30D = "web_sessions_30d";
    public static final String ONLINE_PURCHASE_SHARE = "online_purchase_share";
    public static final String EMAIL_OPEN_RATE = "email_open_rate";
    public static final String WHATSAPP_OPT_IN = "whatsapp_opt_in";
    public static final String DIGITAL_PAYMENTS_30D = "digital_payments_30d";
    public static final String PHONE_CONTACTS_90D = "phone_contacts_90d";
    public static final String BRANCH_VISITS_90D = "branch_visits_90d";
    public static final String PREFERRED_CHANNEL = "preferred_channel";
    public static final String MARKETING_CONSENT = "marketing_consent";
    public static final String THIRD_PARTY_CONSENT = "third_party_consent";
    public static final String PROFILE_COMPLETENESS = "profile_completeness";
    /** Planted problem: a constant column ({@code EUR} in every row). Only with planted problems. */
    public static final String CURRENCY = "currency";
    /** Planted problem: a mostly-missing column. Only with planted problems. */
    public static final String SECONDARY_PHONE_TYPE = "secondary_phone_type";
    /** Truth: the customer's {@link Persona#key()} in this snapshot. Only with truth columns. */
    public static final String TRUE_PERSONA = "true_persona";
    /** Truth: the customer's {@link LifeStage#key()}. Only with truth columns. */
    public static final String TRUE_LIFE_STAGE = "true_life_stage";
    /** Truth: latent digital capability 0..100 (one decimal). Only with truth columns. */
    public static final String TRUE_CAPABILITY = "true_capability";
    /** Truth: latent trust 0..100 (one decimal). Only with truth columns. */
    public static final String TRUE_TRUST = "true_trust";
    /** Truth: {@code active}, {@code lapsing} or {@code dormant} in this snapshot. Only with truth columns. */
    public static final String TRUE_ENGAGEMENT = "true_engagement";

    /** The levels of {@link #PREFERRED_CHANNEL}. */
    public static final List<String> CHANNELS = List.of("app", "web", "email", "whatsapp", "phone", "branch");

    /** The regions, with non-ASCII names on purpose. */
    public static final List<String> REGIONS = List.of("Köln", "Lyon", "São Paulo", "Málaga", "Porto", "Zürich",
            "Łódź", "Göteborg");

    /** The customer features: every column but the identifier, the planted-problem columns and the truth. */
    public static final List<String> FEATURES = List.of(AGE, GENDER, REGION, MONTHLY_INCOME, TENURE_MONTHS,
            PRODUCTS_HELD, BALANCE, CARD_SPEND_MONTHLY, TRANSACTIONS_30D, MONTHS_SINCE_LAST_TRANSACTION,
            ACTIVITY_TREND, APP_LOGINS_30D, WEB_SESSIONS_30D, ONLINE_PURCHASE_SHARE, EMAIL_OPEN_RATE,
            WHATSAPP_OPT_IN, DIGITAL_PAYMENTS_30D, PHONE_CONTACTS_90D, BRANCH_VISITS_90D, PREFERRED_CHANNEL,
            MARKETING_CONSENT, THIRD_PARTY_CONSENT, PROFILE_COMPLETENESS);

    /**
     * The numeric digital-behaviour features that carry the persona structure (driven by latent capability
     * and trust): the features to cluster on when the personas should be recovered.
     */
    public static final List<String> DIGITAL_BEHAVIOUR = List.of(APP_LOGINS_30D, WEB_SESSIONS_30D,
            ONLINE_PURCHASE_SHARE, EMAIL_OPEN_RATE, WHATSAPP_OPT_IN, DIGITAL_PAYMENTS_30D, PHONE_CONTACTS_90D,
            BRANCH_VISITS_90D, MARKETING_CONSENT, THIRD_PARTY_CONSENT, PROFILE_COMPLETENESS);

    /** The truth columns, in table order. */
    public static final List<String> TRUTH = List.of(TRUE_PERSONA, TRUE_LIFE_STAGE, TRUE_CAPABILITY, TRUE_TRUST,
            TRUE_ENGAGEMENT);

    private CustomerColumns() {
    }

    /** The column names of a table generated with {@code config}, in order. */
    public static List<String> names(GeneratorConfig config) {
        List<String> out = new ArrayList<>();
        out.add(CUSTOMER_ID);
        out.addAll(FEATURES);
        if (config.plantProblems()) {
            out.add(CURRENCY);
            out.add(SECONDARY_PHONE_TYPE);
        }
        if (config.withTruth()) {
            out.addAll(TRUTH);
        }
        return Collections.unmodifiableList(out);
    }

    /**
     * The type of a generated column. {@link #MONTHLY_INCOME} is {@link ColumnType#TEXT} when problems are
     * planted (it holds numbers as text plus invalid text such as {@code unknown}) and numeric otherwise.
     *
     * @throws IllegalArgumentException for a name that is not a generated column
     */
    public static ColumnType type(String name, GeneratorConfig config) {
        switch (name) {
            case CUSTOMER_ID:
                return ColumnType.TEXT;
            case MONTHLY_INCOME:
                return config.plantProblems() ? ColumnType.TEXT : ColumnType.NUMERIC;
            case GENDER: case REGION: case PREFERRED_CHANNEL: case CURRENCY: case SECONDARY_PHONE_TYPE:
            case TRUE_PERSONA: case TRUE_LIFE_STAGE: case TRUE_ENGAGEMENT:
                return ColumnType.CATEGORICAL;
            default:
                if (FEATURES.contains(name) || TRUTH.contains(name)) {
                    return ColumnType.NUMERIC;
                }
                throw new IllegalArgumentException("'" + name + "' is not a generated column");
        }
    }
}
