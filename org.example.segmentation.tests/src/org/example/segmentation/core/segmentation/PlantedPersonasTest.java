package org.example.segmentation.core.segmentation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.example.segmentation.core.Progress;
import org.example.segmentation.core.cleaning.Cleaner;
import org.example.segmentation.core.cleaning.CleanerConfig;
import org.example.segmentation.core.cleaning.CleaningResult;
import org.example.segmentation.core.cluster.AdjustedRandIndex;
import org.example.segmentation.core.cluster.Hungarian;
import org.example.segmentation.core.cluster.Matrix;
import org.example.segmentation.core.generator.CustomerColumns;
import org.example.segmentation.core.generator.CustomerGenerator;
import org.example.segmentation.core.generator.GeneratorConfig;
import org.example.segmentation.core.settings.Settings;
import org.example.segmentation.core.table.Column;
import org.example.segmentation.core.table.NumericColumn;
import org.example.segmentation.core.table.Table;
import org.example.segmentation.core.weka.WekaBridge;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import weka.clusterers.SimpleKMeans;
import weka.core.EuclideanDistance;
import weka.core.Instances;
import weka.core.SelectedTag;

/**
 * The planted personas of the customer generator, recovered by segmenting its cleaned output: 10,000 rows with
 * planted problems, cleaned with the default settings (customer_id as identifier), the truth columns excluded from
 * the features.
 */
class PlantedPersonasTest {

    private static final String EXCLUDE_TRUTH = "exclude=" + Settings.formatList(CustomerColumns.TRUTH);
    private static final String DIGITAL = "features=" + Settings.formatList(CustomerColumns.DIGITAL_BEHAVIOUR);

    private static CleaningResult month1;
    private static int[] truth;

    @BeforeAll
    static void generateAndClean() {
        Table raw = CustomerGenerator.generate(new GeneratorConfig(10_000, 42L, 1, true, true), Progress.NONE);
        month1 = clean(raw);
        truth = month1.table().categorical(CustomerColumns.TRUE_PERSONA).codes();
    }

    static CleaningResult clean(Table raw) {
        return Cleaner.fit(raw, CleanerConfig.fromSettings(Settings.of(Map.of("id.columns", "customer_id"))));
    }

    private static SegmentationResult segment(CleaningResult cleaned, String... settings) {
        List<String> all = new ArrayList<>(List.of(settings));
        all.add(EXCLUDE_TRUTH);
        return Segmenter.fit(cleaned.table(), SegmentationFixtures.config(all.toArray(new String[0])),
                FitContext.none().withCleaning(cleaned.model()), Progress.NONE);
    }

    private static double ari(SegmentationResult r) {
        return AdjustedRandIndex.of(truth, SegmentationFixtures.segments(r.segmented()));
    }

    /**
     * k = 6 on the 11 digital-behaviour features, z-scored by the cleaner (after its 1/99 percentile caps).
     * Measured ARI 0.539 (the generator's documentation reports 0.54 on raw z-scores); asserted with a margin.
     * Our inertia is compared with Weka's SimpleKMeans (k-means++, seed 42, no normalisation) on the same feature
     * matrix: ours (best of 4 restarts) must not be higher.
     */
    @Test
    void sixSegmentsOnTheDigitalFeatures() throws Exception {
        SegmentationResult r = segment(month1, "k=6", DIGITAL);
        double ari = ari(r);
        System.out.println("planted personas, digital features, k=6: ARI " + ari + ", inertia "
                + r.model().quality().inertia());
        assertTrue(ari > 0.52, "ARI " + ari); // measured 0.539

        Matrix m = r.model().featureSpace().matrix(month1.table());
        double weka = wekaInertia(m, r.model().featureSpace().dimensionNames(), 6, 42);
        double ours = r.model().quality().inertia();
        System.out.println("inertia ours " + ours + ", Weka SimpleKMeans " + weka);
        assertTrue(ours <= weka * (1 + 1e-9), "ours " + ours + " vs Weka " + weka);
    }

    /**
     * k = 6 on every cleaned feature but the truth (23 features: 20 numeric, and gender, region and preferred_channel
     * one-hot, 40 dimensions). The life-stage structure (age, income, tenure, balances) competes with the personas, so
     * the ARI against true_persona is lower: measured 0.389.
     */
    @Test
    void sixSegmentsOnAllFeatures() throws Exception {
        SegmentationResult r = segment(month1, "k=6");
        assertEquals(23, r.model().featureNames().size());
        assertEquals(40, r.model().featureSpace().dimensions());
        double ari = ari(r);
        System.out.println("planted personas, all features, k=6: ARI " + ari);
        assertTrue(ari > 0.36, "ARI " + ari); // measured 0.389
        double weka = wekaInertia(r.model().featureSpace().matrix(month1.table()),
                r.model().featureSpace().dimensionNames(), 6, 42);
        assertTrue(r.model().quality().inertia() <= weka * (1 + 1e-9), r.model().quality().inertia() + " vs " + weka);
    }

    /**
     * With the five count features log1p-transformed before cleaning (as the generator's author did), k = 6 on the
     * digital features: measured ARI 0.721 (documented: 0.72).
     */
    @Test
    void log1pCountsSeparateThePersonasBetter() {
        Table raw = CustomerGenerator.generate(new GeneratorConfig(10_000, 42L, 1, true, true), Progress.NONE);
        for (String c : List.of(CustomerColumns.APP_LOGINS_30D, CustomerColumns.WEB_SESSIONS_30D,
                CustomerColumns.DIGITAL_PAYMENTS_30D, CustomerColumns.PHONE_CONTACTS_90D,
                CustomerColumns.BRANCH_VISITS_90D)) {
            double[] v = raw.numeric(c).toArray();
            for (int i = 0; i < v.length; i++) {
                v[i] = Math.log1p(v[i]);
            }
            raw = raw.replace(NumericColumn.of(c, v));
        }
        CleaningResult cleaned = clean(raw);
        SegmentationResult r = segment(cleaned, "k=6", DIGITAL);
        double ari = AdjustedRandIndex.of(cleaned.table().categorical(CustomerColumns.TRUE_PERSONA).codes(),
                SegmentationFixtures.segments(r.segmented()));
        System.out.println("planted personas, log1p digital features, k=6: ARI " + ari);
        assertTrue(ari > 0.70, "ARI " + ari); // measured 0.721
    }

    /**
     * Automatic k on the digital features. The personas overlap at their borders, so the rule does not find 6:
     * measured k = 4 (mainstreamers merged with neighbours), ARI 0.43.
     */
    @Test
    void automaticKOnTheDigitalFeatures() {
        SegmentationResult r = segment(month1, DIGITAL);
        double ari = ari(r);
        System.out.println("planted personas, digital features, automatic k: k=" + r.model().k() + ", ARI " + ari
                + "; " + r.model().kSelection().reason());
        assertEquals(9, r.kSelection().rowCount());
        assertTrue(r.model().k() >= 3 && r.model().k() <= 6, "k " + r.model().k());
        assertTrue(ari > 0.35, "ARI " + ari);
    }

    /**
     * The default starts per stability refit ({@code stability.restarts=3}) choose the k that the full refits
     * ({@code stability.restarts=0}: 10 starts, as many as the fits) choose, on all features, with the default
     * k-selection settings (5 refits, 10 restarts). One or two starts per refit do not: they move the choice from 2
     * to 5 (measured; docs/segmentation.md, "Starts of a stability refit"), so this guards the default.
     */
    @Test
    void defaultRefitStartsChooseWhatFullRefitsChoose() {
        List<String> defaults = List.of(EXCLUDE_TRUTH, "threads=2");
        SegmenterConfig full = SegmenterConfig.fromSettings(Settings.parse(concat(defaults, "stability.restarts=0")));
        SegmenterConfig cheap = SegmenterConfig.fromSettings(Settings.parse(defaults));
        assertEquals(3, cheap.selection().bootstrapRestarts());
        assertEquals(10, cheap.restarts());
        SegmentationModel a = Segmenter.fit(month1.table(), full, FitContext.none().withCleaning(month1.model()),
                Progress.NONE).model();
        SegmentationModel b = Segmenter.fit(month1.table(), cheap, FitContext.none().withCleaning(month1.model()),
                Progress.NONE).model();
        assertEquals(a.k(), b.k(), a.kSelection().reason() + " / " + b.kSelection().reason());
        assertEquals(a.kSelection().reason(), b.kSelection().reason());
    }

    private static List<String> concat(List<String> a, String b) {
        List<String> all = new ArrayList<>(a);
        all.add(b);
        return all;
    }

    /**
     * Month 2 (5% gone, 6% new, analogs -> mainstreamers 20%, mainstreamers -> nomads 10%, app logins x2, payments
     * x1.76, branch visits x0.51), cleaned with month 1's cleaning model and segmented with month 1's segmentation as
     * the previous model: every month-2 segment keeps the id of the month-1 segment its staying customers mostly came
     * from, and names carry over.
     */
    @Test
    void idsCarryOverToTheNextMonth() {
        SegmentationModel first = segment(month1, "k=6", DIGITAL, "name.S1=Largest in January").model();
        Table raw2 = CustomerGenerator.generate(new GeneratorConfig(10_000, 42L, 2, true, true), Progress.NONE);
        Table cleaned2 = month1.model().apply(raw2).table();
        SegmentationResult second = Segmenter.fit(cleaned2, SegmentationFixtures.config("k=6", DIGITAL,
                EXCLUDE_TRUTH), FitContext.none().withCleaning(month1.model()).withPrevious(first), Progress.NONE);
        SegmentationModel m2 = second.model();
        assertEquals(first.segmentIds(), m2.segmentIds(), "all six carried over");
        assertEquals("Largest in January", m2.segment("S1").orElseThrow().name());

        // staying customers: month-1 segment (by the month-1 model) against month-2 segment (by the month-2 model)
        Map<String, String> before = segmentById(first.assign(month1.table()));
        Map<String, String> after = segmentById(second.segmented());
        Map<String, Map<String, Integer>> overlap = new HashMap<>();
        int stayers = 0;
        for (Map.Entry<String, String> e : after.entrySet()) {
            String old = before.get(e.getKey());
            if (old != null) {
                stayers++;
                overlap.computeIfAbsent(e.getValue(), x -> new HashMap<>()).merge(old, 1, Integer::sum);
            }
        }
        assertTrue(stayers > 9000, "stayers " + stayers);
        // the one-to-one matching of segments that keeps the most staying customers together (Hungarian on the
        // overlap counts) pairs every month-2 segment with the month-1 segment of the same id
        List<String> names1 = first.segmentNames();
        List<String> names2 = m2.segmentNames();
        double[][] cost = new double[6][6];
        StringBuilder report = new StringBuilder();
        int mostlyKept = 0;
        for (int a = 0; a < 6; a++) {
            Map<String, Integer> from = overlap.get(names2.get(a));
            for (int b = 0; b < 6; b++) {
                cost[a][b] = -from.getOrDefault(names1.get(b), 0);
            }
            String mostly = from.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
            mostlyKept += mostly.equals(names2.get(a)) ? 1 : 0;
            report.append(m2.segmentIds().get(a)).append(" <- ").append(from).append("; ");
        }
        System.out.println("carry-over on the generator's month 2 (stayers by month-1 segment): " + report);
        int[] best = Hungarian.minimumCost(cost);
        for (int a = 0; a < 6; a++) {
            assertEquals(a, best[a], "month-2 " + m2.segmentIds().get(a) + ": " + report);
        }
        // measured: 5 of 6 month-2 segments take most of their staying customers from the segment of the same id;
        // the sixth (S5) is a mix of month-1 S2 (which kept most of its customers in S2) and S5
        assertTrue(mostlyKept >= 5, report.toString());
    }

    private static Map<String, String> segmentById(Table assigned) {
        Map<String, String> out = new HashMap<>();
        for (int i = 0; i < assigned.rowCount(); i++) {
            out.put(assigned.text(CustomerColumns.CUSTOMER_ID).value(i),
                    assigned.categorical(SegmentationModel.SEGMENT).level(i));
        }
        return out;
    }

    /** Weka SimpleKMeans' sum of squared errors on the rows of {@code m}: k-means++, no normalisation, one run. */
    static double wekaInertia(Matrix m, List<String> names, int k, int seed) throws Exception {
        List<Column> columns = new ArrayList<>();
        for (int j = 0; j < m.columns(); j++) {
            columns.add(NumericColumn.of(names.get(j), m.column(j)));
        }
        Instances data = WekaBridge.toInstances(Table.of(columns));
        SimpleKMeans km = new SimpleKMeans();
        km.setNumClusters(k);
        km.setSeed(seed);
        km.setInitializationMethod(new SelectedTag(SimpleKMeans.KMEANS_PLUS_PLUS, SimpleKMeans.TAGS_SELECTION));
        EuclideanDistance distance = new EuclideanDistance();
        distance.setDontNormalize(true);
        km.setDistanceFunction(distance);
        km.setMaxIterations(1000);
        km.buildClusterer(data);
        return km.getSquaredError();
    }
}
