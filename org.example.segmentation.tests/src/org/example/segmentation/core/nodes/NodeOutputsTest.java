package org.example.segmentation.core.nodes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.example.segmentation.core.InputException;
import org.example.segmentation.core.Progress;
import org.example.segmentation.core.campaign.ControlGroupAssigner;
import org.example.segmentation.core.campaign.ControlGroupConfig;
import org.example.segmentation.core.campaign.ControlGroupResult;
import org.example.segmentation.core.campaign.Group;
import org.example.segmentation.core.campaign.UpliftConfig;
import org.example.segmentation.core.campaign.UpliftReadout;
import org.example.segmentation.core.cleaning.Cleaner;
import org.example.segmentation.core.cleaning.CleanerConfig;
import org.example.segmentation.core.cleaning.CleaningModel;
import org.example.segmentation.core.cleaning.CleaningResult;
import org.example.segmentation.core.drift.DriftBaseline;
import org.example.segmentation.core.drift.DriftConfig;
import org.example.segmentation.core.drift.DriftMonitor;
import org.example.segmentation.core.drift.DriftReport;
import org.example.segmentation.core.drift.SegmentationModelAssigner;
import org.example.segmentation.core.generator.CustomerGenerator;
import org.example.segmentation.core.generator.GeneratorConfig;
import org.example.segmentation.core.profile.Profiler;
import org.example.segmentation.core.profile.ProfilerConfig;
import org.example.segmentation.core.profile.SegmentProfile;
import org.example.segmentation.core.segmentation.SegmentationModel;
import org.example.segmentation.core.segmentation.SegmentationResult;
import org.example.segmentation.core.segmentation.Segmenter;
import org.example.segmentation.core.selection.FeatureSelection;
import org.example.segmentation.core.selection.FeatureSelector;
import org.example.segmentation.core.table.Column;
import org.example.segmentation.core.table.NumericColumn;
import org.example.segmentation.core.table.Table;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Runs every step the way its node does, on two generated months, and checks what the nodes rely on: every
 * output column is documented in the node's catalog entry (or is an input column passed through), an apply
 * node's output spec computed on an empty table equals the spec of a real run (that is what {@code configure}
 * reports), and a model survives the trip through a port's bytes.
 */
class NodeOutputsTest {
    private static final List<String> TRUTH = List.of("true_persona", "true_life_stage", "true_capability",
            "true_trust", "true_engagement");
    private static Table month1;
    private static Table month2;
    private static CleaningResult cleaned;
    private static SegmentationResult segmented;

    @BeforeAll
    static void fit() {
        month1 = CustomerGenerator.generate(new GeneratorConfig(900, 7, 1, true, true), Progress.NONE).drop(TRUTH);
        month2 = CustomerGenerator.generate(new GeneratorConfig(900, 7, 2, true, true), Progress.NONE).drop(TRUTH);
        Map<String, String> c = new HashMap<>(NodeCatalog.byId("segmentation_cleaner").defaults());
        c.put(CleanerConfig.KEY_ID_COLUMNS, "[\"customer_id\"]");
        cleaned = Cleaner.fit(month1, (CleanerConfig) NodeCatalog.byId("segmentation_cleaner").parse(c));
        Map<String, String> s = new HashMap<>(NodeCatalog.byId("customer_segmenter").defaults());
        s.put("k", "3");
        s.put("restarts", "2");
        s.put("stability.runs", "0");
        s.put("id.columns", "[\"customer_id\"]");
        segmented = Segmenter.fit(cleaned.table(),
                (org.example.segmentation.core.segmentation.SegmenterConfig) NodeCatalog.byId("customer_segmenter")
                        .parse(s), Progress.NONE);
    }

    private static void assertDocumented(String nodeId, int port, Table out, Table in) {
        PortDoc doc = NodeCatalog.byId(nodeId).outPorts().get(port);
        List<String> undocumented = new ArrayList<>();
        for (String name : out.columnNames()) {
            if (!doc.documents(name) && (in == null || !in.hasColumn(name))) {
                undocumented.add(name);
            }
        }
        assertEquals(List.of(), undocumented, nodeId + " output " + port + " (" + doc.name() + ")");
    }

    /** A 0-row table with the columns (and numeric/string kinds) of {@code t}, as configure builds from a spec. */
    private static Table emptyLike(Table t) {
        List<TableAssembler.Kind> kinds = new ArrayList<>();
        for (Column c : t.columns()) {
            kinds.add(TableAssembler.isNumeric(c) ? TableAssembler.Kind.NUMERIC : TableAssembler.Kind.STRING);
        }
        return new TableAssembler(t.columnNames(), kinds).build();
    }

    private static List<String> spec(Table t) {
        List<String> out = new ArrayList<>();
        for (Column c : t.columns()) {
            out.add(c.name() + (TableAssembler.isNumeric(c) ? ":double" : ":string"));
        }
        return out;
    }

    @Test
    void cleanerOutputsAreDocumented() {
        assertDocumented("segmentation_cleaner", 0, cleaned.table(), month1);
        assertDocumented("segmentation_cleaner", 2, cleaned.report().toTable(), null);
    }

    @Test
    void cleanerApplyOutputSpecFromAnEmptyTableIsTheSpecOfARealRun() {
        CleaningModel model = cleaned.model();
        Table real = model.apply(month2).table();
        Table fromSpec = model.apply(emptyLike(month2)).table();
        assertEquals(spec(real), spec(fromSpec));
        assertEquals(0, fromSpec.rowCount());
        assertDocumented("segmentation_cleaner_apply", 0, real, month2);
    }

    @Test
    void cleanerApplyInConfigureNamesTheMissingColumn() {
        InputException e = assertThrows(InputException.class,
                () -> cleaned.model().apply(emptyLike(month2.drop("balance"))));
        assertTrue(e.getMessage().contains("'balance'"), e.getMessage());
    }

    @Test
    void modelsSurviveThePortBytes() {
        CleaningModel back = ModelBytes.load(cleaned.model().toBytes(), "the Cleaning Model port", CleaningModel::load);
        assertEquals(spec(cleaned.model().apply(month2).table()), spec(back.apply(month2).table()));
        assertEquals(cleaned.model().apply(month2).table().toString(), back.apply(month2).table().toString());
        SegmentationModel seg = ModelBytes.load(segmented.model().toBytes(), "the Segmentation Model port",
                SegmentationModel::load);
        assertEquals(segmented.model(), seg);
        InputException e = assertThrows(InputException.class, () -> ModelBytes.load(
                "{\"kind\":\"nonsense\"}".getBytes(StandardCharsets.UTF_8), "the Cleaning Model port",
                CleaningModel::load));
        assertTrue(e.getMessage().startsWith("the Cleaning Model port: "), e.getMessage());
    }

    @Test
    void selectorOutputsAreDocumented() {
        Map<String, String> v = new HashMap<>(NodeCatalog.byId("feature_selector").defaults());
        v.put("id.columns", "[\"customer_id\"]");
        FeatureSelection sel = FeatureSelector.fit(cleaned.table(),
                (org.example.segmentation.core.selection.SelectorConfig) NodeCatalog.byId("feature_selector").parse(v),
                Progress.NONE);
        assertDocumented("feature_selector", 0, sel.apply(cleaned.table()), cleaned.table());
        assertDocumented("feature_selector", 1, sel.report().toTable(), null);
    }

    @Test
    void segmenterAndAssignerOutputsAreDocumentedAndTheAssignSpecIsKnownBeforehand() {
        assertDocumented("customer_segmenter", 0, segmented.segmented(), cleaned.table());
        assertDocumented("customer_segmenter", 2, segmented.kSelection(), null);
        Table month2Cleaned = cleaned.model().apply(month2).table();
        Table real = segmented.model().assign(month2Cleaned);
        assertEquals(month2Cleaned.rowCount(), real.rowCount(), "assign keeps rows: the node keeps row ids");
        assertEquals(spec(real), spec(segmented.model().assign(emptyLike(month2Cleaned))));
        assertDocumented("segment_assigner", 0, real, month2Cleaned);
    }

    @Test
    void profilerOutputsAreDocumented() {
        Table withSegment = cleaned.table().append(segmented.segmented().column("segment"));
        SegmentProfile p = Profiler.profile(withSegment, (ProfilerConfig) NodeCatalog.byId("segment_profiler")
                .parse(NodeCatalog.byId("segment_profiler").defaults()), Progress.NONE);
        assertDocumented("segment_profiler", 0, p.profileTable(), null);
        assertDocumented("segment_profiler", 1, p.summaryTable(), null);
    }

    @Test
    void driftOutputsAreDocumented() {
        DriftConfig baselineConfig = (DriftConfig) NodeCatalog.byId("drift_baseline")
                .parse(NodeCatalog.byId("drift_baseline").defaults());
        Table ref = cleaned.table();
        Table cur = cleaned.model().apply(month2).table();
        var assigner = SegmentationModelAssigner.of(segmented.model());
        DriftBaseline baseline = DriftBaseline.fit(ref, baselineConfig, assigner, Progress.NONE);
        DriftBaseline back = ModelBytes.load(baseline.toBytes(), "the Drift Baseline port", DriftBaseline::load);
        NodeDoc monitorNode = NodeCatalog.byId("drift_monitor");
        DriftConfig config = back.config().forMonitoring(
                StepSettings.toEngine(monitorNode.step(), monitorNode.defaults(), monitorNode.specs()));
        DriftMonitor monitor = DriftMonitor.start(back, config, assigner, ref);
        monitor.accept(cur.selectRows(range(0, 400)));
        monitor.accept(cur.selectRows(range(400, cur.rowCount())));
        DriftReport report = monitor.finish();
        assertDocumented("drift_monitor", 0, report.featureTable(), null);
        assertDocumented("drift_monitor", 1, report.segmentTable(), null);
        assertDocumented("drift_monitor", 2, report.migrationTable(), null);
        assertTrue(report.summary().status() != null);
    }

    private static int[] range(int from, int to) {
        int[] r = new int[to - from];
        for (int i = 0; i < r.length; i++) {
            r[i] = from + i;
        }
        return r;
    }

    @Test
    void campaignOutputsAreDocumented() {
        NodeDoc control = NodeCatalog.byId("control_group_assigner");
        Map<String, String> v = new HashMap<>(control.defaults());
        v.put(ControlGroupConfig.KEY_SALT, "test-campaign");
        v.put(ControlGroupConfig.KEY_BALANCE_COVARIATES, "[\"age\",\"balance\"]");
        // the raw month has planted duplicate customers: the templates clean before assigning groups
        Table customers = cleaned.table();
        ControlGroupResult r = ControlGroupAssigner.assign(customers, (ControlGroupConfig) control.parse(v));
        assertDocumented("control_group_assigner", 0, r.groups(), customers);
        assertDocumented("control_group_assigner", 1, r.plan().toTable(), null);

        Table groups = r.table();
        double[] converted = new double[groups.rowCount()];
        for (int i = 0; i < converted.length; i++) {
            converted[i] = (i * 7919) % 10 < 2 ? 1 : 0;
        }
        Table withOutcome = groups.append(NumericColumn.of("converted", converted));
        NodeDoc uplift = NodeCatalog.byId("campaign_uplift");
        Map<String, String> u = new HashMap<>(uplift.defaults());
        u.put(UpliftConfig.KEY_OUTCOME_COLUMN, "converted");
        u.put(UpliftConfig.KEY_GROUP_COLUMN, Group.COLUMN);
        Table out = UpliftReadout.measure(withOutcome, (UpliftConfig) uplift.parse(u)).toTable();
        assertDocumented("campaign_uplift", 0, out, null);
    }
}
