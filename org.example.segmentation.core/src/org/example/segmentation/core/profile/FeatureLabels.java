package org.example.segmentation.core.profile;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Readable labels for column names, as descriptions use them.
 *
 * <p>A label from the {@code labels} setting wins. Otherwise the name is split into words at underscores, hyphens,
 * dots, spaces and lower-to-upper case changes ({@code appLogins}); words in camel case are lower-cased, others are
 * kept as written ({@code Região}, {@code EUR}). A word that is a count and a unit of time, {@code 30d}, {@code 12w},
 * {@code 6m}, {@code 1y} (also {@code 30days}, {@code 3mo}, ...), becomes a period at the end in parentheses:
 * {@code app_logins_30d} is "app logins (30 days)", {@code branch_visits_90d} "branch visits (90 days)". A name
 * with no word left (only separators) is kept as it is.
 */
final class FeatureLabels {

    private static final Pattern PERIOD = Pattern.compile("(\\d+)(d|day|days|w|wk|week|weeks|m|mo|month|months|y|yr"
            + "|year|years|h|hour|hours)", Pattern.CASE_INSENSITIVE);
    private static final Pattern SEPARATORS = Pattern.compile("[_\\-.\\s]+");

    private FeatureLabels() {
    }

    /** The label of {@code name}: the configured one, else {@link #automatic(String)}. */
    static String of(String name, Map<String, String> labels) {
        String given = labels.get(name);
        return given != null ? given : automatic(name);
    }

    /** The automatic label of a column name, as described in the class comment. */
    static String automatic(String name) {
        List<String> words = new ArrayList<>();
        List<String> periods = new ArrayList<>();
        for (String part : SEPARATORS.split(name.strip())) {
            if (part.isEmpty()) {
                continue;
            }
            Matcher m = PERIOD.matcher(part);
            if (m.matches()) {
                periods.add(period(m.group(1), m.group(2)));
                continue;
            }
            words.addAll(splitCamel(part));
        }
        if (words.isEmpty() && periods.isEmpty()) {
            return name;
        }
        StringBuilder sb = new StringBuilder(String.join(" ", words));
        if (!periods.isEmpty()) {
            if (sb.length() > 0) {
                sb.append(' ');
            }
            sb.append('(').append(String.join(", ", periods)).append(')');
        }
        return sb.toString();
    }

    private static String period(String count, String unit) {
        String u = unit.toLowerCase(Locale.ROOT);
        String word;
        switch (u.charAt(0)) {
            case 'd':
                word = "day";
                break;
            case 'w':
                word = "week";
                break;
            case 'm':
                word = "month";
                break;
            case 'y':
                word = "year";
                break;
            default:
                word = "hour";
                break;
        }
        long value;
        try {
            value = Long.parseLong(count);
        } catch (NumberFormatException e) {
            value = 2;
        }
        return count + " " + word + (value == 1 ? "" : "s");
    }

    /** Splits {@code appLogins} into "app", "logins"; an all-upper or single-case word stays whole. */
    private static List<String> splitCamel(String word) {
        List<String> out = new ArrayList<>();
        boolean hasLower = false;
        for (int i = 0; i < word.length(); i++) {
            hasLower |= Character.isLowerCase(word.charAt(i));
        }
        if (!hasLower) {
            out.add(word);
            return out;
        }
        int from = 0;
        for (int i = 1; i < word.length(); i++) {
            if (Character.isUpperCase(word.charAt(i)) && Character.isLowerCase(word.charAt(i - 1))) {
                out.add(word.substring(from, i));
                from = i;
            }
        }
        out.add(word.substring(from));
        if (out.size() > 1) {
            out.replaceAll(w -> w.length() > 1 && Character.isUpperCase(w.charAt(0))
                    && w.substring(1).chars().noneMatch(Character::isUpperCase) ? w.toLowerCase(Locale.ROOT) : w);
        }
        return out;
    }
}
