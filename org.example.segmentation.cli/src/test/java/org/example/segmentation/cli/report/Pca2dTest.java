package org.example.segmentation.cli.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;

import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.stat.correlation.Covariance;
import org.junit.jupiter.api.Test;

/** The report's 2-D PCA against Apache Commons Math's eigen decomposition of the covariance matrix. */
class Pca2dTest {

    private static double[][] correlated(int n, int d, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[][] mix = new double[d][d];
        for (int a = 0; a < d; a++) {
            for (int b = 0; b < d; b++) {
                mix[a][b] = r.nextDouble() * 2 - 1;
            }
        }
        double[][] rows = new double[n][d];
        for (int i = 0; i < n; i++) {
            double[] z = new double[d];
            for (int j = 0; j < d; j++) {
                z[j] = r.nextGaussian() * (j + 1);
            }
            for (int a = 0; a < d; a++) {
                double s = 5 * a;
                for (int b = 0; b < d; b++) {
                    s += mix[a][b] * z[b];
                }
                rows[i][a] = s;
            }
        }
        return rows;
    }

    @Test
    void matchesCommonsMathEigenvectorsAndEigenvalues() {
        for (int d : new int[] {2, 5, 12}) {
            double[][] rows = correlated(800, d, 11 + d);
            Pca2d pca = Pca2d.fit(rows);
            RealMatrix cov = new Covariance(rows).getCovarianceMatrix(); // divisor n - 1, like ours
            EigenDecomposition eig = new EigenDecomposition(cov);
            double[] values = eig.getRealEigenvalues();
            // Commons Math sorts eigenvalues in descending order
            assertEquals(values[0], pca.variance()[0], 1e-8 * values[0], "first eigenvalue, d=" + d);
            assertEquals(values[1], pca.variance()[1], 1e-8 * values[0], "second eigenvalue, d=" + d);
            double trace = cov.getTrace();
            assertEquals(trace, pca.total(), 1e-9 * trace);
            assertEquals(1.0, Math.abs(dot(eig.getEigenvector(0).toArray(), pca.first())), 1e-8, "first vector, d=" + d);
            assertEquals(1.0, Math.abs(dot(eig.getEigenvector(1).toArray(), pca.second())), 1e-6, "second vector");
            assertEquals(0.0, dot(pca.first(), pca.second()), 1e-8, "orthogonal");
        }
    }

    @Test
    void handWorkedTwoByTwo() {
        // points (0,0), (2,2), (4,4), (1,3), (3,1): mean (2,2); covariance [[2.5, 1.5], [1.5, 2.5]] (n - 1 = 4):
        // eigenvalues 4 along (1,1)/sqrt2 and 1 along (1,-1)/sqrt2
        double[][] rows = {{0, 0}, {2, 2}, {4, 4}, {1, 3}, {3, 1}};
        Pca2d pca = Pca2d.fit(rows);
        assertArrayEquals(new double[] {2, 2}, pca.mean(), 1e-12);
        assertArrayEquals(new double[] {4, 1}, pca.variance(), 1e-10);
        double h = Math.sqrt(0.5);
        assertArrayEquals(new double[] {h, h}, pca.first(), 1e-10);
        assertEquals(h, Math.abs(pca.second()[0]), 1e-10);
        assertEquals(-pca.second()[0], pca.second()[1], 1e-10);
        assertArrayEquals(new double[] {0.8, 0.2}, pca.explained(), 1e-10);
        // (4,4) lies 2*sqrt2 along the first component from the mean, 0 along the second
        double[] p = pca.project(new double[] {4, 4});
        assertEquals(2 * Math.sqrt(2), p[0], 1e-10);
        assertEquals(0, p[1], 1e-10);
    }

    @Test
    void constantAndTinyInputsGiveZeroComponents() {
        Pca2d constant = Pca2d.fit(new double[][] {{1, 2}, {1, 2}, {1, 2}});
        assertArrayEquals(new double[2], constant.first());
        assertArrayEquals(new double[2], constant.explained());
        Pca2d one = Pca2d.fit(new double[][] {{3, 4}});
        assertArrayEquals(new double[] {0, 0}, one.project(new double[] {3, 4}));
        Pca2d singleColumn = Pca2d.fit(new double[][] {{1}, {2}, {4}});
        assertArrayEquals(new double[] {1}, singleColumn.first(), 1e-12);
        assertArrayEquals(new double[] {0}, singleColumn.second());
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
