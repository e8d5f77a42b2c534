package org.signalbench.findings;

import java.util.List;
import java.util.Locale;

/** Small inline SVG charts for the HTML report: no scripts, no external fonts or styles. */
public final class SvgCharts {
    private SvgCharts() {
    }

    /** One series of values, one per label. */
    public record Series(String name, List<? extends Number> values, String color) {
    }

    public static final String BLUE = "#3b6ea5";
    public static final String ORANGE = "#e08a2c";

    private static final int WIDTH = 760;
    private static final int LABEL_WIDTH = 230;
    private static final int BAR = 16;

    /** Horizontal bars, one group per label with a bar per series, the value written at the bar's end. */
    public static String horizontalBars(String title, List<String> labels, List<Series> series) {
        double max = series.stream().flatMap(s -> s.values().stream()).mapToDouble(Number::doubleValue).max().orElse(0);
        int group = BAR * series.size() + 8;
        int legend = series.size() > 1 ? 22 : 0;
        int height = 28 + legend + group * labels.size() + 6;
        int plot = WIDTH - LABEL_WIDTH - 70;
        StringBuilder svg = open(title, height);
        svg.append(text(8, 18, title, "title"));
        if (series.size() > 1) {
            int x = LABEL_WIDTH;
            for (Series s : series) {
                svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"30\" width=\"12\" height=\"12\" fill=\"%s\"/>", x, s.color()));
                svg.append(text(x + 16, 40, s.name(), "legend"));
                x += 24 + 8 * s.name().length();
            }
        }
        for (int i = 0; i < labels.size(); i++) {
            int y0 = 28 + legend + i * group;
            svg.append(text(LABEL_WIDTH - 8, y0 + group / 2 + 4, labels.get(i), "label end"));
            for (int k = 0; k < series.size(); k++) {
                double v = series.get(k).values().get(i).doubleValue();
                int w = max == 0 ? 0 : (int) Math.round(v / max * plot);
                int y = y0 + 4 + k * BAR;
                svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"%s\"><title>%s: %s</title></rect>",
                        LABEL_WIDTH, y, w, BAR - 3, series.get(k).color(), escape(labels.get(i) + " " + series.get(k).name()), number(v)));
                svg.append(text(LABEL_WIDTH + w + 4, y + BAR - 5, number(v), "value"));
            }
        }
        return svg.append("</svg>\n").toString();
    }

    /** Vertical bars over time with a line through their tops: the weekly timeline. */
    public static String timeline(String title, List<String> labels, List<? extends Number> values) {
        int height = 290;
        int left = 50, bottom = height - 62, top = 40;
        int n = Math.max(1, labels.size());
        double slot = (WIDTH - left - 10) / (double) n;
        double max = values.stream().mapToDouble(Number::doubleValue).max().orElse(0);
        StringBuilder svg = open(title, height);
        svg.append(text(8, 18, title, "title"));
        svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" class=\"axis\"/>", left, bottom, WIDTH - 10, bottom));
        svg.append(text(left - 6, top + 4, number(max), "value end"));
        svg.append(text(left - 6, bottom, "0", "value end"));
        // long tick labels (2018-W29) are turned so neighbours do not overlap
        boolean turn = labels.stream().mapToInt(String::length).max().orElse(0) * 6.5 > slot;
        StringBuilder line = new StringBuilder();
        StringBuilder labelsSvg = new StringBuilder();
        for (int i = 0; i < labels.size(); i++) {
            double v = values.get(i).doubleValue();
            double h = max == 0 ? 0 : v / max * (bottom - top);
            double x = left + i * slot;
            int cx = (int) Math.round(x + slot / 2);
            svg.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\"><title>%s: %s</title></rect>",
                    x + slot * 0.15, bottom - h, slot * 0.7, h, BLUE, escape(labels.get(i)), number(v)));
            line.append(line.isEmpty() ? "" : " ").append(String.format(Locale.ROOT, "%.1f,%.1f", x + slot / 2, bottom - h));
            labelsSvg.append(turn
                    ? String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" class=\"tick end\" transform=\"rotate(-35 %d %d)\">%s</text>",
                    cx, bottom + 12, cx, bottom + 12, escape(labels.get(i)))
                    : text(cx, bottom + 14, labels.get(i), "tick middle"));
            labelsSvg.append(text(cx, (int) Math.round(bottom - h - 4), number(v), "value middle"));
        }
        svg.append(String.format(Locale.ROOT, "<polyline points=\"%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"2\"/>", line, ORANGE));
        svg.append(labelsSvg);
        return svg.append("</svg>\n").toString();
    }

    private static StringBuilder open(String title, int height) {
        return new StringBuilder(String.format(Locale.ROOT,
                "<svg class=\"chart\" role=\"img\" aria-label=\"%s\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\">",
                escape(title), WIDTH, height, WIDTH, height));
    }

    private static String text(int x, int y, String content, String cssClass) {
        return String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" class=\"%s\">%s</text>", x, y, cssClass, escape(content));
    }

    private static String number(double v) {
        return v == Math.rint(v) ? String.format(Locale.ROOT, "%,d", (long) v) : String.format(Locale.ROOT, "%.1f", v);
    }

    /** Text for HTML or SVG: the five markup characters escaped. */
    public static String escape(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(s.length());
        for (char ch : s.toCharArray()) {
            switch (ch) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> sb.append(ch);
            }
        }
        return sb.toString();
    }
}
