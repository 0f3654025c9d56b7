package io.megalogout.megaapi;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Set;
import java.util.regex.Pattern;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import io.megalogout.secrets.SecretsExtension;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.ConfigurationException;

/**
 * Stops start-up on configuration that would send the token somewhere unsafe or malformed. Messages name the property,
 * never its value.
 */
@Singleton
class MegaApiConfigCheck {

    static final String TOKEN = "megaapi.token";
    static final String SECRET_ID = "megaapi.token-secret-id";
    /** A Secrets Manager secret's name (letters, digits and {@code /_+=.@-}) or ARN (which adds {@code :}). */
    private static final Pattern SECRET = Pattern.compile("[A-Za-z0-9/_+=.@:-]{1,2048}");

    void onStart(@Observes StartupEvent event, MegaApiConfig config, SecretsExtension extension) {
        check(config, LaunchMode.current(), extension);
    }

    static void check(MegaApiConfig config, LaunchMode mode, SecretsExtension extension) {
        checkToken(config, extension);
        positive("megaapi.connect-timeout-ms", config.connectTimeoutMs());
        positive("megaapi.read-timeout-ms", config.readTimeoutMs());
        positive("megaapi.logout-timeout-ms", config.logoutTimeoutMs());
        positive("megaapi.max-response-bytes", config.maxResponseBytes());
        positive("megaapi.token-secret-timeout-ms", config.tokenSecretTimeoutMs());
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

    /** Exactly one source of the token; a configured token well-formed; a secret that the extension can be asked for. */
    private static void checkToken(MegaApiConfig config, SecretsExtension extension) {
        if (config.token().isPresent() == config.tokenSecretId().isPresent()) {
            throw config.token().isPresent()
                    ? new ConfigurationException(TOKEN + " and " + SECRET_ID + " are both set: set one of them",
                            Set.of(TOKEN, SECRET_ID))
                    : refused(TOKEN, "is required: set MEGAAPI_TOKEN (or a file " + TOKEN + " in the secrets directory), "
                            + "or MEGAAPI_TOKEN_SECRET_ID to read it from AWS Secrets Manager");
        }
        if (config.token().isPresent() && !config.token().get().isWellFormed()) {
            throw refused(TOKEN, "is not a bearer token (RFC 6750: A-Z a-z 0-9 - . _ ~ + / then optional '='; "
                    + "no spaces or line breaks)");
        }
        if (config.tokenSecretId().isPresent()) {
            if (!SECRET.matcher(config.tokenSecretId().get()).matches()) {
                throw refused(SECRET_ID, "is not a secret's ARN or name (A-Z a-z 0-9 / _ + = . @ - :)");
            }
            if (!extension.hasSessionToken()) {
                throw refused(SECRET_ID, "is set, but the session token that the extension on " + extension.address()
                        + " asks for is not: neither AWS_SESSION_TOKEN nor AWS_CONTAINER_CREDENTIALS_FULL_URI with "
                        + "AWS_CONTAINER_AUTHORIZATION_TOKEN (SnapStart) is set");
            }
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
