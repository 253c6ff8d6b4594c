package org.example.segmentation.core.cluster;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;

import org.example.segmentation.core.InputException;
import org.junit.jupiter.api.Test;

/** The blocked matrix reads back what it was given, across block boundaries, from every factory. */
class MatrixTest {

    private static final int N = 2 * Matrix.BLOCK_ROWS + 37; // two full blocks and a short one
    private static final int D = 3;

    private static double value(int i, int j) {
        return i * 10.0 + j + 0.25;
    }

    @Test
    void everyFactoryHoldsTheSameValues() {
        double[] rowMajor = new double[N * D];
        double[][] rows = new double[N][D];
        double[][] cols = new double[D][N];
        for (int i = 0; i < N; i++) {
            for (int j = 0; j < D; j++) {
                rowMajor[i * D + j] = value(i, j);
                rows[i][j] = value(i, j);
                cols[j][i] = value(i, j);
            }
        }
        for (Matrix m : new Matrix[] { Matrix.ofRowMajor(rowMajor, N, D), Matrix.ofRows(rows), Matrix.ofColumns(cols) }) {
            assertEquals(N, m.rows());
            assertEquals(D, m.columns());
            assertArrayEquals(rowMajor, m.toRowMajor());
            for (int i : new int[] { 0, Matrix.BLOCK_ROWS - 1, Matrix.BLOCK_ROWS, N - 1 }) {
                assertArrayEquals(rows[i], m.row(i));
                assertEquals(value(i, 2), m.get(i, 2));
            }
            assertArrayEquals(cols[1], m.column(1));
        }
    }

    @Test
    void selectRowsCopiesInTheGivenOrder() {
        double[][] rows = new double[N][D];
        for (int i = 0; i < N; i++) {
            for (int j = 0; j < D; j++) {
                rows[i][j] = value(i, j);
            }
        }
        Matrix m = Matrix.ofRows(rows).selectRows(new int[] { N - 1, 0, Matrix.BLOCK_ROWS, 0 });
        assertEquals(4, m.rows());
        assertArrayEquals(rows[N - 1], m.row(0));
        assertArrayEquals(rows[0], m.row(1));
        assertArrayEquals(rows[Matrix.BLOCK_ROWS], m.row(2));
        assertArrayEquals(rows[0], m.row(3));
    }

    /** More selected rows than one block, drawn with repeats from every block: row for row the source's values. */
    @Test
    void selectRowsAcrossBlocks() {
        double[][] rows = new double[N][D];
        for (int i = 0; i < N; i++) {
            for (int j = 0; j < D; j++) {
                rows[i][j] = value(i, j);
            }
        }
        Matrix source = Matrix.ofRows(rows);
        SplittableRandom random = new SplittableRandom(3);
        int[] picked = new int[2 * Matrix.BLOCK_ROWS + 77];
        for (int i = 0; i < picked.length; i++) {
            picked[i] = random.nextInt(N);
        }
        Matrix m = source.selectRows(picked);
        assertEquals(picked.length, m.rows());
        for (int i = 0; i < picked.length; i++) {
            assertArrayEquals(rows[picked[i]], m.row(i), "row " + i);
        }
        assertThrows(IndexOutOfBoundsException.class, () -> source.selectRows(new int[] { 0, N }));
        assertThrows(IndexOutOfBoundsException.class, () -> source.selectRows(new int[] { -1 }));
    }

    @Test
    void aWrongLengthIsRejected() {
        InputException e = assertThrows(InputException.class, () -> Matrix.ofRowMajor(new double[5], 2, 3));
        assertEquals("the data has 5 values, expected rows x columns = 2 x 3", e.getMessage());
        InputException c = assertThrows(InputException.class,
                () -> Matrix.ofColumns(new double[][] { new double[4], new double[3] }));
        assertEquals("column 1 has 3 values, but column 0 has 4", c.getMessage());
    }
}
