package org.example.segmentation.core.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/** {@link Scorecard#scoreColumns} gives bit for bit what {@link Scorecard#score} gives row by row. */
class ScorecardColumnsTest {

    @Test
    void columnByColumnEqualsRowByRowBitForBit() {
        SplittableRandom r = new SplittableRandom(5);
        int rows = 5_000;
        int missingScores = 0;
        for (int round = 0; round < 40; round++) {
            int k = 1 + r.nextInt(9);
            List<String> names = new ArrayList<>();
            List<Double> weights = new ArrayList<>();
            List<Boolean> positive = new ArrayList<>();
            for (int j = 0; j < k; j++) {
                names.add("x" + j);
                // Some zero weights, some with many decimals; at least one above 0.
                weights.add(j == 0 ? 0.1 + r.nextDouble() * 20 : r.nextInt(4) == 0 ? 0.0 : r.nextDouble() * 20);
                positive.add(r.nextBoolean());
            }
            double share = round % 5 == 0 ? 0 : round % 5 == 1 ? 1 : r.nextDouble();
            Scorecard card = new Scorecard("score", names, weights, positive, share);
            double[][] p = new double[k][rows];
            double missing = r.nextDouble() * 0.6;
            for (int j = 0; j < k; j++) {
                for (int i = 0; i < rows; i++) {
                    double u = r.nextDouble();
                    p[j][i] = u < missing ? Double.NaN : u < missing + 0.05 ? (r.nextBoolean() ? 0.0 : 1.0)
                            : r.nextDouble();
                }
            }
            double[][] points = new double[k][rows];
            double[] scores = card.scoreColumns(p, rows, points);
            double[] onlyScores = card.scoreColumns(p, rows, null);
            double[] row = new double[k];
            double[] rowPoints = new double[k];
            for (int i = 0; i < rows; i++) {
                for (int j = 0; j < k; j++) {
                    row[j] = p[j][i];
                }
                double expected = card.score(row, rowPoints);
                assertEquals(Double.doubleToRawLongBits(expected), Double.doubleToRawLongBits(scores[i]),
                        "round " + round + ", row " + i);
                assertEquals(Double.doubleToRawLongBits(expected), Double.doubleToRawLongBits(onlyScores[i]));
                for (int j = 0; j < k; j++) {
                    assertEquals(Double.doubleToRawLongBits(rowPoints[j]), Double.doubleToRawLongBits(points[j][i]),
                            "round " + round + ", row " + i + ", indicator " + j);
                }
                missingScores += Double.isNaN(expected) ? 1 : 0;
            }
        }
        assertTrue(missingScores > 1_000 && missingScores < 150_000, "rows without a score: " + missingScores);
    }
}
