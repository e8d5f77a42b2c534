package org.signalbench.sample;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/**
 * The Twitter study sample's link-review evidence, so the demo needs no network: two coders'
 * answers for every unique selling tweet with a link (the second coder errs on a few, seeded), the
 * expert's decisions where they differ, and one evidence record per link (status, liveness, title,
 * registration data, IP, LegitScript class), all derived from {@code truth.csv}. Hosts are under
 * {@code .test} or example.com, IP addresses in the documentation ranges (RFC 5737).
 */
public final class LinkReviewSampleFiles {
    public static final String CODER_A = "link-review-coder-a.csv";
    public static final String CODER_B = "link-review-coder-b.csv";
    public static final String EXPERT = "link-review-expert.csv";
    public static final String EVIDENCE = "link-evidence.csv";
    public static final String CODER_A_NAME = "link-coder-a";
    public static final String CODER_B_NAME = "link-coder-b";
    public static final String EXPERT_NAME = "link-expert";
    /** When the sample's links were checked: two days after the collection ended. */
    public static final String CHECKED_AT = "2017-12-07T15:00:00Z";
    /** Candidates on which the second coder gives a wrong seller type, and a wrong link status. */
    static final int SELLER_TYPE_SLIPS = 3;
    static final int LINK_STATUS_SLIPS = 2;

    static final List<String> QUESTIONS = List.of("false_positive", "seller_type", "link_status", "sells_opioids",
            "no_prescription", "other_drugs", "payment");
    private static final List<String> TYPES = List.of("online-pharmacy", "individual-seller", "marketing-affiliate", "darknet");

    private LinkReviewSampleFiles() {
    }

    /** One unique selling tweet with a link, as the truth file plans it. */
    private record Planned(String externalId, String sellerType, String link, boolean live, String site, String legitScript) {
    }

    /** Writes the coder, expert and evidence files into the sample folder from its truth file. */
    public static void write(Path folder, long seed) throws IOException {
        List<Planned> planned = new ArrayList<>();
        try (Reader in = Files.newBufferedReader(folder.resolve(TwitterStudySample.TRUTH_FILE), StandardCharsets.UTF_8);
             CSVParser csv = CSVParser.parse(in, CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get())) {
            for (CSVRecord r : csv) {
                if ("original".equals(r.get("copy_kind")) && !r.get("seller_type").isEmpty() && !r.get("link").isEmpty()) {
                    planned.add(new Planned(r.get("external_id"), r.get("seller_type"), r.get("link"),
                            "true".equals(r.get("link_live")), r.get("site"), r.get("legitscript")));
                }
            }
        }
        Random random = new Random(seed ^ 0x11_2018L);
        Map<String, Map<String, String>> truth = new LinkedHashMap<>();
        for (Planned p : planned) {
            truth.put(p.externalId(), answers(p, random));
        }
        // the second coder slips on a few candidates; the expert settles each difference by the truth
        Map<String, Map<String, String>> second = new LinkedHashMap<>();
        truth.forEach((id, a) -> second.put(id, new LinkedHashMap<>(a)));
        List<String> ids = new ArrayList<>(truth.keySet());
        Map<String, Map<String, String>> settled = new LinkedHashMap<>();
        for (int i = 0; i < SELLER_TYPE_SLIPS + LINK_STATUS_SLIPS; i++) {
            String id;
            do {
                id = ids.get(random.nextInt(ids.size()));
            } while (settled.containsKey(id));
            String question = i < SELLER_TYPE_SLIPS ? "seller_type" : "link_status";
            String right = truth.get(id).get(question);
            List<String> choices = question.equals("seller_type") ? TYPES : List.of("live", "dead", "redirected-elsewhere");
            String wrong;
            do {
                wrong = choices.get(random.nextInt(choices.size()));
            } while (wrong.equals(right));
            second.get(id).put(question, wrong);
            settled.computeIfAbsent(id, k -> new LinkedHashMap<>()).put(question, right);
        }
        writeAnswers(folder.resolve(CODER_A), truth);
        writeAnswers(folder.resolve(CODER_B), second);
        try (Writer w = Files.newBufferedWriter(folder.resolve(EXPERT), StandardCharsets.UTF_8);
             CSVPrinter out = new CSVPrinter(w, CSVFormat.DEFAULT.builder().setHeader("external_id", "seller_type", "link_status", "reason").get())) {
            for (var e : settled.entrySet()) {
                out.printRecord(e.getKey(), e.getValue().getOrDefault("seller_type", ""), e.getValue().getOrDefault("link_status", ""),
                        "settled by consensus after re-reading the site");
            }
        }
        writeEvidence(folder.resolve(EVIDENCE), planned, new Random(seed ^ 0x5EED_F00DL));
    }

    private static Map<String, String> answers(Planned p, Random random) {
        Map<String, String> a = new LinkedHashMap<>();
        a.put("false_positive", "no");
        a.put("seller_type", p.sellerType());
        a.put("link_status", p.live() ? "live" : "dead");
        boolean pharmacy = p.sellerType().equals("online-pharmacy");
        a.put("sells_opioids", p.sellerType().equals("marketing-affiliate") ? "no" : "yes");
        a.put("no_prescription", pharmacy && p.live() ? "yes" : p.live() && random.nextBoolean() ? "yes" : "no");
        a.put("other_drugs", pharmacy && p.live() ? "controlled,prescription" + (random.nextInt(3) == 0 ? ",illicit" : "") : "none");
        a.put("payment", pharmacy && p.live() ? (random.nextInt(8) == 0 ? "bitcoin,card,ether" : "card") : "none");
        return a;
    }

    private static void writeAnswers(Path file, Map<String, Map<String, String>> answers) throws IOException {
        List<String> header = new ArrayList<>(List.of("external_id"));
        header.addAll(QUESTIONS);
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
             CSVPrinter out = new CSVPrinter(w, CSVFormat.DEFAULT.builder().setHeader(header.toArray(String[]::new)).get())) {
            for (var e : answers.entrySet()) {
                List<String> row = new ArrayList<>(List.of(e.getKey()));
                QUESTIONS.forEach(q -> row.add(e.getValue().get(q)));
                out.printRecord(row);
            }
        }
    }

    /** The evidence columns, as the evidence import reads them. */
    public static final List<String> EVIDENCE_HEADER = List.of("url", "final_url", "http_status", "liveness", "checked_at",
            "title", "domain", "registrar", "registrant_country", "domain_created", "ip_address", "ip_country",
            "legitscript", "notes", "screenshot");
    /** The folder of the drawn stand-in screenshots of live sites, beside the evidence file. */
    public static final String SCREENSHOTS = "screenshots";

    private static void writeEvidence(Path file, List<Planned> planned, Random random) throws IOException {
        Map<String, Planned> byUrl = new LinkedHashMap<>();
        planned.forEach(p -> byUrl.putIfAbsent(p.link(), p));
        Map<String, List<String>> siteData = new LinkedHashMap<>();
        List<String> registrars = List.of("Example Registrar, Inc.", "Registrar of Examples LLC", "Test Names Ltd.");
        List<String> elsewhere = List.of("RU", "IN", "PA", "CN");
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
             CSVPrinter out = new CSVPrinter(w, CSVFormat.DEFAULT.builder().setHeader(EVIDENCE_HEADER.toArray(String[]::new)).get())) {
            for (Planned p : byUrl.values()) {
                // one site, one registration: its links share it
                List<String> site = siteData.computeIfAbsent(p.site(), s -> List.of(
                        registrars.get(random.nextInt(registrars.size())),
                        random.nextInt(10) < 7 ? "US" : elsewhere.get(random.nextInt(elsewhere.size())),
                        String.format(Locale.ROOT, "201%d-%02d-%02d", 4 + random.nextInt(4), 1 + random.nextInt(12), 1 + random.nextInt(28)),
                        (random.nextBoolean() ? "192.0.2." : "198.51.100.") + (1 + random.nextInt(254)),
                        random.nextInt(10) < 7 ? "US" : elsewhere.get(random.nextInt(elsewhere.size()))));
                boolean pharmacy = p.sellerType().equals("online-pharmacy");
                String legit = pharmacy && !p.legitScript().isEmpty() ? p.legitScript() : "not-checked";
                String title = p.live() ? switch (p.sellerType()) {
                    case "online-pharmacy" -> p.site() + " - Buy pain pills online, no prescription needed";
                    case "individual-seller" -> "Pills for sale - contact me";
                    case "marketing-affiliate" -> "Where to buy pain medication online - a guide";
                    default -> "nightbazaar - community";
                } : "";
                String shot = "";
                if (p.live()) {
                    shot = SCREENSHOTS + "/" + p.site().replaceAll("[^A-Za-z0-9.-]", "_") + ".png";
                    Path png = file.resolveSibling(shot);
                    if (!Files.exists(png)) {
                        Files.createDirectories(png.getParent());
                        drawScreenshot(png, p.site(), title);
                    }
                }
                out.printRecord(p.link(), p.live() ? p.link() : "", p.live() ? "200" : "404", p.live() ? "live" : "dead",
                        CHECKED_AT, title, "", site.get(0), site.get(1), site.get(2), site.get(3), site.get(4), legit,
                        p.sellerType().equals("marketing-affiliate") && p.live() ? "links out to online pharmacies" : "", shot);
            }
        }
    }

    /**
     * A drawn stand-in for a screenshot of an invented site (an address bar, the title, a price
     * list), clearly labelled as a sample, so the packets of the demo show where a real screenshot goes.
     */
    private static void drawScreenshot(Path png, String site, String title) throws IOException {
        java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(640, 400, java.awt.image.BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = image.createGraphics();
        try {
            g.setColor(java.awt.Color.WHITE);
            g.fillRect(0, 0, 640, 400);
            g.setColor(new java.awt.Color(0xE4E4E4));
            g.fillRect(0, 0, 640, 36);
            g.setColor(new java.awt.Color(0x2E7D32));
            g.fillRect(0, 36, 640, 56);
            g.setColor(new java.awt.Color(0xF2F2F2));
            for (int i = 0; i < 4; i++) {
                g.fillRect(24 + i * 152, 120, 136, 150);
            }
            try {
                g.setRenderingHint(java.awt.RenderingHints.KEY_TEXT_ANTIALIASING, java.awt.RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
                g.setColor(java.awt.Color.DARK_GRAY);
                g.setFont(new java.awt.Font(java.awt.Font.SANS_SERIF, java.awt.Font.PLAIN, 14));
                g.drawString("https://www." + site + "/", 16, 24);
                g.setColor(java.awt.Color.WHITE);
                g.setFont(new java.awt.Font(java.awt.Font.SANS_SERIF, java.awt.Font.BOLD, 18));
                g.drawString(title.length() > 60 ? title.substring(0, 60) : title, 20, 70);
                g.setColor(java.awt.Color.DARK_GRAY);
                g.setFont(new java.awt.Font(java.awt.Font.SANS_SERIF, java.awt.Font.PLAIN, 13));
                String[] items = {"Oxycodone 30mg", "Hydrocodone 10mg", "Percocet 10/325", "Codeine syrup"};
                for (int i = 0; i < 4; i++) {
                    g.drawString(items[i], 32 + i * 152, 150);
                    g.drawString("from $" + (3 + i) + ".90 / pill", 32 + i * 152, 172);
                    g.drawString("no prescription", 32 + i * 152, 194);
                }
                g.setColor(new java.awt.Color(0xB00020));
                g.drawString("SAMPLE: drawn by SignalBench for an invented site, not a real screenshot", 20, 380);
            } catch (RuntimeException | Error e) {
                // no fonts on this machine: the shapes alone will do
            }
        } finally {
            g.dispose();
        }
        javax.imageio.ImageIO.write(image, "png", png.toFile());
    }
}
