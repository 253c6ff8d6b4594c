package org.example.segmentation.core.drift;

import org.example.segmentation.core.MultipleTesting;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/** PSI, Jensen-Shannon, quantile bins, reservoir, Wasserstein and Benjamini-Hochberg, against hand calculations. */
class StatisticsTest {

    /**
     * The PSI worked example of docs/drift.md. Reference counts 50, 30, 20; current counts 40, 30, 30 (100 each).
     * Smoothing adds 0.5 to every count: shares e = (50.5, 30.5, 20.5) / 101.5 and a = (40.5, 30.5, 30.5) / 101.5.
     * PSI = sum (a - e) ln(a / e):
     * <pre>
     *   bin 1: (40.5 - 50.5) / 101.5 * ln(40.5 / 50.5) = -0.0985222 * -0.2206714 = 0.0217410
     *   bin 2: 0
     *   bin 3: (30.5 - 20.5) / 101.5 * ln(30.5 / 20.5) =  0.0985222 *  0.3973018 = 0.0391430
     *   PSI = 0.0608841 (unsmoothed: 0.1 * (ln 1.25 + ln 1.5) = 0.0628609)
     * </pre>
     */
    @Test
    void psiWorkedExampleByHand() {
        long[] reference = {50, 30, 20};
        long[] current = {40, 30, 30};
        double bin1 = (40.5 - 50.5) / 101.5 * Math.log(40.5 / 50.5);
        double bin3 = (30.5 - 20.5) / 101.5 * Math.log(30.5 / 20.5);
        assertEquals(0.0217410, bin1, 1e-7);
        assertEquals(0.0391430, bin3, 1e-7);
        assertEquals(0.0608841, PopulationStability.psi(reference, current), 1e-7);
        assertArrayEquals(new double[] {bin1, 0, bin3}, PopulationStability.contributions(reference, current), 1e-15);
        assertEquals(0, PopulationStability.psi(reference, reference));
        // symmetric in its arguments
        assertEquals(PopulationStability.psi(current, reference), PopulationStability.psi(reference, current), 1e-15);
    }

    /**
     * An empty reference bin (a level the reference never had): 100 and 0 against 90 and 10. Smoothed shares
     * e = (100.5, 0.5) / 101, a = (90.5, 10.5) / 101; PSI = (-10/101) ln(90.5/100.5) + (10/101) ln(10.5/0.5)
     * = 0.0990099 * (0.1048079 + 3.0445224) = 0.3118149: finite, where the unsmoothed PSI is infinite.
     */
    @Test
    void psiOfAnEmptyBinIsFiniteThroughSmoothing() {
        assertEquals(0.3118149, PopulationStability.psi(new long[] {100, 0}, new long[] {90, 10}), 1e-7);
        assertTrue(Double.isNaN(PopulationStability.psi(new long[] {1, 2}, new long[] {0, 0})));
    }

    /** JS distance in bits: p = (1, 0), q = (0, 1) are disjoint (1); p = (0.5, 0.5), q = (1, 0) by hand. */
    @Test
    void jensenShannonDistance() {
        assertEquals(1.0, PopulationStability.jensenShannonDistance(new long[] {5, 0}, new long[] {0, 7}), 1e-12);
        assertEquals(0.0, PopulationStability.jensenShannonDistance(new long[] {2, 6}, new long[] {1, 3}), 1e-12);
        // m = (0.75, 0.25); JS = 0.5 (0.5 log2(0.5/0.75) + 0.5 log2(0.5/0.25)) + 0.5 (1 log2(1/0.75))
        double js = 0.5 * (0.5 * log2(0.5 / 0.75) + 0.5 * log2(2)) + 0.5 * log2(1 / 0.75);
        assertEquals(Math.sqrt(js), PopulationStability.jensenShannonDistance(new long[] {1, 1}, new long[] {4, 0}),
                1e-12);
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }

    @Test
    void quantileEdgesOfDistinctValuesAreDeciles() {
        double[] v = new double[100];
        for (int i = 0; i < 100; i++) {
            v[i] = i + 1;
        }
        assertArrayEquals(new double[] {10, 20, 30, 40, 50, 60, 70, 80, 90}, QuantileBins.edges(v, 10));
        // 1..10 in 2 bins: q = v[ceil(10/2) - 1] = 5; bins (-inf, 5] and (5, inf)
        assertArrayEquals(new double[] {5}, QuantileBins.edges(Arrays.copyOf(v, 10), 2));
        assertEquals(0, QuantileBins.binOf(new double[] {5}, 5), "bins are closed on the right");
        assertEquals(1, QuantileBins.binOf(new double[] {5}, 5.0001));
        assertEquals(0, QuantileBins.binOf(new double[] {5}, -1e9), "below the reference minimum: first bin");
        assertEquals(1, QuantileBins.binOf(new double[] {5}, 1e9), "above the maximum: last bin");
    }

    /** 45% zeros (a count like branch visits): the zero quantiles merge into one edge, and the zero bin holds all. */
    @Test
    void tiesMergeIntoOneBinHoldingThePointMass() {
        double[] v = new double[100];
        for (int i = 45; i < 100; i++) {
            v[i] = 1 + (i - 45) / 10; // 1 (10x), 2 (10x), ..., 6 (5x)
        }
        double[] edges = QuantileBins.edges(v, 10);
        assertArrayEquals(new double[] {0, 1, 2, 3, 4, 5}, edges);
        long zeros = Arrays.stream(v).filter(x -> QuantileBins.binOf(edges, x) == 0).count();
        assertEquals(45, zeros);
    }

    @Test
    void aFlagGetsTwoBinsAndAConstantOne() {
        double[] flag = new double[100];
        Arrays.fill(flag, 67, 100, 1.0); // 33% ones, like whatsapp_opt_in
        assertArrayEquals(new double[] {0}, QuantileBins.edges(flag, 10));
        double[] rareOnes = new double[100];
        rareOnes[99] = 1; // the 90% quantile is 0: still two bins
        assertArrayEquals(new double[] {0}, QuantileBins.edges(rareOnes, 10));
        double[] constant = new double[50];
        Arrays.fill(constant, 7);
        assertEquals(0, QuantileBins.edges(constant, 10).length);
    }

    @Test
    void reservoirIsBoundedUniformAndDeterministic() {
        Reservoir a = new Reservoir(1000, 5);
        Reservoir b = new Reservoir(1000, 5);
        for (int i = 0; i < 100_000; i++) {
            a.add(i);
            b.add(i);
        }
        assertEquals(1000, a.sorted().length);
        assertArrayEquals(a.sorted(), b.sorted());
        double mean = Arrays.stream(a.sorted()).average().orElseThrow();
        // uniform on 0..99999: mean 49999.5, sd of the sample mean 28867 / sqrt(1000) = 913
        assertEquals(49_999.5, mean, 4 * 913);
        Reservoir small = new Reservoir(1000, 5);
        small.add(3);
        small.add(1);
        assertArrayEquals(new double[] {1, 3}, small.sorted(), "fewer values than the capacity: all of them");
    }

    /**
     * W1 of two empirical distributions. Equal sizes: the mean absolute difference of the sorted values,
     * {1,2,3} vs {2,4,6}: (1 + 2 + 3) / 3 = 2. Unequal sizes: {0,1} vs {0,0,1}: F differ by 2/3 - 1/2 = 1/6 on [0, 1).
     */
    @Test
    void wassersteinByHand() {
        assertEquals(2.0, TwoSampleTests.wasserstein(new double[] {1, 2, 3}, new double[] {2, 4, 6}), 1e-12);
        assertEquals(1.0 / 6, TwoSampleTests.wasserstein(new double[] {0, 1}, new double[] {0, 0, 1}), 1e-12);
        assertEquals(0.0, TwoSampleTests.wasserstein(new double[] {1, 5}, new double[] {1, 5}));
        SplittableRandom r = new SplittableRandom(3);
        double[] x = new double[500];
        double[] y = new double[500];
        double sum = 0;
        for (int i = 0; i < 500; i++) {
            x[i] = r.nextDouble();
            y[i] = r.nextDouble() * 2;
        }
        Arrays.sort(x);
        Arrays.sort(y);
        for (int i = 0; i < 500; i++) {
            sum += Math.abs(x[i] - y[i]);
        }
        assertEquals(sum / 500, TwoSampleTests.wasserstein(x, y), 1e-12);
    }

    /**
     * p = 0.01, 0.04, 0.03, 0.005 (m = 4). Sorted: 0.005, 0.01, 0.03, 0.04; m p / rank: 0.02, 0.02, 0.04, 0.04;
     * running minimum from the top: 0.02, 0.02, 0.04, 0.04. A NaN is left out of m.
     */
    @Test
    void benjaminiHochbergByHand() {
        assertArrayEquals(new double[] {0.02, 0.04, 0.04, 0.02},
                MultipleTesting.benjaminiHochberg(new double[] {0.01, 0.04, 0.03, 0.005}), 1e-15);
        double[] withNaN = MultipleTesting.benjaminiHochberg(new double[] {0.01, Double.NaN, 0.04, 0.03, 0.005});
        assertTrue(Double.isNaN(withNaN[1]));
        assertEquals(0.02, withNaN[0], 1e-15);
        assertEquals(0.9, MultipleTesting.benjaminiHochberg(new double[] {0.9, 0.8})[0], 1e-15, "min(1, 2 x 0.9 / 2)");
    }
}
