package org.signalbench.links;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.signalbench.exporting.SafeCsvPrinter;
import org.signalbench.findings.Masking;
import org.signalbench.store.DataLocations;
import org.signalbench.store.LinkReviews.EvidenceRow;

/**
 * A report packet for one agency: one page per site with the fields the agency's form asks for
 * (the editable {@code resources/reporting/agency-forms.json}), filled from the site's record, its
 * screenshot, registration and LegitScript data and evidence hashes; as HTML, as PDF (Apache
 * PDFBox) and as CSV rows. Handles, phone numbers and e-mail addresses are masked unless the
 * caller asks otherwise. SignalBench fills nothing online and submits nothing.
 */
public final class ReportPacket {
    public static final String RESOURCE = "reporting/agency-forms.json";

    /** One field of a form and where its value comes from. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Field(String label, String source) {
    }

    /** One agency's form. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Agency(String key, String name, String form, List<Field> fields) {
    }

    /** The editable list of agencies' forms. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Forms(List<Agency> agencies) {
        public Agency agency(String key) {
            return agencies.stream().filter(a -> a.key().equalsIgnoreCase(key)).findFirst().orElseThrow(() ->
                    new IllegalArgumentException("no agency '" + key + "' in " + RESOURCE + " (agencies: "
                            + String.join(", ", agencies.stream().map(Agency::key).toList()) + ")"));
        }

        public static Forms load() {
            try (InputStream in = DataLocations.openResource(RESOURCE)) {
                return new ObjectMapper().readValue(in, Forms.class);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + RESOURCE, e);
            }
        }
    }

    /** A tweet that points at the site. */
    public record Tweet(String externalId, String account, String postedAt, String text) {
    }

    /**
     * What is known about one site: its evidence record (may be null), the coders' final answers
     * merged over its candidates (question to value), the tweets, and the screenshot file if any.
     */
    public record Site(String domain, String url, EvidenceRow evidence, Map<String, String> answers, List<Tweet> tweets,
                       Path screenshot) {
    }

    private ReportPacket() {
    }

    /** The value of every source for a site; {@code mask} hides handles, phones and e-mail addresses. */
    public static Map<String, String> values(Site site, boolean mask) {
        EvidenceRow e = site.evidence();
        Map<String, String> a = site.answers();
        Map<String, String> v = new LinkedHashMap<>();
        v.put("site_url", site.url());
        v.put("domain", site.domain());
        v.put("final_url", e == null || e.finalUrl() == null ? "not checked" : e.finalUrl());
        v.put("redirect_chain", e == null || e.redirectChain() == null ? "not recorded" : e.redirectChain());
        v.put("http_status", e == null || e.httpStatus() == null ? "not checked" : e.httpStatus().toString());
        v.put("liveness", e == null || e.liveness() == null ? "not checked" : e.liveness());
        v.put("checked_at", e == null || e.checkedAt() == null ? "not checked" : e.checkedAt());
        v.put("title", e == null || e.title() == null ? "" : e.title());
        String opioids = "yes".equals(a.get("sells_opioids")) ? "Prescription opioids (" + opioidNames(site.tweets()) + ")" : "none recorded";
        v.put("opioids", opioids);
        List<String> other = new ArrayList<>();
        for (String d : choices(a.get("other_drugs"))) {
            other.add(switch (d) {
                case "controlled" -> "other controlled substances";
                case "prescription" -> "non-opioid prescription drugs";
                case "recreational" -> "recreational drugs";
                case "illicit" -> "illicit drugs";
                default -> d;
            });
        }
        v.put("products", opioids + (other.isEmpty() ? "" : "; also " + String.join(", ", other)));
        v.put("no_prescription", "yes".equals(a.get("no_prescription")) ? "The site offers them without a prescription"
                : "no".equals(a.get("no_prescription")) ? "No such claim recorded" : "not coded");
        v.put("payment", choices(a.get("payment")).isEmpty() ? "not recorded" : String.join(", ", choices(a.get("payment"))));
        String type = a.getOrDefault("seller_type", "not coded").replace('-', ' ');
        v.put("seller_type", type);
        v.put("description", (type.matches("(?i)^[aeiou].*") ? "An " : "A ") + type + " site offering " + opioids.toLowerCase(Locale.ROOT)
                + ("yes".equals(a.get("no_prescription")) ? " without a prescription" : "")
                + ", promoted on Twitter by " + accounts(site.tweets()).size() + " account(s) in " + site.tweets().size() + " tweet(s)."
                + (e != null && e.legitScript() != null && !e.legitScript().equals("not-checked") ? " LegitScript: " + e.legitScript() + "." : ""));
        String first = site.tweets().stream().map(Tweet::postedAt).filter(x -> x != null).min(String::compareTo).orElse("?");
        String last = site.tweets().stream().map(Tweet::postedAt).filter(x -> x != null).max(String::compareTo).orElse("?");
        v.put("first_seen", first);
        v.put("last_seen", last);
        v.put("how_found", "Linked from " + site.tweets().size() + " tweet(s) collected from Twitter's public stream (" + first
                + " to " + last + "), found by topic modelling and reviewed by two coders.");
        v.put("tweet_count", Integer.toString(site.tweets().size()));
        v.put("accounts", String.join(", ", accounts(site.tweets()).stream().map(h -> "@" + h).toList()));
        StringBuilder tweets = new StringBuilder();
        for (Tweet t : site.tweets()) {
            tweets.append(t.postedAt()).append(" @").append(t.account()).append(" (tweet ").append(t.externalId()).append("): ")
                    .append(t.text()).append('\n');
        }
        v.put("tweets", tweets.toString().strip());
        v.put("registrar", e == null || e.registrar() == null ? "unknown" : e.registrar());
        v.put("registrant_country", e == null || e.registrantCountry() == null ? "unknown" : e.registrantCountry());
        v.put("domain_created", e == null || e.domainCreated() == null ? "unknown" : e.domainCreated());
        v.put("registration", v.get("registrar") + "; registrant country " + v.get("registrant_country") + "; created " + v.get("domain_created"));
        v.put("ip_address", e == null || e.ipAddress() == null ? "unknown" : e.ipAddress());
        v.put("ip_country", e == null || e.ipCountry() == null ? "unknown" : e.ipCountry());
        v.put("ip", v.get("ip_address") + " (" + v.get("ip_country") + ")");
        v.put("legitscript", e == null || e.legitScript() == null ? "not-checked" : e.legitScript());
        v.put("screenshot", site.screenshot() == null ? "no screenshot taken" : site.screenshot().getFileName().toString());
        v.put("screenshot_sha256", e == null || e.screenshotSha256() == null ? "none" : e.screenshotSha256());
        v.put("snapshot_sha256", e == null || e.snapshotSha256() == null ? "none" : e.snapshotSha256());
        v.put("notes", e == null || e.notes() == null ? "" : e.notes());
        if (mask) {
            // only the free text: addresses, hashes, dates and numbers stay as they are (a hash's digit run is no phone)
            v.replaceAll((k, x) -> MASKED.contains(k) ? Masking.maskText(x) : x);
        }
        return v;
    }

    /** The values written by people (tweets, handles, titles, notes) that masking applies to. */
    private static final Set<String> MASKED = Set.of("tweets", "accounts", "title", "notes", "description", "how_found",
            "redirect_chain", "products", "opioids");

    private static List<String> choices(String canonical) {
        return canonical == null || canonical.isEmpty() || canonical.equals("none") ? List.of() : List.of(canonical.split(","));
    }

    private static Set<String> accounts(List<Tweet> tweets) {
        Set<String> s = new LinkedHashSet<>();
        tweets.forEach(t -> s.add(t.account()));
        return s;
    }

    private static final List<String> OPIOIDS = List.of("oxycodone", "oxycontin", "percocet", "hydrocodone", "vicodin",
            "codeine", "fentanyl", "tramadol", "morphine", "hydromorphone", "dilaudid", "methadone");

    private static String opioidNames(List<Tweet> tweets) {
        Set<String> found = new LinkedHashSet<>();
        for (Tweet t : tweets) {
            String lower = t.text() == null ? "" : t.text().toLowerCase(Locale.ROOT);
            OPIOIDS.stream().filter(lower::contains).forEach(found::add);
        }
        return found.isEmpty() ? "names not given in the tweets" : String.join(", ", found);
    }

    /** The fields of one agency's form for one site, in the form's order: label to value. */
    public static Map<String, String> form(Agency agency, Site site, boolean mask) {
        Map<String, String> values = values(site, mask);
        Map<String, String> filled = new LinkedHashMap<>();
        for (Field f : agency.fields()) {
            filled.put(f.label(), values.getOrDefault(f.source(), "(unknown source '" + f.source() + "')"));
        }
        return filled;
    }

    // ---- HTML -------------------------------------------------------------------------------------

    public static String html(Agency agency, List<Site> sites, boolean mask) throws IOException {
        StringBuilder h = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
                .append(esc(agency.name() + ": " + agency.form())).append("</title><style>"
                        + "body{font-family:sans-serif;max-width:60em;margin:2em auto;color:#222}"
                        + "section{page-break-after:always;border-top:2px solid #444;padding-top:1em;margin-top:2em}"
                        + "th{text-align:left;vertical-align:top;width:18em;padding:.3em}td{padding:.3em;white-space:pre-wrap}"
                        + "img{max-width:100%;border:1px solid #aaa}.note{color:#666}</style></head><body>\n");
        h.append("<h1>").append(esc(agency.name())).append("</h1><p>Form: <b>").append(esc(agency.form()))
                .append("</b>. Prepared by SignalBench for the reporter to copy into the agency's own form; nothing was submitted.")
                .append(mask ? " Handles, phone numbers and e-mail addresses are masked." : " UNMASKED on request: contains handles, phone numbers and e-mail addresses.")
                .append("</p>\n");
        for (Site site : sites) {
            h.append("<section><h2>").append(esc(site.domain())).append("</h2><table>\n");
            form(agency, site, mask).forEach((label, value) -> h.append("<tr><th>").append(esc(label)).append("</th><td>")
                    .append(esc(value)).append("</td></tr>\n"));
            Map<String, String> v = values(site, mask);
            h.append("<tr><th>Screenshot</th><td>");
            if (site.screenshot() != null && Files.isRegularFile(site.screenshot())) {
                h.append("<img alt=\"screenshot of ").append(esc(site.domain())).append("\" src=\"data:image/png;base64,")
                        .append(Base64.getEncoder().encodeToString(Files.readAllBytes(site.screenshot()))).append("\">");
            } else {
                h.append("<span class=\"note\">no screenshot taken</span>");
            }
            h.append("</td></tr>\n<tr><th>Evidence hashes (SHA-256)</th><td>screenshot: ").append(esc(v.get("screenshot_sha256")))
                    .append("\npage snapshot: ").append(esc(v.get("snapshot_sha256"))).append("</td></tr>\n</table></section>\n");
        }
        return h.append("</body></html>\n").toString();
    }

    private static String esc(String s) {
        return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    // ---- PDF --------------------------------------------------------------------------------------

    private static final float MARGIN = 50;
    private static final float SIZE = 9.5f;
    private static final float LEADING = 12.5f;

    /** Writes the packet as PDF: a title page, then one page (or more, when long) per site. */
    public static void pdf(Agency agency, List<Site> sites, boolean mask, OutputStream out) throws IOException {
        try (PDDocument doc = new PDDocument()) {
            PDType1Font regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
            Writer w = new Writer(doc, regular, bold);
            w.newPage();
            w.line(bold, 14, agency.name());
            w.paragraph(regular, "Form: " + agency.form());
            w.paragraph(regular, "Prepared by SignalBench for the reporter to copy into the agency's own form; nothing was submitted. "
                    + (mask ? "Handles, phone numbers and e-mail addresses are masked." : "UNMASKED on request."));
            w.paragraph(regular, "Sites: " + String.join(", ", sites.stream().map(Site::domain).toList()));
            for (Site site : sites) {
                w.newPage();
                w.line(bold, 13, site.domain());
                for (var f : form(agency, site, mask).entrySet()) {
                    w.paragraph(bold, f.getKey());
                    w.paragraph(regular, f.getValue());
                }
                Map<String, String> v = values(site, mask);
                w.paragraph(bold, "Evidence hashes (SHA-256)");
                w.paragraph(regular, "screenshot: " + v.get("screenshot_sha256"));
                w.paragraph(regular, "page snapshot: " + v.get("snapshot_sha256"));
                w.paragraph(bold, "Screenshot");
                if (site.screenshot() != null && Files.isRegularFile(site.screenshot())) {
                    w.image(PDImageXObject.createFromFile(site.screenshot().toString(), doc));
                } else {
                    w.paragraph(regular, "no screenshot taken");
                }
            }
            w.close();
            doc.save(out);
        }
    }

    /** Lays text out on pages, top to bottom, adding a page when one is full. */
    private static final class Writer {
        final PDDocument doc;
        final PDType1Font regular;
        final PDType1Font bold;
        PDPageContentStream cs;
        float y;
        final float width = PDRectangle.LETTER.getWidth() - 2 * MARGIN;

        Writer(PDDocument doc, PDType1Font regular, PDType1Font bold) {
            this.doc = doc;
            this.regular = regular;
            this.bold = bold;
        }

        void newPage() throws IOException {
            close();
            PDPage page = new PDPage(PDRectangle.LETTER);
            doc.addPage(page);
            cs = new PDPageContentStream(doc, page);
            y = PDRectangle.LETTER.getHeight() - MARGIN;
        }

        void line(PDType1Font font, float size, String text) throws IOException {
            if (y < MARGIN + LEADING) {
                newPage();
            }
            cs.beginText();
            cs.setFont(font, size);
            cs.newLineAtOffset(MARGIN, y);
            cs.showText(encodable(font, text));
            cs.endText();
            y -= size + 4;
        }

        void paragraph(PDType1Font font, String text) throws IOException {
            for (String para : text.split("\n")) {
                StringBuilder current = new StringBuilder();
                for (String word : encodable(font, para).split(" ")) {
                    String candidate = current.isEmpty() ? word : current + " " + word;
                    if (font.getStringWidth(candidate) / 1000 * SIZE > width && !current.isEmpty()) {
                        line(font, SIZE, current.toString());
                        current = new StringBuilder(word);
                    } else {
                        current = new StringBuilder(candidate);
                    }
                    while (font.getStringWidth(current.toString()) / 1000 * SIZE > width) { // a long URL or hash
                        int cut = current.length() - 1;
                        while (cut > 1 && font.getStringWidth(current.substring(0, cut)) / 1000 * SIZE > width) {
                            cut--;
                        }
                        line(font, SIZE, current.substring(0, cut));
                        current = new StringBuilder(current.substring(cut));
                    }
                }
                line(font, SIZE, current.toString());
            }
            y -= 3;
        }

        void image(PDImageXObject image) throws IOException {
            float scale = Math.min(width / image.getWidth(), (y - MARGIN) / image.getHeight());
            if (scale <= 0.05f) {
                newPage();
                scale = Math.min(width / image.getWidth(), (y - MARGIN) / image.getHeight());
            }
            float h = image.getHeight() * Math.min(scale, 1);
            cs.drawImage(image, MARGIN, y - h, image.getWidth() * Math.min(scale, 1), h);
            y -= h + LEADING;
        }

        void close() throws IOException {
            if (cs != null) {
                cs.close();
                cs = null;
            }
        }
    }

    /** Text the standard font can show: other characters (emoji, most non-Latin scripts) become '?'. */
    static String encodable(PDType1Font font, String text) {
        StringBuilder sb = new StringBuilder();
        text.codePoints().forEach(cp -> {
            String ch = new String(Character.toChars(cp));
            if (cp == '\t') {
                sb.append(' ');
                return;
            }
            try {
                font.encode(ch);
                sb.append(ch);
            } catch (IOException | IllegalArgumentException e) {
                sb.append('?');
            }
        });
        return sb.toString();
    }

    // ---- CSV --------------------------------------------------------------------------------------

    /** One row per site per agency: agency, form, domain, then every agency's field labels (blank where a form lacks one). */
    public static byte[] csv(List<Agency> agencies, List<Site> sites, boolean mask) throws IOException {
        Set<String> labels = new LinkedHashSet<>();
        agencies.forEach(a -> a.fields().forEach(f -> labels.add(f.label())));
        List<String> header = new ArrayList<>(List.of("agency", "form", "domain"));
        header.addAll(labels);
        header.add("screenshot_sha256");
        header.add("snapshot_sha256");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (var w = new java.io.OutputStreamWriter(bytes, StandardCharsets.UTF_8);
             SafeCsvPrinter csv = new SafeCsvPrinter(w, false, header.toArray(String[]::new))) {
            for (Agency a : agencies) {
                for (Site s : sites) {
                    Map<String, String> form = form(a, s, mask);
                    Map<String, String> v = values(s, mask);
                    List<Object> row = new ArrayList<>(List.of(a.key(), a.form(), s.domain()));
                    labels.forEach(l -> row.add(form.getOrDefault(l, "")));
                    row.add(v.get("screenshot_sha256"));
                    row.add(v.get("snapshot_sha256"));
                    csv.printRecord(row);
                }
            }
        }
        return bytes.toByteArray();
    }
}
