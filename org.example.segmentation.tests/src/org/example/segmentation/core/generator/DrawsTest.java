package org.example.segmentation.core.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/**
 * The random variates have the documented moments. With n = 200,000 draws the standard error of a mean is
 * {@code sd / 447}; the tolerances are about five standard errors.
 */
class DrawsTest {
    private static final int N = 200_000;

    @Test
    void normalHasMeanZeroVarianceOneAndNormalTails() {
        SplittableRandom r = new SplittableRandom(1);
        double s = 0;
        double s2 = 0;
        double s4 = 0;
        int beyond2 = 0;
        int beyondR = 0;
        for (int i = 0; i < N; i++) {
            double x = Draws.normal(r);
            s += x;
            s2 += x * x;
            s4 += x * x * x * x;
            beyond2 += Math.abs(x) > 2 ? 1 : 0;
            beyondR += Math.abs(x) > 3.442619855899 ? 1 : 0;
        }
        assertEquals(0, s / N, 0.012);
        assertEquals(1, s2 / N, 0.016);
        assertEquals(3, s4 / N, 0.08); // kurtosis
        assertEquals(0.0455, beyond2 / (double) N, 0.0025); // P(|Z| > 2)
        assertEquals(0.000576, beyondR / (double) N, 0.0003); // the ziggurat's tail beyond R
    }

    @Test
    void gammaHasMeanAndVarianceShape() {
        for (double shape : new double[] { 0.4, 1, 2.5, 10 }) {
            SplittableRandom r = new SplittableRandom(2);
            double s = 0;
            double s2 = 0;
            for (int i = 0; i < N; i++) {
                double x = Draws.gamma(r, shape);
                assertTrue(x >= 0);
                s += x;
                s2 += x * x;
            }
            double mean = s / N;
            assertEquals(shape, mean, 5 * Math.sqrt(shape / N), "shape " + shape);
            assertEquals(shape, s2 / N - mean * mean, 0.04 * shape + 0.02, "variance, shape " + shape);
        }
    }

    @Test
    void poissonHasMeanAndVarianceLambda() {
        for (double lambda : new double[] { 0, 0.3, 4, 9.99, 10, 37, 250 }) {
            SplittableRandom r = new SplittableRandom(3);
            double s = 0;
            double s2 = 0;
            for (int i = 0; i < N; i++) {
                int k = Draws.poisson(r, lambda);
                assertTrue(k >= 0);
                s += k;
                s2 += (double) k * k;
            }
            double mean = s / N;
            assertEquals(lambda, mean, 5 * Math.sqrt(lambda / N) + 1e-9, "lambda " + lambda);
            assertEquals(lambda, s2 / N - mean * mean, 0.03 * lambda + 1e-9, "variance, lambda " + lambda);
        }
    }

    @Test
    void betaHasTheRequestedMean() {
        SplittableRandom r = new SplittableRandom(4);
        double s = 0;
        for (int i = 0; i < N; i++) {
            double x = Draws.beta(r, 0.3, 20);
            assertTrue(x > 0 && x < 1);
            s += x;
        }
        assertEquals(0.3, s / N, 0.001);
    }

    @Test
    void belowAndGeometric() {
        SplittableRandom r = new SplittableRandom(5);
        int[] counts = new int[7];
        double geometric = 0;
        for (int i = 0; i < N; i++) {
            counts[Draws.below(r, 7)]++;
            geometric += Draws.geometric(r, 0.25);
        }
        for (int c : counts) {
            assertEquals(N / 7.0, c, 5 * Math.sqrt(N / 7.0));
        }
        assertEquals(3.0, geometric / N, 0.05); // (1 - p) / p
    }

    @Test
    void expIsAccurateToAnUlp() {
        SplittableRandom r = new SplittableRandom(6);
        for (int i = 0; i < 100_000; i++) {
            double x = -700 + 1400 * r.nextDouble();
            double expected = StrictMath.exp(x);
            assertEquals(expected, Draws.exp(x), 2.5e-16 * expected, "exp(" + x + ")");
        }
        assertEquals(1.0, Draws.exp(0));
        assertEquals(Double.POSITIVE_INFINITY, Draws.exp(1000));
        assertEquals(0.0, Draws.exp(-1000));
    }

    @Test
    void roundingToDecimals() {
        assertEquals(2134.57, Draws.round(2134.5678, 2));
        assertEquals(0.123, Draws.round(0.12345, 3));
        assertEquals(-1.5, Draws.round(-1.54, 1));
    }

    @Test
    void streamsDependOnEveryKeyPart() {
        long a = Draws.stream(1, 2, 3).nextLong();
        assertEquals(a, Draws.stream(1, 2, 3).nextLong());
        assertTrue(a != Draws.stream(2, 2, 3).nextLong());
        assertTrue(a != Draws.stream(1, 3, 3).nextLong());
        assertTrue(a != Draws.stream(1, 2, 4).nextLong());
    }

    /** Golden values: these bits must never change, or every generated table changes. */
    @Test
    void goldenDraws() {
        SplittableRandom r = Draws.stream(42, 1, 1);
        StringBuilder sb = new StringBuilder();
        sb.append(Draws.normal(r)).append(' ').append(Draws.gamma(r, 2.5)).append(' ')
                .append(Draws.poisson(r, 3.5)).append(' ').append(Draws.poisson(r, 42.0)).append(' ')
                .append(Draws.beta(r, 0.4, 12));
        assertEquals(GOLDEN, sb.toString());
    }

    static final String GOLDEN = "1.3682328027623987 1.2932758832388156 2 34 0.38969609878281714";
}
