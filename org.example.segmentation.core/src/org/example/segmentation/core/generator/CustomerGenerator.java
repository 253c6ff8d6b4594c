package org.example.segmentation.core.generator;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.example.segmentation.core.Progress;
import org.example.segmentation.core.table.CategoricalColumn;
import org.example.segmentation.core.table.Column;
import org.example.segmentation.core.table.NumericColumn;
import org.example.segmentation.core.table.Table;
import org.example.segmentation.core.table.TextColumn;

/**
 * Generates a synthetic table of retail-bank customers with known truth: planted personas and life stages,
 * planted data-quality problems ({@link PlantedProblems}) and, in snapshot 2, planted drift
 * ({@link PlantedDrift}). {@code docs/generator.md} documents every column and every planted effect.
 *
 * <p><b>Determinism.</b> Every value comes from {@link java.util.SplittableRandom} streams keyed by the seed
 * and the customer number, transformed with IEEE arithmetic (strict since Java 17) and {@link StrictMath}
 * only: the same configuration gives the same table, value for value, on any JVM and CPU, whatever the
 * chunking. No global random generator, clock, hash order or thread count is involved. A customer's row does not depend on any other row, so
 * {@link #generateRows} can produce any range on its own (and ranges can be generated in parallel by the
 * caller) and the concatenation of the ranges equals the whole table.
 *
 * <p><b>Cost.</b> Time and memory are linear in the rows generated; nothing per row is kept besides the
 * column values. A generator for snapshot 2 holds one {@code int} per month-1 customer (the stayers).
 *
 * <p>An instance is immutable and thread-safe.
 */
public final class CustomerGenerator {
    private static final int PROGRESS_EVERY = 8192;

    private final GeneratorConfig config;
    private final RowLayout layout;
    private final ProblemPlacement problems;

    /** A generator for {@code config}. */
    public CustomerGenerator(GeneratorConfig config) {
        this.config = Objects.requireNonNull(config, "config");
        this.layout = RowLayout.of(config);
        this.problems = config.plantProblems() ? new ProblemPlacement(layout) : null;
    }

    /** The whole table of {@code config}. */
    public static Table generate(GeneratorConfig config, Progress progress) {
        CustomerGenerator g = new CustomerGenerator(config);
        return g.generateRows(0, g.rowCount(), progress);
    }

    public GeneratorConfig config() {
        return config;
    }

    /**
     * The number of rows of the table: {@code rows} for snapshot 1; for snapshot 2 the stayers, the new
     * customers and the duplicates ({@link PlantedDrift.Turnover#month2Rows()}).
     */
    public int rowCount() {
        return layout.rows();
    }

    /** The column names, in order. */
    public List<String> columnNames() {
        return CustomerColumns.names(config);
    }

    /**
     * The rows {@code fromRow..toRow-1} of the table.
     *
     * @throws IndexOutOfBoundsException unless {@code 0 <= fromRow <= toRow <= rowCount()}
     * @throws org.example.segmentation.core.CancelledException when {@code progress} is cancelled
     */
    public Table generateRows(int fromRow, int toRow, Progress progress) {
        Objects.checkFromToIndex(fromRow, toRow, layout.rows());
        Objects.requireNonNull(progress, "progress");
        RowWriter out = new RowWriter(config, toRow - fromRow);
        Customer customer = new Customer();
        long seed = config.seed();
        int snapshot = config.snapshot();

        int duplicates = layout.duplicates();
        int nextDuplicate = layout.duplicatesBefore(fromRow); // index of the next duplicate stratum
        int nextDuplicateRow = nextDuplicate < duplicates ? layout.duplicateRow(nextDuplicate) : Integer.MAX_VALUE;
        int ordinal = fromRow - nextDuplicate;
        for (int row = fromRow; row < toRow; row++) {
            if ((row - fromRow) % PROGRESS_EVERY == 0) {
                progress.checkCancelled();
                progress.update((double) (row - fromRow) / Math.max(1, toRow - fromRow), "generating customers");
            }
            int source;
            int flags;
            if (row == nextDuplicateRow) {
                source = layout.duplicateSource(nextDuplicate, problems);
                flags = ProblemPlacement.CLEAN;
                nextDuplicate++;
                nextDuplicateRow = nextDuplicate < duplicates ? layout.duplicateRow(nextDuplicate)
                        : Integer.MAX_VALUE;
            } else {
                source = ordinal++;
                flags = problems == null ? 0 : problems.flags(source);
            }
            customer.draw(seed, layout.customerNumber(source), snapshot);
            out.add(customer, flags);
        }
        progress.update(1, "generating customers");
        return out.build();
    }

    /** The identifier of customer {@code number}: {@code C} and at least seven digits ({@code C0000042}). */
    public static String customerId(int number) {
        return formatId(number);
    }

    static String formatId(int number) {
        int width = 7;
        for (long limit = 10_000_000L; number >= limit; limit *= 10) {
            width++;
        }
        char[] digits = new char[width + 1];
        digits[0] = 'C';
        int n = number;
        for (int i = digits.length - 1; i >= 1; i--) {
            digits[i] = (char) ('0' + n % 10);
            n /= 10;
        }
        return new String(digits);
    }

    /** Appends customers to the column builders, applying the planted problems of the row. */
    private static final class RowWriter {
        private final boolean plant;
        private final boolean truth;
        private final TextColumn.Builder id;
        private final NumericColumn.Builder age;
        private final CategoricalColumn.Builder gender;
        private final CategoricalColumn.Builder region;
        private final TextColumn.Builder incomeText;
        private final NumericColumn.Builder incomeNumber;
        private final NumericColumn.Builder tenure;
        private final NumericColumn.Builder products;
        private final NumericColumn.Builder balance;
        private final NumericColumn.Builder cardSpend;
        private final NumericColumn.Builder transactions;
        private final NumericColumn.Builder monthsSinceTransaction;
        private final NumericColumn.Builder activityTrend;
        private final NumericColumn.Builder appLogins;
        private final NumericColumn.Builder webSessions;
        private final NumericColumn.Builder onlinePurchaseShare;
        private final NumericColumn.Builder emailOpenRate;
        private final NumericColumn.Builder whatsapp;
        private final NumericColumn.Builder digitalPayments;
        private final NumericColumn.Builder phoneContacts;
        private final NumericColumn.Builder branchVisits;
        private final CategoricalColumn.Builder channel;
        private final NumericColumn.Builder marketingConsent;
        private final NumericColumn.Builder thirdPartyConsent;
        private final NumericColumn.Builder profileCompleteness;
        private final CategoricalColumn.Builder currency;
        private final CategoricalColumn.Builder secondaryPhone;
        private final CategoricalColumn.Builder truePersona;
        private final CategoricalColumn.Builder trueLifeStage;
        private final NumericColumn.Builder trueCapability;
        private final NumericColumn.Builder trueTrust;
        private final CategoricalColumn.Builder trueEngagement;

        RowWriter(GeneratorConfig config, int rows) {
            plant = config.plantProblems();
            truth = config.withTruth();
            id = TextColumn.builder(CustomerColumns.CUSTOMER_ID, rows);
            age = NumericColumn.builder(CustomerColumns.AGE, rows);
            gender = CategoricalColumn.builder(CustomerColumns.GENDER, rows);
            region = CategoricalColumn.builder(CustomerColumns.REGION, rows);
            incomeText = plant ? TextColumn.builder(CustomerColumns.MONTHLY_INCOME, rows) : null;
            incomeNumber = plant ? null : NumericColumn.builder(CustomerColumns.MONTHLY_INCOME, rows);
            tenure = NumericColumn.builder(CustomerColumns.TENURE_MONTHS, rows);
            products = NumericColumn.builder(CustomerColumns.PRODUCTS_HELD, rows);
            balance = NumericColumn.builder(CustomerColumns.BALANCE, rows);
            cardSpend = NumericColumn.builder(CustomerColumns.CARD_SPEND_MONTHLY, rows);
            transactions = NumericColumn.builder(CustomerColumns.TRANSACTIONS_30D, rows);
            monthsSinceTransaction = NumericColumn.builder(CustomerColumns.MONTHS_SINCE_LAST_TRANSACTION, rows);
            activityTrend = NumericColumn.builder(CustomerColumns.ACTIVITY_TREND, rows);
            appLogins = NumericColumn.builder(CustomerColumns.APP_LOGINS_30D, rows);
            webSessions = NumericColumn.builder(CustomerColumns.WEB_SESSIONS_30D, rows);
            onlinePurchaseShare = NumericColumn.builder(CustomerColumns.ONLINE_PURCHASE_SHARE, rows);
            emailOpenRate = NumericColumn.builder(CustomerColumns.EMAIL_OPEN_RATE, rows);
            whatsapp = NumericColumn.builder(CustomerColumns.WHATSAPP_OPT_IN, rows);
            digitalPayments = NumericColumn.builder(CustomerColumns.DIGITAL_PAYMENTS_30D, rows);
            phoneContacts = NumericColumn.builder(CustomerColumns.PHONE_CONTACTS_90D, rows);
            branchVisits = NumericColumn.builder(CustomerColumns.BRANCH_VISITS_90D, rows);
            channel = CategoricalColumn.builder(CustomerColumns.PREFERRED_CHANNEL, rows);
            marketingConsent = NumericColumn.builder(CustomerColumns.MARKETING_CONSENT, rows);
            thirdPartyConsent = NumericColumn.builder(CustomerColumns.THIRD_PARTY_CONSENT, rows);
            profileCompleteness = NumericColumn.builder(CustomerColumns.PROFILE_COMPLETENESS, rows);
            currency = plant ? CategoricalColumn.builder(CustomerColumns.CURRENCY, rows) : null;
            secondaryPhone = plant ? CategoricalColumn.builder(CustomerColumns.SECONDARY_PHONE_TYPE, rows) : null;
            truePersona = truth ? CategoricalColumn.builder(CustomerColumns.TRUE_PERSONA, rows) : null;
            trueLifeStage = truth ? CategoricalColumn.builder(CustomerColumns.TRUE_LIFE_STAGE, rows) : null;
            trueCapability = truth ? NumericColumn.builder(CustomerColumns.TRUE_CAPABILITY, rows) : null;
            trueTrust = truth ? NumericColumn.builder(CustomerColumns.TRUE_TRUST, rows) : null;
            trueEngagement = truth ? CategoricalColumn.builder(CustomerColumns.TRUE_ENGAGEMENT, rows) : null;
        }

        void add(Customer c, int flags) {
            id.add(formatId(c.number));
            number(age, c.age, flags, ProblemPlacement.AGE_MISSING);
            gender.add(has(flags, ProblemPlacement.GENDER_MISSING) ? null : Customer.GENDERS[c.gender]);
            region.add(has(flags, ProblemPlacement.REGION_MISSING) ? null : CustomerColumns.REGIONS.get(c.region));
            if (plant) {
                incomeText.add(incomeText(c, flags));
            } else {
                incomeNumber.add(c.income);
            }
            number(tenure, c.tenure, flags, ProblemPlacement.TENURE_MISSING);
            products.add(c.products);
            if (has(flags, ProblemPlacement.BALANCE_OUTLIER)) {
                // Log-uniform from 50 to 500 million.
                balance.add(Draws.round(5e7 * StrictMath.pow(10, c.outlierDraw), 2));
            } else {
                number(balance, c.balance, flags, ProblemPlacement.BALANCE_MISSING);
            }
            cardSpend.add(c.cardSpend);
            transactions.add(c.transactions);
            monthsSinceTransaction.add(c.monthsSinceTransaction);
            activityTrend.add(c.activityTrend);
            appLogins.add(c.appLogins);
            webSessions.add(c.webSessions);
            onlinePurchaseShare.add(c.onlinePurchaseShare);
            number(emailOpenRate, c.emailOpenRate, flags, ProblemPlacement.EMAIL_MISSING);
            whatsapp.add(c.whatsappOptIn);
            digitalPayments.add(c.digitalPayments);
            phoneContacts.add(c.phoneContacts);
            branchVisits.add(c.branchVisits);
            channel.add(has(flags, ProblemPlacement.CHANNEL_MISSING) ? null
                    : CustomerColumns.CHANNELS.get(c.preferredChannel));
            marketingConsent.add(c.marketingConsent ? 1 : 0);
            thirdPartyConsent.add(c.thirdPartyConsent ? 1 : 0);
            profileCompleteness.add(c.profileCompleteness);
            if (plant) {
                currency.add(PlantedProblems.CONSTANT_VALUE);
                secondaryPhone.add(has(flags, ProblemPlacement.SECONDARY_PHONE_MISSING) ? null
                        : Customer.SECONDARY_PHONE_TYPES[c.secondaryPhoneType]);
            }
            if (truth) {
                truePersona.add(c.persona.key());
                trueLifeStage.add(c.stage.key());
                trueCapability.add(c.capability);
                trueTrust.add(c.trust);
                trueEngagement.add(Customer.ENGAGEMENTS[c.engagement]);
            }
        }

        private static String incomeText(Customer c, int flags) {
            if (has(flags, ProblemPlacement.INCOME_MISSING)) {
                return null;
            }
            if (has(flags, ProblemPlacement.INCOME_UNKNOWN)) {
                return PlantedProblems.INVALID_TEXT_TOKENS.get(0);
            }
            if (has(flags, ProblemPlacement.INCOME_VALUE_ERROR)) {
                return PlantedProblems.INVALID_TEXT_TOKENS.get(1);
            }
            double value = has(flags, ProblemPlacement.INCOME_OUTLIER) ? Draws.round(c.income * 1000, 2) : c.income;
            return formatAmount(value);
        }

        private static boolean has(int flags, int flag) {
            return (flags & flag) != 0;
        }

        private static void number(NumericColumn.Builder b, double value, int flags, int missingFlag) {
            if (has(flags, missingFlag)) {
                b.addMissing();
            } else {
                b.add(value);
            }
        }

        Table build() {
            List<Column> cols = new ArrayList<>();
            cols.add(id.build());
            cols.add(age.build());
            cols.add(gender.build());
            cols.add(region.build());
            cols.add(plant ? incomeText.build() : incomeNumber.build());
            cols.add(tenure.build());
            cols.add(products.build());
            cols.add(balance.build());
            cols.add(cardSpend.build());
            cols.add(transactions.build());
            cols.add(monthsSinceTransaction.build());
            cols.add(activityTrend.build());
            cols.add(appLogins.build());
            cols.add(webSessions.build());
            cols.add(onlinePurchaseShare.build());
            cols.add(emailOpenRate.build());
            cols.add(whatsapp.build());
            cols.add(digitalPayments.build());
            cols.add(phoneContacts.build());
            cols.add(branchVisits.build());
            cols.add(channel.build());
            cols.add(marketingConsent.build());
            cols.add(thirdPartyConsent.build());
            cols.add(profileCompleteness.build());
            if (plant) {
                cols.add(currency.build());
                cols.add(secondaryPhone.build());
            }
            if (truth) {
                cols.add(truePersona.build());
                cols.add(trueLifeStage.build());
                cols.add(trueCapability.build());
                cols.add(trueTrust.build());
                cols.add(trueEngagement.build());
            }
            return Table.of(cols);
        }
    }

    /**
     * A non-negative amount with at most two decimals as the shortest text that reads back to the same
     * double, as a numeric column would write it: {@code 2134.57}, {@code 2134.5}, {@code 2134}.
     */
    static String formatAmount(double value) {
        long cents = Math.round(value * 100);
        long whole = cents / 100;
        int frac = (int) (cents % 100);
        if (frac == 0) {
            return Long.toString(whole);
        }
        if (frac % 10 == 0) {
            return whole + "." + (frac / 10);
        }
        return whole + (frac < 10 ? ".0" : ".") + frac;
    }
}
