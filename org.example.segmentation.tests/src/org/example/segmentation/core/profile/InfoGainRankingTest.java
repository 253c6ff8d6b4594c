package org.example.segmentation.core.profile;

import static org.example.segmentation.core.profile.ProfileStatisticsTest.profile;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;

import org.example.segmentation.core.table.CategoricalColumn;
import org.example.segmentation.core.table.NumericColumn;
import org.example.segmentation.core.table.Table;
import org.junit.jupiter.api.Test;

class InfoGainRankingTest {

    /**
     * 60 customers in two segments of 30. {@code separator} is below 10 in segment A and above 20 in B: it tells the
     * segment exactly, so its information gain is H(segment) = 1 bit. {@code noise} and {@code level} are drawn
     * independently of the segment. {@code weak} is shifted a little.
     */
    static Table separable() {
        SplittableRandom r = new SplittableRandom(11);
        int n = 60;
        String[] segment = new String[n];
        double[] noise = new double[n];
        double[] separator = new double[n];
        double[] weak = new double[n];
        String[] level = new String[n];
        for (int i = 0; i < n; i++) {
            boolean a = i % 2 == 0;
            segment[i] = a ? "A" : "B";
            noise[i] = r.nextDouble() * 100;
            separator[i] = a ? r.nextDouble() * 10 : 20 + r.nextDouble() * 10;
            weak[i] = r.nextDouble() * 10 + (a ? 0 : 2);
            level[i] = r.nextBoolean() ? "u" : "v";
        }
        return Table.of(CategoricalColumn.of("segment", segment), NumericColumn.of("noise", noise),
                CategoricalColumn.of("level", level), NumericColumn.of("weak", weak),
                NumericColumn.of("separator", separator));
    }

    @Test
    void aPerfectSeparatorRanksFirstWithOneBit() {
        SegmentProfile p = profile(separable());
        assertEquals("separator", p.infoGainRanking().get(0));
        assertEquals(1.0, p.infoGain("separator"), 1e-12, "H(segment) of two equal halves is 1 bit");
        assertEquals(0.0, p.infoGain("noise"), 1e-12, "MDL finds no split worth making in noise");
        assertTrue(p.infoGain("level") < 0.05, "level: " + p.infoGain("level"));
        assertEquals(1.0, ProfileStatisticsTest.longValue(p.profileTable(), SegmentProfile.POPULATION, "separator",
                null, "info_gain_rank"));
        assertTrue(p.descriptionText().contains(
                "Features that separate the segments best (information gain, Weka): separator 1.00 bits, "),
                p.descriptionText());
        // the effect ranking agrees on the first feature
        assertEquals("separator", p.ranking("A").get(0));
    }

    @Test
    void matchesWekaRunDirectly() throws Exception {
        Table t = separable();
        SegmentProfile p = profile(t);
        weka.core.Instances data = org.example.segmentation.core.weka.WekaBridge.toInstances(t, "segment");
        weka.attributeSelection.InfoGainAttributeEval eval = new weka.attributeSelection.InfoGainAttributeEval();
        eval.buildEvaluator(data);
        for (String f : List.of("noise", "level", "weak", "separator")) {
            assertEquals(eval.evaluateAttribute(data.attribute(f).index()), p.infoGain(f), 1e-12, f);
        }
    }

    @Test
    void largeTablesUseAnEvenlySpacedSample() {
        // 60 rows, at most 20: rows floor(i * 60 / 20) = 0, 3, 6, ..., 57; every third row, alternately A and B
        SegmentProfile p = profile(separable(), "info_gain.max_rows=20");
        assertEquals(1.0, p.infoGain("separator"), 1e-12, "the sample still has 10 + 10 customers");
        assertTrue(p.warnings().contains("information gain was computed on an evenly spaced sample of 20 of the 60 "
                + "customers (setting 'info_gain.max_rows')"), p.warnings().toString());
        Table t = separable();
        int[] rows = InfoGainRanking.rows(Segments.of(t.column("segment")), 20);
        assertEquals(20, rows.length);
        assertEquals(57, rows[19]);
        assertEquals(60, InfoGainRanking.rows(Segments.of(t.column("segment")), 0).length, "0 = every row");
        assertEquals(List.of(), profile(separable(), "info_gain.max_rows=60").warnings());
    }

    @Test
    void canBeTurnedOff() {
        SegmentProfile p = profile(separable(), "info_gain=false");
        assertEquals(List.of(), p.infoGainRanking());
        assertTrue(Double.isNaN(p.infoGain("separator")));
        assertTrue(p.profileTable().categorical("statistic").levels().stream().noneMatch(s -> s.startsWith("info")));
        assertEquals("separator", p.ranking("A").get(0), "the effect ranking does not need it");
    }
}
