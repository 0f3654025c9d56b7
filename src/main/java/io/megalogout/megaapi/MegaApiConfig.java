package io.megalogout.megaapi;

import java.util.Optional;

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

    /**
     * The instance token, secret, when it is given directly ({@code MEGAAPI_TOKEN} or a file in the secrets directory).
     * No default: {@link MegaApiConfigCheck} stops start-up unless exactly one of this and {@link #tokenSecretId()} is
     * set, instead of calling unauthenticated.
     */
    Optional<BearerToken> token();

    /**
     * The ARN or name of the AWS Secrets Manager secret that holds the token, read through the AWS Parameters and Secrets
     * Lambda Extension ({@link SecretToken}).
     */
    Optional<String> tokenSecretId();

    /**
     * Milliseconds one read of the secret may take, waiting for the extension to start listening included. A read
     * during a logout also ends at the logout's deadline.
     */
    @WithDefault("3000")
    long tokenSecretTimeoutMs();

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
