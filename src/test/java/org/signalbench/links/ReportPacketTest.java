package org.signalbench.links;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.signalbench.store.LinkReviews.EvidenceRow;

/** The agency packets: every configured field per site, PDF text read back, CSV parsed back, masking. */
class ReportPacketTest {
    @TempDir
    static Path dir;
    static List<ReportPacket.Site> sites;
    static ReportPacket.Forms forms = ReportPacket.Forms.load();

    @BeforeAll
    static void sites() throws Exception {
        Path png = dir.resolve("shot.png");
        BufferedImage image = new BufferedImage(320, 200, BufferedImage.TYPE_INT_RGB);
        ImageIO.write(image, "png", png.toFile());
        EvidenceRow e = new EvidenceRow("https://www.rxbargainmeds.test/oxycodone?aff=101", "https://t.co/AAAA",
                "https://www.rxbargainmeds.test/oxycodone?aff=101", "[]", 200, "live", "2017-12-07T15:00:00Z",
                "RxBargainMeds - no prescription needed", "evidence/shot.png", LinkChecker.sha256(png), null, null,
                "rxbargainmeds.test", "Example Registrar, Inc.", "US", "2016-03-14", "192.0.2.10", "US", "rogue", null, "import");
        ReportPacket.Site pharmacy = new ReportPacket.Site("rxbargainmeds.test", e.url(), e,
                Map.of("seller_type", "online-pharmacy", "sells_opioids", "yes", "no_prescription", "yes",
                        "other_drugs", "controlled,prescription", "payment", "bitcoin,card"),
                List.of(new ReportPacket.Tweet("930000000000000001", "rx_deals_12", "2017-11-16T10:00:00Z",
                        "Buy Oxycodone online, no prescription 💊 mail orders@example.com or call 213-555-0142")), png);
        ReportPacket.Site unchecked = new ReportPacket.Site("pillsnoscript.test", "https://www.pillsnoscript.test/percocet", null,
                Map.of("seller_type", "online-pharmacy"), List.of(new ReportPacket.Tweet("930000000000000002", "meds_direct_3",
                "2017-11-17T10:00:00Z", "Percocet, cheap")), null);
        sites = List.of(pharmacy, unchecked);
    }

    @Test
    void everyConfiguredFieldIsFilledForEverySiteInHtml() throws Exception {
        for (ReportPacket.Agency agency : forms.agencies()) {
            String html = ReportPacket.html(agency, sites, true);
            for (ReportPacket.Site site : sites) {
                Map<String, String> form = ReportPacket.form(agency, site, true);
                assertEquals(agency.fields().size(), form.size());
                form.forEach((label, value) -> {
                    assertFalse(value.isBlank(), agency.key() + " " + site.domain() + " " + label);
                    assertFalse(value.contains("unknown source"), value);
                });
                int section = html.indexOf("<h2>" + site.domain() + "</h2>");
                assertTrue(section > 0);
                for (ReportPacket.Field f : agency.fields()) {
                    assertTrue(html.indexOf(f.label().replace("&", "&amp;").replace("\"", "&quot;"), section) > 0,
                            agency.key() + ": " + f.label());
                }
            }
            assertTrue(html.contains("data:image/png;base64,"));
            assertTrue(html.contains(sites.get(0).evidence().screenshotSha256()));
        }
    }

    @Test
    void thePdfReadsBackWithEveryFieldOnTheSitesPage() throws Exception {
        ReportPacket.Agency fda = forms.agency("fda");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ReportPacket.pdf(fda, sites, true, out);
        try (PDDocument doc = Loader.loadPDF(out.toByteArray())) {
            assertEquals(1 + sites.size(), doc.getNumberOfPages());
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setStartPage(2);
            stripper.setEndPage(2);
            String page = stripper.getText(doc).replaceAll("\\s+", " ");
            assertTrue(page.startsWith("rxbargainmeds.test"), page);
            for (var f : ReportPacket.form(fda, sites.get(0), true).entrySet()) {
                assertTrue(page.contains(f.getKey().replaceAll("\\s+", " ")), f.getKey());
                // values are wrapped on word boundaries and emoji become '?': compare word by word
                for (String word : ReportPacket.encodable(new org.apache.pdfbox.pdmodel.font.PDType1Font(
                        org.apache.pdfbox.pdmodel.font.Standard14Fonts.FontName.HELVETICA), f.getValue()).split("\\s+")) {
                    assertTrue(page.contains(word), f.getKey() + ": " + word);
                }
            }
            assertTrue(page.contains(sites.get(0).evidence().screenshotSha256().substring(0, 20)));
        }
    }

    @Test
    void theCsvHasOneRowPerSitePerAgencyAndParsesBack() throws Exception {
        byte[] csv = ReportPacket.csv(forms.agencies(), sites, true);
        try (CSVParser parser = CSVParser.parse(new StringReader(new String(csv, StandardCharsets.UTF_8)),
                CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get())) {
            List<CSVRecord> rows = parser.getRecords();
            assertEquals(forms.agencies().size() * sites.size(), rows.size());
            for (CSVRecord row : rows) {
                ReportPacket.Agency agency = forms.agency(row.get("agency"));
                ReportPacket.Site site = sites.stream().filter(s -> s.domain().equals(row.get("domain"))).findFirst().orElseThrow();
                ReportPacket.form(agency, site, true).forEach((label, value) -> assertEquals(value, row.get(label), label));
            }
        }
    }

    @Test
    void maskingIsOnUnlessAskedOff() throws Exception {
        ReportPacket.Agency dea = forms.agency("dea");
        String masked = ReportPacket.html(dea, sites, true);
        assertFalse(masked.contains("orders@example.com"));
        assertFalse(masked.contains("213-555-0142"));
        assertFalse(masked.contains("@rx_deals_12"));
        assertTrue(masked.contains("[email]") && masked.contains("[phone]") && masked.contains("[handle]"));
        assertTrue(masked.contains("https://www.rxbargainmeds.test/oxycodone?aff=101"), "the reported site itself stays");
        assertTrue(masked.contains(sites.get(0).evidence().screenshotSha256()), "hashes stay whole");
        String unmasked = ReportPacket.html(dea, sites, false);
        assertTrue(unmasked.contains("orders@example.com") && unmasked.contains("213-555-0142") && unmasked.contains("@rx_deals_12"));
        ByteArrayOutputStream pdf = new ByteArrayOutputStream();
        ReportPacket.pdf(dea, sites, true, pdf);
        try (PDDocument doc = Loader.loadPDF(pdf.toByteArray())) {
            String text = new PDFTextStripper().getText(doc);
            assertFalse(text.contains("orders@example.com"));
            assertFalse(text.contains("rx_deals_12"));
        }
        assertFalse(new String(ReportPacket.csv(List.of(dea), sites, true), StandardCharsets.UTF_8).contains("213-555-0142"));
    }
}
