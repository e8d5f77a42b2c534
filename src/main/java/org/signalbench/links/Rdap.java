package org.signalbench.links;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Registration data by RDAP (RFC 9083), which replaced port-43 WHOIS for generic top-level
 * domains: of a domain, the registrar's name, the registrant's country and the registration date;
 * of an IP address, the country and name of the network it belongs to. THIS CONTACTS THE RDAP
 * SERVICE (by default the rdap.org bootstrap redirector, which sends each query on to the registry
 * or regional internet registry). Registrant data is often redacted; what is missing stays null.
 */
public final class Rdap {
    public static final String DEFAULT_BASE = "https://rdap.org";

    /** What RDAP said; null fields were not given. */
    public record Registration(String registrar, String registrantCountry, String created, String problem) {
    }

    /** What RDAP said of an IP network; null fields were not given. */
    public record Network(String country, String name, String problem) {
    }

    private final String base;
    private final HttpClient client;
    private final Duration timeout;

    public Rdap(String base, Duration timeout) {
        this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        this.timeout = timeout;
        this.client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).connectTimeout(timeout).build();
    }

    public Registration lookup(String domain) {
        try {
            return parse(query("/domain/" + domain));
        } catch (LookupFailed e) {
            return new Registration(null, null, null, e.getMessage());
        }
    }

    /** The network an IP address (v4 or v6) belongs to: RDAP's {@code country} and {@code name} of it. */
    public Network lookupIp(String address) {
        try {
            JsonNode network = query("/ip/" + address);
            return new Network(text(network, "country"), text(network, "name"), null);
        } catch (LookupFailed e) {
            return new Network(null, null, e.getMessage());
        }
    }

    private static String text(JsonNode node, String field) {
        String value = node.path(field).asText(null);
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** Why a query gave nothing (no answer, not 200, not JSON). */
    private static final class LookupFailed extends Exception {
        LookupFailed(String message) {
            super(message);
        }
    }

    private JsonNode query(String path) throws LookupFailed {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(base + path)).timeout(timeout)
                    .header("Accept", "application/rdap+json").GET().build();
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new LookupFailed("RDAP answered " + response.statusCode());
            }
            return new ObjectMapper().readTree(response.body());
        } catch (IOException | IllegalArgumentException e) {
            throw new LookupFailed("RDAP: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LookupFailed("interrupted");
        }
    }

    /** Reads an RDAP domain object. */
    public static Registration parse(JsonNode domain) {
        String registrar = null;
        String country = null;
        for (JsonNode entity : domain.path("entities")) {
            String roles = entity.path("roles").toString();
            JsonNode vcard = entity.path("vcardArray").path(1);
            if (roles.contains("\"registrar\"") && registrar == null) {
                registrar = vcardText(vcard, "fn");
            }
            if (roles.contains("\"registrant\"") && country == null) {
                for (JsonNode property : vcard) {
                    if ("adr".equals(property.path(0).asText())) {
                        String cc = property.path(1).path("cc").asText(null);
                        JsonNode parts = property.path(3);
                        String last = parts.isArray() && parts.size() > 0 ? parts.get(parts.size() - 1).asText("") : "";
                        country = cc != null ? cc : last.isBlank() ? null : last;
                    }
                }
            }
        }
        String created = null;
        for (JsonNode event : domain.path("events")) {
            if ("registration".equals(event.path("eventAction").asText())) {
                created = event.path("eventDate").asText(null);
            }
        }
        return new Registration(registrar, country, created, null);
    }

    private static String vcardText(JsonNode vcard, String name) {
        for (JsonNode property : vcard) {
            if (name.equals(property.path(0).asText())) {
                return property.path(3).asText(null);
            }
        }
        return null;
    }
}
