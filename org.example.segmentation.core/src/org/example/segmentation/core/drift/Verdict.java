package org.example.segmentation.core.drift;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import org.example.segmentation.core.MultipleTesting;
import org.example.segmentation.core.Names;

/**
 * Compares a month's statistics with the baseline's and judges them; the rules are documented on
 * {@link DriftMonitor} and in {@code docs/drift.md}.
 */
final class Verdict {
    private final DriftBaseline baseline;
    private final DriftConfig config;
    private final MonthStats ref;
    private final MonthStats cur;

    private Verdict(DriftBaseline baseline, DriftConfig config, MonthStats current) {
        this.baseline = baseline;
        this.config = config;
        this.ref = baseline.reference();
        this.cur = current;
    }

    static DriftReport judge(DriftBaseline baseline, DriftConfig config, MonthStats current,
            List<MigrationCell> migration, long matched, long stayed, List<String> columnsNotInBaseline) {
        return new Verdict(baseline, config, current).report(migration, matched, stayed, columnsNotInBaseline);
    }

    private DriftReport report(List<MigrationCell> migration, long matched, long stayed,
            List<String> columnsNotInBaseline) {
        List<FeatureLayout> layout = baseline.layout();
        int nf = layout.size();
        // 1. measures and p-values
        double[][] measures = new double[nf][];
        TwoSampleTests.Result[] tests = new TwoSampleTests.Result[nf];
        double[] p = new double[nf + 1];
        for (int f = 0; f < nf; f++) {
            FeatureLayout fl = layout.get(f);
            FeatureStats r = ref.features().get(f);
            FeatureStats c = cur.features().get(f);
            tests[f] = c.rows() == 0 ? TwoSampleTests.Result.NONE
                    : fl.numeric ? TwoSampleTests.kolmogorovSmirnov(r.sample(), c.sample())
                            : TwoSampleTests.chiSquare(r.counts(), c.counts());
            p[f] = tests[f].pValue();
        }
        SegmentLayout segments = baseline.segmentLayout();
        TwoSampleTests.Result shareTest = segments == null ? TwoSampleTests.Result.NONE
                : TwoSampleTests.chiSquare(ref.segments().rows(), cur.segments().rows());
        p[nf] = shareTest.pValue();
        double[] adjusted = MultipleTesting.benjaminiHochberg(p);

        // 2. features
        List<FeatureDrift> features = new ArrayList<>();
        for (int f = 0; f < nf; f++) {
            features.add(feature(layout.get(f), ref.features().get(f), cur.features().get(f), tests[f], adjusted[f]));
        }

        // 3. segments
        SegmentShareDrift shares = null;
        List<SegmentDrift> segmentRows = new ArrayList<>();
        List<SegmentFeatureDrift> segmentFeatures = new ArrayList<>();
        if (segments != null) {
            shares = shares(segments, shareTest, adjusted[nf]);
            segmentFeatures = segmentFeatures(segments, layout);
            segmentRows = segmentRows(segments, layout, shares, segmentFeatures);
        }

        // 4. verdict
        List<String> alerts = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        List<FeatureDrift> bySeverity = new ArrayList<>(features);
        bySeverity.sort(Comparator.comparingInt((FeatureDrift d) -> -severity(d.status()))
                .thenComparing(d -> -(Double.isNaN(d.psi()) ? -1 : d.psi())));
        for (FeatureDrift d : bySeverity) {
            String what = "feature '" + d.feature() + "'" + (d.segmentationFeature() ? " (segmentation feature)" : "");
            switch (d.status()) {
                case SIGNIFICANT:
                    (d.segmentationFeature() ? alerts : warnings).add(what + ": significant drift, " + d.reason());
                    break;
                case MODERATE:
                    warnings.add(what + ": moderate drift, " + d.reason());
                    break;
                case NO_DATA:
                    (d.segmentationFeature() ? alerts : warnings).add(what + ": " + d.reason());
                    break;
                default:
                    break;
            }
        }
        if (shares != null && shares.status() == FeatureStatus.NO_DATA) {
            alerts.add("segment shares: no row of the current month has a segment ("
                    + baseline.segmentLayout().source() + ")");
        } else if (shares != null) {
            String why = shareReason(shares);
            if (shares.status() == FeatureStatus.SIGNIFICANT) {
                alerts.add("segment shares: significant drift, " + why);
            } else if (shares.status() == FeatureStatus.MODERATE) {
                warnings.add("segment shares: moderate drift, " + why);
            }
            String fit = String.format(Locale.ROOT, "mean distance to the centroid %s -> %s (%+.1f%%): the "
                    + "segmentation fits the customers worse", num(shares.meanDistanceRef()),
                    num(shares.meanDistanceCur()), 100 * shares.distanceChange());
            if (shares.distanceStatus() == FeatureStatus.SIGNIFICANT) {
                alerts.add("segment fit: " + fit);
            } else if (shares.distanceStatus() == FeatureStatus.MODERATE) {
                warnings.add("segment fit: " + fit);
            }
        }
        DriftStatus status = !alerts.isEmpty() ? DriftStatus.ALERT : !warnings.isEmpty() ? DriftStatus.WARN
                : DriftStatus.OK;
        List<String> reasons = new ArrayList<>(alerts);
        reasons.addAll(warnings);
        if (reasons.isEmpty()) {
            reasons.add("every monitored feature is stable" + (shares == null ? "" : " and so are the segment shares"));
        }
        FeatureDrift worst = null;
        int moderate = 0;
        int significant = 0;
        int noData = 0;
        for (FeatureDrift d : features) {
            if (!Double.isNaN(d.psi()) && (worst == null || d.psi() > worst.psi())) {
                worst = d;
            }
            moderate += d.status() == FeatureStatus.MODERATE ? 1 : 0;
            significant += d.status() == FeatureStatus.SIGNIFICANT ? 1 : 0;
            noData += d.status() == FeatureStatus.NO_DATA ? 1 : 0;
        }
        DriftSummary summary = new DriftSummary(status, status.recommendation(), status.advice(),
                worst == null ? "" : worst.feature(), worst == null ? Double.NaN : worst.psi(), reasons, ref.rows(),
                cur.rows(), nf, moderate, significant, noData,
                shares == null ? "not_monitored" : shares.status().key(), shares == null ? Double.NaN : shares.psi(),
                shares == null ? Double.NaN : shares.maxShareChange(), matched, stayed, columnsNotInBaseline,
                baseline.provenance().createdAt(), baseline.provenance().input().hash());
        return new DriftReport(config, features, shares, segmentRows, segmentFeatures, migration, summary);
    }

    // ---------------------------------------------------------------------------------------------------------

    private FeatureDrift feature(FeatureLayout fl, FeatureStats r, FeatureStats c, TwoSampleTests.Result test,
            double pAdjusted) {
        boolean empty = c.rows() == 0;
        double psi = empty ? Double.NaN : PopulationStability.psi(r.counts(), c.counts());
        double js = empty ? Double.NaN : PopulationStability.jensenShannonDistance(r.counts(), c.counts());
        double sd = fl.numeric && r.std() > 0 ? r.std() : Double.NaN;
        double wasserstein = fl.numeric && !empty ? TwoSampleTests.wasserstein(r.sample(), c.sample()) / sd
                : Double.NaN;
        double unseen = fl.numeric || empty ? Double.NaN : (double) c.counts()[fl.levels.size()] / c.rows();
        FeatureStatus status;
        StringBuilder why = new StringBuilder();
        String testName = fl.numeric ? "KS" : "chi-square";
        if (empty) {
            status = FeatureStatus.NO_DATA;
            why.append("no value in the current month: all ").append(c.missing()).append(" rows are missing");
        } else {
            FeatureStatus byPsi = psi >= config.psiSignificant() ? FeatureStatus.SIGNIFICANT
                    : psi >= config.psiModerate() ? FeatureStatus.MODERATE : FeatureStatus.STABLE;
            boolean confirmed = pAdjusted < config.alpha();
            status = confirmed ? byPsi : FeatureStatus.STABLE;
            if (byPsi == FeatureStatus.STABLE) {
                why.append(String.format(Locale.ROOT, "PSI %.4f < %s", psi, DriftConfig.format(config.psiModerate())));
            } else {
                why.append(String.format(Locale.ROOT, "PSI %.3f >= %s", psi, DriftConfig.format(
                        byPsi == FeatureStatus.SIGNIFICANT ? config.psiSignificant() : config.psiModerate())));
                why.append(confirmed ? ", confirmed by " : " but not confirmed by ").append(testName).append(" p_adj ")
                        .append(p(pAdjusted)).append(confirmed ? " < " : " >= ").append(DriftConfig.format(
                                config.alpha()));
            }
            if (fl.numeric && !Double.isNaN(sd)) {
                why.append(String.format(Locale.ROOT, "; mean %s -> %s (%+.2f sd)", num(r.mean()), num(c.mean()),
                        (c.mean() - r.mean()) / sd));
            }
            if (!fl.numeric && unseen > 0) {
                why.append(String.format(Locale.ROOT, "; %.1f%% unseen levels (%s)", 100 * unseen,
                        Names.quote(c.unseenLevels().keySet())));
            }
        }
        double missingChange = c.missingShare() - r.missingShare();
        if (Math.abs(missingChange) >= config.missingChange()) {
            if (status != FeatureStatus.NO_DATA) {
                status = FeatureStatus.max(status, FeatureStatus.MODERATE);
            }
            why.append(String.format(Locale.ROOT, "; missing rate %.1f%% -> %.1f%%", 100 * r.missingShare(),
                    100 * c.missingShare()));
        }
        return new FeatureDrift(fl.name, fl.type(), fl.segmentation, status, psi,
                fl.numeric ? test.statistic() : Double.NaN, fl.numeric ? test.pValue() : Double.NaN,
                fl.numeric ? Double.NaN : test.statistic(), fl.numeric ? Double.NaN : test.pValue(), pAdjusted,
                wasserstein, fl.numeric ? r.mean() : Double.NaN, fl.numeric ? c.mean() : Double.NaN,
                fl.numeric ? (c.mean() - r.mean()) / sd : Double.NaN, fl.numeric ? r.std() : Double.NaN,
                fl.numeric ? c.std() : Double.NaN, fl.numeric ? c.std() / sd : Double.NaN, r.missingShare(),
                c.missingShare(), unseen, js, fl.cells(), r.rows(), c.rows(), why.toString());
    }

    private SegmentShareDrift shares(SegmentLayout segments, TwoSampleTests.Result test, double pAdjusted) {
        SegmentStats r = ref.segments();
        SegmentStats c = cur.segments();
        long nr = r.assigned();
        long nc = c.assigned();
        double psi = PopulationStability.psi(r.rows(), c.rows());
        double maxChange = Double.NaN;
        String maxSegment = "";
        if (nc > 0) {
            maxChange = 0;
            for (int s = 0; s < segments.names().size(); s++) {
                double change = Math.abs((double) c.rows()[s] / nc - (double) r.rows()[s] / nr);
                if (change > maxChange || maxSegment.isEmpty()) {
                    maxChange = change;
                    maxSegment = segments.names().get(s);
                }
            }
        }
        FeatureStatus byEffect = psi >= config.psiSignificant() || maxChange >= config.shareChangeSignificant()
                ? FeatureStatus.SIGNIFICANT
                : psi >= config.psiModerate() || maxChange >= config.shareChangeModerate() ? FeatureStatus.MODERATE
                        : FeatureStatus.STABLE;
        FeatureStatus status = nc == 0 ? FeatureStatus.NO_DATA
                : pAdjusted < config.alpha() ? byEffect : FeatureStatus.STABLE;
        double dr = r.overallMeanDistance();
        double dc = c.overallMeanDistance();
        double change = dr > 0 && !Double.isNaN(dc) ? dc / dr - 1 : Double.NaN;
        FeatureStatus fit = change >= config.distanceSignificant() ? FeatureStatus.SIGNIFICANT
                : change >= config.distanceModerate() ? FeatureStatus.MODERATE : FeatureStatus.STABLE;
        return new SegmentShareDrift(psi, test.statistic(), test.pValue(), pAdjusted, maxChange, maxSegment, status,
                dr, dc, change, fit, r.missing(), c.missing());
    }

    private String shareReason(SegmentShareDrift shares) {
        SegmentStats r = ref.segments();
        SegmentStats c = cur.segments();
        int s = baseline.segmentNames().indexOf(shares.maxShareSegment());
        double shareRef = (double) r.rows()[s] / r.assigned();
        double shareCur = (double) c.rows()[s] / c.assigned();
        return String.format(Locale.ROOT, "largest share change %+.1f points (segment '%s' %.1f%% -> %.1f%%), PSI "
                + "%.4f, chi-square p_adj %s", 100 * (shareCur - shareRef), shares.maxShareSegment(), 100 * shareRef,
                100 * shareCur, shares.psi(), p(shares.pAdjusted()));
    }

    private List<SegmentFeatureDrift> segmentFeatures(SegmentLayout segments, List<FeatureLayout> layout) {
        List<SegmentFeatureDrift> out = new ArrayList<>();
        for (int s = 0; s < segments.names().size(); s++) {
            for (int f = 0; f < layout.size(); f++) {
                FeatureLayout fl = layout.get(f);
                SegmentStats.PerSegment r = ref.segments().features().get(f);
                SegmentStats.PerSegment c = cur.segments().features().get(f);
                long rr = r.rows()[s];
                long rc = c.rows()[s];
                double psi = rr == 0 || rc == 0 ? Double.NaN
                        : PopulationStability.psi(r.counts()[s], c.counts()[s]);
                FeatureStatus status = Math.min(rr, rc) < config.segmentMinRows() ? FeatureStatus.TOO_FEW_ROWS
                        : psi >= config.psiSignificant() ? FeatureStatus.SIGNIFICANT
                                : psi >= config.psiModerate() ? FeatureStatus.MODERATE : FeatureStatus.STABLE;
                double sd = ref.features().get(f).std();
                double shift = fl.numeric && sd > 0 ? (c.means()[s] - r.means()[s]) / sd : Double.NaN;
                out.add(new SegmentFeatureDrift(segments.names().get(s), fl.name, status, rr, rc, psi, r.means()[s],
                        c.means()[s], shift));
            }
        }
        return out;
    }

    private List<SegmentDrift> segmentRows(SegmentLayout segments, List<FeatureLayout> layout,
            SegmentShareDrift shares, List<SegmentFeatureDrift> perFeature) {
        SegmentStats r = ref.segments();
        SegmentStats c = cur.segments();
        double[] contributions = PopulationStability.contributions(r.rows(), c.rows());
        boolean confirmed = shares.pAdjusted() < config.alpha();
        List<SegmentDrift> out = new ArrayList<>();
        for (int s = 0; s < segments.names().size(); s++) {
            double shareRef = r.assigned() == 0 ? Double.NaN : (double) r.rows()[s] / r.assigned();
            double shareCur = c.assigned() == 0 ? Double.NaN : (double) c.rows()[s] / c.assigned();
            double change = shareCur - shareRef;
            FeatureStatus status = !confirmed ? FeatureStatus.STABLE
                    : Math.abs(change) >= config.shareChangeSignificant() ? FeatureStatus.SIGNIFICANT
                            : Math.abs(change) >= config.shareChangeModerate() ? FeatureStatus.MODERATE
                                    : FeatureStatus.STABLE;
            double shift = centroidShift(s, layout);
            double dr = r.meanDistance()[s];
            double dc = c.meanDistance()[s];
            int drifted = 0;
            for (SegmentFeatureDrift d : perFeature) {
                if (d.segment().equals(segments.names().get(s)) && d.status().drifted()) {
                    drifted++;
                }
            }
            out.add(new SegmentDrift(segments.names().get(s), status, r.rows()[s], c.rows()[s], shareRef, shareCur,
                    change, contributions[s], shift, dr, dc, dr > 0 ? dc / dr - 1 : Double.NaN, drifted));
        }
        return out;
    }

    /** Euclidean shift of the segment's means over the numeric segmentation features, in reference SDs. */
    private double centroidShift(int s, List<FeatureLayout> layout) {
        double sum = 0;
        int used = 0;
        for (int f = 0; f < layout.size(); f++) {
            FeatureLayout fl = layout.get(f);
            double sd = ref.features().get(f).std();
            if (!fl.numeric || !fl.segmentation || !(sd > 0)) {
                continue;
            }
            double a = ref.segments().features().get(f).means()[s];
            double b = cur.segments().features().get(f).means()[s];
            if (Double.isNaN(a) || Double.isNaN(b)) {
                return Double.NaN;
            }
            sum += ((b - a) / sd) * ((b - a) / sd);
            used++;
        }
        return used == 0 ? Double.NaN : Math.sqrt(sum);
    }

    private static int severity(FeatureStatus s) {
        switch (s) {
            case NO_DATA:
                return 3;
            case SIGNIFICANT:
                return 2;
            case MODERATE:
                return 1;
            default:
                return 0;
        }
    }

    static String p(double p) {
        return Double.isNaN(p) ? "n/a" : p < 1e-300 ? "< 1e-300" : String.format(Locale.ROOT, "%.2g", p);
    }

    static String num(double v) {
        if (Double.isNaN(v)) {
            return "n/a";
        }
        double a = Math.abs(v);
        return a != 0 && (a < 0.01 || a >= 1e6) ? String.format(Locale.ROOT, "%.3g", v)
                : String.format(Locale.ROOT, "%.3f", v).replaceAll("\\.?0+$", "");
    }
}
