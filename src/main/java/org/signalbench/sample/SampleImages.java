package org.signalbench.sample;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Random;
import javax.imageio.ImageIO;

/**
 * Draws the sample's small images (160 x 160, flat colours, no anti-aliasing so the PNGs stay a
 * few kB). Every picture is a pure function of its {@link Spec}, so the PNG in the bundle and the
 * JPEG in the Instaloader tree show the same thing.
 */
final class SampleImages {
    static final int SIZE = 160;

    /** What a picture shows. */
    enum Kind {
        RX_PILLS("rx_only"), OXY_PILLS("rx_only"), BLOTTER("illicit_only"), BAGGIE("illicit_only"),
        PILLS_AND_BAGGIE("both"), UNCLEAR("unclassifiable"),
        SUNSET("unrelated"), CITY("unrelated"), SNEAKER("unrelated"), HOODIE("unrelated"),
        RECOVERY_CHIP("unrelated"), NEWS_CARD("unrelated"), MUSIC_COVER("unrelated"), PHARMACY_SIGN("unrelated"),
        MEME_CARD("unrelated"), PARTY_LIGHTS("unrelated");

        /** The codebook's image_category a coder gives this picture. */
        final String category;

        Kind(String category) {
            this.category = category;
        }
    }

    /**
     * @param note  the text of a hand-written contact note on the picture, or null
     * @param label a short text some kinds show (an imprint, a headline), or null
     */
    record Spec(Kind kind, long seed, String note, String label) {
    }

    private SampleImages() {
    }

    static void writePng(Spec spec, OutputStream out) throws IOException {
        ImageIO.write(render(spec), "png", out);
    }

    static void writeJpeg(Spec spec, OutputStream out) throws IOException {
        ImageIO.write(render(spec), "jpg", out);
    }

    static BufferedImage render(Spec spec) {
        BufferedImage image = new BufferedImage(SIZE, SIZE, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_OFF);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_OFF);
        Random r = new Random(spec.seed());
        switch (spec.kind()) {
            case RX_PILLS -> { background(g, r, new Color(214, 200, 176)); bars(g, r, spec.label()); }
            case OXY_PILLS -> { background(g, r, new Color(60, 64, 72)); roundPills(g, r, spec.label()); }
            case BLOTTER -> { background(g, r, new Color(240, 240, 236)); blotter(g, r); }
            case BAGGIE -> { background(g, r, new Color(40, 40, 46)); baggie(g, r, 30, 30); }
            case PILLS_AND_BAGGIE -> { background(g, r, new Color(120, 96, 70)); roundPills(g, r, spec.label()); baggie(g, r, 70, 70); }
            case UNCLEAR -> unclear(g, r);
            case SUNSET -> sunset(g, r);
            case CITY -> city(g, r);
            case SNEAKER -> { background(g, r, new Color(230, 230, 235)); sneaker(g, r); }
            case HOODIE -> { background(g, r, new Color(200, 210, 220)); hoodie(g, r); }
            case RECOVERY_CHIP -> { background(g, r, new Color(30, 60, 90)); chip(g, spec.label()); }
            case NEWS_CARD -> card(g, new Color(250, 250, 250), Color.BLACK, "NEWS", spec.label());
            case MUSIC_COVER -> { card(g, new Color(20 + r.nextInt(60), 10, 60 + r.nextInt(120)), Color.WHITE, "NEW SINGLE", spec.label()); }
            case PHARMACY_SIGN -> pharmacy(g);
            case MEME_CARD -> card(g, Color.WHITE, Color.BLACK, "ME:", spec.label());
            case PARTY_LIGHTS -> party(g, r);
        }
        if (spec.note() != null) {
            note(g, r, spec.note());
        }
        g.dispose();
        return image;
    }

    private static void background(Graphics2D g, Random r, Color base) {
        g.setColor(base);
        g.fillRect(0, 0, SIZE, SIZE);
        g.setColor(base.darker());
        int stripes = 2 + r.nextInt(3);
        for (int i = 0; i < stripes; i++) {
            g.drawLine(0, 20 + r.nextInt(120), SIZE, 20 + r.nextInt(120));
        }
    }

    private static final Color[] BAR_COLORS = {new Color(120, 190, 110), new Color(236, 214, 90), Color.WHITE,
            new Color(150, 190, 230)};

    private static void bars(Graphics2D g, Random r, String imprint) {
        int n = 3 + r.nextInt(4);
        Color c = BAR_COLORS[r.nextInt(BAR_COLORS.length)];
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 9));
        for (int i = 0; i < n; i++) {
            int x = 8 + r.nextInt(80);
            int y = 10 + i * (140 / n);
            g.setColor(c);
            g.fillRoundRect(x, y, 64, 18, 10, 10);
            g.setColor(c.darker());
            g.drawRoundRect(x, y, 64, 18, 10, 10);
            for (int k = 1; k < 4; k++) {
                g.drawLine(x + k * 16, y + 2, x + k * 16, y + 16);
            }
            g.setColor(new Color(70, 70, 70));
            g.drawString(imprint == null ? "G3722" : imprint, x + 6, y + 13);
        }
    }

    private static void roundPills(Graphics2D g, Random r, String imprint) {
        int n = 4 + r.nextInt(5);
        Color c = r.nextBoolean() ? new Color(110, 160, 220) : new Color(230, 140, 160);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 8));
        for (int i = 0; i < n; i++) {
            int x = 6 + r.nextInt(118);
            int y = 6 + r.nextInt(118);
            g.setColor(c);
            g.fillOval(x, y, 30, 30);
            g.setColor(c.darker());
            g.drawOval(x, y, 30, 30);
            g.setColor(Color.DARK_GRAY);
            g.drawString(imprint == null ? "M 30" : imprint, x + 5, y + 18);
        }
    }

    private static void blotter(Graphics2D g, Random r) {
        Color a = new Color(r.nextInt(256), r.nextInt(256), r.nextInt(256));
        Color b = new Color(r.nextInt(256), r.nextInt(256), r.nextInt(256));
        int cell = 16;
        for (int y = 16; y < 144; y += cell) {
            for (int x = 16; x < 144; x += cell) {
                double d = Math.hypot(x - 80, y - 80);
                g.setColor(((int) (d / 14)) % 2 == 0 ? a : b);
                g.fillRect(x, y, cell, cell);
            }
        }
        g.setColor(Color.GRAY);
        for (int k = 16; k <= 144; k += cell) {
            g.drawLine(k, 16, k, 144);
            g.drawLine(16, k, 144, k);
        }
    }

    private static void baggie(Graphics2D g, Random r, int x, int y) {
        g.setColor(new Color(220, 225, 230));
        g.fillRect(x, y, 70, 84);
        g.setColor(new Color(200, 40, 40));
        g.fillRect(x, y + 6, 70, 4);
        g.setColor(new Color(245, 245, 245));
        for (int i = 0; i < 60; i++) {
            g.fillRect(x + 6 + r.nextInt(56), y + 44 + r.nextInt(34), 3, 3);
        }
        g.setColor(Color.GRAY);
        g.drawRect(x, y, 70, 84);
    }

    private static void unclear(Graphics2D g, Random r) {
        for (int y = 0; y < SIZE; y += 8) {
            for (int x = 0; x < SIZE; x += 8) {
                int v = 40 + r.nextInt(40);
                g.setColor(new Color(v, v, v + 10));
                g.fillRect(x, y, 8, 8);
            }
        }
        g.setColor(new Color(150, 150, 140));
        for (int i = 0; i < 5; i++) {
            g.fillOval(30 + r.nextInt(90), 30 + r.nextInt(90), 20, 12);
        }
    }

    private static void sunset(Graphics2D g, Random r) {
        for (int y = 0; y < 100; y += 10) {
            g.setColor(new Color(250, 120 + y, 60 + y));
            g.fillRect(0, y, SIZE, 10);
        }
        g.setColor(new Color(255, 220, 90));
        g.fillOval(50 + r.nextInt(40), 60, 40, 40);
        g.setColor(new Color(30, 70, 120));
        g.fillRect(0, 100, SIZE, 60);
    }

    private static void city(Graphics2D g, Random r) {
        g.setColor(new Color(20, 24, 60));
        g.fillRect(0, 0, SIZE, SIZE);
        for (int x = 0; x < SIZE; x += 20) {
            int h = 40 + r.nextInt(90);
            g.setColor(new Color(50, 50, 70));
            g.fillRect(x, SIZE - h, 18, h);
            g.setColor(new Color(240, 220, 120));
            for (int w = SIZE - h + 6; w < SIZE - 6; w += 12) {
                if (r.nextBoolean()) {
                    g.fillRect(x + 4, w, 4, 4);
                }
            }
        }
    }

    private static void sneaker(Graphics2D g, Random r) {
        Color c = new Color(r.nextInt(200), r.nextInt(200), r.nextInt(200));
        g.setColor(c);
        g.fillRoundRect(20, 70, 120, 40, 30, 30);
        g.fillRect(20, 50, 50, 40);
        g.setColor(Color.WHITE);
        g.fillRect(20, 106, 124, 10);
        g.setColor(Color.DARK_GRAY);
        g.setStroke(new BasicStroke(2));
        for (int i = 0; i < 4; i++) {
            g.drawLine(40 + i * 8, 60, 48 + i * 8, 74);
        }
    }

    private static void hoodie(Graphics2D g, Random r) {
        g.setColor(new Color(r.nextInt(120), r.nextInt(120), 80 + r.nextInt(120)));
        g.fillRect(45, 40, 70, 100);
        g.fillRect(20, 50, 25, 70);
        g.fillRect(115, 50, 25, 70);
        g.fillOval(55, 20, 50, 40);
        g.setColor(Color.WHITE);
        g.drawLine(75, 60, 75, 80);
        g.drawLine(85, 60, 85, 80);
    }

    private static void chip(Graphics2D g, String label) {
        g.setColor(new Color(200, 170, 60));
        g.fillOval(25, 25, 110, 110);
        g.setColor(new Color(120, 90, 20));
        g.drawOval(35, 35, 90, 90);
        g.setFont(new Font(Font.SERIF, Font.BOLD, 16));
        g.drawString(label == null ? "1 YEAR" : label, 48, 86);
    }

    private static void card(Graphics2D g, Color bg, Color fg, String title, String label) {
        g.setColor(bg);
        g.fillRect(0, 0, SIZE, SIZE);
        g.setColor(fg);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 18));
        g.drawString(title, 10, 30);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        String text = label == null ? "" : label;
        int y = 60;
        for (String line : wrap(text, 22)) {
            g.drawString(line, 10, y);
            y += 14;
            if (y > 150) {
                break;
            }
        }
    }

    private static void pharmacy(Graphics2D g) {
        g.setColor(new Color(235, 245, 235));
        g.fillRect(0, 0, SIZE, SIZE);
        g.setColor(new Color(30, 160, 70));
        g.fillRect(65, 30, 30, 90);
        g.fillRect(35, 60, 90, 30);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
        g.drawString("PHARMACY", 40, 145);
    }

    private static void party(Graphics2D g, Random r) {
        g.setColor(new Color(10, 5, 25));
        g.fillRect(0, 0, SIZE, SIZE);
        for (int i = 0; i < 14; i++) {
            g.setColor(new Color(100 + r.nextInt(156), r.nextInt(256), 100 + r.nextInt(156)));
            g.drawLine(80, 0, r.nextInt(SIZE), SIZE);
        }
    }

    /** A slanted sheet of paper with hand-written (italic) ink. */
    private static void note(Graphics2D g, Random r, String text) {
        AffineTransform saved = g.getTransform();
        g.rotate(Math.toRadians(-8 + r.nextInt(16)), 80, 120);
        g.setColor(new Color(250, 240, 170));
        g.fillRect(8, 96, 144, 48);
        g.setColor(new Color(20, 40, 150));
        g.setFont(new Font(Font.SERIF, Font.ITALIC, 14));
        // the app's name on the first line, the handle or number on the second, as people write it
        int split = text.indexOf(' ');
        String first = split < 0 ? text : text.substring(0, split);
        String second = split < 0 ? "" : text.substring(split + 1);
        g.drawString(first, 16, 116);
        g.drawString(second.length() > 20 ? second.substring(0, 20) : second, 22, 136);
        g.setTransform(saved);
    }

    private static java.util.List<String> wrap(String text, int width) {
        java.util.List<String> lines = new java.util.ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            if (line.length() + word.length() + 1 > width && line.length() > 0) {
                lines.add(line.toString());
                line.setLength(0);
            }
            if (line.length() > 0) {
                line.append(' ');
            }
            line.append(word);
        }
        if (line.length() > 0) {
            lines.add(line.toString());
        }
        return lines;
    }
}
