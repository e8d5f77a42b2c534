package org.signalbench.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.signalbench.domain.Role;
import org.signalbench.jobs.JobContext;
import org.signalbench.links.LinkChecker;
import org.signalbench.store.LinkReviews;
import org.signalbench.store.Workbench;
import org.signalbench.testing.CliRun;
import org.signalbench.testing.TestWorkbenches;

/** Coding files, evidence import and the link check through the service, on a small workbench. */
class LinkReviewServiceTest {
    @TempDir
    Path dir;

    private static void link(Connection c, long postId, String url) throws Exception {
        try (PreparedStatement st = c.prepareStatement("INSERT INTO tweet_url (post_id, position, expanded_url) VALUES (?, 0, ?)")) {
            st.setLong(1, postId);
            st.setString(2, url);
            st.executeUpdate();
        }
    }

    private Workbench workbench(String siteA, String siteB) throws Exception {
        Workbench wb = TestWorkbenches.open(dir);
        Connection c = wb.connection();
        long a = TestWorkbenches.insertPost(c, "twitter", "101", "rx_deals_1", "buy oxycodone online no prescription https://t.co/a");
        link(c, a, siteA);
        long b = TestWorkbenches.insertPost(c, "twitter", "102", "plug_7", "percs for sale, mail me at plug7@example.com");
        long d = TestWorkbenches.insertPost(c, "twitter", "103", "guide_2", "where to buy percocet https://t.co/b");
        link(c, d, siteB);
        TestWorkbenches.insertPost(c, "twitter", "104", "someone", "my back hurts");
        return wb;
    }

    @Test
    void codingFilesRefuseBadCellsByLineAndKeepTheRest() throws Exception {
        try (Workbench wb = workbench("https://www.rxbargainmeds.test/oxycodone", "https://guide.blogsite.test/")) {
            LinkReviewService service = new LinkReviewService();
            var retrieval = service.readIds(wb, write("ids.csv", "external_id\n101\n102\n103\n104\n999\n"), false);
            assertEquals(List.of(dir.resolve("ids.csv") + ", line 6: no tweet '999' in this workbench"), retrieval.problems());
            var c = service.candidates(wb, retrieval.source(), retrieval.postIds());
            assertEquals(4, c.funnel().retrieved());
            assertEquals(3, c.funnel().unique());
            Path answers = write("a.csv", "external_id,false_positive,seller_type,link_status,payment\n"
                    + "101,no,online-pharmacy,live,\"card, bitcoin\"\n"
                    + "102,no,drug-lord,live,\n"
                    + "103,no,marketing-affiliate,dead,none\n");
            var imported = service.importAnswers(wb, answers, "coder-a", Role.CODER);
            assertEquals(List.of(answers + ", line 3: 'drug-lord' is not an answer to seller_type (allowed: online-pharmacy, "
                    + "individual-seller, marketing-affiliate, darknet)"), imported.problems());
            assertEquals(8, imported.added()); // 4 answers on each good line; the bad line adds none
            var again = service.importAnswers(wb, answers, "coder-a", Role.CODER);
            assertEquals(0, again.added());
            assertEquals(8, again.unchanged());
            Path out = dir.resolve("out.csv");
            service.exportAnswers(wb, "coder-a", out);
            List<String> lines = Files.readAllLines(out);
            assertEquals("external_id,account,url,copies,false_positive,seller_type,link_status,sells_opioids,no_prescription,"
                    + "other_drugs,payment,contact_details", lines.get(0));
            assertTrue(lines.get(1).startsWith("101,rx_deals_1,https://www.rxbargainmeds.test/oxycodone,0,no,online-pharmacy,live,,,,"
                    + "\"bitcoin,card\""), lines.get(1));
            assertEquals(4, lines.size());
        }
    }

    @Test
    void evidenceImportMergesColumnsAndRefusesUnknownClasses() throws Exception {
        try (Workbench wb = workbench("https://www.rxbargainmeds.test/oxycodone", "https://guide.blogsite.test/")) {
            LinkReviewService service = new LinkReviewService();
            service.importEvidence(wb, write("e.csv", "url,http_status,liveness,registrant_country\n"
                    + "https://www.rxbargainmeds.test/oxycodone,200,live,US\n"));
            Path legit = write("legitscript.csv", "url,legitscript\nhttps://www.rxbargainmeds.test/oxycodone,Rogue\n"
                    + "https://guide.blogsite.test/,shady\n");
            var result = service.importEvidence(wb, legit);
            assertEquals(1, result.problems().size());
            assertTrue(result.problems().get(0).startsWith(legit + ", line 3: legitscript 'shady' is not one of"), result.problems().get(0));
            LinkReviews.EvidenceRow e = service.evidence(wb).get("https://www.rxbargainmeds.test/oxycodone");
            assertEquals("rogue", e.legitScript());
            assertEquals("US", e.registrantCountry());
            assertEquals(Integer.valueOf(200), e.httpStatus());
            assertEquals("rxbargainmeds.test", e.domain());
        }
    }

    @Test
    void aScreenshotIsStoredInTheDataFolderUnderItsHashAndAChangedOneIsRefused() throws Exception {
        try (Workbench wb = workbench("https://www.rxbargainmeds.test/oxycodone", "https://guide.blogsite.test/")) {
            LinkReviewService service = new LinkReviewService();
            Files.createDirectories(dir.resolve("shots"));
            byte[] png = {(byte) 0x89, 'P', 'N', 'G', 1, 2, 3};
            Files.write(dir.resolve("shots/rx.png"), png);
            String sha = LinkChecker.sha256(png);
            Path csv = write("shots.csv", "url,screenshot,screenshot_sha256\n"
                    + "https://www.rxbargainmeds.test/oxycodone,shots/rx.png," + sha + "\n"
                    + "https://guide.blogsite.test/,shots/rx.png," + "0".repeat(64) + "\n");
            var result = service.importEvidence(wb, csv);
            assertEquals(1, result.problems().size());
            assertTrue(result.problems().get(0).startsWith(csv + ", line 3: the screenshot rx.png has changed since it was recorded"),
                    result.problems().get(0));
            LinkReviews.EvidenceRow e = service.evidence(wb).get("https://www.rxbargainmeds.test/oxycodone");
            assertEquals(sha, e.screenshotSha256());
            Path stored = LinkReviewService.evidenceFile(wb, e.screenshotPath());
            assertEquals(org.signalbench.store.DataLocations.workbenchDataFolder(wb.file()).resolve("evidence").resolve(sha + ".png"), stored);
            assertEquals(sha, LinkChecker.sha256(stored));
        }
    }

    @Test
    void evidenceLivesBesideTheWorkbenchAndOlderRecordsAreReadWhereTheyAre() throws Exception {
        try (Workbench wb = TestWorkbenches.open(dir)) {
            String stored = LinkReviewService.storeEvidence(wb, "page".getBytes(StandardCharsets.UTF_8), ".html");
            Path here = LinkReviewService.evidenceFile(wb, stored);
            assertTrue(here.startsWith(org.signalbench.store.DataLocations.workbenchDataFolder(wb.file())), here.toString());
            assertEquals("page", Files.readString(here));
            // a record made when evidence lived under the user's data folder
            String old = "evidence/" + "former-" + System.nanoTime() + ".png";
            Path former = org.signalbench.store.DataLocations.dataDirectory().resolve(old);
            Files.createDirectories(former.getParent());
            Files.writeString(former, "old");
            try {
                assertEquals(former, LinkReviewService.evidenceFile(wb, old));
            } finally {
                Files.delete(former);
            }
            assertEquals(org.signalbench.store.DataLocations.workbenchDataFolder(wb.file()).resolve(old),
                    LinkReviewService.evidenceFile(wb, old), "neither exists: where it belongs now");
        }
    }

    @Test
    void checkingLinksRecordsWhatTheSitesAnsweredAndKeepsHandEnteredFields() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/shop", ex -> {
            byte[] body = "<html><title>Pain pills</title></html>".getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("Content-Type", "text/html");
            ex.sendResponseHeaders(200, body.length);
            try (OutputStream o = ex.getResponseBody()) {
                o.write(body);
            }
        });
        server.createContext("/go", ex -> {
            ex.getResponseHeaders().add("Location", "/shop");
            ex.sendResponseHeaders(301, -1);
            ex.close();
        });
        server.start();
        String base = "http://127.0.0.1:" + server.getAddress().getPort();
        try (Workbench wb = workbench(base + "/go", base + "/nothing-here")) {
            LinkReviewService service = new LinkReviewService();
            var retrieval = service.readIds(wb, write("ids.csv", "external_id\n101\n102\n103\n"), false);
            service.candidates(wb, retrieval.source(), retrieval.postIds());
            service.importEvidence(wb, write("l.csv", "url,legitscript,notes\n" + base + "/go,rogue,seen on 2017-12-07\n"));
            LinkChecker checker = new LinkChecker(new LinkChecker.Options(Duration.ofSeconds(2), Duration.ofSeconds(2), 5, 1 << 16, "t"),
                    dir.resolve("evidence"), Clock.systemUTC());
            var report = service.checkLinks(wb, checker, null, JobContext.NONE);
            assertEquals(2, report.links());
            assertEquals(1, report.live());
            assertEquals(1, report.dead());
            Map<String, LinkReviews.EvidenceRow> evidence = service.evidence(wb);
            LinkReviews.EvidenceRow go = evidence.get(base + "/go");
            assertEquals("live", go.liveness());
            assertEquals(base + "/shop", go.finalUrl());
            assertEquals("[{\"url\":\"" + base + "/go\",\"status\":301},{\"url\":\"" + base + "/shop\",\"status\":200}]", go.redirectChain());
            assertEquals("Pain pills", go.title());
            assertEquals("rogue", go.legitScript());
            assertEquals("seen on 2017-12-07", go.notes());
            assertEquals(LinkChecker.sha256(Path.of(go.snapshotPath()).isAbsolute() ? Path.of(go.snapshotPath())
                    : dir.resolve("evidence").resolve(Path.of(go.snapshotPath()).getFileName())), go.snapshotSha256());
            assertEquals("dead", evidence.get(base + "/nothing-here").liveness());
            assertEquals(Integer.valueOf(404), evidence.get(base + "/nothing-here").httpStatus());
            // the error page is evidence too: kept and hashed
            assertEquals(64, evidence.get(base + "/nothing-here").snapshotSha256().length());
        } finally {
            server.stop(0);
        }
    }

    @Test
    void theIpCountryComesFromRdapAndAHandTypedOneIsKeptWhenRdapHasNone() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        java.util.concurrent.atomic.AtomicBoolean rdapKnows = new java.util.concurrent.atomic.AtomicBoolean(false);
        server.createContext("/shop", ex -> answer(ex, 200, "text/html", "<html><title>Pain pills</title></html>"));
        server.createContext("/rdap/ip/127.0.0.1", ex -> {
            if (rdapKnows.get()) {
                answer(ex, 200, "application/rdap+json", "{\"objectClassName\": \"ip network\", \"country\": \"DE\"}");
            } else {
                answer(ex, 404, "application/rdap+json", "{}");
            }
        });
        server.start();
        String base = "http://127.0.0.1:" + server.getAddress().getPort();
        try (Workbench wb = workbench(base + "/shop", base + "/shop")) {
            LinkReviewService service = new LinkReviewService();
            service.candidates(wb, "ids", service.readIds(wb, write("ids.csv", "external_id\n101\n"), false).postIds());
            service.importEvidence(wb, write("ip.csv", "url,ip_address,ip_country\n" + base + "/shop,192.0.2.1,ZZ\n"));
            LinkChecker checker = new LinkChecker(new LinkChecker.Options(Duration.ofSeconds(2), Duration.ofSeconds(2), 5, 1 << 16, "t"),
                    dir.resolve("evidence"), Clock.systemUTC());
            org.signalbench.links.Rdap rdap = new org.signalbench.links.Rdap(base + "/rdap", Duration.ofSeconds(2));
            var report = service.checkLinks(wb, checker, rdap, JobContext.NONE);
            LinkReviews.EvidenceRow e = service.evidence(wb).get(base + "/shop");
            assertEquals("127.0.0.1", e.ipAddress()); // measured at check time
            assertEquals("ZZ", e.ipCountry()); // RDAP had none: the typed value stays
            assertTrue(report.problems().stream().anyMatch(p -> p.contains("IP 127.0.0.1: RDAP answered 404")), report.problems().toString());
            rdapKnows.set(true);
            service.checkLinks(wb, checker, rdap, JobContext.NONE);
            assertEquals("DE", service.evidence(wb).get(base + "/shop").ipCountry());
        } finally {
            server.stop(0);
        }
    }

    @Test
    void screenshotsOfPagesThatAnsweredAreStoredUnderTheirHash() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/shop", ex -> answer(ex, 200, "text/html", "<html><title>Pain pills</title></html>"));
        server.start();
        String base = "http://127.0.0.1:" + server.getAddress().getPort();
        java.io.ByteArrayOutputStream png = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(new java.awt.image.BufferedImage(64, 48, java.awt.image.BufferedImage.TYPE_INT_RGB), "png", png);
        List<String> asked = new java.util.ArrayList<>();
        org.signalbench.links.PageScreenshots engine = (url, options) -> {
            asked.add(url + " js=" + options.javaScript());
            return new org.signalbench.links.PageScreenshots.Shot(png.toByteArray(), false, "slow page");
        };
        try (Workbench wb = workbench(base + "/shop", base + "/gone")) {
            LinkReviewService service = new LinkReviewService();
            service.candidates(wb, "ids", service.readIds(wb, write("ids.csv", "external_id\n101\n103\n"), false).postIds());
            LinkChecker checker = new LinkChecker(new LinkChecker.Options(Duration.ofSeconds(2), Duration.ofSeconds(2), 5, 1 << 16, "t"),
                    dir.resolve("evidence"), Clock.systemUTC());
            var report = service.checkLinks(wb, checker, null, new LinkReviewService.Screenshots(engine,
                    org.signalbench.links.PageScreenshots.Options.defaults()), JobContext.NONE);
            assertEquals(List.of(base + "/shop js=false"), asked); // the dead link is not loaded again; JavaScript off by default
            assertEquals(1, report.screenshots());
            assertTrue(report.problems().contains(base + "/shop: screenshot: slow page"), report.problems().toString());
            LinkReviews.EvidenceRow shop = service.evidence(wb).get(base + "/shop");
            String sha = LinkChecker.sha256(png.toByteArray());
            assertEquals(sha, shop.screenshotSha256());
            Path stored = LinkReviewService.evidenceFile(wb, shop.screenshotPath());
            assertEquals(LinkReviewService.evidenceFolder(wb).resolve(sha + ".png"), stored);
            assertEquals(sha, LinkChecker.sha256(stored));
            assertEquals(null, service.evidence(wb).get(base + "/gone").screenshotPath());
        } finally {
            server.stop(0);
        }
    }

    private static void answer(com.sun.net.httpserver.HttpExchange ex, int status, String type, String body) throws java.io.IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", type);
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream o = ex.getResponseBody()) {
            o.write(bytes);
        }
    }

    @Test
    void checkLinksContactsNothingUnlessAsked() throws Exception {
        try (Workbench wb = workbench("https://www.rxbargainmeds.test/oxycodone", "https://guide.blogsite.test/")) {
            // the workbench exists; the command refuses before reading it
        }
        CliRun run = CliRun.of("twitter", "check-links", "--db", dir.resolve("test.sqlite").toString());
        assertEquals(2, run.exit());
        assertTrue(run.err().contains("add --contact-sites"), run.err());
    }

    private Path write(String name, String text) throws Exception {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }
}
