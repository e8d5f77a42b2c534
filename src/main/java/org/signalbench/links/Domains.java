package org.signalbench.links;

import com.google.common.net.InternetDomainName;
import java.net.URI;
import java.util.Locale;

/**
 * Registrable domains by the public-suffix list (Guava's {@link InternetDomainName}), so
 * {@code shop.example.co.uk} is {@code example.co.uk} and a blog on a shared host with a private
 * suffix ({@code name.blogspot.com}) is a site of its own. A host under no listed suffix (the
 * reserved {@code .test}, an IP address) keeps its last two labels, or itself.
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
}
