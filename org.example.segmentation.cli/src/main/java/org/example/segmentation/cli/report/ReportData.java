package org.example.segmentation.cli.report;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything the HTML report shows, as plain data. Optional sections are {@code null} when the run has no such data;
 * the report then says so instead of drawing an empty chart.
 *
 * @param title        the report's title (the pipeline's name)
 * @param subtitle     one line: input file, rows, pipeline file
 * @param overview     label and value pairs: data quality, chosen k and why
 * @param kSelection   the scores of every k tried, or {@code null}
 * @param segments     one card per segment (may be empty)
 * @param heatmap      feature index against the population per segment, or {@code null}
 * @param projection   a 2-D PCA of a sample of customers, or {@code null}
 * @param grid         the capability x trust grid, or {@code null} without scoring columns
 * @param scores       the digital profile score per segment, or {@code null} without scoring columns
 * @param drift        the drift check, or {@code null} without one
 * @param warnings     warnings of the run
 */
public record ReportData(String title, String subtitle, List<Fact> overview, KSelection kSelection,
        List<SegmentCard> segments, Heatmap heatmap, Projection projection, Grid grid, ScoreDistribution scores,
        Drift drift, List<String> warnings) {

    public ReportData {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(subtitle, "subtitle");
        overview = List.copyOf(overview);
        segments = List.copyOf(segments);
        warnings = List.copyOf(warnings);
    }

    /** A labelled value of the overview. */
    public record Fact(String label, String value) {
    }

    /**
     * The k-selection scores (NaN where undefined).
     *
     * @param k                 the k tried, increasing
     * @param silhouette        silhouette per k
     * @param calinskiHarabasz  Calinski-Harabasz per k
     * @param daviesBouldin     Davies-Bouldin per k
     * @param stability         bootstrap stability per k
     * @param chosenK           the chosen k
     * @param reason            why
     */
    public record KSelection(int[] k, double[] silhouette, double[] calinskiHarabasz, double[] daviesBouldin,
            double[] stability, int chosenK, String reason) {
    }

    /**
     * One segment's card.
     *
     * @param id            segment id
     * @param name          segment name
     * @param customers     customers in this run
     * @param share         share of the customers (0..1)
     * @param description   plain-language description (may be empty)
     * @param topFeatures   the features that distinguish it most
     * @param archetypeMix  customers per digital archetype (empty without scoring)
     */
    public record SegmentCard(String id, String name, long customers, double share, String description,
            List<String> topFeatures, Map<String, Long> archetypeMix) {

        public SegmentCard {
            topFeatures = List.copyOf(topFeatures);
            archetypeMix = Map.copyOf(archetypeMix);
        }
    }

    /**
     * Index against the population (100 = average) of numeric features per segment.
     *
     * @param features features (rows of the heatmap)
     * @param segments segments (columns)
     * @param index    {@code index[feature][segment]}, NaN where undefined
     */
    public record Heatmap(List<String> features, List<String> segments, double[][] index) {
    }

    /**
     * Customers projected on two principal components.
     *
     * @param segments  segment names, indexed by {@code segment}
     * @param x         first component
     * @param y         second component
     * @param segment   each point's segment index
     * @param explained share of the variance the two components explain
     * @param sampled   how many of how many customers are shown, in words
     */
    public record Projection(List<String> segments, double[] x, double[] y, int[] segment, double[] explained,
            String sampled) {
    }

    /**
     * The capability x trust grid: archetype regions and customer density.
     *
     * @param regions the archetype rectangles (may be empty)
     * @param cells   cells per axis of the density grid
     * @param counts  {@code counts[xCell][yCell]} customers, cells of width {@code 100 / cells}
     */
    public record Grid(List<ArchetypeRegion> regions, int cells, long[][] counts) {
    }

    /**
     * Five-number summaries of the digital profile score per segment.
     *
     * @param segments segment names
     * @param boxes    per segment {min, q1, median, q3, max}
     * @param counts   scored customers per segment
     */
    public record ScoreDistribution(List<String> segments, double[][] boxes, long[] counts) {
    }

    /**
     * The drift check.
     *
     * @param status          OK, WARN or ALERT
     * @param reasons         why
     * @param features        monitored features
     * @param psi             PSI per feature (NaN without data)
     * @param psiModerate     the moderate threshold
     * @param psiSignificant  the significant threshold
     * @param segments        segments (empty when not monitored)
     * @param shareRef        reference share per segment
     * @param shareCur        current share per segment
     * @param migrationFrom   rows of the migration matrix (previous segment, or "(new)")
     * @param migrationTo     columns (current segment, or "(gone)")
     * @param migration       customers {@code [from][to]} (empty without migration)
     */
    public record Drift(String status, List<String> reasons, List<String> features, double[] psi, double psiModerate,
            double psiSignificant, List<String> segments, double[] shareRef, double[] shareCur,
            List<String> migrationFrom, List<String> migrationTo, long[][] migration) {
    }
}
