package org.example.segmentation.core.selection;

import static org.example.segmentation.core.selection.Fixtures.combo;
import static org.example.segmentation.core.selection.Fixtures.fit;
import static org.example.segmentation.core.selection.Fixtures.row;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.example.segmentation.core.Progress;
import org.example.segmentation.core.generator.CustomerColumns;
import org.example.segmentation.core.generator.CustomerGenerator;
import org.example.segmentation.core.generator.GeneratorConfig;
import org.example.segmentation.core.selection.SelectionReport.Row;
import org.example.segmentation.core.selection.SelectionReport.Rule;
import org.example.segmentation.core.selection.SelectionReport.Status;
import org.example.segmentation.core.selection.SelectorConfig.CorrelationMethod;
import org.example.segmentation.core.table.CategoricalColumn;
import org.example.segmentation.core.table.NumericColumn;
import org.example.segmentation.core.table.Table;
import org.example.segmentation.core.weka.WekaBridge;
import org.junit.jupiter.api.Test;

import weka.attributeSelection.PrincipalComponents;
import weka.core.Instances;

/** Ranking by contribution to the principal components: hand-computed, and against Weka computed directly. */
class PcaRankingTest {

    /**
     * x1 = U, x2 = 0.6 U + 0.8 W, x3 = Z (see {@link Fixtures}): correlation matrix [[1, .6, 0], [.6, 1, 0],
     * [0, 0, 1]], eigenvalues 1.6 (vector (1,1,0)/sqrt 2), 1.0 (vector (0,0,1)), 0.4 (vector (1,-1,0)/sqrt 2);
     * proportions 0.5333, 0.3333, 0.1333.
     */
    private static Table threeFeatures() {
        return Table.of(NumericColumn.of("x1", combo(1, 0, 0)), NumericColumn.of("x2", combo(0.6, 0.8, 0)),
                NumericColumn.of("x3", combo(0, 0, 1)));
    }

    private static List<Candidate> candidates(Table t) {
        List<Candidate> out = new ArrayList<>();
        t.columns().forEach(c -> out.add(Candidate.of(c)));
        return out;
    }

    @Test
    void eigenvaluesAndScoresByHand() {
        PcaRanking.Result r = PcaRanking.rank(candidates(threeFeatures()), 0.8, Progress.NONE);
        assertArrayEquals(new double[] {1.6, 1.0, 0.4}, r.eigenvalues(), 1e-12);
        assertArrayEquals(new double[] {1.6 / 3, 1.0 / 3, 0.4 / 3}, r.proportions(), 1e-12);
        // cumulative 0.533 < 0.8, then 0.867 >= 0.8: two components.
        assertEquals(2, r.retained());
        // score = sum over retained components of |loading| * proportion:
        // x1: |1/sqrt 2| * 1.6/3 + 0 * 1/3 = 0.377124; x2 the same; x3: 0 * 1.6/3 + 1 * 1/3 = 0.333333
        double s1 = Math.sqrt(0.5) * 1.6 / 3;
        assertArrayEquals(new double[] {s1, s1, 1.0 / 3}, r.scores(), 1e-12);

        PcaRanking.Result one = PcaRanking.rank(candidates(threeFeatures()), 0.5, Progress.NONE);
        assertEquals(1, one.retained());
        assertArrayEquals(new double[] {s1, s1, 0.0}, one.scores(), 1e-12);
        // all three: x1 = (1/sqrt 2)(1.6/3) + 0 + (1/sqrt 2)(0.4/3) = (1/sqrt 2)(2/3) = 0.471405; x3 = 1/3
        PcaRanking.Result all = PcaRanking.rank(candidates(threeFeatures()), 1.0, Progress.NONE);
        assertEquals(3, all.retained());
        double s3 = Math.sqrt(0.5) * 2 / 3;
        assertArrayEquals(new double[] {s3, s3, 1.0 / 3}, all.scores(), 1e-12);
    }

    @Test
    void maxFeaturesKeepsTheBestRanked() {
        FeatureSelection s = fit(threeFeatures(), "max_features=2", "pca.variance=0.8");
        // x1 and x2 tie at 0.377124 (table order: x1 first), x3 scores 1/3 and is dropped third.
        assertEquals(List.of("x1", "x2"), s.featureNames());
        Row x3 = row(s, "x3");
        assertEquals(Status.DROPPED, x3.status());
        assertEquals(Rule.PCA_RANK, x3.rule());
        assertEquals(3, x3.rank());
        assertEquals(1.0 / 3, x3.value(), 1e-12);
        assertEquals(1, row(s, "x1").rank());
        assertEquals(2, row(s, "x2").rank());
        assertEquals(Rule.PCA_RANK, row(s, "x1").rule());
        assertEquals(Status.KEPT, row(s, "x1").status());

        FeatureSelection best = fit(threeFeatures(), "max_features=1", "pca.variance=0.5");
        assertEquals(List.of("x1"), best.featureNames());
        assertEquals(Status.DROPPED, row(best, "x2").status());
        assertEquals(0.0, row(best, "x3").score(), 1e-12);
    }

    @Test
    void noRankingWithoutMaxFeatures() {
        FeatureSelection s = fit(threeFeatures());
        assertEquals(List.of("x1", "x2", "x3"), s.featureNames());
        assertEquals(0, row(s, "x1").rank());
        assertTrue(Double.isNaN(row(s, "x1").score()));
    }

    @Test
    void aTwoLevelCategoricalIsOneIndicator() {
        // c is "p" where Z = 1 and "n" where Z = -1: Weka's single 0/1 indicator standardizes to exactly Z, so c
        // scores like x3 above (1/3).
        Table t = Table.of(NumericColumn.of("x1", combo(1, 0, 0)), NumericColumn.of("x2", combo(0.6, 0.8, 0)),
                CategoricalColumn.of("c", "p", "n", "n", "p"));
        PcaRanking.Result r = PcaRanking.rank(candidates(t), 0.8, Progress.NONE);
        double s1 = Math.sqrt(0.5) * 1.6 / 3;
        assertArrayEquals(new double[] {s1, s1, 1.0 / 3}, r.scores(), 1e-12);
    }

    @Test
    void agreesWithWekaPrincipalComponentsOnGeneratedCustomers() throws Exception {
        GeneratorConfig g = GeneratorConfig.of(1500, 11).withPlantedProblems(false);
        Table customers = CustomerGenerator.generate(g, Progress.NONE);
        List<String> names = new ArrayList<>(CustomerColumns.DIGITAL_BEHAVIOUR);
        names.add(CustomerColumns.REGION);
        names.add(CustomerColumns.AGE);
        Table features = customers.select(names);
        PcaRanking.Result mine = PcaRanking.rank(candidates(features), 0.9, Progress.NONE);

        // Weka, directly: the same standardized PCA on the same columns.
        Instances data = WekaBridge.toInstances(features);
        PrincipalComponents pca = new PrincipalComponents();
        pca.setVarianceCovered(0.9);
        pca.buildEvaluator(data);
        double[] eigen = pca.getEigenValues().clone();
        java.util.Arrays.sort(eigen);
        double sum = 0;
        for (double e : eigen) {
            sum += e;
        }
        for (int k = 0; k < eigen.length; k++) {
            assertEquals(eigen[eigen.length - 1 - k], mine.eigenvalues()[k], 1e-9, "eigenvalue " + k);
            assertEquals(eigen[eigen.length - 1 - k] / sum, mine.proportions()[k], 1e-12, "proportion " + k);
        }
        // Weka's transformed header has one attribute per retained component.
        assertEquals(pca.transformedHeader().numAttributes(), mine.retained());
        // The correlation matrix Weka decomposes is the Pearson matrix of the numeric features (our Associations).
        double[][] corr = pca.getCorrelationMatrix();
        List<Candidate> numeric = candidates(customers.select(CustomerColumns.DIGITAL_BEHAVIOUR));
        double[][] ours = FeatureSelector.correlations(numeric, CorrelationMethod.PEARSON, Progress.NONE);
        for (int i = 0; i < numeric.size(); i++) {
            for (int j = 0; j < numeric.size(); j++) {
                assertEquals(ours[i][j], corr[i][j], 1e-9, names.get(i) + " x " + names.get(j));
            }
        }
        // Sum of all eigenvalues = trace of the correlation matrix = number of standardized columns
        // (11 numeric + 8 region indicators + age).
        assertEquals(pca.getFilteredInputFormat().numAttributes(), sum, 1e-9);
        // The scores from Weka's own loadings: for a numeric feature, sum over the retained components (largest
        // eigenvalues first) of |loading| * proportion; for region, the mean of that over its 8 indicators.
        double[] unsorted = pca.getEigenValues();
        double[][] vectors = pca.getUnsortedEigenVectors();
        Integer[] order = new Integer[unsorted.length];
        for (int c = 0; c < order.length; c++) {
            order[c] = c;
        }
        java.util.Arrays.sort(order, (x, y) -> Double.compare(unsorted[y], unsorted[x]));
        Instances filtered = pca.getFilteredInputFormat();
        double[] expected = new double[names.size()];
        int[] indicators = new int[names.size()];
        for (int a = 0; a < filtered.numAttributes(); a++) {
            String name = filtered.attribute(a).name();
            int f = names.indexOf(name.startsWith(CustomerColumns.REGION + "=") ? CustomerColumns.REGION : name);
            double score = 0;
            for (int k = 0; k < mine.retained(); k++) {
                score += Math.abs(vectors[a][order[k]]) * unsorted[order[k]] / sum;
            }
            expected[f] += score;
            indicators[f]++;
        }
        assertEquals(8, indicators[names.indexOf(CustomerColumns.REGION)]);
        for (int f = 0; f < names.size(); f++) {
            assertEquals(expected[f] / indicators[f], mine.scores()[f], 1e-9, names.get(f));
            assertTrue(mine.scores()[f] >= 0 && mine.scores()[f] <= 1 + 1e-9, names.get(f));
        }
    }
}
