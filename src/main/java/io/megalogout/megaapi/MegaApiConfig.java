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

    /** Milliseconds to wait for the TCP connection, per attempt. */
    @WithDefault("2000")
    long connectTimeoutMs();

    /** Milliseconds without a byte from Mega-API after which an attempt is abandoned (an idle timeout, per attempt). */
    @WithDefault("10000")
    long readTimeoutMs();

    /**
     * Milliseconds one logout may take in all, every attempt and wait between attempts included. The door's own
     * deadline (on Lambda, the invocation's remaining time less {@code lambda.deadline-margin-ms}) shortens it.
     */
    @WithDefault("20000")
    long logoutTimeoutMs();

    /**
     * The largest answer body read from Mega-API, in bytes. A 2xx answer over it is refused as outside the contract (the
     * contract's answer is about a hundred bytes); an error answer is read up to it for its message.
     */
    @WithDefault("16384")
    int maxResponseBytes();

    /** Allow a plain {@code http://} base URL outside dev and test (the token would travel unencrypted). */
    @WithDefault("false")
    boolean allowPlainHttp();
}
