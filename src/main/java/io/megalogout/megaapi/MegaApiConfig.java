package io.megalogout.megaapi;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Where Mega-API is and how to reach it. {@code application.properties} hands base URL and timeouts to the REST client
 * {@code quarkus.rest-client.megaapi.*}; {@link MegaApiConfigCheck} refuses unsafe values at start-up.
 */
@ConfigMapping(prefix = "megaapi")
public interface MegaApiConfig {

    /** The customer's Mega-API host, e.g. {@code https://apinocode01.megaapi.com.br}. No default: it is per customer. */
    String baseUrl();

    /** The instance token, secret. No default, so a missing token stops start-up instead of calling unauthenticated. */
    BearerToken token();

    /** Milliseconds to wait for the connection (TCP and TLS). */
    @WithDefault("2000")
    long connectTimeoutMs();

    /** Milliseconds to wait for Mega-API's answer once connected. */
    @WithDefault("10000")
    long readTimeoutMs();

    /** Allow a plain {@code http://} base URL outside dev and test (the token would travel unencrypted). */
    @WithDefault("false")
    boolean allowPlainHttp();
}
