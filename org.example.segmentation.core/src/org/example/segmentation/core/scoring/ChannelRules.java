package org.example.segmentation.core.scoring;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.example.segmentation.core.InputException;
import org.example.segmentation.core.Names;

/**
 * The channel rule table: for every archetype (and {@value #ANY} for the rest, and for customers without an
 * archetype) the channels in order of preference, plus the consent columns that veto channels.
 *
 * <p>Per customer: the candidates are the customer's own preferred channel (when {@code usePreference} and it maps
 * to a channel: {@code app} is {@code app_push}, a channel name is itself, {@code web} and others map to none), then
 * the archetype's list. A candidate is <b>vetoed</b> when
 * <ul>
 * <li>it is {@code whatsapp} and the WhatsApp opt-in is not yes (no column, a missing value or 0 all mean no);</li>
 * <li>it is in {@code marketingConsentRequired} and the marketing consent is not yes.</li>
 * </ul>
 * The first two candidates not vetoed are {@code channel_first} and {@code channel_second} (missing when there are
 * fewer). No setting can lift a veto: consent is never overridden.
 *
 * <p>Third-party data: {@code third_party_offer_allowed} is {@code yes} only when the third-party consent and the
 * marketing consent are both yes.
 *
 * @param rules                    archetype (or {@value #ANY}) to channels in order; {@value #ANY} is required
 * @param usePreference            whether the customer's preferred channel is the first candidate
 * @param preferenceColumn         the preferred-channel column, or "" for none
 * @param whatsappOptInColumn      the WhatsApp opt-in column, or "" (then WhatsApp is never recommended)
 * @param marketingConsentColumn   the marketing consent column, or "" (then no channel that needs it is recommended)
 * @param thirdPartyConsentColumn  the third-party data consent column, or "" (then no third-party offer)
 * @param marketingConsentRequired the channels that need marketing consent
 */
public record ChannelRules(Map<String, List<String>> rules, boolean usePreference, String preferenceColumn,
        String whatsappOptInColumn, String marketingConsentColumn, String thirdPartyConsentColumn,
        List<String> marketingConsentRequired) {

    /** The rule for every archetype without its own rule, and for customers without an archetype. */
    public static final String ANY = "*";
    /** The channels, in the order of the output dictionary. */
    public static final List<String> CHANNELS = List.of("app_push", "email", "whatsapp", "sms", "phone", "branch");
    static final String KEY_RULES = "channel.rules";

    /**
     * Validates the table.
     *
     * @throws InputException naming the setting: no {@value #ANY} rule, an unknown or repeated channel, an empty list
     */
    public ChannelRules {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> e : rules.entrySet()) {
            String who = e.getKey();
            List<String> channels = List.copyOf(e.getValue());
            if (channels.isEmpty()) {
                throw new InputException("scoring setting '" + KEY_RULES + "': the rule of '" + who
                        + "' lists no channel");
            }
            checkChannels(KEY_RULES + "' (rule of '" + who, channels);
            copy.put(who, channels);
        }
        if (!copy.containsKey(ANY)) {
            throw new InputException("scoring setting '" + KEY_RULES + "' needs a rule for '" + ANY
                    + "' (archetypes without a rule of their own and customers without an archetype)");
        }
        rules = Collections.unmodifiableMap(copy);
        Objects.requireNonNull(preferenceColumn, "preferenceColumn");
        Objects.requireNonNull(whatsappOptInColumn, "whatsappOptInColumn");
        Objects.requireNonNull(marketingConsentColumn, "marketingConsentColumn");
        Objects.requireNonNull(thirdPartyConsentColumn, "thirdPartyConsentColumn");
        marketingConsentRequired = List.copyOf(marketingConsentRequired);
        checkChannels("channel.marketing_consent_required", marketingConsentRequired);
    }

    private static void checkChannels(String key, List<String> channels) {
        Set<String> seen = new HashSet<>();
        for (String c : channels) {
            if (!CHANNELS.contains(c)) {
                throw new InputException("scoring setting '" + key + (key.contains("(") ? ")" : "'")
                        + ": '" + c + "' is not a channel; the channels are " + Names.quote(CHANNELS));
            }
            if (!seen.add(c)) {
                throw new InputException("scoring setting '" + key + (key.contains("(") ? ")" : "'")
                        + " lists channel '" + c + "' twice");
            }
        }
    }

    /**
     * Parses {@code Archetype=ch1,ch2,...; *=...}.
     *
     * @throws InputException naming the setting and the item that does not parse
     */
    static Map<String, List<String>> parse(String text) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (String item : text.split(";")) {
            String t = item.strip();
            if (t.isEmpty()) {
                continue;
            }
            int eq = t.indexOf('=');
            if (eq <= 0) {
                throw new InputException("scoring setting '" + KEY_RULES + "': '" + t + "' is not a rule; write "
                        + "ARCHETYPE=CHANNEL,CHANNEL,... (or *=... for everyone else) and separate rules with ';'");
            }
            String who = t.substring(0, eq).strip();
            List<String> channels = new ArrayList<>();
            for (String c : t.substring(eq + 1).split(",")) {
                if (!c.isBlank()) {
                    channels.add(c.strip().toLowerCase(Locale.ROOT));
                }
            }
            if (out.put(who, channels) != null) {
                throw new InputException("scoring setting '" + KEY_RULES + "' has two rules for '" + who + "'");
            }
        }
        return out;
    }

    /** Formats rules as {@link #parse} reads them. */
    static String format(Map<String, List<String>> rules) {
        List<String> parts = new ArrayList<>();
        rules.forEach((who, channels) -> parts.add(who + "=" + String.join(",", channels)));
        return String.join("; ", parts);
    }

    /** The channel a preferred-channel value maps to, or -1: {@code app} is app_push; channel names are themselves. */
    static int preferenceChannel(String value) {
        if (value == null) {
            return -1;
        }
        String v = value.strip().toLowerCase(Locale.ROOT);
        if (v.equals("app")) {
            return CHANNELS.indexOf("app_push");
        }
        return CHANNELS.indexOf(v);
    }

    /** The consent columns that are set, in the order whatsapp, marketing, third party. */
    public List<String> consentColumns() {
        List<String> out = new ArrayList<>();
        for (String c : List.of(whatsappOptInColumn, marketingConsentColumn, thirdPartyConsentColumn)) {
            if (!c.isEmpty() && !out.contains(c)) {
                out.add(c);
            }
        }
        return out;
    }
}
