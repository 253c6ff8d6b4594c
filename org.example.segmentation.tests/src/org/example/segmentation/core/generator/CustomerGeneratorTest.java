package org.example.segmentation.core.generator;

import static org.example.segmentation.core.generator.TableAssertions.assertSameTable;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.example.segmentation.core.CancelledException;
import org.example.segmentation.core.Progress;
import org.example.segmentation.core.table.CategoricalColumn;
import org.example.segmentation.core.table.Column;
import org.example.segmentation.core.table.ColumnType;
import org.example.segmentation.core.table.NumericColumn;
import org.example.segmentation.core.table.Table;
import org.example.segmentation.core.table.TextColumn;
import org.junit.jupiter.api.Test;

class CustomerGeneratorTest {

    private static final GeneratorConfig FULL = new GeneratorConfig(3000, 11, 1, true, true);

    @Test
    void sameConfigGivesTheSameTableCellForCell() {
        assertSameTable(CustomerGenerator.generate(FULL, Progress.NONE),
                CustomerGenerator.generate(FULL, Progress.NONE));
        GeneratorConfig two = FULL.withSnapshot(2);
        assertSameTable(CustomerGenerator.generate(two, Progress.NONE),
                CustomerGenerator.generate(two, Progress.NONE));
    }

    @Test
    void anotherSeedGivesAnotherTable() {
        Table a = CustomerGenerator.generate(FULL, Progress.NONE);
        Table b = CustomerGenerator.generate(new GeneratorConfig(3000, 12, 1, true, true), Progress.NONE);
        for (String column : List.of(CustomerColumns.AGE, CustomerColumns.BALANCE, CustomerColumns.APP_LOGINS_30D,
                CustomerColumns.TRUE_PERSONA)) {
            assertTrue(TableAssertions.differingCells(a, b, column) > 1000, column);
        }
        // The customers are the same numbers; only where the duplicate rows fall depends on the seed.
        assertEquals(new java.util.TreeSet<>(List.of(a.text(CustomerColumns.CUSTOMER_ID).toArray())),
                new java.util.TreeSet<>(List.of(b.text(CustomerColumns.CUSTOMER_ID).toArray())));
    }

    @Test
    void chunksConcatenateToTheWholeTable() {
        for (GeneratorConfig config : List.of(FULL, FULL.withSnapshot(2))) {
            CustomerGenerator g = new CustomerGenerator(config);
            Table whole = CustomerGenerator.generate(config, Progress.NONE);
            int[] cuts = { 0, 1, 199, 200, 201, 777, 1500, 2222, g.rowCount() };
            List<Table> parts = new ArrayList<>();
            for (int i = 0; i + 1 < cuts.length; i++) {
                parts.add(g.generateRows(cuts[i], cuts[i + 1], Progress.NONE));
            }
            int row = 0;
            for (Table part : parts) {
                int[] rows = new int[part.rowCount()];
                for (int i = 0; i < rows.length; i++) {
                    rows[i] = row++;
                }
                assertSameTable(whole.selectRows(rows), part);
            }
            assertEquals(whole.rowCount(), row);
        }
    }

    @Test
    void theCustomerInARowDoesNotDependOnTheOtherSettings() {
        // Customer 1 is never touched by a planted problem; its values are the same with or without truth and
        // problems (and with more rows), because they come from that customer's own random streams.
        Table a = CustomerGenerator.generate(new GeneratorConfig(10, 5, 1, false, false), Progress.NONE);
        Table b = CustomerGenerator.generate(new GeneratorConfig(5000, 5, 1, true, true), Progress.NONE);
        for (String f : CustomerColumns.FEATURES) {
            assertEquals(a.column(f).format(0), b.column(f).format(0), f);
        }
    }

    @Test
    void rowCountAndIdentifiers() {
        Table t = CustomerGenerator.generate(new GeneratorConfig(1000, 3, 1, false, false), Progress.NONE);
        assertEquals(1000, t.rowCount());
        TextColumn ids = t.text(CustomerColumns.CUSTOMER_ID);
        assertEquals("C0000001", ids.value(0));
        assertEquals("C0001000", ids.value(999));
        assertEquals("C0000042", CustomerGenerator.customerId(42));
        assertEquals("C12345678", CustomerGenerator.customerId(12_345_678));
        assertEquals(1, CustomerGenerator.generate(GeneratorConfig.of(1, 0), Progress.NONE).rowCount());
    }

    @Test
    void columnNamesAndTypes() {
        for (GeneratorConfig config : List.of(FULL, FULL.withTruthColumns(false), FULL.withPlantedProblems(false),
                new GeneratorConfig(50, 1, 2, false, false))) {
            Table t = CustomerGenerator.generate(config, Progress.NONE);
            assertEquals(CustomerColumns.names(config), t.columnNames());
            assertEquals(new CustomerGenerator(config).columnNames(), t.columnNames());
            for (Column c : t.columns()) {
                assertEquals(CustomerColumns.type(c.name(), config), c.type(), c.name());
            }
        }
        assertEquals(ColumnType.TEXT, CustomerColumns.type(CustomerColumns.MONTHLY_INCOME, FULL));
        assertEquals(ColumnType.NUMERIC,
                CustomerColumns.type(CustomerColumns.MONTHLY_INCOME, FULL.withPlantedProblems(false)));
        List<String> names = CustomerColumns.names(FULL);
        assertEquals(CustomerColumns.CUSTOMER_ID, names.get(0));
        assertEquals(1 + 23 + 2 + 5, names.size());
        assertThrows(IllegalArgumentException.class, () -> CustomerColumns.type("nope", FULL));
    }

    @Test
    void valuesAreInTheirDocumentedRanges() {
        Table t = CustomerGenerator.generate(new GeneratorConfig(20_000, 8, 1, true, false), Progress.NONE);
        assertEquals(0, t.columns().stream().mapToInt(Column::missingCount).sum(), "no missing without problems");
        range(t, CustomerColumns.AGE, 18, 98, true);
        range(t, CustomerColumns.MONTHLY_INCOME, 400, 60_000, false);
        range(t, CustomerColumns.TENURE_MONTHS, 0, 1000, true);
        range(t, CustomerColumns.PRODUCTS_HELD, 1, 9, true);
        range(t, CustomerColumns.BALANCE, -20_000, 5_000_000, false);
        range(t, CustomerColumns.CARD_SPEND_MONTHLY, 0, 30_000, false);
        range(t, CustomerColumns.MONTHS_SINCE_LAST_TRANSACTION, 0, 36, true);
        range(t, CustomerColumns.ACTIVITY_TREND, -1, 1, false);
        for (String share : List.of(CustomerColumns.ONLINE_PURCHASE_SHARE, CustomerColumns.EMAIL_OPEN_RATE,
                CustomerColumns.PROFILE_COMPLETENESS)) {
            range(t, share, 0, 1, false);
        }
        for (String flag : List.of(CustomerColumns.WHATSAPP_OPT_IN, CustomerColumns.MARKETING_CONSENT,
                CustomerColumns.THIRD_PARTY_CONSENT)) {
            range(t, flag, 0, 1, true);
        }
        for (String count : List.of(CustomerColumns.TRANSACTIONS_30D, CustomerColumns.APP_LOGINS_30D,
                CustomerColumns.WEB_SESSIONS_30D, CustomerColumns.DIGITAL_PAYMENTS_30D,
                CustomerColumns.PHONE_CONTACTS_90D, CustomerColumns.BRANCH_VISITS_90D)) {
            range(t, count, 0, 10_000, true);
        }
        range(t, CustomerColumns.TRUE_CAPABILITY, 0, 100, false);
        range(t, CustomerColumns.TRUE_TRUST, 0, 100, false);
        assertEquals(CustomerColumns.REGIONS.stream().sorted().toList(), t.categorical(CustomerColumns.REGION).levels());
        assertEquals(CustomerColumns.CHANNELS.stream().sorted().toList(),
                t.categorical(CustomerColumns.PREFERRED_CHANNEL).levels());
        assertEquals(List.of("diverse", "female", "male"), t.categorical(CustomerColumns.GENDER).levels());
        assertEquals(List.of("active", "dormant", "lapsing"), t.categorical(CustomerColumns.TRUE_ENGAGEMENT).levels());
        // Third-party consent only with marketing consent; dormant customers do not transact.
        NumericColumn third = t.numeric(CustomerColumns.THIRD_PARTY_CONSENT);
        NumericColumn marketing = t.numeric(CustomerColumns.MARKETING_CONSENT);
        NumericColumn months = t.numeric(CustomerColumns.MONTHS_SINCE_LAST_TRANSACTION);
        NumericColumn transactions = t.numeric(CustomerColumns.TRANSACTIONS_30D);
        CategoricalColumn engagement = t.categorical(CustomerColumns.TRUE_ENGAGEMENT);
        for (int r = 0; r < t.rowCount(); r++) {
            assertTrue(third.value(r) <= marketing.value(r), "row " + r);
            boolean dormant = "dormant".equals(engagement.level(r));
            assertEquals(dormant, months.value(r) > 0, "row " + r);
            if (dormant) {
                assertEquals(0, transactions.value(r), "row " + r);
            }
        }
    }

    private static void range(Table t, String name, double min, double max, boolean integers) {
        NumericColumn c = t.numeric(name);
        for (int r = 0; r < c.size(); r++) {
            double v = c.value(r);
            assertTrue(v >= min && v <= max, name + " row " + r + ": " + v + " outside " + min + ".." + max);
            if (integers) {
                assertEquals(Math.rint(v), v, name + " row " + r + " is not whole");
            }
        }
    }

    @Test
    void reportsProgressAndStopsWhenCancelled() {
        AtomicInteger updates = new AtomicInteger();
        double[] last = { -1 };
        Progress counting = new Progress() {
            @Override
            public void update(double fraction, String message) {
                assertTrue(fraction >= last[0], "progress must not go back");
                last[0] = fraction;
                updates.incrementAndGet();
            }

            @Override
            public void checkCancelled() {
            }
        };
        CustomerGenerator.generate(GeneratorConfig.of(30_000, 1), counting);
        assertTrue(updates.get() >= 4, "updates: " + updates.get());
        assertEquals(1.0, last[0]);

        Progress cancelled = new Progress() {
            @Override
            public void update(double fraction, String message) {
            }

            @Override
            public void checkCancelled() {
                throw new CancelledException();
            }
        };
        assertThrows(CancelledException.class, () -> CustomerGenerator.generate(GeneratorConfig.of(100, 1),
                cancelled));
    }

    @Test
    void rowRangesAreChecked() {
        CustomerGenerator g = new CustomerGenerator(GeneratorConfig.of(100, 1));
        assertThrows(IndexOutOfBoundsException.class, () -> g.generateRows(-1, 5, Progress.NONE));
        assertThrows(IndexOutOfBoundsException.class, () -> g.generateRows(5, 101, Progress.NONE));
        assertThrows(IndexOutOfBoundsException.class, () -> g.generateRows(6, 5, Progress.NONE));
        assertEquals(0, g.generateRows(5, 5, Progress.NONE).rowCount());
        assertFalse(g.generateRows(0, 100, Progress.NONE).columnNames().isEmpty());
    }

    @Test
    void aMillionRows() {
        GeneratorConfig config = GeneratorConfig.of(1_000_000, 2024);
        Table t = CustomerGenerator.generate(config, Progress.NONE);
        assertEquals(1_000_000, t.rowCount());
        // 5,000 duplicate rows, so the customers are C0000001..C0995000.
        TextColumn ids = t.text(CustomerColumns.CUSTOMER_ID);
        String max = "";
        for (int r = 0; r < ids.size(); r++) {
            if (ids.value(r).compareTo(max) > 0) {
                max = ids.value(r);
            }
        }
        assertEquals("C0995000", max);
    }
}
