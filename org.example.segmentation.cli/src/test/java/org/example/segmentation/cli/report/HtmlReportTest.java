package org.example.segmentation.cli.report;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HTML report on synthetic data: every section, including the capability x trust grid and the score distribution
 * that need the scoring columns, with hostile names; escaping; absent sections; and the page in headless Chromium.
 */
class HtmlReportTest {
    static final String HOSTILE = "Digital </script><script>alert(1)</script> nomads";
    static final String PORTUGUESE = "Região Norte & Sul \"quoted\"";

    private static final Pattern CHART_DIV = Pattern.compile("<div[^>]*\\bdata-chart=\"([^\"]+)\"");

    @TempDir
    Path dir;

    /** A report with every section filled. */
    static ReportData full() {
        SplittableRandom r = new SplittableRandom(7);
        List<String> segments = List.of(HOSTILE, PORTUGUESE, "Plain");
        int n = 300;
        double[] x = new double[n];
        double[] y = new double[n];
        int[] s = new int[n];
        for (int i = 0; i < n; i++) {
            s[i] = i % 3;
            x[i] = 3 * s[i] + r.nextGaussian();
            y[i] = r.nextGaussian();
        }
        long[][] counts = new long[20][20];
        for (int i = 0; i < 2000; i++) {
            int cx = Math.min(19, (int) (Math.abs(50 + 20 * r.nextGaussian()) / 5) % 20);
            int cy = Math.min(19, (int) (Math.abs(50 + 20 * r.nextGaussian()) / 5) % 20);
            counts[cx][cy]++;
        }
        List<ArchetypeRegion> regions = List.of(new ArchetypeRegion("Analogs", 0, 35, 0, 40),
                new ArchetypeRegion("Paranoids", 35, 100, 0, 40), new ArchetypeRegion("Wannabes", 0, 35, 40, 100),
                new ArchetypeRegion("Mainstreamers", 35, 65, 40, 70), new ArchetypeRegion("Chameleons", 65, 100, 40, 70),
                new ArchetypeRegion("Nomads", 35, 100, 70, 100));
        return new ReportData("Build <segmentation>", "pipeline p.yaml on customers.csv, 300 customers",
                List.of(new ReportData.Fact("data quality", "300 rows in Região <b>bold</b>"),
                        new ReportData.Fact("segments", "k = 3")),
                new ReportData.KSelection(new int[] {2, 3, 4, 5}, new double[] {0.31, 0.42, 0.35, Double.NaN},
                        new double[] {900, 1200, 1100, 1000}, new double[] {1.1, 0.8, 0.9, 1.0},
                        new double[] {0.99, 0.97, 0.85, 0.7}, 3, "k=3: highest silhouette"),
                List.of(new ReportData.SegmentCard("S1", HOSTILE, 100, 1 / 3.0, "Uses the <app> a lot & more",
                        List.of("app_logins_30d", "Região"), Map.of("Nomads", 60L, "Chameleons", 40L)),
                        new ReportData.SegmentCard("S2", PORTUGUESE, 100, 1 / 3.0, "", List.of(), Map.of()),
                        new ReportData.SegmentCard("S3", "Plain", 100, 1 / 3.0, "Average.", List.of("age"),
                                Map.of())),
                new ReportData.Heatmap(List.of("app logins", "Região", "age"), segments,
                        new double[][] {{180, 60, 100}, {90, 110, Double.NaN}, {100, 100, 100}}),
                new ReportData.Projection(segments, x, y, s, new double[] {0.6, 0.2}, "all 300 customers"),
                new ReportData.Grid(regions, 20, counts),
                new ReportData.ScoreDistribution(segments, new double[][] {{10, 40, 55, 70, 95}, {5, 20, 30, 45, 80},
                        {0, 25, 50, 75, 100}}, new long[] {100, 100, 100}),
                new ReportData.Drift("WARN", List.of("feature 'app_logins_30d': moderate drift, PSI 0.15 >= 0.1"),
                        List.of("app_logins_30d", "Região", "age"), new double[] {0.15, 0.3, Double.NaN}, 0.1, 0.25,
                        segments, new double[] {0.33, 0.33, 0.34}, new double[] {0.4, 0.3, 0.3},
                        List.of(HOSTILE, PORTUGUESE, "Plain", "(new)"),
                        List.of(HOSTILE, PORTUGUESE, "Plain", "(gone)"),
                        new long[][] {{80, 10, 5, 5}, {10, 80, 5, 5}, {5, 5, 85, 5}, {3, 2, 1, 0}}),
                List.of("input: column 'x' <warn>"));
    }

    static ReportData empty() {
        return new ReportData("Only cleaning", "p.yaml", List.of(new ReportData.Fact("rows", "10")), null, List.of(),
                null, null, null, null, null, List.of());
    }

    @Test
    void customerStringsAreEscapedInHtmlAndInTheScriptData() {
        String html = HtmlReport.render(full());
        assertFalse(html.contains("<script>alert(1)"), "no markup from a segment name");
        assertFalse(html.contains("</script><script>alert"), "no script element closed by data");
        assertTrue(html.contains("Digital &lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt; nomads"), "HTML text");
        assertTrue(html.contains("Digital \\u003c/script\\u003e\\u003cscript\\u003ealert(1)\\u003c/script\\u003e nomads"),
                "JSON in the script element");
        assertTrue(html.contains("Região Norte &amp; Sul &quot;quoted&quot;"), "UTF-8 kept, HTML escaped");
        assertTrue(html.contains("Região Norte \\u0026 Sul \\\"quoted\\\""), "JSON escaped");
        assertTrue(html.contains("Uses the &lt;app&gt; a lot &amp; more"));
        assertTrue(html.contains("<title>Build &lt;segmentation&gt; - segmentation report</title>"));
        assertTrue(html.contains("Nomads 60.0%, Chameleons 40.0%"), "archetype mix, largest first");
    }

    @Test
    void theReportIsSelfContained() {
        String html = HtmlReport.render(full());
        assertFalse(Pattern.compile("(src|href)\\s*=\\s*[\"']?(https?:)?//", Pattern.CASE_INSENSITIVE).matcher(html)
                .find(), "no external script, style or link");
        assertFalse(html.contains("<link "), "styles are inline");
        assertTrue(html.contains("echarts"), "the charting library is inlined");
        assertTrue(html.getBytes(UTF_8).length < 2_000_000, "size " + html.length());
    }

    @Test
    void absentSectionsSaySoAndDrawNoChart() {
        String html = HtmlReport.render(empty());
        for (String words : List.of("no k selection in this run", "no segment profile in this run",
                "no segmentation in this run", "no digital profile scores in this run", "no drift check in this run")) {
            assertTrue(html.contains(words), words);
        }
        assertFalse(CHART_DIV.matcher(html).find(), "no chart containers");
        String withoutScores = HtmlReport.render(new ReportData("t", "s", List.of(), null, List.of(), null, null, null,
                null, full().drift(), List.of()));
        List<String> charts = CHART_DIV.matcher(withoutScores).results().map(m -> m.group(1)).toList();
        assertEquals(List.of("psi", "shares", "migration"), charts);
    }

    @Test
    void everyChartRendersInHeadlessChromium() throws Exception {
        Chromium.require();
        Path out = Path.of("target", "report-test");
        Files.createDirectories(out);
        Path html = out.resolve("synthetic-report.html");
        Files.writeString(html, HtmlReport.render(full()), UTF_8);
        String dom = Chromium.dumpDom(html, dir);
        List<String> charts = Chromium.assertChartsRendered(dom);
        assertEquals(List.of("kselection", "heatmap", "projection", "grid", "scores", "psi", "shares", "migration"),
                charts);
        // the regions' names are drawn as SVG text on the grid, the hostile name only as text
        assertTrue(dom.contains("Mainstreamers"), "archetype region labels");
        assertFalse(dom.contains("<script>alert(1)"), "the hostile name stayed text in the DOM");
        Chromium.screenshot(html, dir, Path.of("target", "report-screenshot-synthetic.png"), 5200);

        Path emptyHtml = out.resolve("empty-report.html");
        Files.writeString(emptyHtml, HtmlReport.render(empty()), UTF_8);
        String emptyDom = Chromium.dumpDom(emptyHtml, dir);
        assertTrue(emptyDom.contains("data-script-errors=\"\""), "no script errors without any chart");
        assertTrue(emptyDom.contains("data-charts=\"0\""));
        assertFalse(CHART_DIV.matcher(emptyDom).find());
    }
}
