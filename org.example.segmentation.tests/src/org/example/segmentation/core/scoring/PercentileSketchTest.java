package org.example.segmentation.core.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/**
 * {@link PercentileSketch.Mapper}'s indexed lookup gives bit for bit what the plain binary search over all knots gives
 * (the formula of the sketch's comment, written out again here), on every kind of sketch and value.
 */
class PercentileSketchTest {

    /** The plain formula: binary search over all knots, the knot's percentile, else interpolation, 0 below, 1 above. */
    private static double plain(double[] v, double[] p, double x) {
        if (!Double.isFinite(x)) {
            return Double.NaN;
        }
        int i = Arrays.binarySearch(v, x);
        if (i >= 0) {
            return p[i];
        }
        int hi = -i - 1;
        if (hi == 0) {
            return 0;
        }
        if (hi == v.length) {
            return 1;
        }
        int lo = hi - 1;
        return p[lo] + (p[hi] - p[lo]) * (x - v[lo]) / (v[hi] - v[lo]);
    }

    private static double[] unboxed(List<Double> a) {
        return a.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** Checks the mapper against the plain formula on the knots, their neighbours, midpoints, extremes and randoms. */
    private static int assertSameAsPlain(PercentileSketch sketch, SplittableRandom r, String what) {
        double[] v = unboxed(sketch.values());
        double[] p = unboxed(sketch.percentiles());
        PercentileSketch.Mapper m = sketch.mapper();
        List<Double> xs = new ArrayList<>(List.of(Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 0.0,
                -0.0, Double.MIN_VALUE, -Double.MIN_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, 1e300, -1e300));
        for (int k = 0; k < v.length; k++) {
            xs.add(v[k]);
            xs.add(-v[k]);
            xs.add(Math.nextUp(v[k]));
            xs.add(Math.nextDown(v[k]));
            if (k > 0) {
                xs.add((v[k - 1] + v[k]) / 2);
                xs.add(v[k - 1] + (v[k] - v[k - 1]) * r.nextDouble());
            }
        }
        double lo = v[0];
        double hi = v[v.length - 1];
        double width = Math.max(1, hi - lo);
        for (int i = 0; i < 20_000; i++) {
            xs.add(lo - width / 4 + r.nextDouble() * width * 1.5);
        }
        for (double x : xs) {
            double expected = plain(v, p, x);
            double got = m.percentile(x);
            assertEquals(Double.doubleToRawLongBits(expected), Double.doubleToRawLongBits(got),
                    () -> what + ": x = " + x + " (" + Double.toHexString(x) + "): plain " + expected + ", got " + got);
        }
        return xs.size();
    }

    @Test
    void midPercentilesAndInterpolationByHand() {
        // Reference {1, 2, 3, 4, 5}: one knot per value at P(X < v) + P(X = v) / 2 = 0.1, 0.3, 0.5, 0.7, 0.9.
        PercentileSketch s = PercentileSketch.fit(new double[] {5, 3, 1, 4, 2}, 5);
        PercentileSketch.Mapper m = s.mapper();
        assertEquals(0.1, m.percentile(1), 0);
        assertEquals(0.9, m.percentile(5), 0);
        assertEquals(0.3 + (0.5 - 0.3) * 0.25, m.percentile(2.25), 1e-15); // a quarter of the way from 2 to 3
        assertEquals(0, m.percentile(0.999), 0);
        assertEquals(1, m.percentile(5.001), 0);
        assertTrue(Double.isNaN(m.percentile(Double.NaN)));
        assertTrue(Double.isNaN(m.percentile(Double.NEGATIVE_INFINITY)));
    }

    @Test
    void sameBitsAsThePlainBinarySearchOnEveryKindOfSketch() {
        SplittableRandom r = new SplittableRandom(20261122);
        int checked = 0;
        // Continuous (1001 quantile knots), skewed (log-normal, heavy tail), negative, counts, a 0/1 flag, ties.
        for (int round = 0; round < 5; round++) {
            int n = 2_000 + r.nextInt(20_000);
            double[][] data = new double[7][n];
            for (int i = 0; i < n; i++) {
                double g = r.nextGaussian();
                data[0][i] = g * 37.5 + 100;
                data[1][i] = Math.exp(2 * g) * 1000;
                data[2][i] = -Math.exp(g) - 1e-3 * r.nextDouble();
                data[3][i] = Math.floor(Math.abs(g) * 20);
                data[4][i] = r.nextDouble() < 0.7 ? 0 : 1;
                data[5][i] = Math.round(r.nextDouble() * 1000) / 1000.0; // rates with 3 decimals: many ties
                data[6][i] = i % 3 == 0 ? -0.0 : i % 3 == 1 ? 0.0 : Math.floor(r.nextDouble() * 5);
            }
            for (int d = 0; d < data.length; d++) {
                checked += assertSameAsPlain(PercentileSketch.fit(data[d], n), r, "data " + d + ", round " + round);
            }
        }
        // Hand-made sketches: one knot, two knots, knots at -0.0 and at 0.0 first, a range too wide to divide,
        // knots a few ulps apart, values spread over many magnitudes.
        List<double[][]> made = List.of(
                new double[][] {{42}, {0.5}},
                new double[][] {{0, 1}, {0.35, 0.85}},
                new double[][] {{-0.0, 1, 2}, {0.2, 0.5, 0.9}},
                new double[][] {{0.0, 1, 2}, {0.2, 0.5, 0.9}},
                new double[][] {{-1, 0.0}, {0.3, 0.7}},
                new double[][] {{-Double.MAX_VALUE, 0, Double.MAX_VALUE}, {0, 0.5, 1}},
                new double[][] {{1, Math.nextUp(1.0), Math.nextUp(Math.nextUp(1.0)), 2}, {0.1, 0.2, 0.3, 1}},
                new double[][] {{1e-300, 1e-10, 1, 1e10, 1e300}, {0, 0.25, 0.5, 0.75, 1}},
                new double[][] {{1, 2, 3, 1e6}, {0.25, 0.25, 0.5, 1}});
        for (double[][] k : made) {
            PercentileSketch s = new PercentileSketch(box(k[0]), box(k[1]));
            s.validate("made");
            checked += assertSameAsPlain(s, r, "made " + Arrays.toString(k[0]));
        }
        assertTrue(checked > 500_000, "values checked: " + checked);
    }

    private static List<Double> box(double[] a) {
        return Arrays.stream(a).boxed().toList();
    }
}
