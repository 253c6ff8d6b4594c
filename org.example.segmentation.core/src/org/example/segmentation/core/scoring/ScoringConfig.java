package org.example.segmentation.core.scoring;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

import org.example.segmentation.core.InputException;
import org.example.segmentation.core.Names;
import org.example.segmentation.core.settings.SettingSpec;
import org.example.segmentation.core.settings.Settings;

/**
 * What {@link ProfileScorer#fit} fits and {@link ScoringModel#score} computes: an immutable, validated configuration
 * that round-trips exactly through the flat settings map ({@link #fromSettings}, {@link #toSettings}) shared by the
 * command line and the KNIME dialog. {@code docs/scoring.md} explains every key; {@link #SPECS} lists them with their
 * defaults. The per-indicator keys {@code <prefix>.weight.<column>} and {@code <prefix>.direction.<column>} exist for
 * every indicator of the scorecards {@code score}, {@code capability}, {@code trust} and {@code engagement}.
 *
 * @param idColumn         the identifier column kept first in scored output ({@code ""}: none)
 * @param score            the digital profile score's scorecard
 * @param capability       the digital capability axis's scorecard
 * @param trust            the trust axis's scorecard
 * @param regions          the archetype regions, a tiling of the capability x trust grid
 * @param borderlineMargin an archetype whose margin is below this many score points is borderline, 0..100
 * @param channels         the channel rule table and consent columns
 * @param lifecycle        the lifecycle rules
 * @param engagement       the engagement measure's scorecard (its tertiles on the reference table give the levels)
 * @param productColumn    the products-held column for product depth
 * @param productMultiFrom from this many products a customer is {@code multi} (1 {@code single}, 2 up to this
 *                         minus 1 {@code dual}), 3..100
 */
public record ScoringConfig(String idColumn, Scorecard score, Scorecard capability, Scorecard trust,
        List<ArchetypeRegion> regions, double borderlineMargin, ChannelRules channels, LifecycleRules lifecycle,
        Scorecard engagement, String productColumn, int productMultiFrom) {

    public static final String KEY_ID_COLUMN = "id_column";
    public static final String KEY_REGIONS = ArchetypeGrid.KEY;
    public static final String KEY_BORDERLINE_MARGIN = "archetype.borderline_margin";
    public static final String KEY_CHANNEL_RULES = ChannelRules.KEY_RULES;
    public static final String KEY_CHANNEL_USE_PREFERENCE = "channel.use_preference";
    public static final String KEY_CHANNEL_PREFERENCE_COLUMN = "channel.preference_column";
    public static final String KEY_CHANNEL_WHATSAPP_COLUMN = "channel.whatsapp_opt_in_column";
    public static final String KEY_CHANNEL_MARKETING_COLUMN = "channel.marketing_consent_column";
    public static final String KEY_CHANNEL_THIRD_PARTY_COLUMN = "channel.third_party_consent_column";
    public static final String KEY_CHANNEL_MARKETING_REQUIRED = "channel.marketing_consent_required";
    public static final String KEY_LIFECYCLE_TENURE = "lifecycle.tenure_column";
    public static final String KEY_LIFECYCLE_INACTIVE = "lifecycle.inactive_column";
    public static final String KEY_LIFECYCLE_TREND = "lifecycle.trend_column";
    public static final String KEY_LIFECYCLE_DORMANT_MONTHS = "lifecycle.dormant_months";
    public static final String KEY_LIFECYCLE_NEW_MONTHS = "lifecycle.new_months";
    public static final String KEY_LIFECYCLE_DECLINING_TREND = "lifecycle.declining_trend";
    public static final String KEY_LIFECYCLE_GROWING_TREND = "lifecycle.growing_trend";
    public static final String KEY_PRODUCT_COLUMN = "product_depth.column";
    public static final String KEY_PRODUCT_MULTI_FROM = "product_depth.multi_from";

    /** The scorecard prefixes, in settings order. */
    public static final List<String> SCORECARDS = List.of("score", "capability", "trust", "engagement");

    /** Default indicators of the digital profile score with weight and direction (+1 positive, -1 negative). */
    static final Map<String, double[]> DEFAULT_SCORE = ordered(
            "app_logins_30d", 20, 1, "web_sessions_30d", 10, 1, "online_purchase_share", 15, 1,
            "email_open_rate", 10, 1, "whatsapp_opt_in", 10, 1, "digital_payments_30d", 15, 1,
            "branch_visits_90d", 10, -1, "phone_contacts_90d", 10, -1);
    /** Default indicators of the capability axis. */
    static final Map<String, double[]> DEFAULT_CAPABILITY = ordered(
            "app_logins_30d", 1, 1, "web_sessions_30d", 1.5, 1, "digital_payments_30d", 1, 1,
            "online_purchase_share", 1, 1, "branch_visits_90d", 1, -1, "phone_contacts_90d", 0.5, -1);
    /** Default indicators of the trust axis. */
    static final Map<String, double[]> DEFAULT_TRUST = ordered(
            "profile_completeness", 3, 1, "email_open_rate", 1.5, 1, "marketing_consent", 1, 1,
            "third_party_consent", 1, 1, "whatsapp_opt_in", 0.5, 1);
    /** Default indicators of the engagement measure. */
    static final Map<String, double[]> DEFAULT_ENGAGEMENT = ordered(
            "transactions_30d", 1, 1, "card_spend_monthly", 1, 1, "app_logins_30d", 1, 1,
            "web_sessions_30d", 1, 1, "digital_payments_30d", 1, 1);
    static final double DEFAULT_SCORE_MIN_SHARE = 0.6;
    static final double DEFAULT_AXIS_MIN_SHARE = 0.5;

    /** The default archetype regions (docs/scoring.md explains how they were chosen). */
    public static final String DEFAULT_REGIONS = "Analogs=0..26.5x0..47.5; Wannabes=0..26.5x47.5..100; "
            + "Wannabes=26.5..56.5x65.5..100; Mainstreamers=26.5..56.5x0..65.5; Paranoids=56.5..100x0..35; "
            + "Chameleons=56.5..100x35..69; Nomads=56.5..100x69..100";
    static final double DEFAULT_BORDERLINE_MARGIN = 5;
    /** The default channel rule table. */
    public static final String DEFAULT_CHANNEL_RULES = "Analogs=branch,phone,sms,email,whatsapp,app_push; "
            + "Wannabes=phone,whatsapp,email,sms,app_push,branch; "
            + "Mainstreamers=app_push,email,sms,whatsapp,phone,branch; "
            + "Paranoids=app_push,email,sms,phone,branch,whatsapp; "
            + "Chameleons=app_push,email,whatsapp,sms,phone,branch; "
            + "Nomads=app_push,whatsapp,email,sms,phone,branch; "
            + "*=email,sms,app_push,phone,branch,whatsapp";
    static final List<String> DEFAULT_MARKETING_REQUIRED = List.of("app_push", "email", "sms");

    /** Every setting key with its default and meaning, in the order of the documentation. */
    public static final List<SettingSpec> SPECS = specs();

    /**
     * Validates the configuration.
     *
     * @throws InputException naming the setting: blank columns, regions that overlap or leave a gap, a channel rule
     *                        for an archetype no region has, a margin or product threshold out of range
     */
    public ScoringConfig {
        Objects.requireNonNull(idColumn, KEY_ID_COLUMN);
        Objects.requireNonNull(score, "score");
        Objects.requireNonNull(capability, "capability");
        Objects.requireNonNull(trust, "trust");
        regions = List.copyOf(regions);
        ArchetypeGrid grid = new ArchetypeGrid(regions);
        if (!(borderlineMargin >= 0 && borderlineMargin <= 100)) {
            throw new InputException("scoring setting '" + KEY_BORDERLINE_MARGIN + "' must be a number from 0 to 100, "
                    + "got " + borderlineMargin);
        }
        Objects.requireNonNull(channels, "channels");
        for (String who : channels.rules().keySet()) {
            if (!who.equals(ChannelRules.ANY) && !grid.names().contains(who)) {
                throw new InputException("scoring setting '" + KEY_CHANNEL_RULES + "' has a rule for '" + who
                        + "', which is not an archetype of '" + KEY_REGIONS + "'; the archetypes are "
                        + Names.quote(grid.names()));
            }
        }
        Objects.requireNonNull(lifecycle, "lifecycle");
        Objects.requireNonNull(engagement, "engagement");
        if (Objects.requireNonNull(productColumn, KEY_PRODUCT_COLUMN).isBlank()) {
            throw new InputException("scoring setting '" + KEY_PRODUCT_COLUMN + "' must name a column");
        }
        if (productMultiFrom < 3 || productMultiFrom > 100) {
            throw new InputException("scoring setting '" + KEY_PRODUCT_MULTI_FROM + "' must be an integer from 3 to "
                    + "100, got " + productMultiFrom);
        }
    }

    /** The defaults of {@link #SPECS}. */
    public static ScoringConfig defaults() {
        return fromSettings(Settings.empty());
    }

    /**
     * Reads a configuration; unset keys take the defaults of {@link #SPECS}.
     *
     * @throws InputException for an unknown key (naming the closest known one), a weight or direction of a column
     *                        that is not an indicator, or a bad value, naming the key and what is allowed
     */
    public static ScoringConfig fromSettings(Settings settings) {
        Map<String, Scorecard> cards = new LinkedHashMap<>();
        Map<String, Map<String, double[]>> defaults = Map.of("score", DEFAULT_SCORE, "capability",
                DEFAULT_CAPABILITY, "trust", DEFAULT_TRUST, "engagement", DEFAULT_ENGAGEMENT);
        Set<String> perIndicatorKeys = new HashSet<>();
        for (String prefix : SCORECARDS) {
            Scorecard card = scorecard(settings, prefix, defaults.get(prefix),
                    prefix.equals("score") ? DEFAULT_SCORE_MIN_SHARE : DEFAULT_AXIS_MIN_SHARE);
            cards.put(prefix, card);
            for (String c : card.indicators()) {
                perIndicatorKeys.add(prefix + ".weight." + c);
                perIndicatorKeys.add(prefix + ".direction." + c);
            }
        }
        Map<String, String> fixed = new TreeMap<>();
        for (Map.Entry<String, String> e : settings.asMap().entrySet()) {
            String k = e.getKey();
            if (perIndicatorKeys.contains(k)) {
                continue;
            }
            for (String prefix : SCORECARDS) {
                for (String kind : List.of(".weight.", ".direction.")) {
                    if (k.startsWith(prefix + kind)) {
                        throw new InputException("scoring setting '" + k + "' names column '"
                                + k.substring((prefix + kind).length()) + "', which is not in '" + prefix
                                + ".indicators' " + Names.quote(cards.get(prefix).indicators())
                                + "; add it there or remove the setting");
                    }
                }
            }
            fixed.put(k, e.getValue());
        }
        List<SettingSpec> fixedSpecs = new ArrayList<>();
        for (SettingSpec s : SPECS) {
            if (!s.key().contains("<")) {
                fixedSpecs.add(s);
            }
        }
        Settings.of(fixed).requireKnown("scoring", fixedSpecs);

        ChannelRules channels = new ChannelRules(
                ChannelRules.parse(settings.getString(KEY_CHANNEL_RULES, DEFAULT_CHANNEL_RULES)),
                settings.getBoolean(KEY_CHANNEL_USE_PREFERENCE, true),
                settings.getString(KEY_CHANNEL_PREFERENCE_COLUMN, "preferred_channel").strip(),
                settings.getString(KEY_CHANNEL_WHATSAPP_COLUMN, "whatsapp_opt_in").strip(),
                settings.getString(KEY_CHANNEL_MARKETING_COLUMN, "marketing_consent").strip(),
                settings.getString(KEY_CHANNEL_THIRD_PARTY_COLUMN, "third_party_consent").strip(),
                settings.getList(KEY_CHANNEL_MARKETING_REQUIRED, DEFAULT_MARKETING_REQUIRED));
        LifecycleRules lifecycle = new LifecycleRules(
                settings.getString(KEY_LIFECYCLE_TENURE, "tenure_months").strip(),
                settings.getString(KEY_LIFECYCLE_INACTIVE, "months_since_last_transaction").strip(),
                settings.getString(KEY_LIFECYCLE_TREND, "activity_trend").strip(),
                settings.getDouble(KEY_LIFECYCLE_DORMANT_MONTHS, 3, 1, 1e6),
                settings.getDouble(KEY_LIFECYCLE_NEW_MONTHS, 12, 0, 1e6),
                settings.getDouble(KEY_LIFECYCLE_DECLINING_TREND, -0.2, -1, 1),
                settings.getDouble(KEY_LIFECYCLE_GROWING_TREND, 0.1, -1, 1));
        return new ScoringConfig(
                settings.getString(KEY_ID_COLUMN, "customer_id").strip(),
                cards.get("score"), cards.get("capability"), cards.get("trust"),
                ArchetypeGrid.parse(settings.getString(KEY_REGIONS, DEFAULT_REGIONS)),
                settings.getDouble(KEY_BORDERLINE_MARGIN, DEFAULT_BORDERLINE_MARGIN, 0, 100),
                channels, lifecycle, cards.get("engagement"),
                settings.getString(KEY_PRODUCT_COLUMN, "products_held").strip(),
                settings.getInt(KEY_PRODUCT_MULTI_FROM, 3, 3, 100));
    }

    private static Scorecard scorecard(Settings s, String prefix, Map<String, double[]> defaults,
            double defaultShare) {
        List<String> indicators = s.getList(prefix + ".indicators", new ArrayList<>(defaults.keySet()));
        List<Double> weights = new ArrayList<>();
        List<Boolean> positive = new ArrayList<>();
        for (String c : indicators) {
            double[] d = defaults.getOrDefault(c, new double[] {1, 1});
            weights.add(s.getDouble(prefix + ".weight." + c, d[0], 0, Double.MAX_VALUE));
            positive.add(s.getChoice(prefix + ".direction." + c, d[1] > 0 ? Scorecard.POSITIVE : Scorecard.NEGATIVE,
                    List.of(Scorecard.POSITIVE, Scorecard.NEGATIVE)).equals(Scorecard.POSITIVE));
        }
        return new Scorecard(prefix, indicators, weights, positive,
                s.getDouble(prefix + ".min_weight_share", defaultShare, 0, 1));
    }

    /**
     * This configuration as settings, every key written (defaults too, and the weight and direction of every
     * indicator); {@link #fromSettings} reads it back to an equal configuration.
     */
    public Settings toSettings() {
        Map<String, String> m = new TreeMap<>();
        m.put(KEY_ID_COLUMN, idColumn);
        for (Scorecard card : scorecards()) {
            String p = card.prefix();
            m.put(p + ".indicators", Settings.formatList(card.indicators()));
            for (int i = 0; i < card.indicators().size(); i++) {
                String c = card.indicators().get(i);
                m.put(p + ".weight." + c, Double.toString(card.weights().get(i)));
                m.put(p + ".direction." + c, card.positive().get(i) ? Scorecard.POSITIVE : Scorecard.NEGATIVE);
            }
            m.put(p + ".min_weight_share", Double.toString(card.minWeightShare()));
        }
        m.put(KEY_REGIONS, ArchetypeGrid.format(regions));
        m.put(KEY_BORDERLINE_MARGIN, Double.toString(borderlineMargin));
        m.put(KEY_CHANNEL_RULES, ChannelRules.format(channels.rules()));
        m.put(KEY_CHANNEL_USE_PREFERENCE, Boolean.toString(channels.usePreference()));
        m.put(KEY_CHANNEL_PREFERENCE_COLUMN, channels.preferenceColumn());
        m.put(KEY_CHANNEL_WHATSAPP_COLUMN, channels.whatsappOptInColumn());
        m.put(KEY_CHANNEL_MARKETING_COLUMN, channels.marketingConsentColumn());
        m.put(KEY_CHANNEL_THIRD_PARTY_COLUMN, channels.thirdPartyConsentColumn());
        m.put(KEY_CHANNEL_MARKETING_REQUIRED, Settings.formatList(channels.marketingConsentRequired()));
        m.put(KEY_LIFECYCLE_TENURE, lifecycle.tenureColumn());
        m.put(KEY_LIFECYCLE_INACTIVE, lifecycle.inactiveColumn());
        m.put(KEY_LIFECYCLE_TREND, lifecycle.trendColumn());
        m.put(KEY_LIFECYCLE_DORMANT_MONTHS, Double.toString(lifecycle.dormantMonths()));
        m.put(KEY_LIFECYCLE_NEW_MONTHS, Double.toString(lifecycle.newMonths()));
        m.put(KEY_LIFECYCLE_DECLINING_TREND, Double.toString(lifecycle.decliningTrend()));
        m.put(KEY_LIFECYCLE_GROWING_TREND, Double.toString(lifecycle.growingTrend()));
        m.put(KEY_PRODUCT_COLUMN, productColumn);
        m.put(KEY_PRODUCT_MULTI_FROM, Integer.toString(productMultiFrom));
        return Settings.of(m);
    }

    /** The four scorecards: score, capability, trust, engagement. */
    public List<Scorecard> scorecards() {
        return List.of(score, capability, trust, engagement);
    }

    /**
     * The columns {@link ScoringModel#score} reads, in settings order, each once: the indicators of every scorecard,
     * the preferred-channel column (when the preference is used), the consent columns, the lifecycle columns and the
     * product column; empty names (no column) left out. Not the identifier column, which the scoring does not read
     * (the {@link ScoringPipeline} passes it through when the table has it).
     */
    public List<String> inputColumns() {
        Set<String> out = new java.util.LinkedHashSet<>();
        columnsBySetting().values().forEach(out::addAll);
        return List.copyOf(out);
    }

    /**
     * Every column a setting names, by setting key ({@code <prefix>.indicators}, then the channel, lifecycle and
     * product keys), in settings order; empty names left out. {@link ProfileScorer#checkColumns} checks exactly these.
     */
    Map<String, List<String>> columnsBySetting() {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (Scorecard card : scorecards()) {
            out.put(card.prefix() + ".indicators", card.indicators());
        }
        Map<String, String> named = new LinkedHashMap<>();
        if (channels.usePreference()) {
            named.put(KEY_CHANNEL_PREFERENCE_COLUMN, channels.preferenceColumn());
        }
        named.put(KEY_CHANNEL_WHATSAPP_COLUMN, channels.whatsappOptInColumn());
        named.put(KEY_CHANNEL_MARKETING_COLUMN, channels.marketingConsentColumn());
        named.put(KEY_CHANNEL_THIRD_PARTY_COLUMN, channels.thirdPartyConsentColumn());
        named.put(KEY_LIFECYCLE_TENURE, lifecycle.tenureColumn());
        named.put(KEY_LIFECYCLE_INACTIVE, lifecycle.inactiveColumn());
        named.put(KEY_LIFECYCLE_TREND, lifecycle.trendColumn());
        named.put(KEY_PRODUCT_COLUMN, productColumn);
        named.forEach((key, c) -> {
            if (!c.isEmpty()) {
                out.put(key, List.of(c));
            }
        });
        return out;
    }

    private static Map<String, double[]> ordered(Object... items) {
        Map<String, double[]> m = new LinkedHashMap<>();
        for (int i = 0; i < items.length; i += 3) {
            m.put((String) items[i], new double[] {((Number) items[i + 1]).doubleValue(),
                ((Number) items[i + 2]).doubleValue()});
        }
        return java.util.Collections.unmodifiableMap(m);
    }

    private static String describe(Map<String, double[]> card) {
        List<String> parts = new ArrayList<>();
        card.forEach((c, d) -> parts.add(c + " " + ArchetypeRegion.fmt(d[0]) + (d[1] > 0 ? " +" : " -")));
        return String.join(", ", parts);
    }

    private static List<SettingSpec> specs() {
        List<SettingSpec> s = new ArrayList<>();
        s.add(SettingSpec.of(KEY_ID_COLUMN, "customer_id",
                "the identifier column kept first in the scored output; empty for none"));
        Map<String, Map<String, double[]>> defaults = new LinkedHashMap<>();
        defaults.put("score", DEFAULT_SCORE);
        defaults.put("capability", DEFAULT_CAPABILITY);
        defaults.put("trust", DEFAULT_TRUST);
        defaults.put("engagement", DEFAULT_ENGAGEMENT);
        Map<String, String> what = Map.of("score", "the digital profile score", "capability",
                "the digital capability axis", "trust", "the trust axis", "engagement", "the engagement measure");
        for (Map.Entry<String, Map<String, double[]>> e : defaults.entrySet()) {
            String p = e.getKey();
            s.add(SettingSpec.of(p + ".indicators", Settings.formatList(e.getValue().keySet()),
                    "indicator columns of " + what.get(p) + " (defaults with weight and direction: "
                            + describe(e.getValue()) + ")"));
            // pattern keys: one per indicator column, so no single default (a dialog stores them as name=value
            // lines); the defaults per column are the ones listed with the indicators
            s.add(SettingSpec.of(p + ".weight.<column>", "",
                    "weight of an indicator of " + what.get(p) + ", at least 0 (default: as listed, else 1)"));
            s.add(SettingSpec.choice(p + ".direction.<column>", "",
                    List.of(Scorecard.POSITIVE, Scorecard.NEGATIVE),
                    "whether a high value raises (positive) or lowers (negative) " + what.get(p)
                            + " (default: as listed, else positive)"));
            s.add(SettingSpec.of(p + ".min_weight_share",
                    p.equals("score") ? DEFAULT_SCORE_MIN_SHARE : DEFAULT_AXIS_MIN_SHARE,
                    "share of the total weight whose indicators must be present for a value, 0..1; else missing"));
        }
        s.add(SettingSpec.of(KEY_REGIONS, DEFAULT_REGIONS,
                "archetype rectangles NAME=CAP_FROM..CAP_TOxTRUST_FROM..TRUST_TO separated by ';', tiling 0..100 x "
                        + "0..100 without overlap or gap"));
        s.add(SettingSpec.of(KEY_BORDERLINE_MARGIN, ArchetypeRegion.fmt(DEFAULT_BORDERLINE_MARGIN),
                "an archetype with less than this many score points to another archetype's region is borderline"));
        s.add(SettingSpec.of(KEY_CHANNEL_RULES, DEFAULT_CHANNEL_RULES,
                "channels in order per archetype, ARCHETYPE=CH,CH,... separated by ';', '*' for the rest; channels "
                        + String.join(", ", ChannelRules.CHANNELS)));
        s.add(SettingSpec.of(KEY_CHANNEL_USE_PREFERENCE, true,
                "whether the customer's preferred channel (when allowed) comes first"));
        s.add(SettingSpec.of(KEY_CHANNEL_PREFERENCE_COLUMN, "preferred_channel",
                "the preferred-channel column (app, email, whatsapp, phone, branch, ...); empty for none"));
        s.add(SettingSpec.of(KEY_CHANNEL_WHATSAPP_COLUMN, "whatsapp_opt_in",
                "the WhatsApp opt-in column (1/yes/true = opted in); empty: WhatsApp is never recommended"));
        s.add(SettingSpec.of(KEY_CHANNEL_MARKETING_COLUMN, "marketing_consent",
                "the marketing consent column; empty: channels that need it are never recommended"));
        s.add(SettingSpec.of(KEY_CHANNEL_THIRD_PARTY_COLUMN, "third_party_consent",
                "the third-party data consent column; empty: no third-party-data offer for anyone"));
        s.add(SettingSpec.of(KEY_CHANNEL_MARKETING_REQUIRED, Settings.formatList(DEFAULT_MARKETING_REQUIRED),
                "channels that need marketing consent"));
        s.add(SettingSpec.of(KEY_LIFECYCLE_TENURE, "tenure_months", "tenure in months"));
        s.add(SettingSpec.of(KEY_LIFECYCLE_INACTIVE, "months_since_last_transaction",
                "months since the last transaction"));
        s.add(SettingSpec.of(KEY_LIFECYCLE_TREND, "activity_trend", "activity trend -1..1"));
        s.add(SettingSpec.of(KEY_LIFECYCLE_DORMANT_MONTHS, "3", "dormant from this many months without a transaction"));
        s.add(SettingSpec.of(KEY_LIFECYCLE_NEW_MONTHS, "12", "new below this tenure in months"));
        s.add(SettingSpec.of(KEY_LIFECYCLE_DECLINING_TREND, "-0.2", "declining at or below this activity trend"));
        s.add(SettingSpec.of(KEY_LIFECYCLE_GROWING_TREND, "0.1", "growing at or above this activity trend"));
        s.add(SettingSpec.of(KEY_PRODUCT_COLUMN, "products_held", "products held, for product depth"));
        s.add(SettingSpec.of(KEY_PRODUCT_MULTI_FROM, "3", "multi from this many products (3..100); 2 up to it is dual"));
        return List.copyOf(s);
    }
}
