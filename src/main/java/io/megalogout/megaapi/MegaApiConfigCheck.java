package io.megalogout.megaapi;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Set;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.ConfigurationException;

/**
 * Stops start-up on configuration that would send the token somewhere unsafe or malformed. Messages name the property,
 * never its value.
 */
@Singleton
class MegaApiConfigCheck {

    void onStart(@Observes StartupEvent event, MegaApiConfig config) {
        check(config, LaunchMode.current());
    }

    static void check(MegaApiConfig config, LaunchMode mode) {
        if (!config.token().isWellFormed()) {
            throw refused("megaapi.token", "is not a bearer token (RFC 6750: A-Z a-z 0-9 - . _ ~ + / then optional '='; "
                    + "no spaces or line breaks)");
        }
        positive("megaapi.connect-timeout-ms", config.connectTimeoutMs());
        positive("megaapi.read-timeout-ms", config.readTimeoutMs());
        positive("megaapi.logout-timeout-ms", config.logoutTimeoutMs());
        positive("megaapi.max-response-bytes", config.maxResponseBytes());
        URI url = parse(config.baseUrl());
        boolean https = "https".equalsIgnoreCase(url.getScheme());
        if (!https && !"http".equalsIgnoreCase(url.getScheme())) {
            throw refused("megaapi.base-url", "must be an https:// URL");
        }
        if (url.getHost() == null || url.getRawUserInfo() != null || url.getRawQuery() != null
                || url.getRawFragment() != null) {
            throw refused("megaapi.base-url", "must be scheme://host[:port][/path], without user info, query or fragment");
        }
        if (!https && !mode.isDevOrTest() && !config.allowPlainHttp()) {
            throw refused("megaapi.base-url", "is plain http:// and would send the token unencrypted; use https:// or set "
                    + "megaapi.allow-plain-http=true");
        }
    }

    private static void positive(String property, long value) {
        if (value <= 0) {
            throw refused(property, "must be greater than 0");
        }
    }

    private static URI parse(String baseUrl) {
        try {
            return new URI(baseUrl);
        } catch (URISyntaxException e) {
            throw refused("megaapi.base-url", "is not a valid URL");
        }
    }

    private static ConfigurationException refused(String property, String why) {
        return new ConfigurationException(property + " " + why, Set.of(property));
    }
}
