package org.signalbench.findings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.signalbench.app.FindingsService;
import org.signalbench.app.Services;
import org.signalbench.store.Workbench;
import org.signalbench.testing.CliRun;
import org.signalbench.testing.TestWorkbenches;
import org.w3c.dom.Document;

/** {@code findings --charts DIR}: every chart of the findings as an SVG that parses and a PNG that decodes at twice its size. */
class ChartExportTest {
    @TempDir
    Path dir;
    Path db;

    @BeforeEach
    void corpus() throws Exception {
        try (Workbench wb = TestWorkbenches.open(dir)) {
            FindingsCorpus.build(wb.connection(), dir);
        }
        db = dir.resolve("test.sqlite");
    }

    @Test
    void everyChartIsWrittenAsSvgAndPng() throws Exception {
        List<Charts.Chart> charts;
        try (Workbench wb = Workbench.open(db)) {
            charts = Charts.of(FindingsService.compute(wb, Services.load().settings()).masked());
        }
        assertTrue(charts.size() >= 6, charts.stream().map(Charts.Chart::name).toList().toString());
        assertTrue(charts.stream().anyMatch(c -> c.name().startsWith("drug-hashtags-")));
        assertTrue(charts.stream().anyMatch(c -> c.name().equals("timeline")));

        Path out = dir.resolve("figures");
        CliRun r = CliRun.of("findings", "--db", db.toString(), "--charts", out.toString());
        assertEquals(0, r.exit(), r.err());
        assertEquals("", r.out(), "alone, --charts prints no tables");
        assertTrue(r.err().contains("wrote " + charts.size() + " charts (SVG and PNG) to " + out), r.err());
        try (Stream<Path> files = Files.list(out)) {
            assertEquals(2L * charts.size(), files.count());
        }
        for (Charts.Chart c : charts) {
            Path svg = out.resolve(c.name() + ".svg");
            Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(svg.toFile());
            assertEquals("svg", doc.getDocumentElement().getTagName());
            assertEquals(String.valueOf(c.width()), doc.getDocumentElement().getAttribute("width"));
            assertTrue(doc.getDocumentElement().getTextContent().contains(c.title()), c.name());
            BufferedImage png = ImageIO.read(out.resolve(c.name() + ".png").toFile());
            assertNotNull(png, c.name() + ".png decodes");
            assertEquals(Math.round(c.width() * Charts.PNG_SCALE), png.getWidth(), c.name());
            assertEquals(Math.round(c.height() * Charts.PNG_SCALE), png.getHeight(), c.name());
            assertTrue(hasColour(png, 0x333333), c.name() + " has its title drawn");
            assertFalse(Files.readString(svg).contains("2135550142"), "masked like the tables");
        }
        // the bars are drawn in the report's blue
        assertTrue(hasColour(ImageIO.read(out.resolve("contact-channels.png").toFile()), 0x3b6ea5));
    }

    @Test
    void theChartsFolderMayNotBeTheWorkbench() {
        CliRun r = CliRun.of("findings", "--db", db.toString(), "--charts", db.toString());
        assertEquals(1, r.exit(), r.out() + r.err());
        assertTrue(Files.isRegularFile(db));
    }

    private static boolean hasColour(BufferedImage image, int rgb) {
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if ((image.getRGB(x, y) & 0xffffff) == rgb) {
                    return true;
                }
            }
        }
        return false;
    }
}
