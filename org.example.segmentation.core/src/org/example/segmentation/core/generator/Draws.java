package org.example.segmentation.core.generator;

import java.util.SplittableRandom;

/**
 * Random variates for the generator, built only on {@link SplittableRandom#nextLong()} and
 * {@link SplittableRandom#nextDouble()} (whose algorithms are specified) and on {@link StrictMath}, so that
 * the same seed gives the same bits on every JVM and CPU. The JDK's own {@code nextGaussian} and bounded
 * {@code nextInt} are deliberately not used: their algorithms are not part of the specification.
 *
 * <p>Every method consumes a variable but deterministic number of values from the stream.
 */
final class Draws {
    private static final long GOLDEN = 0x9E3779B97F4A7C15L;
    private static final double[] LOG_FACTORIAL = new double[256];

    static {
        double sum = 0;
        for (int k = 1; k < LOG_FACTORIAL.length; k++) {
            sum += StrictMath.log(k);
            LOG_FACTORIAL[k] = sum;
        }
    }

    private Draws() {
    }

    /** The SplitMix64 finaliser (Stafford's mix 13): a bijection of {@code long} with good avalanche. */
    static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** A 64-bit key for the triple {@code (seed, a, b)}, well mixed in every argument. */
    static long key(long seed, long a, long b) {
        return mix64(mix64(mix64(seed + GOLDEN) + a * GOLDEN) ^ (b + 0x632BE59BD9B4E019L));
    }

    /** An independent stream for the triple {@code (seed, a, b)}, e.g. (seed, customer number, stream id). */
    static SplittableRandom stream(long seed, long a, long b) {
        return new SplittableRandom(key(seed, a, b));
    }

    /** Uniform on [0, 1). */
    static double uniform(SplittableRandom r) {
        return r.nextDouble();
    }

    /**
     * Uniform integer on {@code [0, bound)}, {@code bound >= 1}, by the multiply-shift method: no loop; each
     * value's probability is off by at most {@code bound / 2^32} relative (2e-4 for a million).
     */
    static int below(SplittableRandom r, int bound) {
        return (int) (((r.nextLong() >>> 32) * bound) >>> 32);
    }

    static boolean bernoulli(SplittableRandom r, double p) {
        return r.nextDouble() < p;
    }

    // Ziggurat tables (Marsaglia and Tsang 2000, 128 layers), computed with StrictMath: identical everywhere.
    private static final double ZIGGURAT_R = 3.442619855899;
    private static final int[] ZIG_K = new int[128];
    private static final double[] ZIG_W = new double[128];
    private static final double[] ZIG_F = new double[128];

    static {
        double m1 = 2147483648.0;
        double dn = ZIGGURAT_R;
        double tn = dn;
        double vn = 9.91256303526217e-3;
        double q = vn / exp(-0.5 * dn * dn);
        ZIG_K[0] = (int) ((dn / q) * m1);
        ZIG_K[1] = 0;
        ZIG_W[0] = q / m1;
        ZIG_W[127] = dn / m1;
        ZIG_F[0] = 1.0;
        ZIG_F[127] = exp(-0.5 * dn * dn);
        for (int i = 126; i >= 1; i--) {
            dn = StrictMath.sqrt(-2 * StrictMath.log(vn / dn + exp(-0.5 * dn * dn)));
            ZIG_K[i + 1] = (int) ((dn / tn) * m1);
            tn = dn;
            ZIG_F[i] = exp(-0.5 * dn * dn);
            ZIG_W[i] = dn / m1;
        }
    }

    /**
     * Standard normal by the ziggurat method (Marsaglia and Tsang 2000, 128 layers): about 99% of draws cost one
     * {@code nextLong} and a table look-up. The layer comes from the low 7 bits, the signed value from the high
     * 32 bits of the same {@code long}, so they are independent.
     */
    static double normal(SplittableRandom r) {
        while (true) {
            long bits = r.nextLong();
            int hz = (int) (bits >> 32);
            int iz = (int) (bits & 127);
            if (Math.abs(hz) < ZIG_K[iz]) {
                return hz * ZIG_W[iz];
            }
            double x = hz * ZIG_W[iz];
            if (iz == 0) {
                // The tail beyond R, by Marsaglia's method.
                double y;
                do {
                    x = -StrictMath.log(1 - r.nextDouble()) / ZIGGURAT_R;
                    y = -StrictMath.log(1 - r.nextDouble());
                } while (y + y < x * x);
                return hz > 0 ? ZIGGURAT_R + x : -ZIGGURAT_R - x;
            }
            if (ZIG_F[iz] + r.nextDouble() * (ZIG_F[iz - 1] - ZIG_F[iz]) < exp(-0.5 * x * x)) {
                return x;
            }
        }
    }

    /** Normal with the given mean and standard deviation, redrawn until it falls in {@code [lo, hi]}. */
    static double truncatedNormal(SplittableRandom r, double mean, double sd, double lo, double hi) {
        while (true) {
            double x = mean + sd * normal(r);
            if (x >= lo && x <= hi) {
                return x;
            }
        }
    }

    /** Log-normal with the given median and log-scale standard deviation. */
    static double logNormal(SplittableRandom r, double median, double sigma) {
        return median * exp(sigma * normal(r));
    }

    /** Gamma with the given shape and scale 1 (Marsaglia and Tsang 2000; boosted for shape below 1). */
    static double gamma(SplittableRandom r, double shape) {
        if (shape < 1) {
            double u = r.nextDouble();
            return gamma(r, shape + 1) * StrictMath.pow(u, 1 / shape);
        }
        double d = shape - 1.0 / 3;
        double c = 1 / StrictMath.sqrt(9 * d);
        while (true) {
            double x = normal(r);
            double v = 1 + c * x;
            if (v <= 0) {
                continue;
            }
            v = v * v * v;
            double u = r.nextDouble();
            if (u < 1 - 0.0331 * x * x * x * x) {
                return d * v;
            }
            if (StrictMath.log(u) < 0.5 * x * x + d * (1 - v + StrictMath.log(v))) {
                return d * v;
            }
        }
    }

    /** Gamma with mean 1 and the given shape (variance {@code 1/shape}): a multiplicative intensity. */
    static double unitGamma(SplittableRandom r, double shape) {
        return gamma(r, shape) / shape;
    }

    /** Beta with the given mean (in (0,1)) and concentration {@code a + b}. */
    static double beta(SplittableRandom r, double mean, double concentration) {
        double x = gamma(r, mean * concentration);
        double y = gamma(r, (1 - mean) * concentration);
        return x / (x + y);
    }

    /**
     * Poisson with mean {@code lambda >= 0}: multiplication of uniforms below 10, else Hörmann's transformed
     * rejection with squeeze (PTRS, 1993), the method numpy uses.
     */
    static int poisson(SplittableRandom r, double lambda) {
        if (lambda <= 0) {
            return 0;
        }
        if (lambda < 10) {
            double limit = exp(-lambda);
            double prod = r.nextDouble();
            int k = 0;
            while (prod > limit) {
                prod *= r.nextDouble();
                k++;
            }
            return k;
        }
        double slam = StrictMath.sqrt(lambda);
        double b = 0.931 + 2.53 * slam;
        double a = -0.059 + 0.02483 * b;
        double vr = 0.9277 - 3.6224 / (b - 2);
        double loglam = Double.NaN; // computed when first needed: most draws are accepted without it
        double invalpha = 1.1239 + 1.1328 / (b - 3.4);
        while (true) {
            double u = r.nextDouble() - 0.5;
            double v = r.nextDouble();
            double us = 0.5 - Math.abs(u);
            long k = (long) Math.floor((2 * a / us + b) * u + lambda + 0.43);
            if (us >= 0.07 && v <= vr) {
                return (int) k;
            }
            if (k < 0 || (us < 0.013 && v > us)) {
                continue;
            }
            if (Double.isNaN(loglam)) {
                loglam = StrictMath.log(lambda);
            }
            if (StrictMath.log(v * invalpha / (a / (us * us) + b)) <= -lambda + k * loglam - logFactorial(k)) {
                return (int) k;
            }
        }
    }

    /** {@code ln(k!)}: a table below 256, else Stirling's series (error below 1e-12). */
    static double logFactorial(long k) {
        if (k < LOG_FACTORIAL.length) {
            return LOG_FACTORIAL[(int) k];
        }
        double n = k;
        double inv = 1 / n;
        return n * StrictMath.log(n) - n + 0.5 * StrictMath.log(2 * Math.PI * n)
                + inv / 12 - inv * inv * inv / 360;
    }

    /** Failures before the first success, success probability {@code p} in (0, 1]. */
    static int geometric(SplittableRandom r, double p) {
        if (p >= 1) {
            return 0;
        }
        double u = 1 - r.nextDouble(); // (0, 1]
        return (int) Math.floor(StrictMath.log(u) / StrictMath.log(1 - p));
    }

    /** An index drawn with the given probabilities, given as cumulative sums ending at 1. */
    static int categorical(SplittableRandom r, double[] cumulative) {
        double u = r.nextDouble();
        for (int i = 0; i < cumulative.length - 1; i++) {
            if (u < cumulative[i]) {
                return i;
            }
        }
        return cumulative.length - 1;
    }

    /** Cumulative sums of {@code shares}, normalised so that the last is exactly 1. */
    static double[] cumulative(double... shares) {
        double total = 0;
        for (double s : shares) {
            total += s;
        }
        double[] out = new double[shares.length];
        double run = 0;
        for (int i = 0; i < shares.length; i++) {
            run += shares[i];
            out[i] = run / total;
        }
        out[out.length - 1] = 1;
        return out;
    }

    static double logistic(double x) {
        return 1 / (1 + exp(-x));
    }

    private static final double LN2_HI = 0.6931471803691238; // the high 33 bits of ln 2
    private static final double LN2_LO = 1.9082149292705877e-10; // ln 2 - LN2_HI
    private static final double INV_LN2 = 1.4426950408889634;

    /**
     * {@code e^x} with a relative error below 1e-15, from IEEE arithmetic only (strict in Java 17), hence
     * identical on every JVM and CPU like {@link StrictMath#exp} but several times faster: reduction to
     * {@code x = k ln 2 + r} with {@code |r| <= ln(2)/2}, a degree-13 Taylor polynomial for {@code e^r}, and an
     * exact scaling by {@code 2^k}.
     */
    static double exp(double x) {
        if (x > 709.78) {
            return Double.POSITIVE_INFINITY;
        }
        if (x < -745.2) {
            return 0;
        }
        if (Double.isNaN(x)) {
            return x;
        }
        double k = Math.rint(x * INV_LN2);
        double r = (x - k * LN2_HI) - k * LN2_LO;
        double p = 1 + r / 13;
        p = 1 + r / 12 * p;
        p = 1 + r / 11 * p;
        p = 1 + r / 10 * p;
        p = 1 + r / 9 * p;
        p = 1 + r / 8 * p;
        p = 1 + r / 7 * p;
        p = 1 + r / 6 * p;
        p = 1 + r / 5 * p;
        p = 1 + r / 4 * p;
        p = 1 + r / 3 * p;
        p = 1 + r / 2 * p;
        p = 1 + r * p;
        return Math.scalb(p, (int) k);
    }

    /** {@code v} rounded half-up to {@code decimals} decimals (0..6), as the nearest double. */
    static double round(double v, int decimals) {
        double scale = SCALES[decimals];
        return Math.floor(v * scale + 0.5) / scale;
    }

    private static final double[] SCALES = { 1, 10, 100, 1000, 10_000, 100_000, 1_000_000 };

    static double clamp(double v, double lo, double hi) {
        return v < lo ? lo : (v > hi ? hi : v);
    }
}
