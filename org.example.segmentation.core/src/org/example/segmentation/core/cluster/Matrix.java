package org.example.segmentation.core.cluster;

import java.util.Objects;

import org.example.segmentation.core.InputException;

/**
 * An immutable dense matrix of finite numbers, {@code rows x columns}: the feature space that {@link KMeans}
 * and {@link MiniBatchKMeans} cluster. Build it once and fit as many models on it as needed (several k, several
 * seeds): every fit reads it without copying.
 *
 * <p><b>Checked once, here.</b> Every factory copies the values exactly once, into the layout below, and
 * rejects {@code NaN}, infinities and values beyond {@value #MAX_ABS} in absolute value (whose squares would
 * overflow) with an {@link InputException} naming the row and column index (0-based), and empty data (no rows,
 * no columns). Nothing downstream checks again.
 *
 * <p><b>Layout.</b> Rows are stored in blocks of {@value #BLOCK_ROWS} consecutive rows, and each column of a block
 * is its own {@code double[]} (so a block is column-major). The distance loops of k-means then run over the rows
 * of a block with unit stride, reading one array and writing another, both from index 0: the shape C2's
 * auto-vectoriser turns into SIMD instructions (see {@link KMeansKernels}; with the block's columns at different
 * offsets of one big array it does not vectorise on Java 17). The data takes {@code rows x columns} doubles plus a
 * 16-byte header per 8 KB array; there is no limit on its size but the heap.
 */
public final class Matrix {

    /** Rows per storage block. */
    static final int BLOCK_ROWS = 1024;
    /**
     * The largest absolute value accepted: squared distances of such values stay far from overflow, so every
     * distance k-means computes is finite.
     */
    public static final double MAX_ABS = 1e100;

    private final int rows;
    private final int columns;
    /** Column {@code j} of block {@code b} is {@code blocks[b * columns + j]}, of length {@code blockLength(b)}. */
    private final double[][] blocks;

    private Matrix(int rows, int columns) {
        if (rows <= 0) {
            throw new InputException("the data has no rows; k-means needs at least one row");
        }
        if (columns <= 0) {
            throw new InputException("the data has no columns; k-means needs at least one numeric column");
        }
        long arrays = (long) blockCount(rows) * columns;
        if (arrays > Integer.MAX_VALUE - 16) {
            throw new InputException("the data has " + rows + " rows x " + columns
                    + " columns, more than one in-memory matrix can hold; use fewer rows or columns");
        }
        this.rows = rows;
        this.columns = columns;
        this.blocks = new double[(int) arrays][];
        for (int b = 0, nb = blockCount(rows); b < nb; b++) {
            int len = Math.min(BLOCK_ROWS, rows - b * BLOCK_ROWS);
            for (int j = 0; j < columns; j++) {
                blocks[b * columns + j] = new double[len];
            }
        }
    }

    /**
     * A matrix holding a copy of {@code rows} (one array per row, all of the same length).
     *
     * @throws InputException when there are no rows or columns, rows differ in length, or a value is not finite
     */
    public static Matrix ofRows(double[][] rows) {
        Objects.requireNonNull(rows, "rows");
        if (rows.length == 0) {
            throw new InputException("the data has no rows; k-means needs at least one row");
        }
        int d = rows[0].length;
        Matrix m = new Matrix(rows.length, d);
        for (int i = 0; i < rows.length; i++) {
            double[] row = rows[i];
            if (row.length != d) {
                throw new InputException("row " + i + " has " + row.length + " values, but row 0 has " + d);
            }
            for (int j = 0; j < d; j++) {
                m.set(i, j, row[j]);
            }
        }
        return m;
    }

    /**
     * A matrix holding a copy of {@code values}, read row-major: value {@code (i, j)} is
     * {@code values[i * columns + j]}.
     *
     * @throws InputException when there are no rows or columns, the length is not {@code rows * columns}, or a
     *                        value is not finite
     */
    public static Matrix ofRowMajor(double[] values, int rows, int columns) {
        Objects.requireNonNull(values, "values");
        if (rows <= 0) {
            throw new InputException("the data has no rows; k-means needs at least one row");
        }
        if (columns <= 0) {
            throw new InputException("the data has no columns; k-means needs at least one numeric column");
        }
        if ((long) rows * columns != values.length) {
            throw new InputException("the data has " + values.length + " values, expected rows x columns = " + rows
                    + " x " + columns);
        }
        Matrix m = new Matrix(rows, columns);
        for (int b = 0; b < m.blockCount(); b++) {
            int start = m.blockStart(b);
            int len = m.blockLength(b);
            for (int j = 0; j < columns; j++) {
                double[] col = m.blocks[b * columns + j];
                for (int r = 0, src = start * columns + j; r < len; r++, src += columns) {
                    col[r] = checked(values[src], start + r, j);
                }
            }
        }
        return m;
    }

    /**
     * A matrix holding a copy of {@code columns} (one array per column, all of the same length): the natural
     * source for a columnar table.
     *
     * @throws InputException when there are no rows or columns, columns differ in length, or a value is not
     *                        finite
     */
    public static Matrix ofColumns(double[][] columns) {
        Objects.requireNonNull(columns, "columns");
        if (columns.length == 0) {
            throw new InputException("the data has no columns; k-means needs at least one numeric column");
        }
        int n = columns[0].length;
        for (int j = 1; j < columns.length; j++) {
            if (columns[j].length != n) {
                throw new InputException("column " + j + " has " + columns[j].length + " values, but column 0 has "
                        + n);
            }
        }
        Matrix m = new Matrix(n, columns.length);
        for (int b = 0; b < m.blockCount(); b++) {
            int start = m.blockStart(b);
            int len = m.blockLength(b);
            for (int j = 0; j < columns.length; j++) {
                double[] src = columns[j];
                double[] col = m.blocks[b * columns.length + j];
                for (int r = 0; r < len; r++) {
                    col[r] = checked(src[start + r], start + r, j);
                }
            }
        }
        return m;
    }

    /**
     * A new matrix holding the given rows of this one, in the given order (repeats allowed). Copied one column at a
     * time: the random reads then stay within one column ({@code 8 * rows} bytes, which the cache holds for a
     * sample of a few hundred thousand rows) instead of touching every column's block for each row.
     */
    public Matrix selectRows(int[] rowIndexes) {
        Objects.requireNonNull(rowIndexes, "rowIndexes");
        if (rowIndexes.length == 0) {
            throw new InputException("the data has no rows; k-means needs at least one row");
        }
        for (int src : rowIndexes) {
            Objects.checkIndex(src, rows);
        }
        Matrix m = new Matrix(rowIndexes.length, columns);
        for (int j = 0; j < columns; j++) {
            for (int b = 0; b < m.blockCount(); b++) {
                double[] out = m.blocks[b * columns + j];
                int start = m.blockStart(b);
                int len = m.blockLength(b);
                for (int r = 0; r < len; r++) {
                    int src = rowIndexes[start + r];
                    out[r] = blocks[(src / BLOCK_ROWS) * columns + j][src % BLOCK_ROWS];
                }
            }
        }
        return m;
    }

    /** The number of rows (at least 1). */
    public int rows() {
        return rows;
    }

    /** The number of columns (at least 1). */
    public int columns() {
        return columns;
    }

    /** The value at {@code row}, {@code column} (0-based). */
    public double get(int row, int column) {
        Objects.checkIndex(row, rows);
        Objects.checkIndex(column, columns);
        return value(row, column);
    }

    /** A copy of row {@code row}. */
    public double[] row(int row) {
        double[] out = new double[columns];
        copyRow(row, out);
        return out;
    }

    /** Copies row {@code row} into {@code out[0..columns)}. */
    public void copyRow(int row, double[] out) {
        Objects.checkIndex(row, rows);
        if (out.length < columns) {
            throw new IllegalArgumentException("out has " + out.length + " values, the matrix has " + columns
                    + " columns");
        }
        int cb = (row / BLOCK_ROWS) * columns;
        int r = row % BLOCK_ROWS;
        for (int j = 0; j < columns; j++) {
            out[j] = blocks[cb + j][r];
        }
    }

    /** A copy of column {@code column}. */
    public double[] column(int column) {
        Objects.checkIndex(column, columns);
        double[] out = new double[rows];
        for (int b = 0; b < blockCount(); b++) {
            System.arraycopy(blocks[b * columns + column], 0, out, blockStart(b), blockLength(b));
        }
        return out;
    }

    /**
     * All values, row-major (a copy: {@code rows x columns} doubles).
     *
     * @throws IllegalStateException when that is more than one Java array holds
     */
    public double[] toRowMajor() {
        if ((long) rows * columns > Integer.MAX_VALUE - 16) {
            throw new IllegalStateException(this + " has too many values for one array");
        }
        double[] out = new double[rows * columns];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < columns; j++) {
                out[i * columns + j] = value(i, j);
            }
        }
        return out;
    }

    @Override
    public String toString() {
        return "Matrix[" + rows + " x " + columns + "]";
    }

    // ---- the layout, for the kernels of this package ----

    static int blockCount(int rows) {
        return (rows + BLOCK_ROWS - 1) / BLOCK_ROWS;
    }

    int blockCount() {
        return blockCount(rows);
    }

    /** The first row of block {@code b}. */
    int blockStart(int b) {
        return b * BLOCK_ROWS;
    }

    /** The rows in block {@code b}: {@value #BLOCK_ROWS}, fewer in the last block. */
    int blockLength(int b) {
        return Math.min(BLOCK_ROWS, rows - b * BLOCK_ROWS);
    }

    /** The columns of all blocks: column {@code j} of block {@code b} is element {@code b * columns() + j}. */
    double[][] blocks() {
        return blocks;
    }

    /** The value at {@code row}, {@code column}, unchecked. */
    double value(int row, int column) {
        return blocks[(row / BLOCK_ROWS) * columns + column][row % BLOCK_ROWS];
    }

    private void set(int row, int column, double value) {
        blocks[(row / BLOCK_ROWS) * columns + column][row % BLOCK_ROWS] = checked(value, row, column);
    }

    private static double checked(double v, int row, int column) {
        if (!Double.isFinite(v)) {
            throw new InputException("row " + row + ", column " + column + ": value " + v
                    + " is not a finite number; k-means needs finite numbers (replace or drop missing and infinite"
                    + " values first)");
        }
        if (Math.abs(v) > MAX_ABS) {
            throw new InputException("row " + row + ", column " + column + ": value " + v
                    + " is too large for k-means (at most 1e100 in absolute value); rescale the column");
        }
        return v;
    }
}
