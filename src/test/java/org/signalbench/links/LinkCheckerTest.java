package org.signalbench.links;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The link checker against a local HTTP server the test starts on loopback: no outside network. */
class LinkCheckerTest {
    static HttpServer server;
    static HttpServer other;
    static String base;
    @TempDir
    static Path evidence;
    static LinkChecker checker;

    @BeforeAll
    static void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/shop", ex -> send(ex, 200, "text/html; charset=utf-8",
                "<html><head><title>Cheap  pills &amp; more</title></head><body>no prescription</body></html>"));
        server.createContext("/r1", ex -> redirect(ex, 301, "/r2"));
        server.createContext("/r2", ex -> redirect(ex, 302, base + "/r3"));
        server.createContext("/r3", ex -> redirect(ex, 307, "shop"));
        server.createContext("/loop-a", ex -> redirect(ex, 302, "/loop-b"));
        server.createContext("/loop-b", ex -> redirect(ex, 302, "/loop-a"));
        server.createContext("/gone", ex -> send(ex, 404, "text/html", "<html><title>Not found</title></html>"));
        server.createContext("/slow", ex -> {
            try {
                Thread.sleep(3_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            send(ex, 200, "text/html", "late");
        });
        server.createContext("/huge", ex -> {
            ex.getResponseHeaders().add("Content-Type", "text/html");
            ex.sendResponseHeaders(200, 0);
            byte[] chunk = "<p>pills pills pills</p>".repeat(400).getBytes(StandardCharsets.UTF_8);
            try (OutputStream out = ex.getResponseBody()) {
                for (int i = 0; i < 600; i++) { // about 5.7 MB, far above the cap
                    out.write(chunk);
                }
            } catch (IOException e) {
                // the checker stopped reading: expected
            }
        });
        server.createContext("/price-list.pdf", ex -> send(ex, 200, "application/pdf", "%PDF-1.4 not really a pdf"));
        // another site: a second server on another loopback address (Linux routes all of 127/8 to lo)
        other = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.2"), 0), 0);
        other.createContext("/parked", ex -> send(ex, 200, "text/html", "<html><title>This domain is for sale</title></html>"));
        other.start();
        server.createContext("/elsewhere", ex -> redirect(ex, 302, "http://127.0.0.2:" + other.getAddress().getPort() + "/parked"));
        server.createContext("/rdap/domain/rxbargainmeds.test", ex -> send(ex, 200, "application/rdap+json", """
                {"objectClassName": "domain", "ldhName": "rxbargainmeds.test",
                 "events": [{"eventAction": "registration", "eventDate": "2016-03-14T10:00:00Z"},
                            {"eventAction": "expiration", "eventDate": "2018-03-14T10:00:00Z"}],
                 "entities": [
                   {"objectClassName": "entity", "roles": ["registrar"],
                    "vcardArray": ["vcard", [["version", {}, "text", "4.0"], ["fn", {}, "text", "Example Registrar, Inc."]]]},
                   {"objectClassName": "entity", "roles": ["registrant"],
                    "vcardArray": ["vcard", [["version", {}, "text", "4.0"],
                                             ["adr", {"cc": "US"}, "text", ["", "", "", "", "AZ", "", "United States"]]]]}]}
                """));
        server.createContext("/rdap/ip/127.0.0.2", ex -> send(ex, 200, "application/rdap+json", """
                {"objectClassName": "ip network", "startAddress": "127.0.0.0", "endAddress": "127.255.255.255",
                 "ipVersion": "v4", "name": "EXAMPLE-LOOPBACK-NET", "country": "NL"}
                """));
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool()); // a slow or cut-off handler must not hold up the next test
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
        checker = new LinkChecker(new LinkChecker.Options(Duration.ofSeconds(2), Duration.ofMillis(700), 5, 64 * 1024, "test"),
                evidence, Clock.fixed(Instant.parse("2017-12-07T15:00:00Z"), ZoneOffset.UTC));
    }

    @AfterAll
    static void stop() {
        server.stop(0);
        other.stop(0);
    }

    private static void send(HttpExchange ex, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", type);
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static void redirect(HttpExchange ex, int status, String location) throws IOException {
        ex.getResponseHeaders().add("Location", location);
        ex.sendResponseHeaders(status, -1);
        ex.close();
    }

    @Test
    void aLivePageGivesItsTitleAndAHashedSnapshot() throws IOException {
        LinkChecker.Result r = checker.check(base + "/shop");
        assertEquals("live", r.liveness());
        assertEquals(200, r.status());
        assertEquals("Cheap pills & more", r.title());
        assertEquals("127.0.0.1", r.ipAddress());
        assertEquals("2017-12-07T15:00:00Z", r.checkedAt());
        assertTrue(Files.isRegularFile(r.snapshot()));
        assertEquals(r.snapshotSha256(), LinkChecker.sha256(r.snapshot()));
        assertTrue(r.snapshot().getFileName().toString().startsWith(r.snapshotSha256()));
    }

    @Test
    void aRedirectChainIsRecordedHopByHop() {
        LinkChecker.Result r = checker.check(base + "/r1");
        assertEquals(List.of(new LinkChecker.Hop(base + "/r1", 301), new LinkChecker.Hop(base + "/r2", 302),
                new LinkChecker.Hop(base + "/r3", 307), new LinkChecker.Hop(base + "/shop", 200)), r.chain());
        assertEquals(base + "/shop", r.finalUrl());
        assertEquals("live", r.liveness());
    }

    @Test
    void aRedirectLoopIsDead() {
        LinkChecker.Result r = checker.check(base + "/loop-a");
        assertEquals("dead", r.liveness());
        assertTrue(r.problem().contains("loop"), r.problem());
        assertEquals(2, r.chain().size());
    }

    @Test
    void aSlowSiteTimesOut() {
        long started = System.nanoTime();
        LinkChecker.Result r = checker.check(base + "/slow");
        assertEquals("dead", r.liveness());
        assertTrue(r.problem().contains("no answer within 700 ms"), r.problem());
        assertTrue(System.nanoTime() - started < 2_900_000_000L, "gave up before the server answered");
    }

    @Test
    void notFoundIsDead() {
        LinkChecker.Result r = checker.check(base + "/gone");
        assertEquals("dead", r.liveness());
        assertEquals(404, r.status());
    }

    @Test
    void aHugeBodyIsCutAtTheCap() throws IOException {
        LinkChecker.Result r = checker.check(base + "/huge");
        assertEquals("live", r.liveness());
        assertTrue(r.truncated());
        assertEquals(64 * 1024, r.bytesRead());
        assertEquals(64 * 1024, Files.size(r.snapshot()));
    }

    @Test
    void aNonHtmlResponseHasNoTitleButASnapshot() {
        LinkChecker.Result r = checker.check(base + "/price-list.pdf");
        assertEquals("live", r.liveness());
        assertNull(r.title());
        assertEquals("application/pdf", r.contentType());
        assertTrue(r.snapshot().toString().endsWith(".pdf"));
        assertFalse(r.truncated());
    }

    @Test
    void rdapGivesRegistrarRegistrantCountryAndCreationDate() {
        Rdap.Registration r = new Rdap(base + "/rdap", Duration.ofSeconds(2)).lookup("rxbargainmeds.test");
        assertEquals(new Rdap.Registration("Example Registrar, Inc.", "US", "2016-03-14T10:00:00Z", null), r);
        Rdap.Registration missing = new Rdap(base + "/rdap", Duration.ofSeconds(2)).lookup("unknown.test");
        assertEquals("RDAP answered 404", missing.problem());
    }

    @Test
    void rdapGivesTheCountryOfAnIpAddressesNetwork() {
        Rdap rdap = new Rdap(base + "/rdap", Duration.ofSeconds(2));
        assertEquals(new Rdap.Network("NL", "EXAMPLE-LOOPBACK-NET", null), rdap.lookupIp("127.0.0.2"));
        Rdap.Network unknown = rdap.lookupIp("127.0.0.9");
        assertNull(unknown.country());
        assertEquals("RDAP answered 404", unknown.problem());
    }

    @Test
    void theAddressRecordedIsTheFinalHosts() {
        assertEquals("127.0.0.2", checker.check(base + "/elsewhere").ipAddress());
        assertEquals("127.0.0.1", checker.check(base + "/r1").ipAddress());
        assertNull(checker.check("http://no-such-host.invalid/").ipAddress());
    }

    @Test
    void aRedirectToAnotherSiteIsRedirectedElsewhere() {
        LinkChecker.Result r = checker.check(base + "/elsewhere");
        assertEquals("redirected-elsewhere", r.liveness(), r.problem() + " " + r.chain());
        assertTrue(r.finalUrl().startsWith("http://127.0.0.2:"));
        assertEquals("This domain is for sale", r.title());
    }
}
