package org.signalbench.domain;

/**
 * Checks the name of a coder or expert before it is stored: names are printed in reports, tables and
 * terminals, so one that holds control characters (NUL, line breaks, escape sequences), invisible
 * format characters (bidi overrides that reverse how the text around them reads, zero-width marks)
 * or is too long to show is refused with a message that shows the bad character as a code point.
 */
public final class PersonName {
    /** Longest name accepted, in characters. */
    public static final int MAX_LENGTH = 100;

    private PersonName() {
    }

    /** The trimmed name, or IllegalArgumentException saying what is wrong with it. */
    public static String check(String name) {
        String trimmed = name == null ? "" : name.strip();
        if (trimmed.isEmpty()) {
            throw new IllegalArgumentException("a coder needs a name");
        }
        if (trimmed.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("a coder name has at most " + MAX_LENGTH + " characters, not " + trimmed.length());
        }
        for (int i = 0; i < trimmed.length(); ) {
            int cp = trimmed.codePointAt(i);
            int type = Character.getType(cp);
            if (type == Character.CONTROL || type == Character.FORMAT || type == Character.LINE_SEPARATOR
                    || type == Character.PARAGRAPH_SEPARATOR || type == Character.SURROGATE || type == Character.UNASSIGNED
                    || type == Character.PRIVATE_USE) {
                throw new IllegalArgumentException(String.format("the coder name '%s' holds %s (U+%04X at character %d); "
                                + "use letters, digits, spaces and punctuation", printable(trimmed), kind(cp, type), cp, i + 1));
            }
            i += Character.charCount(cp);
        }
        return trimmed;
    }

    private static String kind(int cp, int type) {
        if (cp == 0) {
            return "a NUL character";
        }
        if (cp == '\n' || cp == '\r' || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR) {
            return "a line break";
        }
        if ((cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069) || cp == 0x200E || cp == 0x200F || cp == 0x061C) {
            return "a text-direction mark";
        }
        if (type == Character.CONTROL) {
            return "a control character";
        }
        return type == Character.FORMAT ? "an invisible character" : "a character that cannot be shown";
    }

    /** The name with every character that is not safe to print written as \\uXXXX. */
    private static String printable(String name) {
        StringBuilder b = new StringBuilder();
        name.codePoints().forEach(cp -> {
            int type = Character.getType(cp);
            boolean unsafe = type == Character.CONTROL || type == Character.FORMAT || type == Character.LINE_SEPARATOR
                    || type == Character.PARAGRAPH_SEPARATOR || type == Character.SURROGATE || type == Character.UNASSIGNED
                    || type == Character.PRIVATE_USE;
            if (unsafe) {
                b.append(String.format("\\u%04X", cp));
            } else {
                b.appendCodePoint(cp);
            }
        });
        return b.length() > 60 ? b.substring(0, 60) + "…" : b.toString();
    }
}
