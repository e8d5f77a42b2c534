package org.signalbench.ui;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.signalbench.store.TestPosts;
import org.signalbench.store.TestPosts.TestComment;
import org.signalbench.store.Workbench;

/**
 * Writes a small made-up workbench (with two generated images) to look at the window on when the
 * built-in sample is not at hand: {@code ScreenshotWorkbench PATH}.
 */
public final class ScreenshotWorkbench {
    private ScreenshotWorkbench() {
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]).toAbsolutePath();
        Path media = file.resolveSibling("media");
        Files.createDirectories(media);
        Path pills = image(media.resolve("pills.png"), "M 30", new Color(0xdfe8f5));
        Path note = image(media.resolve("note.png"), "wickr: frosty_tabs_44", new Color(0xfff6d8));
        FakeWorld.fillWorkbench(file);
        try (Workbench workbench = Workbench.open(file)) {
            TestPosts posts = new TestPosts(workbench.connection());
            posts.insert("instagram", "Bq5dealer01", "frosty_tabs_44", "2018-07-22T18:40:00Z",
                    "restocked 🔥 blues and bars ready, fast shipping #oxycodone #oxy80s #xanax hmu on kik or wickr: frosty_tabs_44",
                    List.of("#oxycodone", "#oxy80s", "#xanax"),
                    List.of(new TestComment("late_night_lou", "u still got the 30s?"),
                            new TestComment("frosty_tabs_44", "yes dm me #legit"),
                            new TestComment("late_night_lou", "sent")),
                    List.of(pills.toString(), note.toString()), List.of());
            String[][] more = {
                    {"instagram", "Bq6music001", "beat_maker_dee", "2018-07-23T20:15:00Z", "new track \"xanax dreams\" out now, link in bio #music #xanax", "#xanax"},
                    {"instagram", "Bq7pharm001", "corner_pharmacy_demo", "2018-07-24T08:00:00Z", "Flu shots today! Questions about your prescriptions? Call 213-555-0187 #pharmacy #oxycodone", "#oxycodone"},
                    {"twitter", "1021000000000000002", "recovery_voices", "2018-07-25T12:30:00Z", "Two years free from oxy today. If you are struggling, the helpline is 213-555-0142 #recovery #oxycontin", "#oxycontin"},
                    {"instagram", "Bq8lsd00001", "tab_wizard_9", "2018-07-26T22:05:00Z", "fresh sheets 🌈 #lsd25 #lsdtabs telegram @tab_wizard_9", "#lsd25"},
                    {"instagram", "Bq9mdma0001", "pill_party_x", "2018-07-27T23:45:00Z", "weekend vibes #mdmapills #mdmazing ships worldwide, whatsapp 213-555-0163", "#mdmapills"},
                    {"twitter", "1021000000000000003", "news_desk_demo", "2018-07-28T07:10:00Z", "Police warn of counterfeit #xanax pills laced with fentanyl", "#xanax"},
                    {"instagram", "Bqa2mg00001", "bar_king_77", "2018-07-29T16:20:00Z", "2mg bars in stock #2mgxanax #greenxanax #xanaxfamily wickr me", "#2mgxanax"},
                    {"instagram", "Bqbbeach001", "sunny_side_22", "2018-07-30T11:00:00Z", "beach day with the crew ☀️ #summer #zanax lol wrong tag", "#zanax"},
            };
            for (String[] p : more) {
                posts.insert(p[0], p[1], p[2], p[3], p[4], p[5]);
            }
        }
        System.out.println(file);
    }

    private static Path image(Path file, String text, Color background) throws Exception {
        BufferedImage image = new BufferedImage(240, 240, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(background);
        g.fillRect(0, 0, 240, 240);
        g.setColor(new Color(0x4a78c2));
        g.setStroke(new BasicStroke(3));
        for (int i = 0; i < 3; i++) {
            g.fillOval(30 + i * 65, 70, 50, 50);
        }
        g.setColor(new Color(0x222222));
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
        g.drawString(text, 20, 180);
        g.dispose();
        ImageIO.write(image, "png", file.toFile());
        return file;
    }
}
