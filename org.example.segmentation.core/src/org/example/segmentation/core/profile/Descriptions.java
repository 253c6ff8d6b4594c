package org.example.segmentation.core.profile;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The plain-language description of a segment, built from its ranked features by a fixed template (documented in
 * {@code docs/profiling.md}, section "Descriptions"):
 *
 * <ol>
 * <li>Take the ranked features (largest |effect| first) whose |effect| is at least {@code effect.high}, at most
 * {@code description.phrases} of them.</li>
 * <li>One phrase per feature:
 * <ul>
 * <li>numeric: {@code <very high|high|low|very low> <label>}, "very" from {@code effect.very_high}, then the index
 * rounded to an integer, {@code (index 240)}; when the label ends in parentheses the index goes inside them:
 * "very high app logins (30 days, index 389)". Without an index (negative values, population mean 0): no
 * parentheses.</li>
 * <li>0/1 feature and categorical level, by the segment's share {@code p} of the 1s (the level) and the
 * population's share {@code q}: over-represented with {@code p >= 50%}: "mostly X (p)"; over-represented otherwise:
 * "often X (p vs q overall)"; under-represented with {@code p < 20%}: "rarely X (p)"; under-represented otherwise:
 * "less often X (p vs q overall)". X is the label for a 0/1 feature ("mostly marketing consent (96%)") and
 * {@code <label> <word> <level>} for a level ("preferred channel mostly branch (68%)").</li>
 * </ul>
 * Shares are whole percents, {@code <1%} and {@code >99%} at the edges.</li>
 * <li>Join the phrases with ", " and capitalise the first letter.</li>
 * </ol>
 * Without such a feature the description is {@value #AVERAGE}; a segment under {@code min_segment_size}, and the
 * only segment of a population, get a sentence that says so.
 */
final class Descriptions {

    /** The description of a segment no feature distinguishes. */
    static final String AVERAGE = "Close to the population average: no feature stands out";

    private Descriptions() {
    }

    /** The description of a segment from its ranked features (see the class comment). */
    static String describe(List<FeatureEffect> ranked, ProfilerConfig config) {
        List<String> phrases = new ArrayList<>();
        for (FeatureEffect e : ranked) {
            if (phrases.size() >= config.descriptionPhrases() || !(Math.abs(e.effect()) >= config.effectHigh())) {
                break;
            }
            phrases.add(phrase(e, config.effectVeryHigh()));
        }
        if (phrases.isEmpty()) {
            return AVERAGE;
        }
        return capitalise(String.join(", ", phrases));
    }

    /** The description of a segment under {@code min_segment_size}. */
    static String tooSmall(int size, int minSize) {
        return "Too small to describe: " + size + (size == 1 ? " customer" : " customers")
                + ", fewer than min_segment_size " + minSize;
    }

    /** The description of the only segment of a population. */
    static String onlySegment() {
        return "The only segment: there is no rest of the population to compare it with";
    }

    /** One phrase, as in the class comment. */
    static String phrase(FeatureEffect e, double veryHigh) {
        boolean more = e.effect() > 0;
        switch (e.kind()) {
            case NUMERIC: {
                String words = (Math.abs(e.effect()) >= veryHigh ? "very " : "") + (more ? "high" : "low") + " "
                        + e.label();
                return Double.isFinite(e.index()) ? withIndex(words, Math.round(e.index())) : words;
            }
            case BINARY:
                return shareWord(more, e.share()) + " " + e.label() + " " + shares(more, e.share(), e.populationShare());
            default:
                return e.label() + " " + shareWord(more, e.share()) + " " + e.level() + " "
                        + shares(more, e.share(), e.populationShare());
        }
    }

    private static String shareWord(boolean more, double share) {
        if (more) {
            return share >= 0.5 ? "mostly" : "often";
        }
        return share < 0.2 ? "rarely" : "less often";
    }

    private static String shares(boolean more, double share, double populationShare) {
        boolean alone = more ? share >= 0.5 : share < 0.2;
        return alone ? "(" + percent(share) + ")" : "(" + percent(share) + " vs " + percent(populationShare)
                + " overall)";
    }

    /** {@code label (index N)}, or {@code label (..., index N)} when the label ends in parentheses. */
    static String withIndex(String words, long index) {
        if (words.endsWith(")") && words.lastIndexOf('(') > 0) {
            return words.substring(0, words.length() - 1) + ", index " + index + ")";
        }
        return words + " (index " + index + ")";
    }

    /** A share as whole percent: {@code 15%}, {@code <1%} for a share above 0 under 0.5%, {@code >99%} likewise. */
    static String percent(double share) {
        double p = share * 100;
        if (p > 0 && p < 0.5) {
            return "<1%";
        }
        if (p >= 99.5 && p < 100) {
            return ">99%";
        }
        return Math.round(p) + "%";
    }

    /** A share as percent with one decimal, for sizes: {@code 15.0%}. */
    static String percentOneDecimal(double share) {
        return String.format(Locale.ROOT, "%.1f%%", share * 100);
    }

    private static String capitalise(String s) {
        if (s.isEmpty()) {
            return s;
        }
        int first = s.codePointAt(0);
        return new String(Character.toChars(Character.toUpperCase(first))) + s.substring(Character.charCount(first));
    }
}
