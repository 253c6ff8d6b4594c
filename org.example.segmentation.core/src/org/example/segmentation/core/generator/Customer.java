package org.example.segmentation.core.generator;

import java.util.SplittableRandom;

/**
 * One customer's story: the generative model. A mutable scratch object, reused row after row so that
 * nothing is kept per row; {@link #draw} overwrites every field the snapshot uses.
 *
 * <p>Everything about customer number {@code k} (1-based, the number in {@code C0000042}) comes from three
 * independent random streams keyed by {@code (seed, k)}:
 * <ul>
 * <li>the <em>profile</em> stream: persona and life stage, latent capability and trust, demographics, income,
 * personal habit intensities, consents, channel preference, month-1 dormancy. Nothing in it depends on the
 * snapshot, so both months agree on who the customer is;</li>
 * <li>the <em>transition</em> stream (snapshot 2 only): persona migration, dormancy transition, WhatsApp
 * campaign conversion;</li>
 * <li>the <em>month</em> stream, one per snapshot: this month's counts, amounts and rates, redrawn around
 * the customer's persistent levels.</li>
 * </ul>
 * So a customer's row never depends on other rows, on the row order or on the chunk it is generated in.
 *
 * <p>Stable features are functions of the month-1 latent values (the customer's habits); only the planted
 * drift features ({@link PlantedDrift}) follow the snapshot-2 persona and the campaign effects. This is what
 * keeps the stable features' month-2 distribution identical to month 1 although the persona mix changes.
 */
final class Customer {
    private static final long PROFILE_STREAM = 1;
    private static final long TRANSITION_STREAM = 2;
    private static final long MONTH_STREAM = 10;

    /** Joint share of persona (rows, in {@link Persona} order) and life stage (columns), in percent. */
    private static final double[][] JOINT = {
        { 1, 4, 1, 9 }, // analog
        { 6, 5, 1, 3 }, // wannabe
        { 5, 11, 4, 5 }, // mainstreamer
        { 3, 6, 3, 3 }, // paranoid
        { 5, 5, 3, 2 }, // chameleon
        { 5, 4, 3, 3 }, // nomad
    };
    private static final double[] JOINT_CUMULATIVE;

    static {
        double[] cells = new double[24];
        for (int p = 0; p < 6; p++) {
            for (int s = 0; s < 4; s++) {
                cells[p * 4 + s] = JOINT[p][s];
            }
        }
        JOINT_CUMULATIVE = Draws.cumulative(cells);
    }

    static final String[] GENDERS = { "female", "male", "diverse" };
    private static final double[] GENDER_CUMULATIVE = Draws.cumulative(0.505, 0.485, 0.01);
    private static final double[] REGION_CUMULATIVE = Draws.cumulative(0.16, 0.14, 0.14, 0.12, 0.12, 0.10, 0.10,
            0.12);
    static final String[] SECONDARY_PHONE_TYPES = { "mobile", "landline", "work" };
    private static final double[] SECONDARY_PHONE_CUMULATIVE = Draws.cumulative(0.50, 0.35, 0.15);

    // Per life stage, in LifeStage order: young starter, established family, affluent, retiree.
    private static final double[] AGE_MEAN = { 27, 42, 52, 72 };
    private static final double[] AGE_SD = { 4.5, 7, 9, 6.5 };
    private static final double[] AGE_MIN = { 18, 28, 30, 60 };
    private static final double[] AGE_MAX = { 35.99, 60.99, 80.99, 98.99 };
    private static final double[] INCOME_MEDIAN = { 2100, 3300, 8500, 1900 };
    private static final double[] INCOME_SIGMA = { 0.35, 0.35, 0.45, 0.35 };
    static final double INCOME_MIN = 400;
    static final double INCOME_MAX = 60_000;
    private static final double[] TENURE_MEAN = { 30, 100, 150, 260 };
    private static final double[] PRODUCTS_BASE = { 0.7, 2.0, 3.0, 1.4 };
    private static final double[] BALANCE_MULTIPLE = { 0.8, 1.5, 6, 4 };
    private static final double[] OVERDRAFT_SHARE = { 0.08, 0.05, 0.01, 0.01 };
    static final double BALANCE_MIN = -20_000;
    static final double BALANCE_MAX = 5_000_000;
    private static final double[] CARD_SHARE = { 0.35, 0.30, 0.20, 0.18 };
    private static final double[] TRANSACTIONS_BASE = { 42, 58, 52, 30 };
    private static final double[] APP_LIFE = { 1.1, 1.0, 0.95, 0.8 };
    private static final double[] WEB_LIFE = { 0.9, 1.0, 1.1, 0.95 };
    private static final double[] PAY_LIFE = { 1.15, 1.05, 1.0, 0.75 };
    private static final double[] PHONE_LIFE = { 0.85, 1.0, 1.0, 1.25 };
    private static final double[] BRANCH_LIFE = { 0.8, 0.95, 1.0, 1.25 };
    private static final double[] WHATSAPP_LIFE = { 1.1, 1.0, 0.95, 0.85 };
    private static final double[] DORMANT_SHARE = { 0.04, 0.02, 0.02, 0.05 };
    private static final double[] TREND_MEAN = { 0.08, 0.02, 0.0, -0.04 };
    /** Probability that a dormant customer is still dormant next month is {@code rho + (1 - rho) * d}. */
    private static final double DORMANCY_PERSISTENCE = 0.7;
    static final int DORMANT_MONTHS_CAP = 36;
    private static final double LAPSING_SHARE = 0.08;
    /** Shape of the personal habit intensities (mean 1, coefficient of variation {@code 1/sqrt(shape)}). */
    private static final double HABIT_SHAPE = 10;
    private static final double CHANNEL_TEMPERATURE = 0.6;

    static final int ACTIVE = 0;
    static final int LAPSING = 1;
    static final int DORMANT = 2;
    static final String[] ENGAGEMENTS = { "active", "lapsing", "dormant" };

    // ---- persistent: the profile stream ----
    int number;
    Persona persona1;
    LifeStage stage;
    double capability1;
    double trust1;
    int age1;
    int gender;
    int region;
    double income;
    int tenure1;
    int products;
    double balanceLevel;
    boolean hasCard;
    double cardShare;
    double habitTransactions;
    double habitApp;
    double habitWeb;
    double habitPayments;
    double habitPhone;
    double habitBranch;
    double whatsappDraw;
    boolean marketingConsent;
    boolean thirdPartyConsent;
    double profileCompleteness;
    int preferredChannel;
    int secondaryPhoneType;
    boolean dormant1;
    int dormantMonths1;

    // ---- snapshot 2: the transition stream ----
    boolean migrated;
    Persona persona2;
    double capability2;
    double trust2;
    boolean dormant2;
    int dormantMonths2;
    boolean whatsappConverted;

    // ---- this snapshot's row ----
    Persona persona;
    double capability;
    double trust;
    int engagement;
    int age;
    int tenure;
    double balance;
    double cardSpend;
    int transactions;
    int monthsSinceTransaction;
    double activityTrend;
    int appLogins;
    int webSessions;
    double onlinePurchaseShare;
    double emailOpenRate;
    int whatsappOptIn;
    int digitalPayments;
    int phoneContacts;
    int branchVisits;
    /** A uniform draw for a planted outlier's value, used only when the row carries one. */
    double outlierDraw;

    /** Draws customer {@code number} as seen in {@code snapshot}. */
    void draw(long seed, int customerNumber, int snapshot) {
        drawProfile(Draws.stream(seed, customerNumber, PROFILE_STREAM), customerNumber);
        if (snapshot == 2) {
            drawTransition(Draws.stream(seed, customerNumber, TRANSITION_STREAM));
        }
        drawMonth(Draws.stream(seed, customerNumber, MONTH_STREAM + snapshot), snapshot);
    }

    private void drawProfile(SplittableRandom r, int customerNumber) {
        number = customerNumber;
        int cell = Draws.categorical(r, JOINT_CUMULATIVE);
        persona1 = Persona.values()[cell / 4];
        stage = LifeStage.values()[cell % 4];
        int s = stage.ordinal();
        capability1 = latentCapability(r, persona1);
        trust1 = latentTrust(r, persona1);

        age1 = (int) Draws.truncatedNormal(r, AGE_MEAN[s], AGE_SD[s], AGE_MIN[s], AGE_MAX[s]);
        gender = Draws.categorical(r, GENDER_CUMULATIVE);
        region = Draws.categorical(r, REGION_CUMULATIVE);
        income = Draws.round(Draws.clamp(Draws.logNormal(r, INCOME_MEDIAN[s], INCOME_SIGMA[s]), INCOME_MIN,
                INCOME_MAX), 2);
        double tenureDraw = Draws.gamma(r, 2) * TENURE_MEAN[s] / 2;
        tenure1 = (int) Math.min(tenureDraw, (age1 - 16) * 12.0);
        products = 1 + Math.min(8, Draws.poisson(r,
                PRODUCTS_BASE[s] * StrictMath.sqrt(income / INCOME_MEDIAN[s])));

        boolean overdrawn = Draws.bernoulli(r, OVERDRAFT_SHARE[s]);
        double level = Draws.logNormal(r, 1, 0.8);
        balanceLevel = overdrawn ? -600 * level : income * BALANCE_MULTIPLE[s] * level;
        hasCard = Draws.bernoulli(r, 0.95);
        cardShare = Draws.logNormal(r, CARD_SHARE[s], 0.3);

        habitTransactions = Draws.unitGamma(r, 8);
        habitApp = Draws.unitGamma(r, HABIT_SHAPE);
        habitWeb = Draws.unitGamma(r, HABIT_SHAPE);
        habitPayments = Draws.unitGamma(r, HABIT_SHAPE);
        habitPhone = Draws.unitGamma(r, HABIT_SHAPE);
        habitBranch = Draws.unitGamma(r, HABIT_SHAPE);

        double c = capability1 / 100;
        double t = trust1 / 100;
        whatsappDraw = Draws.uniform(r);
        marketingConsent = Draws.uniform(r) < 0.02 + 0.96 * Draws.logistic((t - 0.55) / 0.06);
        double thirdParty = Draws.uniform(r);
        thirdPartyConsent = marketingConsent && thirdParty < 0.02 + 0.93 * Draws.logistic((t - 0.68) / 0.05);
        profileCompleteness = Draws.round(Draws.beta(r, 0.12 + 0.75 * t + 0.08 * c, 40), 3);
        preferredChannel = drawChannel(r, c, t);
        secondaryPhoneType = Draws.categorical(r, SECONDARY_PHONE_CUMULATIVE);

        dormant1 = Draws.bernoulli(r, DORMANT_SHARE[s]);
        dormantMonths1 = dormant1 ? Math.min(DORMANT_MONTHS_CAP, 1 + Draws.geometric(r, 1 - stayDormant()))
                : 0;
    }

    private static double latentCapability(SplittableRandom r, Persona p) {
        return Draws.round(Draws.truncatedNormal(r, p.capabilityCentre(), Persona.LATENT_SD, p.capabilityMin(),
                p.capabilityMax()), 1);
    }

    private static double latentTrust(SplittableRandom r, Persona p) {
        return Draws.round(Draws.truncatedNormal(r, p.trustCentre(), Persona.LATENT_SD, p.trustMin(),
                p.trustMax()), 1);
    }

    /** A channel drawn with probabilities proportional to {@code exp(utility / temperature)} (a softmax). */
    private int drawChannel(SplittableRandom r, double c, double t) {
        boolean young = stage == LifeStage.YOUNG_STARTER;
        boolean retiree = stage == LifeStage.RETIREE;
        double[] utility = {
            5.0 * c + 2.5 * t - 4.2 + (young ? 0.6 : 0), // app
            4.5 * c - 2.5 * t - 1.4, // web
            2.0 * t + 0.5 * c - 1.6 + (stage == LifeStage.ESTABLISHED_FAMILY ? 0.3 : 0), // email
            3.0 * t + 1.5 * c - 3.4 + (young ? 0.6 : 0), // whatsapp
            3.0 * (1 - c) + 1.0 * t - 2.2 + (retiree ? 0.5 : 0), // phone
            4.0 * (1 - c) + 1.5 * (1 - t) - 3.5 + (retiree ? 0.8 : 0), // branch
        };
        double total = 0;
        for (int i = 0; i < utility.length; i++) {
            utility[i] = Draws.exp(utility[i] / CHANNEL_TEMPERATURE);
            total += utility[i];
        }
        double u = Draws.uniform(r) * total;
        for (int i = 0; i < utility.length - 1; i++) {
            u -= utility[i];
            if (u < 0) {
                return i;
            }
        }
        return utility.length - 1;
    }

    private double stayDormant() {
        double d = DORMANT_SHARE[stage.ordinal()];
        return DORMANCY_PERSISTENCE + (1 - DORMANCY_PERSISTENCE) * d;
    }

    private void drawTransition(SplittableRandom r) {
        double u = Draws.uniform(r);
        persona2 = persona1;
        if (persona1 == Persona.ANALOG && u < PlantedDrift.ANALOG_TO_MAINSTREAMER) {
            persona2 = Persona.MAINSTREAMER;
        } else if (persona1 == Persona.MAINSTREAMER && u < PlantedDrift.MAINSTREAMER_TO_NOMAD) {
            persona2 = Persona.NOMAD;
        }
        migrated = persona2 != persona1;
        if (migrated) {
            capability2 = latentCapability(r, persona2);
            trust2 = latentTrust(r, persona2);
        } else {
            capability2 = capability1;
            trust2 = trust1;
        }
        // A stationary two-state chain: the dormant share and the spell lengths are the same in both months.
        double d = DORMANT_SHARE[stage.ordinal()];
        double v = Draws.uniform(r);
        if (dormant1) {
            dormant2 = v < stayDormant();
            dormantMonths2 = dormant2 ? Math.min(DORMANT_MONTHS_CAP, dormantMonths1 + 1) : 0;
        } else {
            dormant2 = v < (1 - DORMANCY_PERSISTENCE) * d;
            dormantMonths2 = dormant2 ? 1 : 0;
        }
        whatsappConverted = Draws.uniform(r) < PlantedDrift.WHATSAPP_CONVERSION;
    }

    /**
     * A rate that is log-linear in capability and trust (both 0..1): {@code exp(a + bc * c + bt * t)}. Log-linear
     * rates keep the persona separation in every feature a fixed multiple of the latent spread.
     */
    private static double logLinear(double a, double bc, double c, double bt, double t) {
        return Draws.exp(a + bc * c + bt * t);
    }

    private void drawMonth(SplittableRandom r, int snapshot) {
        int s = stage.ordinal();
        boolean later = snapshot == 2;
        persona = later ? persona2 : persona1;
        capability = later ? capability2 : capability1;
        trust = later ? trust2 : trust1;
        boolean dormant = later ? dormant2 : dormant1;
        int dormantMonths = later ? dormantMonths2 : dormantMonths1;
        // No ageing: a month of tenure for everyone would itself be a (tiny, real) drift that a KS test on
        // 50,000 rows detects; leaving it out keeps every stable feature exactly stable.
        age = age1;
        tenure = tenure1;

        boolean lapsing = Draws.uniform(r) < LAPSING_SHARE;
        engagement = dormant ? DORMANT : (lapsing ? LAPSING : ACTIVE);
        double activity = dormant ? 0 : (lapsing ? 0.5 : 1);

        // Habits: functions of the month-1 latent values (stable in month 2).
        double c = capability1 / 100;
        double t = trust1 / 100;
        transactions = Draws.poisson(r, activity * TRANSACTIONS_BASE[s] * habitTransactions);
        double spend = hasCard ? income * cardShare * Draws.logNormal(r, 1, 0.2) * activity : 0;
        cardSpend = Draws.round(Math.min(spend, 30_000), 2);
        balance = Draws.round(Draws.clamp(balanceLevel * Draws.logNormal(r, 1, 0.12), BALANCE_MIN, BALANCE_MAX),
                2);
        webSessions = Draws.poisson(r, activity * logLinear(-1.2, 6, c, -2, t) * WEB_LIFE[s] * habitWeb);
        phoneContacts = Draws.poisson(r, logLinear(1.6, -4, c, 1.5, t) * PHONE_LIFE[s] * habitPhone);
        onlinePurchaseShare = Draws.round(Draws.beta(r, 0.85 * Draws.logistic(-3.6 + 4.5 * c + 1.5 * t), 30), 3);
        emailOpenRate = Draws.round(Draws.beta(r, 0.04 + 0.55 * t + 0.06 * c, 25), 3);

        // Planted drift features: the snapshot's latent values, times the campaign effects in month 2.
        double c2 = capability / 100;
        double t2 = trust / 100;
        double appEffect = later ? PlantedDrift.APP_LOGINS_CAMPAIGN : 1;
        double payEffect = later ? PlantedDrift.DIGITAL_PAYMENTS_CAMPAIGN : 1;
        double branchEffect = later ? PlantedDrift.BRANCH_VISITS_CAMPAIGN : 1;
        appLogins = Draws.poisson(r, appEffect * activity * logLinear(-2.6, 6, c2, 2, t2) * APP_LIFE[s]
                * habitApp);
        digitalPayments = Draws.poisson(r, payEffect * activity * logLinear(-1.8, 4.5, c2, 1.5, t2) * PAY_LIFE[s]
                * habitPayments);
        branchVisits = Draws.poisson(r, branchEffect * logLinear(2.8, -5, c2, -1, t2) * BRANCH_LIFE[s]
                * habitBranch);
        double whatsappProbability = 0.02 + 0.88 * Draws.logistic((t2 - 0.55) / 0.08)
                * Draws.logistic((c2 - 0.35) / 0.06) * WHATSAPP_LIFE[s];
        whatsappOptIn = whatsappDraw < whatsappProbability || (later && whatsappConverted) ? 1 : 0;

        // Life-cycle hints.
        monthsSinceTransaction = dormant ? dormantMonths : 0;
        double trendDraw = Draws.normal(r);
        if (dormant) {
            activityTrend = dormantMonths <= 3 ? -1 : 0;
        } else if (lapsing) {
            activityTrend = Draws.round(Draws.clamp(-0.45 + 0.15 * trendDraw, -1, 1), 3);
        } else {
            activityTrend = Draws.round(Draws.clamp(TREND_MEAN[s] + 0.18 * trendDraw, -1, 1), 3);
        }
        outlierDraw = Draws.uniform(r);
    }
}
