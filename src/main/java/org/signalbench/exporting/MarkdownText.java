package org.signalbench.exporting;

/**
 * Escapes text for a cell of a GitHub-flavoured Markdown table, so collected text (captions, handles,
 * hashtags) can neither break the table nor bring in links, images, emphasis or raw HTML when the file
 * is rendered: pipes, backslashes and every Markdown or HTML sign get a backslash (CommonMark renders
 * an escaped sign as itself), and line breaks become {@code <br>}.
 */
public final class MarkdownText {
    /** Signs with a meaning in a Markdown table cell: escaped with a backslash. */
    private static final String SPECIAL = "\\|`*_[]<>~";

    private MarkdownText() {
    }

    public static String cell(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (ch == '\r') {
                b.append("<br>");
                if (i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
            } else if (ch == '\n') {
                b.append("<br>");
            } else if (SPECIAL.indexOf(ch) >= 0) {
                b.append('\\').append(ch);
            } else {
                b.append(ch);
            }
        }
        return b.toString();
    }
}
