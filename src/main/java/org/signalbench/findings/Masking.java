package org.signalbench.findings;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Hides who can be contacted in exported findings: e-mail addresses, phone numbers, {@code @handles}
 * and the names written after a messaging app ("wickr: frosty_tabs44", "kik me frostyowl1468").
 * Pure functions; the rules are listed in docs/findings.md.
 */
public final class Masking {
    public static final String EMAIL_MASK = "[email]";
    public static final String PHONE_MASK = "[phone]";
    public static final String HANDLE_MASK = "[handle]";

    static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}");
    /**
     * North American numbers with or without +1 / 1- (213-555-0142, (213) 555-0142, +1 213 555 0142,
     * 213.555.0142, 1-800-555-0142) and international ones: + and a country code, then 2 to 5 groups of 2 to 4
     * digits. Kept in code rather than read from the editable contact patterns, so that editing detection
     * cannot weaken masking.
     */
    static final Pattern PHONE = Pattern.compile(
            "(?<![\\w+])(?:(?:\\+?1[ .-]?)?(?:\\(\\d{3}\\)|\\d{3})[ .-]?\\d{3}[ .-]\\d{4}"
                    + "|\\+\\d{1,3}(?:[ .-]?\\(?\\d{2,4}\\)?){2,5})(?![\\w])");
    private static final Pattern AT_HANDLE = Pattern.compile("(?<![\\w@])@[A-Za-z0-9_](?:[A-Za-z0-9_.]*[A-Za-z0-9_])?");
    /** A name after an app word, with the words and signs people put between ("me", ":", "➡️"). */
    private static final Pattern APP_HANDLE = Pattern.compile(
            "(?i)(\\b(?:wickr(?:me)?|kik|telegram|snapchat|snap|whatsapp|threema|skype)\\b"
                    + "(?:\\s|[:=\\-]|\\p{So}|\\uFE0F|\\b(?:me|id|at|on|is)\\b)*)"
                    + "(?!(?:me|my|or|and|off|the|to|for|at|on|is|it|in|out|up|down|back|only|now|us|dm|with|app|account"
                    + "|you|u|ur|your|this|that|here|there|so|too|also|pls|please|message|msg|chat|link|bio|only)\\b)"
                    + "([A-Za-z_][A-Za-z0-9_.]{2,})");

    private Masking() {
    }

    /** The text with e-mail addresses, phone numbers, @handles and app handles replaced by placeholders. */
    public static String maskText(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String s = EMAIL.matcher(text).replaceAll(EMAIL_MASK);
        s = PHONE.matcher(s).replaceAll(PHONE_MASK);
        s = AT_HANDLE.matcher(s).replaceAll("@" + HANDLE_MASK);
        s = APP_HANDLE.matcher(s).replaceAll("$1" + HANDLE_MASK);
        return s;
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
