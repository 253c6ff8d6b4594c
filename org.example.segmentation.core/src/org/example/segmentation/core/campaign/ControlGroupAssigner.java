package org.example.segmentation.core.campaign;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.example.segmentation.core.InputException;
import org.example.segmentation.core.Progress;
import org.example.segmentation.core.model.TableFingerprint;
import org.example.segmentation.core.table.CategoricalColumn;
import org.example.segmentation.core.table.Column;
import org.example.segmentation.core.table.NumericColumn;
import org.example.segmentation.core.table.Table;

/**
 * Assigns every customer to treatment, control or the global holdout, deterministically from a salted hash of
 * the customer id, and reports the plan.
 *
 * <p>Order of decisions, per customer (see {@link CustomerHash} for the hash):
 * <ol>
 * <li>Global holdout (when {@code holdout.share > 0}): {@code holdout} when
 * {@code hash(holdout.salt, id) / 2^64 < holdout.share}. A threshold, so the holdout is the same set of
 * customers for every campaign and every month that use the same holdout salt.</li>
 * <li>Campaign split of the other customers, with {@code hash(salt, id)}:
 * <ul>
 * <li>{@code stratified_rank}: within each stratum of {@code m} customers the {@code k = round(share x m)}
 * (half up, computed in decimal, so 0.1 x 25 = 2.5 gives 3) with the lowest hash are control; hash ties, which
 * need two ids with the same 64-bit prefix, are broken by the id's text. Exact per stratum; independent of the
 * row order.</li>
 * <li>{@code hash_threshold}: control when {@code hash / 2^64 < share}, as for the holdout.</li>
 * </ul></li>
 * </ol>
 *
 * <p>Stability across months: {@code hash_threshold} gives a customer the same group whatever else is in the
 * table. {@code stratified_rank} keeps it as long as the customer stays on the same side of the stratum's cut
 * (the k-th lowest hash); when customers join or leave, or the customer moves to another stratum, the cut moves
 * and customers near it flip. Give the earlier assignment as {@code previous.column} to count them.
 *
 * <p>Input checks: the id column must exist and every id must be present and distinct (the message names the
 * id and the rows, counted from 1 without the header); the stratify, covariate and previous columns must
 * exist; covariates must be numeric or categorical; earlier groups must be {@code treatment}, {@code control},
 * {@code holdout} or missing. The output table must not already have a {@code group} column, unless it is the
 * previous column (which the new one then replaces).
 */
public final class ControlGroupAssigner {
    private static final int PROGRESS_EVERY = 1 << 14;

    private ControlGroupAssigner() {
    }

    /** As {@link #assign(Table, ControlGroupConfig, Progress)} without progress. */
    public static ControlGroupResult assign(Table table, ControlGroupConfig config) {
        return assign(table, config, Progress.NONE);
    }

    /**
     * Assigns groups and builds the plan. Does not modify {@code table}.
     *
     * @throws InputException for a missing column, a missing or duplicate id, a text covariate or a bad earlier
     *                        group, naming the column, the row and the value
     */
    public static ControlGroupResult assign(Table table, ControlGroupConfig config, Progress progress) {
        checkColumns(table, config);
        int n = table.rowCount();
        String[] ids = ids(table, config.idColumn());
        Group[] previous = config.previousColumn().isEmpty() ? null : previous(table.column(config.previousColumn()));
        progress.update(0.05, "assigning groups");
        Group[] groups = new Group[n];
        if (config.hasHoldout()) {
            CustomerHash holdout = new CustomerHash(config.holdoutSalt());
            for (int i = 0; i < n; i++) {
                if (CustomerHash.unit(holdout.hash(ids[i])) < config.holdoutShare()) {
                    groups[i] = Group.HOLDOUT;
                }
                tick(progress, i, n, 0.05, 0.3);
            }
        }
        CustomerHash campaign = new CustomerHash(config.salt());
        long[] hash = new long[n];
        for (int i = 0; i < n; i++) {
            if (groups[i] == null) {
                hash[i] = campaign.hash(ids[i]);
            }
            tick(progress, i, n, 0.3, 0.6);
        }
        Strata strata = config.stratified()
                ? Strata.of(table.column(config.stratifyBy()), ControlGroupConfig.KEY_STRATIFY_BY)
                : Strata.single(n);
        if (config.method() == AssignmentMethod.HASH_THRESHOLD) {
            for (int i = 0; i < n; i++) {
                if (groups[i] == null) {
                    groups[i] = CustomerHash.unit(hash[i]) < config.controlShare() ? Group.CONTROL : Group.TREATMENT;
                }
            }
        } else {
            rankWithinStrata(groups, hash, ids, strata, config.controlShare());
        }
        progress.checkCancelled();
        progress.update(0.7, "checking balance");
        ControlGroupPlan plan = plan(table, config, strata, groups, previous);
        progress.update(1, null);
        return new ControlGroupResult(output(table, config, groups), plan);
    }

    /**
     * The group of one customer under {@code hash_threshold} (and the global holdout, if any): what a row-wise
     * (streaming) assignment computes. Equal to the group {@link #assign} gives the customer.
     *
     * @throws IllegalArgumentException for a {@code stratified_rank} configuration, which needs the whole stratum
     */
    public static Group thresholdGroup(ControlGroupConfig config, String id) {
        if (config.method() != AssignmentMethod.HASH_THRESHOLD) {
            throw new IllegalArgumentException("only hash_threshold assigns one customer at a time; "
                    + "stratified_rank ranks the whole stratum");
        }
        if (config.hasHoldout()
                && CustomerHash.unit(new CustomerHash(config.holdoutSalt()).hash(id)) < config.holdoutShare()) {
            return Group.HOLDOUT;
        }
        return CustomerHash.unit(new CustomerHash(config.salt()).hash(id)) < config.controlShare() ? Group.CONTROL
                : Group.TREATMENT;
    }

    /** {@code round(share x m)}, half up, with the share's decimal value (0.1 x 25 = 2.5 gives 3). */
    static int controlSize(double share, int m) {
        return BigDecimal.valueOf(share).multiply(BigDecimal.valueOf(m)).setScale(0, RoundingMode.HALF_UP)
                .intValueExact();
    }

    private static void tick(Progress progress, int i, int n, double from, double to) {
        if ((i & (PROGRESS_EVERY - 1)) == 0) {
            progress.checkCancelled();
            progress.update(from + (to - from) * i / Math.max(1, n), null);
        }
    }

    private static void checkColumns(Table table, ControlGroupConfig config) {
        need(table, config.idColumn(), ControlGroupConfig.KEY_ID_COLUMN);
        if (config.stratified()) {
            need(table, config.stratifyBy(), ControlGroupConfig.KEY_STRATIFY_BY);
        }
        for (String c : config.balanceCovariates()) {
            need(table, c, ControlGroupConfig.KEY_BALANCE_COVARIATES);
            Column col = table.column(c);
            if (!(col instanceof NumericColumn) && !(col instanceof CategoricalColumn)) {
                throw new InputException("control setting '" + ControlGroupConfig.KEY_BALANCE_COVARIATES + "': column '"
                        + c + "' is a " + col.type().key() + " column; balance is checked for numeric and categorical "
                        + "columns");
            }
        }
        if (!config.previousColumn().isEmpty()) {
            need(table, config.previousColumn(), ControlGroupConfig.KEY_PREVIOUS_COLUMN);
        }
        if (table.hasColumn(Group.COLUMN) && !config.previousColumn().equals(Group.COLUMN)) {
            throw new InputException("the table already has a column '" + Group.COLUMN + "' (from an earlier "
                    + "assignment?): set " + ControlGroupConfig.KEY_PREVIOUS_COLUMN + "=" + Group.COLUMN
                    + " to compare with it, or remove it");
        }
        if (config.idColumn().equals(Group.COLUMN)) {
            throw new InputException("control setting '" + ControlGroupConfig.KEY_ID_COLUMN + "' must not be '"
                    + Group.COLUMN + "', the name of the output column");
        }
    }

    private static void need(Table table, String column, String key) {
        if (!table.hasColumn(column)) {
            throw new InputException("control setting '" + key + "': no column '" + column + "'; the table has "
                    + String.join(", ", table.columnNames()));
        }
    }

    /** The ids as text, checked present and distinct. */
    static String[] ids(Table table, String idColumn) {
        Column c = table.column(idColumn);
        int n = c.size();
        String[] ids = new String[n];
        Map<String, Integer> seen = new HashMap<>(Math.max(16, n * 2));
        for (int i = 0; i < n; i++) {
            String id = c.format(i);
            if (id == null || id.isEmpty()) {
                throw new InputException("column '" + idColumn + "', row " + (i + 1) + ": the customer id is missing; "
                        + "every customer needs an id to get a group");
            }
            Integer earlier = seen.put(id, i);
            if (earlier != null) {
                throw new InputException("column '" + idColumn + "': id '" + id + "' appears twice, in rows "
                        + (earlier + 1) + " and " + (i + 1) + "; ids must be distinct (remove duplicate customers "
                        + "first)");
            }
            ids[i] = id;
        }
        return ids;
    }

    private static Group[] previous(Column c) {
        Group[] out = new Group[c.size()];
        for (int i = 0; i < out.length; i++) {
            String v = c.format(i);
            if (v == null || v.isBlank()) {
                continue;
            }
            Group g = Group.parse(v);
            if (g == null) {
                throw new InputException("column '" + c.name() + "' (setting '" + ControlGroupConfig.KEY_PREVIOUS_COLUMN
                        + "'), row " + (i + 1) + ": '" + v + "' is not a group; expected treatment, control, holdout "
                        + "or missing");
            }
            out[i] = g;
        }
        return out;
    }

    private static void rankWithinStrata(Group[] groups, long[] hash, String[] ids, Strata strata, double share) {
        int s = strata.size();
        int[] size = new int[s];
        for (int i = 0; i < groups.length; i++) {
            if (groups[i] == null) {
                size[strata.of[i]]++;
            }
        }
        int[][] rows = new int[s][];
        for (int k = 0; k < s; k++) {
            rows[k] = new int[size[k]];
        }
        int[] fill = new int[s];
        for (int i = 0; i < groups.length; i++) {
            if (groups[i] == null) {
                rows[strata.of[i]][fill[strata.of[i]]++] = i;
            }
        }
        for (int k = 0; k < s; k++) {
            int[] r = rows[k];
            int m = r.length;
            int control = controlSize(share, m);
            if (m == 0) {
                continue;
            }
            if (control == 0) {
                for (int i : r) {
                    groups[i] = Group.TREATMENT;
                }
                continue;
            }
            long[] keys = new long[m];
            for (int j = 0; j < m; j++) {
                keys[j] = CustomerHash.sortKey(hash[r[j]]);
            }
            Arrays.sort(keys);
            long cut = keys[control - 1];
            int below = 0;
            List<Integer> atCut = new ArrayList<>();
            for (int i : r) {
                long key = CustomerHash.sortKey(hash[i]);
                if (key < cut) {
                    groups[i] = Group.CONTROL;
                    below++;
                } else if (key == cut) {
                    atCut.add(i);
                } else {
                    groups[i] = Group.TREATMENT;
                }
            }
            // Ties at the cut (ids sharing a 64-bit hash prefix): the lowest ids by text complete the quota.
            atCut.sort((a, b) -> ids[a].compareTo(ids[b]));
            for (int j = 0; j < atCut.size(); j++) {
                groups[atCut.get(j)] = below + j < control ? Group.CONTROL : Group.TREATMENT;
            }
        }
    }

    private static ControlGroupPlan plan(Table table, ControlGroupConfig config, Strata strata, Group[] groups,
            Group[] previous) {
        int s = strata.size();
        int slots = s + 1;
        int[] customers = new int[slots];
        int[] holdout = new int[slots];
        int[] treatment = new int[slots];
        int[] control = new int[slots];
        int[] flipped = new int[slots];
        int newCustomers = 0;
        for (int i = 0; i < groups.length; i++) {
            int k = strata.of[i];
            customers[k]++;
            customers[s]++;
            int[] target = groups[i] == Group.HOLDOUT ? holdout : groups[i] == Group.CONTROL ? control : treatment;
            target[k]++;
            target[s]++;
            if (previous != null) {
                if (previous[i] == null) {
                    newCustomers++;
                } else if (previous[i] != groups[i]) {
                    flipped[k]++;
                    flipped[s]++;
                }
            }
        }
        List<String> covariates = config.balanceCovariates();
        double[][] smd = new double[covariates.size()][];
        for (int c = 0; c < smd.length; c++) {
            smd[c] = Balance.smd(table.column(covariates.get(c)), strata.of, s, groups);
        }
        List<StratumPlan> rows = new ArrayList<>();
        double expectedTotal = 0;
        for (int k = 0; k < slots; k++) {
            String label = k == s ? Strata.ALL : strata.labels.get(k);
            Map<String, Double> smdOf = new LinkedHashMap<>();
            for (int c = 0; c < smd.length; c++) {
                smdOf.put(covariates.get(c), smd[c][k]);
            }
            int campaign = treatment[k] + control[k];
            double expected;
            if (config.method() == AssignmentMethod.HASH_THRESHOLD) {
                expected = config.controlShare() * campaign;
            } else if (k < s) {
                expected = controlSize(config.controlShare(), campaign);
                expectedTotal += expected;
            } else {
                expected = expectedTotal;
            }
            rows.add(stratum(config, label, k == s, customers[k], holdout[k], treatment[k], control[k], expected,
                    smdOf, previous == null ? -1 : flipped[k]));
        }
        StratumPlan overall = rows.remove(s);
        SampleRatio.Result srm = SampleRatio.test(overall.control(), overall.treatment(), config.controlShare());
        SampleRatio.Result holdoutSrm = config.hasHoldout()
                ? SampleRatio.test(overall.holdout(), overall.treatment() + overall.control(), config.holdoutShare())
                : null;
        return new ControlGroupPlan(config, rows, overall, srm, holdoutSrm, previous == null ? -1 : newCustomers,
                TableFingerprint.of(table));
    }

    private static StratumPlan stratum(ControlGroupConfig config, String label, boolean overall, int customers,
            int holdout, int treatment, int control, double expected, Map<String, Double> smd, int flipped) {
        int campaign = treatment + control;
        SampleRatio.Result srm = SampleRatio.test(control, treatment, config.controlShare());
        List<String> warnings = new ArrayList<>();
        if (campaign > 0 && control == 0) {
            warnings.add(config.method() == AssignmentMethod.STRATIFIED_RANK && !overall
                    ? "no control customers: round(" + Phrases.brief(config.controlShare()) + " x " + campaign + ") = 0"
                    : "no control customers among " + campaign);
        }
        if (campaign > 0 && treatment == 0) {
            warnings.add("no treatment customers among " + campaign);
        }
        if (srm.pValue() < ControlGroupPlan.SRM_ALPHA) {
            warnings.add("sample ratio mismatch: control share " + Phrases.brief((double) control / campaign) + " vs "
                    + Phrases.brief(config.controlShare()) + " planned (p = " + Phrases.brief(srm.pValue()) + ")");
        }
        boolean balanced = true;
        for (Map.Entry<String, Double> e : smd.entrySet()) {
            double v = e.getValue();
            if (Math.abs(v) > config.smdThreshold()) {
                balanced = false;
                warnings.add("imbalanced '" + e.getKey() + "': |smd| " + Phrases.brief(Math.abs(v)) + " > "
                        + Phrases.brief(config.smdThreshold()) + " (random splits of " + treatment + "/" + control
                        + " customers vary by about " + Phrases.brief(Balance.chance(treatment, control)) + ")");
            } else if (Double.isNaN(v) && control > 0 && treatment > 0) {
                warnings.add("too few values to check the balance of '" + e.getKey() + "'");
            }
        }
        return new StratumPlan(label, customers, holdout, treatment, control, expected, srm.pValue(), smd, balanced,
                flipped, warnings);
    }

    /** The input with the id column first, the previous {@code group} column (if any) dropped, {@code group} last. */
    private static Table output(Table table, ControlGroupConfig config, Group[] groups) {
        List<String> order = new ArrayList<>();
        order.add(config.idColumn());
        for (String name : table.columnNames()) {
            if (!name.equals(config.idColumn()) && !name.equals(Group.COLUMN)) {
                order.add(name);
            }
        }
        int[] codes = new int[groups.length];
        for (int i = 0; i < codes.length; i++) {
            codes[i] = groups[i].ordinal();
        }
        List<String> levels = new ArrayList<>();
        for (Group g : Group.values()) {
            levels.add(g.key());
        }
        return table.select(order).append(CategoricalColumn.of(Group.COLUMN, codes, levels));
    }
}
