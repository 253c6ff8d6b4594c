package org.example.segmentation.cli.report;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * Renders {@link ReportData} as one self-contained HTML file: the page, its styles, Apache ECharts (inlined from the
 * WebJar on the class path) and the data as JSON, so it opens offline in any browser. Charts use the SVG renderer and
 * no animation, so a headless browser's DOM holds every chart as soon as the scripts ran.
 *
 * <p>Contract for tests: every chart is a {@code div.chart} with a {@code data-chart} name; after rendering it holds an
 * {@code svg} element and gets {@code data-rendered="yes"}. The root element's {@code data-script-errors} attribute
 * collects every script error (empty when none) and is set before any chart code runs; {@code data-charts} is the
 * number of charts drawn.
 *
 * <p>Escaping: text goes through {@link #html}; the data goes through Jackson with {@code <}, {@code >}, {@code &}
 * and the JavaScript line separators written as {@code \\uXXXX} escapes, so no customer string can close the script
 * element or start markup.
 */
public final class HtmlReport {
    /** The ECharts build inlined into the report. */
    static final String ECHARTS = "META-INF/resources/webjars/echarts/5.5.0/echarts.min.js";

    /** Map keys sorted: the chart data's Map.of entries iterate in an order that changes from JVM to JVM. */
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    private HtmlReport() {
    }

    /** The report as HTML text. */
    public static String render(ReportData d) {
        StringBuilder h = new StringBuilder(1 << 20);
        h.append("<!DOCTYPE html>\n<html lang=\"en\" data-script-errors=\"\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(html(d.title())).append(" - segmentation report</title>\n")
                .append("<style>").append(CSS).append("</style>\n")
                .append("<script>").append(ERROR_TRAP).append("</script>\n</head>\n<body>\n");
        h.append("<header><h1>").append(html(d.title())).append("</h1><p class=\"sub\">").append(html(d.subtitle()))
                .append("</p></header>\n<main>\n");

        h.append("<section id=\"overview\"><h2>Overview</h2><dl class=\"facts\">");
        for (ReportData.Fact f : d.overview()) {
            h.append("<dt>").append(html(f.label())).append("</dt><dd>").append(html(f.value())).append("</dd>");
        }
        h.append("</dl>");
        if (!d.segments().isEmpty()) {
            h.append("<table class=\"sizes\"><thead><tr><th>segment</th><th>name</th><th>customers</th><th>share</th>"
                    + "</tr></thead><tbody>");
            for (ReportData.SegmentCard s : d.segments()) {
                h.append("<tr><td>").append(html(s.id())).append("</td><td>").append(html(s.name())).append("</td><td>")
                        .append(s.customers()).append("</td><td>").append(percent(s.share())).append("</td></tr>");
            }
            h.append("</tbody></table>");
        }
        if (!d.warnings().isEmpty()) {
            h.append("<details class=\"warnings\"><summary>").append(d.warnings().size())
                    .append(" warnings</summary><ul>");
            d.warnings().forEach(w -> h.append("<li>").append(html(w)).append("</li>"));
            h.append("</ul></details>");
        }
        h.append("</section>\n");

        section(h, "k-selection", "Choosing the number of segments", d.kSelection() == null ? null
                : "Silhouette, Calinski-Harabasz (right axis), Davies-Bouldin (lower is better) and bootstrap stability "
                        + "for every k tried; chosen k = " + d.kSelection().chosenK() + ": " + d.kSelection().reason()
                        + (d.kSelection().k().length == 1 ? " Only this k was scored: the pipeline fixes k (set k: 0 "
                                + "with k.min and k.max to compare a range)." : ""),
                "no k selection in this run", "kselection");

        h.append("<section id=\"profiles\"><h2>Segment profiles</h2>");
        if (d.heatmap() == null) {
            h.append("<p class=\"absent\">no segment profile in this run</p>");
        } else {
            h.append("<p>Index of each segment's mean against the population (100 = average; 150 = half as much again)."
                    + "</p><div class=\"chart tall\" data-chart=\"heatmap\"></div>");
        }
        if (!d.segments().isEmpty()) {
            h.append("<div class=\"cards\">");
            for (ReportData.SegmentCard s : d.segments()) {
                h.append("<article class=\"card\"><h3>").append(html(s.id())).append(s.name().equals(s.id()) ? ""
                        : " &middot; " + html(s.name())).append("</h3><p class=\"size\">").append(s.customers())
                        .append(" customers (").append(percent(s.share())).append(")</p>");
                if (!s.description().isEmpty()) {
                    h.append("<p>").append(html(s.description())).append("</p>");
                }
                if (!s.topFeatures().isEmpty()) {
                    h.append("<p class=\"top\">Top features: ").append(html(String.join(", ", s.topFeatures())))
                            .append("</p>");
                }
                if (!s.archetypeMix().isEmpty()) {
                    long total = s.archetypeMix().values().stream().mapToLong(Long::longValue).sum();
                    h.append("<p class=\"mix\">Digital archetypes: ");
                    List<String> parts = new ArrayList<>();
                    s.archetypeMix().entrySet().stream()
                            .sorted(Map.Entry.<String, Long>comparingByValue().reversed()
                                    .thenComparing(Map.Entry.comparingByKey()))
                            .forEach(e -> parts.add(html(e.getKey()) + " " + percent((double) e.getValue() / total)));
                    h.append(String.join(", ", parts)).append("</p>");
                }
                h.append("</article>");
            }
            h.append("</div>");
        }
        h.append("</section>\n");

        section(h, "projection", "Customers in two dimensions", d.projection() == null ? null
                : "The first two principal components of the segmentation's feature space ("
                        + percent(d.projection().explained()[0] + d.projection().explained()[1])
                        + " of the variance), " + d.projection().sampled() + ", coloured by segment.",
                "no segmentation in this run", "projection");
        section(h, "grid", "Digital capability x trust", d.grid() == null ? null
                : "Customer density on the capability x trust grid with the archetype regions.",
                "no digital profile scores in this run (the scored customers have no capability_score and trust_score)",
                "grid");
        section(h, "scores", "Digital profile score by segment", d.scores() == null ? null
                : "Minimum, quartiles and maximum of digital_score per segment.",
                "no digital profile scores in this run (the scored customers have no digital_score)", "scores");

        h.append("<section id=\"drift\"><h2>Drift</h2>");
        if (d.drift() == null) {
            h.append("<p class=\"absent\">no drift check in this run</p>");
        } else {
            ReportData.Drift dr = d.drift();
            h.append("<p class=\"status status-").append(html(dr.status().toLowerCase(Locale.ROOT))).append("\">Status: ")
                    .append(html(dr.status())).append("</p><ul class=\"reasons\">");
            dr.reasons().forEach(r -> h.append("<li>").append(html(r)).append("</li>"));
            h.append("</ul><h3>Population stability index per feature</h3><div class=\"chart tall\" "
                    + "data-chart=\"psi\"></div>");
            if (dr.segments().isEmpty()) {
                h.append("<p class=\"absent\">segment shares not monitored</p>");
            } else {
                h.append("<h3>Segment shares, reference against current</h3><div class=\"chart\" "
                        + "data-chart=\"shares\"></div>");
            }
            if (dr.migration().length == 0) {
                h.append("<p class=\"absent\">no migration matrix (no previous customers matched)</p>");
            } else {
                h.append("<h3>Migration between segments (customers)</h3><div class=\"chart\" "
                        + "data-chart=\"migration\"></div>");
            }
        }
        h.append("</section>\n</main>\n<footer>Charts: Apache ECharts 5.5.0 (Apache License 2.0), inlined.</footer>\n");

        h.append("<script>").append(echarts().replace("</script", "<\\/script")).append("</script>\n");
        h.append("<script>var REPORT = ").append(json(chartData(d))).append(";\n").append(CHARTS).append("</script>\n");
        h.append("</body>\n</html>\n");
        return h.toString();
    }

    private static void section(StringBuilder h, String id, String title, String intro, String absent, String chart) {
        h.append("<section id=\"").append(id).append("\"><h2>").append(html(title)).append("</h2>");
        if (intro == null) {
            h.append("<p class=\"absent\">").append(html(absent)).append("</p>");
        } else {
            h.append("<p>").append(html(intro)).append("</p><div class=\"chart\" data-chart=\"").append(chart)
                    .append("\"></div>");
        }
        h.append("</section>\n");
    }

    /** The chart data as the JavaScript reads it. */
    private static Map<String, Object> chartData(ReportData d) {
        Map<String, Object> m = new LinkedHashMap<>();
        if (d.kSelection() != null) {
            ReportData.KSelection k = d.kSelection();
            m.put("k", Map.of("k", k.k(), "silhouette", nums(k.silhouette()), "ch", nums(k.calinskiHarabasz()),
                    "db", nums(k.daviesBouldin()), "stability", nums(k.stability()), "chosen", k.chosenK()));
        }
        if (d.heatmap() != null) {
            ReportData.Heatmap hm = d.heatmap();
            List<Object[]> cells = new ArrayList<>();
            for (int f = 0; f < hm.features().size(); f++) {
                for (int s = 0; s < hm.segments().size(); s++) {
                    double v = hm.index()[f][s];
                    cells.add(new Object[] {s, f, Double.isFinite(v) ? round(v, 1) : "-"});
                }
            }
            m.put("heatmap", Map.of("features", hm.features(), "segments", hm.segments(), "cells", cells));
        }
        if (d.projection() != null) {
            ReportData.Projection p = d.projection();
            List<List<double[]>> bySegment = new ArrayList<>();
            p.segments().forEach(s -> bySegment.add(new ArrayList<>()));
            for (int i = 0; i < p.x().length; i++) {
                bySegment.get(p.segment()[i]).add(new double[] {round(p.x()[i], 3), round(p.y()[i], 3)});
            }
            m.put("projection", Map.of("segments", p.segments(), "points", bySegment));
        }
        if (d.grid() != null) {
            ReportData.Grid g = d.grid();
            double w = 100.0 / g.cells();
            List<double[]> cells = new ArrayList<>();
            long max = 0;
            for (int x = 0; x < g.cells(); x++) {
                for (int y = 0; y < g.cells(); y++) {
                    if (g.counts()[x][y] > 0) {
                        cells.add(new double[] {x * w, y * w, g.counts()[x][y]});
                        max = Math.max(max, g.counts()[x][y]);
                    }
                }
            }
            List<Map<String, Object>> regions = new ArrayList<>();
            for (ArchetypeRegion r : g.regions()) {
                regions.add(Map.of("name", r.name(), "x0", r.xMin(), "x1", r.xMax(), "y0", r.yMin(), "y1", r.yMax()));
            }
            m.put("grid", Map.of("width", w, "cells", cells, "max", Math.max(1, max), "regions", regions));
        }
        if (d.scores() != null) {
            List<double[]> boxes = new ArrayList<>();
            for (double[] b : d.scores().boxes()) {
                double[] r = new double[5];
                for (int i = 0; i < 5; i++) {
                    r[i] = round(b[i], 2);
                }
                boxes.add(r);
            }
            m.put("scores", Map.of("segments", d.scores().segments(), "boxes", boxes, "counts", d.scores().counts()));
        }
        if (d.drift() != null) {
            ReportData.Drift dr = d.drift();
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("features", dr.features());
            x.put("psi", nums(dr.psi()));
            x.put("moderate", dr.psiModerate());
            x.put("significant", dr.psiSignificant());
            x.put("segments", dr.segments());
            x.put("shareRef", nums(dr.shareRef()));
            x.put("shareCur", nums(dr.shareCur()));
            x.put("from", dr.migrationFrom());
            x.put("to", dr.migrationTo());
            List<long[]> cells = new ArrayList<>();
            for (int a = 0; a < dr.migration().length; a++) {
                for (int b = 0; b < dr.migration()[a].length; b++) {
                    cells.add(new long[] {b, a, dr.migration()[a][b]});
                }
            }
            x.put("migration", cells);
            m.put("drift", x);
        }
        return m;
    }

    /** Numbers for JSON: NaN and infinities become null (a gap in a line). */
    private static List<Double> nums(double[] v) {
        List<Double> out = new ArrayList<>();
        for (double x : v) {
            out.add(Double.isFinite(x) ? round(x, 4) : null);
        }
        return out;
    }

    private static double round(double v, int decimals) {
        double f = Math.pow(10, decimals);
        return Math.round(v * f) / f;
    }

    /** JSON safe inside a script element: no {@code <}, {@code >}, {@code &}, U+2028 or U+2029 left as is. */
    static String json(Object value) {
        try {
            return JSON.writeValueAsString(value).replace("<", "\\u003c").replace(">", "\\u003e")
                    .replace("&", "\\u0026").replace("\u2028", "\\u2028").replace("\u2029", "\\u2029");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the report data as JSON", e);
        }
    }

    /** Text escaped for HTML content and attribute values. */
    static String html(String s) {
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    private static String percent(double share) {
        return Double.isFinite(share) ? String.format(Locale.ROOT, "%.1f%%", 100 * share) : "";
    }

    private static String echarts() {
        try (InputStream in = HtmlReport.class.getClassLoader().getResourceAsStream(ECHARTS)) {
            if (in == null) {
                throw new IllegalStateException("the charting library " + ECHARTS + " is not on the class path");
            }
            return new String(in.readAllBytes(), UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final String ERROR_TRAP = """
            (function () {
              var errors = [];
              function record(message) {
                errors.push(String(message));
                document.documentElement.setAttribute('data-script-errors', errors.join(' | '));
              }
              window.reportError = record;
              window.addEventListener('error', function (e) { record(e.message || e); });
              window.addEventListener('unhandledrejection', function (e) { record('unhandled rejection: ' + e.reason); });
            })();
            """;

    private static final String CSS = """
            body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;color:#1f2933;background:#f5f7fa}
            header{background:#243b53;color:#fff;padding:18px 32px}header h1{margin:0;font-size:24px}
            .sub{margin:4px 0 0;color:#bcccdc}main{padding:8px 32px;max-width:1200px}
            section{background:#fff;border-radius:6px;padding:12px 20px;margin:16px 0;box-shadow:0 1px 3px rgba(0,0,0,.08)}
            h2{font-size:19px;margin:6px 0 10px}h3{font-size:15px;margin:14px 0 6px}
            .facts{display:grid;grid-template-columns:max-content 1fr;gap:4px 16px}.facts dt{font-weight:600}.facts dd{margin:0}
            table.sizes{border-collapse:collapse;margin-top:12px}table.sizes td,table.sizes th{padding:3px 10px;border-bottom:1px solid #d9e2ec;text-align:left}
            .chart{width:100%;height:380px}.chart.tall{height:520px}
            .cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(260px,1fr));gap:12px;margin-top:12px}
            .card{border:1px solid #d9e2ec;border-radius:6px;padding:8px 12px}.card h3{margin:4px 0}.size{color:#52606d;margin:2px 0}
            .top,.mix{font-size:13px;color:#334e68}.absent{color:#829ab1;font-style:italic}
            .status{font-weight:700;font-size:17px}.status-ok{color:#2f8132}.status-warn{color:#b7791f}.status-alert{color:#c53030}
            footer{padding:12px 32px;color:#829ab1;font-size:12px}
            """;

    private static final String CHARTS = """
            (function () {
              var drawn = 0;
              var palette = ['#4e79a7','#f28e2b','#e15759','#76b7b2','#59a14f','#edc948','#b07aa1','#ff9da7','#9c755f','#bab0ac'];
              function chart(name, option) {
                var el = document.querySelector('[data-chart="' + name + '"]');
                if (!el) { return; }
                try {
                  var c = echarts.init(el, null, {renderer: 'svg'});
                  option.animation = false;
                  option.color = option.color || palette;
                  c.setOption(option);
                  el.setAttribute('data-rendered', 'yes');
                  drawn++;
                  document.documentElement.setAttribute('data-charts', String(drawn));
                  window.addEventListener('resize', function () { c.resize(); });
                } catch (e) {
                  window.reportError('chart ' + name + ': ' + e);
                }
              }
              var D = REPORT;
              if (D.k) {
                chart('kselection', {
                  tooltip: {trigger: 'axis'}, legend: {top: 0},
                  grid: {left: 60, right: 70, top: 40, bottom: 40},
                  xAxis: {type: 'category', name: 'k', data: D.k.k},
                  yAxis: [{type: 'value', name: 'score'}, {type: 'value', name: 'Calinski-Harabasz'}],
                  series: [
                    {name: 'silhouette', type: 'line', data: D.k.silhouette, connectNulls: false,
                     markLine: {symbol: 'none', label: {formatter: 'chosen k'}, data: [{xAxis: String(D.k.chosen)}]}},
                    {name: 'Davies-Bouldin', type: 'line', data: D.k.db},
                    {name: 'stability', type: 'line', data: D.k.stability},
                    {name: 'Calinski-Harabasz', type: 'line', yAxisIndex: 1, data: D.k.ch, lineStyle: {type: 'dashed'}}
                  ]
                });
              }
              if (D.heatmap) {
                chart('heatmap', {
                  tooltip: {position: 'top'},
                  grid: {left: 180, right: 40, top: 20, bottom: 80},
                  xAxis: {type: 'category', data: D.heatmap.segments, splitArea: {show: true}},
                  yAxis: {type: 'category', data: D.heatmap.features, splitArea: {show: true}},
                  visualMap: {min: 0, max: 200, calculable: true, orient: 'horizontal', left: 'center', bottom: 0,
                              inRange: {color: ['#2166ac', '#f7f7f7', '#b2182b']}},
                  series: [{type: 'heatmap', data: D.heatmap.cells, label: {show: true, fontSize: 10}}]
                });
              }
              if (D.projection) {
                chart('projection', {
                  tooltip: {trigger: 'item'}, legend: {top: 0},
                  xAxis: {type: 'value', name: 'PC1', scale: true}, yAxis: {type: 'value', name: 'PC2', scale: true},
                  series: D.projection.segments.map(function (s, i) {
                    return {name: s, type: 'scatter', symbolSize: 4, data: D.projection.points[i], large: false};
                  })
                });
              }
              if (D.grid) {
                var w = D.grid.width;
                chart('grid', {
                  tooltip: {trigger: 'item'},
                  grid: {left: 60, right: 120, top: 20, bottom: 50},
                  xAxis: {type: 'value', name: 'capability', min: 0, max: 100},
                  yAxis: {type: 'value', name: 'trust', min: 0, max: 100},
                  visualMap: {min: 0, max: D.grid.max, dimension: 2, seriesIndex: 0, right: 0, top: 'middle',
                              text: ['customers', ''], inRange: {color: ['#e3f2fd', '#0b3c5d']}},
                  series: [
                    {type: 'custom', name: 'customers', data: D.grid.cells, renderItem: function (params, api) {
                      var p0 = api.coord([api.value(0), api.value(1) + w]);
                      var p1 = api.coord([api.value(0) + w, api.value(1)]);
                      return {type: 'rect', shape: {x: p0[0], y: p0[1], width: p1[0] - p0[0], height: p1[1] - p0[1]},
                              style: {fill: api.visual('color')}};
                    }},
                    {type: 'scatter', name: 'archetypes', z: 10, data: [], markArea: {silent: true,
                      itemStyle: {color: 'rgba(0,0,0,0)', borderColor: '#c53030', borderWidth: 1.5},
                      label: {show: true, color: '#c53030', fontWeight: 'bold'},
                      data: D.grid.regions.map(function (r) {
                        return [{name: r.name, xAxis: r.x0, yAxis: r.y0}, {xAxis: r.x1, yAxis: r.y1}];
                      })}}
                  ]
                });
              }
              if (D.scores) {
                chart('scores', {
                  tooltip: {trigger: 'item'},
                  xAxis: {type: 'category', data: D.scores.segments},
                  yAxis: {type: 'value', name: 'digital_score', min: 0, max: 100},
                  series: [{type: 'boxplot', name: 'digital_score', data: D.scores.boxes}]
                });
              }
              if (D.drift) {
                var dr = D.drift;
                chart('psi', {
                  tooltip: {trigger: 'axis'},
                  grid: {left: 180, right: 40, top: 20, bottom: 30},
                  xAxis: {type: 'value', name: 'PSI'},
                  yAxis: {type: 'category', data: dr.features, inverse: true},
                  series: [{type: 'bar', name: 'PSI', data: dr.psi, markLine: {symbol: 'none', data: [
                    {xAxis: dr.moderate, name: 'moderate', lineStyle: {color: '#b7791f'}, label: {formatter: 'moderate'}},
                    {xAxis: dr.significant, name: 'significant', lineStyle: {color: '#c53030'},
                     label: {formatter: 'significant'}}]}}]
                });
                if (dr.segments.length) {
                  chart('shares', {
                    tooltip: {trigger: 'axis'}, legend: {top: 0},
                    xAxis: {type: 'category', data: dr.segments}, yAxis: {type: 'value', name: 'share'},
                    series: [{name: 'reference', type: 'bar', data: dr.shareRef},
                             {name: 'current', type: 'bar', data: dr.shareCur}]
                  });
                }
                if (dr.migration.length) {
                  var most = Math.max.apply(null, dr.migration.map(function (c) { return c[2]; }).concat([1]));
                  chart('migration', {
                    tooltip: {position: 'top'},
                    grid: {left: 120, right: 40, top: 20, bottom: 80},
                    xAxis: {type: 'category', name: 'now', data: dr.to},
                    yAxis: {type: 'category', name: 'before', data: dr.from, inverse: true},
                    visualMap: {min: 0, max: most, orient: 'horizontal', left: 'center', bottom: 0,
                                inRange: {color: ['#f7fbff', '#08306b']}},
                    series: [{type: 'heatmap', data: dr.migration, label: {show: true, fontSize: 10}}]
                  });
                }
              }
              document.documentElement.setAttribute('data-charts', String(drawn));
            })();
            """;
}
