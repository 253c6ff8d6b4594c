package org.example.segmentation.core.campaign;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.example.segmentation.core.io.AtomicFile;
import org.example.segmentation.core.model.Engine;
import org.example.segmentation.core.model.TableFingerprint;
import org.example.segmentation.core.table.CategoricalColumn;
import org.example.segmentation.core.table.Column;
import org.example.segmentation.core.table.NumericColumn;
import org.example.segmentation.core.table.Table;
import org.example.segmentation.core.table.TextColumn;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * The control-group plan: per stratum and overall the sizes, shares, balance and sample-ratio test of one
 * assignment, with the configuration (salt and method included) that reproduces it.
 *
 * <p>{@link #toTable()} is the plan table ({@code control_plan.csv}); {@link #toJson()} records the salt, the
 * method, every setting, the input's fingerprint and the overall tests ({@code control_plan.json}). Neither
 * holds a time stamp, so the same input and settings give byte-identical files.
 */
public final class ControlGroupPlan {
    /** The file name the command line writes {@link #toJson()} to. */
    public static final String JSON_FILE_NAME = "control_plan.json";
    /** The file name the command line writes {@link #toTable()} to. */
    public static final String TABLE_FILE_NAME = "control_plan.csv";
    /** A sample-ratio p-value below this is warned about. */
    public static final double SRM_ALPHA = 0.001;

    private final ControlGroupConfig config;
    private final List<StratumPlan> strata;
    private final StratumPlan overall;
    private final SampleRatio.Result srm;
    private final SampleRatio.Result holdoutSrm;
    private final int newCustomers;
    private final TableFingerprint input;

    ControlGroupPlan(ControlGroupConfig config, List<StratumPlan> strata, StratumPlan overall, SampleRatio.Result srm,
            SampleRatio.Result holdoutSrm, int newCustomers, TableFingerprint input) {
        this.config = Objects.requireNonNull(config, "config");
        this.strata = List.copyOf(strata);
        this.overall = Objects.requireNonNull(overall, "overall");
        this.srm = srm;
        this.holdoutSrm = holdoutSrm;
        this.newCustomers = newCustomers;
        this.input = input;
    }

    /** The configuration that made this plan (salt and method included). */
    public ControlGroupConfig config() {
        return config;
    }

    /** One row per stratum, in the order of {@code docs/control-groups.md} (numeric or text order, missing last). */
    public List<StratumPlan> strata() {
        return strata;
    }

    /** All customers together (label {@code (all)}). */
    public StratumPlan overall() {
        return overall;
    }

    /** The overall sample-ratio chi-square statistic of control vs treatment against {@code control.share}. */
    public double srmChiSquare() {
        return srm.chiSquare();
    }

    /** Its p-value (one degree of freedom). */
    public double srmPValue() {
        return srm.pValue();
    }

    /** The sample-ratio chi-square of the global holdout against {@code holdout.share}; NaN without a holdout. */
    public double holdoutSrmChiSquare() {
        return holdoutSrm == null ? Double.NaN : holdoutSrm.chiSquare();
    }

    /** Its p-value; NaN without a holdout. */
    public double holdoutSrmPValue() {
        return holdoutSrm == null ? Double.NaN : holdoutSrm.pValue();
    }

    /** Customers without an earlier group; -1 when no earlier assignment was compared. */
    public int newCustomers() {
        return newCustomers;
    }

    /** The fingerprint of the input table (rows, columns, content hash). */
    public TableFingerprint input() {
        return input;
    }

    /** Every warning, each naming its stratum, the overall ones first. */
    public List<String> warnings() {
        List<String> out = new ArrayList<>();
        for (String w : overall.warnings()) {
            out.add("overall: " + w);
        }
        if (holdoutSrm != null && holdoutSrm.pValue() < SRM_ALPHA) {
            out.add("overall: global holdout sample ratio mismatch: " + overall.holdout() + " of "
                    + overall.customers() + " customers vs " + Phrases.brief(config.holdoutShare()) + " planned (p = "
                    + Phrases.brief(holdoutSrm.pValue()) + ")");
        }
        if (config.stratified()) {
            for (StratumPlan s : strata) {
                for (String w : s.warnings()) {
                    out.add("stratum " + Phrases.quote(s.stratum()) + ": " + w);
                }
            }
        }
        return out;
    }

    /**
     * The plan table: {@code stratum, customers, holdout, treatment, control, control_share, target_share,
     * expected_control, srm_p_value}, one {@code smd_<covariate>} per covariate, with covariates {@code smd_chance}
     * (how much the SMD varies between random splits of the stratum's group sizes, {@code sqrt(1/n_t + 1/n_c)}: an
     * |SMD| well within it is chance, not a broken assignment), {@code balanced}, {@code flipped}
     * (only when an earlier assignment was compared) and {@code warning} (sentences joined by "; "). One row per
     * stratum, then the overall row {@code (all)}.
     */
    public Table toTable() {
        List<StratumPlan> rows = new ArrayList<>(strata);
        if (config.stratified()) {
            rows.add(overall);
        } else {
            rows = List.of(overall);
        }
        int n = rows.size();
        String[] label = new String[n];
        double[] customers = new double[n];
        double[] holdout = new double[n];
        double[] treatment = new double[n];
        double[] control = new double[n];
        double[] share = new double[n];
        double[] target = new double[n];
        double[] expected = new double[n];
        double[] srmP = new double[n];
        double[] chance = new double[n];
        double[][] smd = new double[config.balanceCovariates().size()][n];
        String[] balanced = new String[n];
        double[] flipped = new double[n];
        String[] warning = new String[n];
        for (int r = 0; r < n; r++) {
            StratumPlan s = rows.get(r);
            label[r] = s.stratum();
            customers[r] = s.customers();
            holdout[r] = s.holdout();
            treatment[r] = s.treatment();
            control[r] = s.control();
            share[r] = s.controlShare();
            target[r] = config.controlShare();
            expected[r] = s.expectedControl();
            srmP[r] = s.srmPValue();
            chance[r] = Balance.chance(s.treatment(), s.control());
            for (int c = 0; c < smd.length; c++) {
                smd[c][r] = s.smd().get(config.balanceCovariates().get(c));
            }
            balanced[r] = Boolean.toString(s.balanced());
            flipped[r] = s.flipped() < 0 ? Double.NaN : s.flipped();
            warning[r] = s.warnings().isEmpty() ? null : String.join("; ", s.warnings());
        }
        List<Column> cols = new ArrayList<>();
        cols.add(TextColumn.of("stratum", label));
        cols.add(NumericColumn.of("customers", customers));
        cols.add(NumericColumn.of("holdout", holdout));
        cols.add(NumericColumn.of("treatment", treatment));
        cols.add(NumericColumn.of("control", control));
        cols.add(NumericColumn.of("control_share", share));
        cols.add(NumericColumn.of("target_share", target));
        cols.add(NumericColumn.of("expected_control", expected));
        cols.add(NumericColumn.of("srm_p_value", srmP));
        for (int c = 0; c < smd.length; c++) {
            cols.add(NumericColumn.of("smd_" + config.balanceCovariates().get(c), smd[c]));
        }
        if (smd.length > 0) {
            cols.add(NumericColumn.of("smd_chance", chance));
        }
        cols.add(CategoricalColumn.of("balanced", balanced));
        if (!config.previousColumn().isEmpty()) {
            cols.add(NumericColumn.of("flipped", flipped));
        }
        cols.add(TextColumn.of("warning", warning));
        return Table.of(cols);
    }

    /** The plan's record as a JSON object (see the class description); NaN is written as {@code null}. */
    public String toJson() {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("kind", "control_plan");
        root.put("engine_version", Engine.VERSION);
        root.put("method", config.method().key());
        root.put("salt", config.salt());
        root.put("control_share", config.controlShare());
        root.put("stratify_by", config.stratifyBy());
        root.put("holdout_salt", config.holdoutSalt());
        root.put("holdout_share", config.holdoutShare());
        root.put("settings", config.toSettings().asMap());
        if (input != null) {
            Map<String, Object> in = new LinkedHashMap<>();
            in.put("rows", input.rows());
            in.put("columns", input.columns());
            in.put("hash", input.hash());
            root.put("input", in);
        }
        root.put("customers", overall.customers());
        root.put("holdout", overall.holdout());
        root.put("treatment", overall.treatment());
        root.put("control", overall.control());
        root.put("control_share_realised", finite(overall.controlShare()));
        root.put("strata", strata.size());
        root.put("srm", test(srm));
        root.put("holdout_srm", holdoutSrm == null ? null : test(holdoutSrm));
        root.put("flipped", overall.flipped() < 0 ? null : overall.flipped());
        root.put("new_customers", newCustomers < 0 ? null : newCustomers);
        List<Map<String, Object>> imbalanced = new ArrayList<>();
        List<StratumPlan> all = new ArrayList<>(strata);
        all.add(overall);
        for (StratumPlan s : all) {
            for (Map.Entry<String, Double> e : s.smd().entrySet()) {
                if (Math.abs(e.getValue()) > config.smdThreshold()) {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("stratum", s.stratum());
                    m.put("covariate", e.getKey());
                    m.put("smd", finite(e.getValue()));
                    imbalanced.add(m);
                }
            }
        }
        root.put("imbalanced", imbalanced);
        root.put("warnings", warnings());
        try {
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the control plan as JSON", e);
        }
    }

    /** Writes {@link #toJson()} to {@code target}, atomically. */
    public void saveJson(Path target) {
        byte[] bytes = toJson().getBytes(StandardCharsets.UTF_8);
        AtomicFile.write(target, out -> out.write(bytes));
    }

    private static Map<String, Object> test(SampleRatio.Result r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("chi_square", finite(r.chiSquare()));
        m.put("df", 1);
        m.put("p_value", finite(r.pValue()));
        return m;
    }

    private static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }
}
