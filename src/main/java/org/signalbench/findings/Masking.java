package org.signalbench.findings;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Hides who can be contacted in exported findings: e-mail addresses (also written "name [at] host [dot]
 * com" or "name@gmail"), phone numbers (North American, international, national with a leading 0, 7-digit
 * local, spaced or dotted digit by digit, and digit runs inside hashtags such as {@code #xanaxcall2135550142}),
 * contact links ({@code t.me/...}, {@code wa.me/...}), {@code @handles} and the names written after a
 * messaging app ("wickr: frosty_tabs44", "kik me frostyowl1468", "tg: x", "line id: x"). Dosages
 * ({@code 2mg}, {@code 10/325}, {@code 80s}), prices, years, dates, times and counts are left alone.
 * Pure functions; the rules are listed in docs/findings.md and measured against a labelled set in
 * {@code MaskerLabelledSetTest}. Kept in code rather than read from the editable contact patterns, so
 * that editing detection cannot weaken masking.
 */
public final class Masking {
    public static final String EMAIL_MASK = "[email]";
    public static final String PHONE_MASK = "[phone]";
    public static final String HANDLE_MASK = "[handle]";

    static final Pattern EMAIL = Pattern.compile("(?<![\\w.%+-])[A-Za-z0-9._%+-]++@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}");

    /** Links that open a chat with someone: the part after the host is the contact. */
    private static final Pattern CONTACT_LINK = Pattern.compile(
            "(?i)(?:https?://)?(?:www\\.)?(t\\.me|telegram\\.me|telegram\\.dog|wa\\.me|kik\\.me|snapchat\\.com/add|line\\.me/ti/p)"
                    + "/[+~@]?[\\w.-]+");

    // Obfuscated e-mail: "at" and "dot" in brackets or as words, a spaced @ or dot.
    private static final String LOCAL = "(?<![\\w.%+-])[A-Za-z0-9._%+-]++";
    private static final String AT_BRACKETED = "\\s*[\\[({<]\\s*(?:at|@)\\s*[\\])}>]\\s*";
    private static final String AT_WORD = "\\s+at\\s+";
    private static final String AT_SPACED = "(?:\\s+@\\s*|\\s*@\\s+)";
    private static final String DOT_BRACKETED = "\\s*[\\[({<]\\s*(?:dot|\\.)\\s*[\\])}>]\\s*";
    private static final String DOT_WORD = "\\s+dot\\s+";
    private static final String DOT_SPACED = "\\s*\\.\\s*";
    private static final String HOST = "[A-Za-z0-9][A-Za-z0-9-]*";
    private static final String TLD = "(?:com|net|org|edu|gov|info|biz|co|io|me|uk|us|ca|au|de|fr|ru|test)\\b";
    private static final String PROVIDER = "(?:gmail|googlemail|yahoo|hotmail|outlook|live|protonmail|proton|icloud|aol|gmx|yandex|mail)\\b";
    private static final Pattern OBFUSCATED_EMAIL = Pattern.compile("(?i)"
            // a bracketed or spaced @: any dot will do
            + LOCAL + "(?:" + AT_BRACKETED + "|" + AT_SPACED + "|@)" + HOST
            + "(?:(?:" + DOT_BRACKETED + "|" + DOT_WORD + "|" + DOT_SPACED + ")" + HOST + ")*?"
            + "(?:" + DOT_BRACKETED + "|" + DOT_WORD + "|" + DOT_SPACED + ")" + TLD + "(?:(?:" + DOT_BRACKETED + "|" + DOT_WORD + "|\\.)" + TLD + ")*"
            // "at" as a word: only with a bracketed or spelled-out dot ("meet at noon. Com" is no address)
            + "|" + LOCAL + AT_WORD + HOST + "(?:(?:" + DOT_BRACKETED + "|" + DOT_WORD + ")" + HOST + ")*?"
            + "(?:" + DOT_BRACKETED + "|" + DOT_WORD + ")" + TLD + "(?:(?:" + DOT_BRACKETED + "|" + DOT_WORD + "|\\.)" + TLD + ")*"
            // a known provider needs no top-level domain: "name@gmail", "name at gmail.com"
            + "|" + LOCAL + "(?:" + AT_BRACKETED + "|" + AT_WORD + "|" + AT_SPACED + "|@)" + PROVIDER
            + "(?:(?:" + DOT_BRACKETED + "|" + DOT_WORD + "|\\.)" + TLD + ")?");
    /** name@host without a top-level domain: no handle (a handle's @ follows a space), so an address. */
    private static final Pattern BARE_EMAIL = Pattern.compile("(?<![\\w.%+-])(?=[A-Za-z0-9._%+-]*[A-Za-z])[A-Za-z0-9._%+-]++@[A-Za-z][A-Za-z0-9-]+\\b");

    private static final String SEP = "[ .\\-_*]";
    /**
     * Phone numbers, each shape checked further by {@link #isPhone}: + or 00 and a country code then groups
     * (+44 7700 900123, +49 555 0142 0199); North American with or without 1 (2135550142, (213) 555-0142,
     * 1-800-555-0142); national with a leading 0 (07700 900123, 06 55 50 14 21); 7-digit local (555-0142);
     * digit by digit (2 1 3 5 5 5 0 1 4 2, 2.1.3.5...).
     */
    static final Pattern PHONE = Pattern.compile(
            "(?<![\\w$\u20ac\u00a3\u00a5/+])(?<!\\d[.,:])(?:"
                    + "(?:\\+|00)\\d{1,3}(?:" + SEP + "?\\(?\\d{1,4}\\)?){2,6}"
                    + "|(?:1" + SEP + "?)?(?:\\(\\d{3}\\)|\\d{3})" + SEP + "?\\d{3}" + SEP + "?\\d{4}"
                    + "|0\\d{2,4}" + SEP + "?\\d{3,4}" + SEP + "?\\d{3,4}"
                    + "|0\\d(?:" + SEP + "?\\d{2}){4}"
                    + "|\\d(?:(?:\\s*[.\\-_*]\\s*|\\s+)\\d){6,14}"
                    + "|\\d{3}" + SEP + "\\d{4}"
                    + ")(?![\\w%/\u00b0]|[.,:\\-]\\d)");
    /** A run of 7 or more digits glued to letters, as in hashtags (#xanaxcall2135550142) or "dm2135550146". */
    private static final Pattern GLUED_DIGITS = Pattern.compile("(?<=[A-Za-z_])\\d{7,15}(?!\\d)");
    /** A hashtag joining an app and a name: #wickr_frostytabs44. */
    private static final Pattern HASHTAG_APP_HANDLE = Pattern.compile(
            "(?i)(#(?:wickr|wickrme|kik|kikme|snap|snapchat|telegram|tg|line|lineid|sc)_+)[A-Za-z0-9][A-Za-z0-9_]{2,}");
    /** @name; not a time or price ("@5pm", "@20"). */
    private static final Pattern AT_HANDLE = Pattern.compile(
            "(?<![\\w@])@(?!\\d+(?:[.:]\\d+)?(?:am|pm|k|mg|g)?\\b)[A-Za-z0-9_](?:[A-Za-z0-9_.]*[A-Za-z0-9_])?");

    /** Words after an app that are not a name ("kik off the season", "snap pics of the menu"). */
    private static final String NOT_A_NAME = "(?!(?:me|my|or|and|off|the|to|for|at|on|is|it|in|out|up|down|back|only|now|us|dm|with|app"
            + "|account|you|u|ur|your|this|that|here|there|so|too|also|pls|please|message|msg|chat|link|links|bio|pics?|photos?"
            + "|stor(?:y|ies)|streaks?|server|group|groups|channel|orders?|sale|available|accepted|ready|today|first|users?"
            + "|call|calls|id)\\b)";
    /** A name, with a Discord-style #1234 when there is one. */
    private static final String NAME = "((?=[A-Za-z0-9_.-]*[A-Za-z])[A-Za-z0-9_][A-Za-z0-9_.-]{2,}(?:#\\d{4})?)";
    /** A name that looks like a handle (has a digit, _ or .), for app words that are also ordinary words. */
    private static final String HANDLE_LIKE_NAME = "((?=[A-Za-z0-9_.-]*[A-Za-z])(?=[A-Za-z0-9_.-]*[0-9_.])[A-Za-z0-9_][A-Za-z0-9_.-]{2,})";
    private static final String BETWEEN = "(?:\\s|[:=\\-~>]|\\p{So}|\\uFE0F|\\b(?:me|id|at|on|is|name|user(?:name)?)\\b)*";
    private static final String SIGNS = "(?:\\s*(?:[:=\\-~>]|\\p{So}|\\uFE0F|\\bid\\b)\\s*)+";
    private static final String APPS = "(?:w[i1!]?c?kr(?:\\s*me)?|k[i1]k|telegr[a@]m|tg|snap\\s*chat|whatsapp|threema|skype|viber)";
    /**
     * Apps whose name is no ordinary word: any name after a sign or "me"/"id" ("kik me frostyowl",
     * "wickr: frosty"), a handle-like one after a space or "is" ("my wickr is frosty_44", but not
     * "telegram is faster", "wickr works better").
     */
    private static final Pattern APP_HANDLE = Pattern.compile(
            "(?i)(\\b" + APPS + "\\b" + BETWEEN + "(?<=[:=\\-~>\\p{So}\\uFE0F]\\s{0,3}|\\b(?:me|id|name|user(?:name)?)\\s{0,3}))"
                    + NOT_A_NAME + NAME
                    + "|(?i)(\\b" + APPS + "\\b" + BETWEEN + ")" + NOT_A_NAME + HANDLE_LIKE_NAME);
    /** App words that are also ordinary words (snap, signal, line, ig): a name after a sign, or a handle-like one. */
    private static final Pattern AMBIGUOUS_APP_HANDLE = Pattern.compile(
            "(?i)(\\b(?:snap|sc|ig|insta|instagram|tele|discord|signal|line\\s*id)\\b" + SIGNS + ")" + NOT_A_NAME + NAME
                    + "|(?i)(\\b(?:snap|sc|ig|insta|instagram|discord|signal|line)\\b(?:\\s*[:=]\\s*|\\s+|\\p{So}\\s*|\\uFE0F)+"
                    + "(?:(?:me|id|at|on|is)\\s+)*)" + NOT_A_NAME + HANDLE_LIKE_NAME);

    private Masking() {
    }

    /** The text with e-mail addresses, phone numbers, contact links, @handles and app handles replaced by placeholders. */
    public static String maskText(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String s = CONTACT_LINK.matcher(text).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + "/" + HANDLE_MASK));
        s = EMAIL.matcher(s).replaceAll(EMAIL_MASK);
        s = OBFUSCATED_EMAIL.matcher(s).replaceAll(EMAIL_MASK);
        s = BARE_EMAIL.matcher(s).replaceAll(EMAIL_MASK);
        s = PHONE.matcher(s).replaceAll(m -> Matcher.quoteReplacement(isPhone(m.group()) ? PHONE_MASK : m.group()));
        s = GLUED_DIGITS.matcher(s).replaceAll(m -> Matcher.quoteReplacement(isRound(m.group()) ? m.group() : PHONE_MASK));
        s = HASHTAG_APP_HANDLE.matcher(s).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + HANDLE_MASK));
        s = AT_HANDLE.matcher(s).replaceAll(Matcher.quoteReplacement("@" + HANDLE_MASK));
        s = APP_HANDLE.matcher(s).replaceAll(m -> Matcher.quoteReplacement(
                (m.group(1) != null ? m.group(1) : m.group(3)) + HANDLE_MASK));
        s = AMBIGUOUS_APP_HANDLE.matcher(s).replaceAll(m -> Matcher.quoteReplacement(
                (m.group(1) != null ? m.group(1) : m.group(3)) + HANDLE_MASK));
        return s;
    }

    /** Whether a {@link #PHONE} match has the digits of a phone number rather than of a year, a date or a price list. */
    static boolean isPhone(String match) {
        int digits = 0;
        for (int i = 0; i < match.length(); i++) {
            if (Character.isDigit(match.charAt(i))) {
                digits++;
            }
        }
        if (isCounting(match.replaceAll("[^0-9]", ""))) {
            return false; // 1 2 3 4 5 6 7 8 9: counting, not a number to call
        }
        if (match.startsWith("+") || match.startsWith("00")) {
            return digits >= 8 && digits <= 15;
        }
        if (digits == 7) {
            // 555 0142, but not "top 100 2024": a year after a space is no local number
            return !match.matches("\\d{3} (?:19|20)\\d{2}");
        }
        return digits >= 7 && digits <= 12;
    }

    /** Digits going up or down by one each (1234567, 9876543). */
    private static boolean isCounting(String digits) {
        boolean up = true;
        boolean down = true;
        for (int i = 1; i < digits.length(); i++) {
            int step = digits.charAt(i) - digits.charAt(i - 1);
            up &= step == 1;
            down &= step == -1;
        }
        return up || down;
    }

    /** 1000000 and the like: a round number (followers, views), not a phone number. */
    private static boolean isRound(String digits) {
        return digits.endsWith("000");
    }

    /**
     * A stable pseudonym for an account ({@code account-3f9a1c}): the same name always gives the same
     * pseudonym, so a masked table still tells accounts apart, but the name is not shown.
     */
    public static String maskAccount(String account) {
        if (account == null || account.isEmpty()) {
            return account;
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(account.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
            return "account-" + HexFormat.of().formatHex(digest, 0, 3);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
