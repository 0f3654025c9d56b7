package io.megalogout.megaapi.targets;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/**
 * The rules every Mega-API host must pass, the default one and each instance's own, wherever it is configured: a URL
 * {@code scheme://host[:port][/path]} without user info, query or fragment, and {@code https://} unless plain http is
 * allowed. Problems are phrased without the value, so that callers can name only where it came from.
 */
final class BaseUrls {

    private BaseUrls() {
    }

    /** What is wrong with {@code url}, if anything. */
    static Optional<String> problem(String url, boolean plainHttpAllowed) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return Optional.of("is not a valid URL");
        }
        boolean https = "https".equalsIgnoreCase(uri.getScheme());
        if (!https && !"http".equalsIgnoreCase(uri.getScheme())) {
            return Optional.of("must be an https:// URL");
        }
        if (uri.getHost() == null || uri.getRawUserInfo() != null || uri.getRawQuery() != null
                || uri.getRawFragment() != null) {
            return Optional.of("must be scheme://host[:port][/path], without user info, query or fragment");
        }
        if (!https && !plainHttpAllowed) {
            return Optional.of("is plain http:// and would send the token unencrypted; use https:// or set "
                    + "megaapi.allow-plain-http=true");
        }
        return Optional.empty();
    }

    /**
     * The host a base URL points at, {@code scheme://host[:port]} in lower case: what a circuit breaker is kept for, and
     * what messages name (a host is not secret, unlike a path prefix could be: it is left out).
     */
    static String host(URI baseUrl) {
        return (baseUrl.getScheme() + "://" + baseUrl.getRawAuthority()).toLowerCase(Locale.ROOT);
    }
}
