package org.signalbench.links;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Visits a link the way a reviewer's browser would, but carefully: THIS CONTACTS THE SITE. It
 * follows redirects itself (so each hop and its status is recorded), at most {@link Options#maxHops}
 * of them, stops at a loop, gives each request a time-out, reads at most {@link Options#maxBytes}
 * of the final body, keeps that body as a snapshot file named by its SHA-256, and takes the page
 * title from HTML, and records the IP address the final host resolved to. Liveness: a 2xx answer on the link's own registrable domain is live, on another
 * domain "redirected-elsewhere"; anything else (4xx, 5xx, a loop, a time-out, no such host) is dead.
 */
public final class LinkChecker {
    /** How far to go. */
    public record Options(Duration connectTimeout, Duration requestTimeout, int maxHops, int maxBytes, String userAgent) {
        public static Options defaults() {
            return new Options(Duration.ofSeconds(10), Duration.ofSeconds(20), 10, 2 * 1024 * 1024,
                    "SignalBench link review (research; https://example.com/signalbench)");
        }
    }

    /** One hop: the URL asked for and the status it answered (0 when it did not answer). */
    public record Hop(String url, int status) {
    }

    /**
     * What a visit found. {@code snapshot} is the file holding the first {@code maxBytes} of the
     * final body (null when there was none), {@code truncated} when the body was longer.
     */
    public record Result(String url, String finalUrl, List<Hop> chain, Integer status, String liveness, String contentType,
                         String title, Path snapshot, String snapshotSha256, long bytesRead, boolean truncated,
                         String ipAddress, String checkedAt, String problem) {
    }

    private static final Pattern TITLE = Pattern.compile("(?is)<title[^>]*>(.*?)</title>");

    private final Options options;
    private final HttpClient client;
    private final Path evidenceFolder;
    private final Clock clock;

    public LinkChecker(Options options, Path evidenceFolder, Clock clock) {
        this.options = options;
        this.evidenceFolder = evidenceFolder;
        this.clock = clock;
        this.client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(options.connectTimeout()).build();
    }

    public Result check(String url) {
        String checkedAt = clock.instant().toString();
        List<Hop> chain = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        String current = url;
        String ip = null;
        try {
            for (int hop = 0; hop <= options.maxHops(); hop++) {
                if (!seen.add(current)) {
                    return dead(url, current, chain, null, "redirect loop back to " + current, ip, checkedAt);
                }
                ip = null; // the address recorded is the final host's: each hop's host is resolved anew
                ip = address(URI.create(current).getHost());
                HttpRequest request = HttpRequest.newBuilder(URI.create(current)).timeout(options.requestTimeout())
                        .header("User-Agent", options.userAgent()).GET().build();
                HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
                int status = response.statusCode();
                chain.add(new Hop(current, status));
                String location = response.headers().firstValue("Location").orElse(null);
                if (status >= 300 && status < 400 && location != null) {
                    response.body().close();
                    current = URI.create(current).resolve(location.trim()).toString();
                    continue;
                }
                String contentType = response.headers().firstValue("Content-Type").orElse(null);
                try (InputStream body = response.body()) {
                    byte[] bytes = body.readNBytes(options.maxBytes());
                    boolean truncated = body.read() != -1;
                    Path snapshot = null;
                    String sha = null;
                    if (bytes.length > 0 && evidenceFolder != null) {
                        EvidenceFiles.Stored stored = EvidenceFiles.store(evidenceFolder, bytes, extension(contentType));
                        snapshot = stored.file();
                        sha = stored.sha256();
                    }
                    String title = isHtml(contentType, bytes) ? title(bytes) : null;
                    String liveness;
                    if (status >= 200 && status < 300) {
                        String from = Domains.registrable(url);
                        String to = Domains.registrable(current);
                        liveness = from != null && from.equals(to) ? "live" : "redirected-elsewhere";
                    } else {
                        liveness = "dead";
                    }
                    return new Result(url, current, List.copyOf(chain), status, liveness, contentType, title, snapshot, sha,
                            bytes.length, truncated, ip, checkedAt, truncated ? "body longer than " + options.maxBytes()
                            + " bytes: the snapshot holds the first " + options.maxBytes() : null);
                }
            }
            return dead(url, current, chain, null, "more than " + options.maxHops() + " redirects", ip, checkedAt);
        } catch (HttpConnectTimeoutException e) {
            return dead(url, current, chain, null, "connection timed out after " + options.connectTimeout().toMillis() + " ms", ip, checkedAt);
        } catch (HttpTimeoutException e) {
            return dead(url, current, chain, null, "no answer within " + options.requestTimeout().toMillis() + " ms", ip, checkedAt);
        } catch (UnknownHostException e) {
            return dead(url, current, chain, null, "no such host: " + e.getMessage(), ip, checkedAt);
        } catch (ConnectException e) {
            return dead(url, current, chain, null, "connection refused", ip, checkedAt);
        } catch (IOException | IllegalArgumentException e) {
            return dead(url, current, chain, null, e.getClass().getSimpleName() + ": " + e.getMessage(), ip, checkedAt);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return dead(url, current, chain, null, "interrupted", ip, checkedAt);
        }
    }

    private static Result dead(String url, String current, List<Hop> chain, Integer status, String problem, String ip, String at) {
        Integer last = status != null ? status : chain.isEmpty() ? null : chain.get(chain.size() - 1).status();
        return new Result(url, current, List.copyOf(chain), last, "dead", null, null, null, null, 0, false, ip, at, problem);
    }

    private static String address(String host) throws UnknownHostException {
        return host == null ? null : InetAddress.getByName(host).getHostAddress();
    }

    private static boolean isHtml(String contentType, byte[] bytes) {
        if (contentType != null) {
            return contentType.toLowerCase(Locale.ROOT).contains("html");
        }
        String start = new String(bytes, 0, Math.min(bytes.length, 512), StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
        return start.contains("<html") || start.contains("<!doctype html");
    }

    private static String extension(String contentType) {
        if (contentType == null) {
            return ".bin";
        }
        String t = contentType.toLowerCase(Locale.ROOT);
        return t.contains("html") ? ".html" : t.contains("pdf") ? ".pdf" : t.contains("json") ? ".json"
                : t.startsWith("text/") ? ".txt" : t.contains("png") ? ".png" : t.contains("jpeg") ? ".jpg" : ".bin";
    }

    static String title(byte[] html) {
        Matcher m = TITLE.matcher(new String(html, StandardCharsets.UTF_8));
        if (!m.find()) {
            return null;
        }
        String t = m.group(1).replaceAll("\\s+", " ").strip()
                .replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'");
        return t.length() > 300 ? t.substring(0, 300) : t;
    }

    /** The SHA-256 of bytes, as lower-case hex. */
    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The SHA-256 of a file, as lower-case hex. */
    public static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[64 * 1024];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
