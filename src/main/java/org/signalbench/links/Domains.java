package org.signalbench.links;

import com.google.common.net.InternetDomainName;
import java.net.URI;
import java.util.Locale;

/**
 * Registrable domains by the public-suffix list (Guava's {@link InternetDomainName}), so
 * {@code shop.example.co.uk} is {@code example.co.uk} and a blog on a shared host with a private
 * suffix ({@code name.blogspot.com}) is a site of its own. Under the names reserved for examples
 * and tests (RFC 2606 and 6761: {@code .test}, {@code .example}, {@code .invalid}, {@code .localhost},
 * {@code example.com}, {@code .net}, {@code .org}) no registry says where a site begins, and they
 * stand in for real sites, shared hosts included ({@code name.blogsite.test} for a blog): each host,
 * without a leading {@code www.}, is a site of its own. Any other host under no listed suffix keeps
 * its last two labels; an IP address is itself.
 */
public final class Domains {
    private Domains() {
    }

    /** The host of a URL, lower case without a trailing dot; null when the URL has none. */
    public static String host(String url) {
        if (url == null || url.isBlank()) {
            return null;
        }
        String u = url.trim();
        if (u.matches("(?i)^[a-z][a-z0-9+.-]*:(?!//|\\d).*")) {
            return null; // mailto:, tel: and the like name no site
        }
        if (!u.matches("(?i)^[a-z][a-z0-9+.-]*://.*")) {
            u = "http://" + u;
        }
        try {
            String host = URI.create(u.replace(" ", "%20")).getHost();
            if (host == null) {
                return null;
            }
            host = host.toLowerCase(Locale.ROOT);
            return host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The registrable domain of a URL, or null when it has no host. */
    public static String registrable(String url) {
        String host = host(url);
        if (host == null) {
            return null;
        }
        if (host.matches("[0-9.]+") || host.contains(":")) {
            return host; // an IP address is its own site
        }
        if (reserved(host)) {
            return host.startsWith("www.") && host.indexOf('.', 4) > 0 ? host.substring(4) : host;
        }
        try {
            InternetDomainName name = InternetDomainName.from(host);
            if (name.isUnderPublicSuffix()) {
                return name.topPrivateDomain().toString();
            }
            if (name.isPublicSuffix()) {
                return host;
            }
        } catch (IllegalArgumentException e) {
            return host;
        }
        String[] labels = host.split("\\.");
        return labels.length <= 2 ? host : labels[labels.length - 2] + "." + labels[labels.length - 1];
    }

    private static final java.util.List<String> RESERVED_TOP_LEVEL = java.util.List.of("test", "example", "invalid", "localhost");
    private static final java.util.List<String> RESERVED_DOMAINS = java.util.List.of("example.com", "example.net", "example.org");

    /** A host under a name reserved for examples and tests (RFC 2606, RFC 6761). */
    static boolean reserved(String host) {
        String top = host.substring(host.lastIndexOf('.') + 1);
        return RESERVED_TOP_LEVEL.contains(top)
                || RESERVED_DOMAINS.stream().anyMatch(d -> host.equals(d) || host.endsWith("." + d));
    }
}
